/**
 * Programs this script wrote into a folder on PATH and then runs by bare name: `printf … >
 * ~/bin/tidy && PATH=~/bin:$PATH tidy`, and git's external subcommands (`git NAME` runs
 * `git-NAME` found on PATH: `… > ~/bin/git-sync && git sync`). The file is run as the script
 * it is (scripts.ts runPathScript), as if named by its path.
 *
 * A folder counts as on PATH when the command's PATH (a prefix assignment or an earlier
 * `export PATH=…`) names it, when that PATH is not known statically (`PATH=/opt/t:$PATH`:
 * fail closed, any folder), or when it is one of the folders on a user's PATH by default
 * (~/bin, ~/.local/bin, /usr/local/bin, /usr/local/sbin, /usr/bin, /bin). Pure.
 */
import { posix } from 'node:path';
import { absPath, type Field, type Res } from './state.js';
import type { K } from './emit.js';
import { runPathScript } from './scripts.js';
import { parseGitGlobal } from './git-options.js';

/** Folders on a user's PATH by default (`~` = home). */
const DEFAULT_DIRS = ['~/bin', '~/.local/bin', '/usr/local/bin', '/usr/local/sbin', '/usr/bin', '/bin'];

/** The folders the command's PATH names (absolute), the default ones included. */
function pathDirs(k: K): Set<string> {
  const home = k.run.ctx.home;
  const path = k.scope.vars.get('PATH') ?? '';
  const dirs = [...DEFAULT_DIRS, ...path.split(':')].filter((d) => d !== '');
  return new Set(dirs.map((d) => absPath(k.scope.cwd, d.replace(/^~(?=\/|$)/, home))));
}

/** The file this script wrote that bare program `name` finds on PATH; undefined = none. */
export function writtenOnPath(name: string, k: K): string | undefined {
  if (name === '' || name.includes('/')) return undefined;
  let dirs: Set<string> | undefined;
  for (const file of k.scope.written) {
    if (posix.basename(file) !== name) continue;
    // fail closed: a PATH set to a value not known here (`PATH=/opt/t:$PATH`) may hold any folder
    if (k.scope.dyn.has('PATH')) return file;
    dirs ??= pathDirs(k);
    if (dirs.has(posix.dirname(file))) return file;
  }
  return undefined;
}

/**
 * Runs `argv` as the script this script wrote on PATH under its program's name, or for
 * `git [opts] NAME ARGS…` under `git-NAME` (git runs it with ARGS); undefined = none written.
 */
export function runWrittenOnPath(
  argv: Field[],
  k: K,
  dispatch: (argv: Field[], k: K) => Res,
): Res | undefined {
  const head = argv[0];
  if (head.dynamic) return undefined;
  const prog = head.text;
  let file = writtenOnPath(prog, k);
  let args = argv.slice(1);
  if (!file && prog === 'git') {
    const at = parseGitGlobal(argv.map((f) => f.text)).subIndex;
    if (at < 0 || argv[at].dynamic) return undefined;
    file = writtenOnPath(`git-${argv[at].text}`, k);
    args = argv.slice(at + 1);
  }
  if (!file) return undefined;
  return runPathScript([{ text: file, dynamic: false }, ...args], k, dispatch);
}
