/**
 * Tool-version managers and project environments that run one command with the project's
 * tools on PATH, read as wrappers (wrappers.ts) so the command is read as itself:
 * - `mise x|exec [opts] [TOOL@VERSION…] -- CMD…` (also `rtx`, mise's former name);
 *   `mise x -c 'CMD'` hands a shell line to the shell;
 * - `asdf exec CMD…`;
 * - `uv run`, `poetry run`, `pdm run`, `pipenv run`, `hatch run`, `rye run` and
 *   `bundle exec` `[opts] [--] CMD…`; a Python file in the command's place runs under
 *   Python (`uv run del.py` = `python del.py`), and `uv run -m MOD` is `python -m MOD`.
 * - Haskell's `stack exec [opts] [--] CMD…`, and `stack runghc|runhaskell [opts] [--] FILE…`
 *   read as `runghc FILE…`.
 * A task name in the command's place (`pdm run test`) is read as a command of that name:
 * the project's own task, which runs nothing read here. Reads only its own argv.
 */
import { getopt } from './options.js';
import { lit, type Field } from './state.js';
import type { Peel, Peeler } from './wrappers.js';
import { subcommandRun, type RunSpec } from './dev-envs.js';
import { uvToolRun } from './py-tool-runners.js';

/** `mise|rtx [global opts] x|exec [opts] [TOOL@VERSION…] [--] CMD…`. */
const mise =
  (tool: string): Peeler =>
  (args) => {
    const g = getopt(args, { short: 'CEj', long: ['cd', 'env', 'jobs', 'log-level'] });
    const sub = args[g.index];
    if (!sub || sub.dynamic || !/^(x|exec)$/.test(sub.text)) return undefined;
    const label = `${tool} ${sub.text}`;
    const rest = args.slice(g.index + 1);
    const dd = rest.findIndex((f) => f.text === '--');
    const head = dd >= 0 ? rest.slice(0, dd) : rest;
    const p = getopt(head, { short: 'cCEj', long: ['command', 'cd', 'env', 'jobs'] });
    const command = p.opts.get('c') ?? p.opts.get('command');
    if (command !== undefined)
      return { label: `${label} -c`, argv: [], script: { text: command, dynamic: p.dynamic } };
    if (dd >= 0) return { label, argv: rest.slice(dd + 1) };
    // Without `--` the words are tools to install (`node@20`); a word that names no version
    // is read as the command (a tool's name alone then runs it: harmless).
    const cmd = head.slice(p.index).findIndex((f) => !f.text.includes('@'));
    return { label, argv: cmd >= 0 ? head.slice(p.index + cmd) : [] };
  };

/** Options of the Python project runners that take a value (`uv run --with PKG`, `pdm run -p DIR`). */
const PY_RUN: RunSpec = {
  subs: /^run$/,
  short: 'pPifCe',
  long: [
    'with',
    'with-editable',
    'with-requirements',
    'python',
    'project',
    'directory',
    'package',
    'extra',
    'group',
    'only-group',
    'no-group',
    'env-file',
    'index',
    'default-index',
    'index-url',
    'extra-index-url',
    'find-links',
    'config-file',
    'cache-dir',
    'upgrade-package',
    'reinstall-package',
    'refresh-package',
    'python-preference',
    'resolution',
    'prerelease',
    'exclude-newer',
    'color',
    'link-mode',
    'keyring-provider',
    'venv',
    'skip',
  ],
  cwd: 'directory',
};

/** A Python runner's command (`rest`: its words from the subcommand): a `.py` file or `-m MOD` runs under Python. */
function python(peel: Peel | undefined, rest: Field[]): Peel | undefined {
  if (!peel || peel.argv.length === 0) return peel;
  if (rest[rest.length - peel.argv.length - 1]?.text === '-m')
    return { ...peel, argv: [lit('python'), lit('-m'), ...peel.argv] };
  if (/\.py$/.test(peel.argv[0].text)) return { ...peel, argv: [lit('python'), ...peel.argv] };
  return peel;
}

const pyRunner =
  (tool: string, spec: RunSpec = PY_RUN): Peeler =>
  (args) => {
    // global options before the subcommand (`poetry -C DIR run`, `hatch -e ENV run`)
    const g = getopt(args, { short: 'Ce', long: ['directory', 'project', 'env'] });
    const rest = args.slice(g.index);
    return python(subcommandRun(tool, spec)(rest), rest);
  };

/** `stack`'s run subcommands and their options that take a value (`--package PKG`). */
const STACK_RUN: RunSpec = {
  subs: /^(exec|runghc|runhaskell)$/,
  short: '',
  long: [
    'package',
    'resolver',
    'ghc-options',
    'rts-options',
    'cwd',
    'stack-yaml',
    'compiler',
    'ghc-package-path',
  ],
};

/** `stack [global opts] exec|runghc|runhaskell …` (global options that take a value skipped). */
const stack: Peeler = (args) => {
  const g = getopt(args, { short: '', long: ['resolver', 'stack-yaml', 'work-dir', 'compiler', 'arch'] });
  const rest = args.slice(g.index);
  const peel = subcommandRun('stack', STACK_RUN)(rest);
  if (!peel || rest[0].text === 'exec' || peel.argv.length === 0) return peel;
  return { ...peel, argv: [lit(rest[0].text), ...peel.argv] };
};

/** Tool-environment wrappers → their peelers (the command run with the environment set). */
export const TOOL_ENVS: Record<string, Peeler> = {
  mise: mise('mise'),
  rtx: mise('rtx'),
  asdf: (args) => (args[0]?.text === 'exec' ? { label: 'asdf exec', argv: args.slice(1) } : undefined),
  // `uv tool run|x` fetches a tool as uvx does (py-tool-runners.ts); `uv run` runs in the project
  uv: (args) => uvToolRun(args) ?? pyRunner('uv')(args),
  poetry: pyRunner('poetry'),
  pdm: pyRunner('pdm'),
  pipenv: pyRunner('pipenv'),
  hatch: pyRunner('hatch'),
  rye: pyRunner('rye'),
  bundle: subcommandRun('bundle', { subs: /^exec$/, short: '', long: ['gemfile'] }),
  stack,
};
