/**
 * Files a shell runs before its own script because the environment names them: bash
 * sources `$BASH_ENV` whenever it runs non-interactively (`bash -c`, `bash FILE`, `bash -s`);
 * sh, dash, ksh and their kin source `$ENV` when interactive (`sh -i`); zsh always sources
 * `$ZDOTDIR/.zshenv`, and `$ZDOTDIR/.zshrc` too when interactive (`zsh -i`). A value set on the command line or earlier in the script
 * (`BASH_ENV=./hook.sh bash -c true`) is the script that runs first; its text is read as a
 * sourced file is (written earlier in the script, else through ctx.readFile). Variables the
 * script does not set are the user's own environment and are not read here.
 */
import { cloneScope, type Res } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { scriptFile } from './shells.js';

/** Shells that source `$ENV` when interactive. */
const ENV_SHELLS = /^(sh|dash|ksh|mksh|ash|yash|posh|busybox-sh)$/;

/**
 * The variable naming the startup files `prog` reads, and the files under it, in the order
 * they run (`['']`: the value is the file itself); undefined = none.
 */
function startupVar(prog: string, interactive: boolean): { name: string; files: string[] } | undefined {
  if ((prog === 'bash' || prog === 'rbash') && !interactive) return { name: 'BASH_ENV', files: [''] };
  if (ENV_SHELLS.test(prog) && interactive) return { name: 'ENV', files: [''] };
  if (prog === 'zsh') return { name: 'ZDOTDIR', files: interactive ? ['/.zshenv', '/.zshrc'] : ['/.zshenv'] };
  return undefined;
}

/**
 * Runs the startup file the script's environment gives the shell `prog`, before the shell's
 * own code. `interactive`: the shell was started with `-i`.
 */
export function runStartupFile(prog: string, interactive: boolean, k: K): Res {
  const v = startupVar(prog, interactive);
  if (!v) return {};
  const label = `${prog} ${v.name}`;
  if (k.scope.dyn.has(v.name)) {
    // fail closed: a startup file named by a value not known statically (`BASH_ENV=<(…)`,
    // `BASH_ENV=$(mktemp)`) runs code that cannot be read.
    return emit([{ text: `$${v.name}`, dynamic: true }], k, { dynamic: true });
  }
  const value = k.scope.vars.get(v.name);
  if (value === undefined || value === '') return {};
  // `$ENV` undergoes parameter expansion; `~` is the home directory.
  const dir = value.startsWith('~/') ? k.run.ctx.home + value.slice(1) : value;
  let res: Res = {};
  for (const file of v.files) {
    const path = dir + file;
    const text = scriptFile(path, k);
    // A ZDOTDIR without a .zshenv or .zshrc adds nothing; a named BASH_ENV or ENV file that
    // cannot be read is unknown code (fail closed).
    if (text === undefined) {
      if (!file) res = emit([{ text: path, dynamic: true }], k, { dynamic: true });
    } else res = reparse(text, label, k, { scope: cloneScope(k.scope) });
  }
  return res;
}
