/**
 * Python package runners that fetch a package into a throw-away environment and run one of
 * its commands, as npx does for Node: `pipx run [opts] [--spec SPEC] APP ARGS…`, `uvx [opts]
 * [--from SPEC] TOOL ARGS…` and `uv tool run|x …` (uvx's long form). APP runs as itself, its
 * version not part of its name (`pipx run black==24.1 .` runs black, `uvx ruff@0.5 check`
 * runs ruff); a `.py` file or script URL in APP's place runs under Python. Reads only its own argv.
 */
import { getopt, type OptSpec } from './options.js';
import type { Field } from './state.js';
import type { Peel, Peeler } from './wrappers.js';

/** `pipx run`'s options that take a value (`--spec httpie`, `--python 3.12`). */
const PIPX_RUN: OptSpec = { short: 'i', long: ['spec', 'python', 'pip-args', 'index-url', 'backend'] };

/** `uvx` / `uv tool run`'s options that take a value (`--from httpie`, `-p 3.12`, `--with rich`). */
const UVX: OptSpec = {
  short: 'pwicfPbC',
  long: [
    'from',
    'with',
    'with-editable',
    'with-requirements',
    'constraints',
    'overrides',
    'build-constraints',
    'python',
    'index',
    'default-index',
    'index-url',
    'extra-index-url',
    'find-links',
    'index-strategy',
    'keyring-provider',
    'resolution',
    'prerelease',
    'fork-strategy',
    'exclude-newer',
    'exclude-newer-package',
    'link-mode',
    'config-setting',
    'config-settings-package',
    'no-build-isolation-package',
    'no-binary-package',
    'no-build-package',
    'upgrade-package',
    'reinstall-package',
    'refresh-package',
    'allow-insecure-host',
    'python-preference',
    'python-platform',
    'torch-backend',
    'env-file',
    'directory',
    'project',
    'config-file',
    'cache-dir',
    'color',
  ],
};

/** The command a package requirement runs (`black==24.1` → `black`, `ruff@0.5` → `ruff`, `httpie[socks]` → `httpie`). */
function appName(f: Field): Field {
  return { ...f, text: f.text.replace(/^([A-Za-z0-9._-]+?)\s*(?:\[[^\]]*\])?\s*(?:[=<>!~@].*)?$/, '$1') };
}

/** `[opts] [--] APP ARGS…` after the runner word(s), under `label`. */
function toolRun(label: string, args: Field[], spec: OptSpec): Peel | undefined {
  const p = getopt(args, spec);
  const rest = args.slice(p.index);
  if (rest.length === 0) return undefined;
  const app = rest[0];
  // fail closed: an app not known statically is handed on as the command, read as a dynamic one
  if (app.dynamic) return { label, argv: rest };
  // a script (a local `.py` file or a URL to one) runs under Python
  if (/\.py$|^https?:\/\//.test(app.text))
    return { label, argv: [{ text: 'python', dynamic: false }, ...rest] };
  return { label, argv: [appName(app), ...rest.slice(1)] };
}

/** `pipx [--verbose|--quiet] run …`; pipx's other subcommands (install, list …) launch nothing. */
const pipx: Peeler = (args) => {
  const g = getopt(args, {});
  const sub = args[g.index];
  return sub && !sub.dynamic && sub.text === 'run'
    ? toolRun('pipx run', args.slice(g.index + 1), PIPX_RUN)
    : undefined;
};

/** `uv tool run|x …` (the caller reads uv's other subcommands). */
export const uvToolRun: Peeler = (args) =>
  args[0]?.text === 'tool' && /^(run|x)$/.test(args[1]?.text ?? '')
    ? toolRun(`uv tool ${args[1].text}`, args.slice(2), UVX)
    : undefined;

/** Python tool runners → their peelers (the tool they run). */
export const PY_TOOL_RUNNERS: Record<string, Peeler> = {
  pipx,
  uvx: (args) => toolRun('uvx', args, UVX),
};
