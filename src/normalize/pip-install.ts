/**
 * `pip install DIR` (also `-e DIR`, `pip wheel DIR`, `pip3`, `pipX.Y`) runs DIR/setup.py as
 * Python while it builds the package: the code a setup.py the script wrote earlier holds is
 * read as `python3 DIR/setup.py` would be. Reads the scope's files written so far; a
 * project's own setup.py already on disk is its dev environment (like plain `make`): not read.
 */
import { absPath, cloneScope, type Field, type Res } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';

/** Options of pip install/wheel that take a value (their value is not a package). */
const VALUE_OPTS =
  /^(?:-[rcitfd]|--requirement|--constraint|--index-url|--extra-index-url|--find-links|--target|--prefix|--root|--src|--upgrade-strategy|--platform|--python-version|--implementation|--abi|--config-settings|-C|--global-option|--build-option|--progress-bar|--report|--log|--cache-dir|--proxy|--cert|--client-cert|--trusted-host|--timeout|--retries|--exists-action|--wheel-dir|-w)$/;

/** The local directories `argv` (after `install`/`wheel`) installs: `.`, `./pkg`, `/tmp/x`, `-e DIR`. */
function localDirs(args: Field[]): Field[] {
  const out: Field[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.text === '-e' || a.text === '--editable') {
      if (args[i + 1]) out.push(args[++i]);
      continue;
    }
    if (VALUE_OPTS.test(a.text)) {
      i++;
      continue;
    }
    if (a.text.startsWith('-')) continue;
    if (a.dynamic || /^(?:\.{1,2}|~)?\//.test(a.text) || a.text === '.' || a.text === '..') out.push(a);
  }
  return out;
}

/** Runs the setup.py the script wrote in each directory `pip install` builds; undefined = none written. */
export function runPipInstall(argv: Field[], k: K): Res | undefined {
  const sub = argv.findIndex((a, i) => i > 0 && !a.text.startsWith('-'));
  if (sub < 0 || !/^(?:install|wheel|download)$/.test(argv[sub].text)) return undefined;
  const setups = localDirs(argv.slice(sub + 1))
    .filter((d) => !d.dynamic)
    .map((d) => `${absPath(k.scope.cwd, d.text).replace(/\/+$/, '')}/setup.py`)
    .filter((p) => k.scope.written.has(p));
  if (setups.length === 0) return undefined;
  const res = emit(argv, k);
  for (const path of setups)
    reparse(
      `python3 '${path.replace(/'/g, `'\\''`)}'`,
      `pip ${argv[sub].text} (setup.py)`,
      { ...k, io: { writes: [] } },
      {
        scope: cloneScope(k.scope),
      },
    );
  return res;
}
