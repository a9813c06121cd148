/**
 * Runners of every program in a folder or a file list: `run-parts [opts] DIR` (Debian's,
 * busybox's and the cron package's), `find DIR … -exec {} ;` (each file found run as the
 * program), and a program named by a glob (`/tmp/hooks.d/*`, the shell's `for f in DIR/*; do
 * "$f"; done` leaves the pattern as the program). The files this script wrote into the folder
 * (or that match the glob) are what runs: each is run by path as the kernel would, so a script
 * written there earlier is analysed exactly like `./FILE`. Files on disk that this script did
 * not write are the system's or the project's own programs (`run-parts /etc/cron.daily`): not
 * read here. `run-parts --test|--list` only prints the names.
 */
import { absPath, lit } from './state.js';
import type { Field, Res } from './state.js';
import { emit, unknownCode, type K } from './emit.js';

/** run-parts options that take a value as the next word (`--arg X`, `-a X`, `-u 022`). */
const RUN_PARTS_VALUE = /^(-a|-u|--arg|--umask|--regex)$/;
/** Glob characters of a path pattern. */
const GLOB = /[*?[]/;
/** Most files of one folder run. */
const MAX_FILES = 64;

/** The files this script wrote directly in `dir` (absolute), sorted as run-parts runs them; empty = none. */
export function writtenIn(dir: string, k: K): string[] {
  const prefix = `${dir.replace(/\/+$/, '')}/`;
  return [...k.scope.written]
    .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
    .sort()
    .slice(0, MAX_FILES);
}

/** A glob pattern as a regular expression over absolute paths (`*` and `?` stay in one path segment). */
function globRe(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * Runs each of `files` (absolute paths) with `args`, under `label`, through `dispatch` (the
 * carrier dispatcher, passed in so this module does not import it back). Returns the last result.
 */
function runEach(
  files: string[],
  args: Field[],
  label: string,
  k: K,
  dispatch: (argv: Field[], k: K) => Res,
): Res {
  const inner: K = { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, label] } };
  let res: Res = {};
  for (const f of files) res = dispatch([lit(f), ...args], inner);
  return res;
}

/** `run-parts [opts] DIR`: every program in DIR, with the `--arg` values as arguments. */
export function runParts(argv: Field[], k: K, dispatch: (argv: Field[], k: K) => Res): Res {
  const args: Field[] = [];
  let dir: Field | undefined;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    // only prints what would run
    if (/^(--test|--list|-t|--help|--version|-V)$/.test(t)) return emit(argv, k);
    if (RUN_PARTS_VALUE.test(t)) {
      if (/^(-a|--arg)$/.test(t) && argv[i + 1]) args.push(argv[i + 1]);
      i++;
    } else if (t.startsWith('--arg=')) args.push({ ...argv[i], text: t.slice(6) });
    else if (t === '--') {
      dir = argv[i + 1];
      break;
    } else if (!t.startsWith('-') || argv[i].dynamic) {
      dir = argv[i];
      break;
    }
  }
  if (!dir) return emit(argv, k);
  // fail closed: a folder not known statically may hold what this script wrote
  if (dir.dynamic) return unknownCode(argv, k, 'run-parts', dir.text);
  const res = emit(argv, k);
  const files = writtenIn(absPath(k.scope.cwd, dir.text), k);
  return files.length ? runEach(files, args, `run-parts ${dir.text}`, k, dispatch) : res;
}

/**
 * A program named by a glob that matches files this script wrote: each runs, in order, with
 * the same arguments. Undefined = not a glob, or it matches none of them.
 */
export function runGlobProgram(argv: Field[], k: K, dispatch: (argv: Field[], k: K) => Res): Res | undefined {
  const head = argv[0];
  if (head.dynamic || !GLOB.test(head.text) || !head.text.includes('/')) return undefined;
  const re = globRe(absPath(k.scope.cwd, head.text));
  const files = [...k.scope.written]
    .filter((p) => re.test(p))
    .sort()
    .slice(0, MAX_FILES);
  return files.length ? runEach(files, argv.slice(1), head.text, k, dispatch) : undefined;
}

/**
 * `find ROOT… -exec {} ARGS ;` (and -execdir, -ok): each file found under a root runs as the
 * program. Runs the files this script wrote under each root; undefined = `cmd` does not run
 * the found file itself.
 */
export function runFound(
  roots: Field[],
  cmd: Field[],
  label: string,
  k: K,
  dispatch: (argv: Field[], k: K) => Res,
): Res | undefined {
  if (cmd[0]?.text !== '{}' && !/^\.\/\{\}$/.test(cmd[0]?.text ?? '')) return undefined;
  const files: string[] = [];
  for (const root of roots) {
    // fail closed: a root not known statically may hold what this script wrote
    if (root.dynamic) return unknownCode(cmd, k, label, root.text);
    const abs = absPath(k.scope.cwd, root.text).replace(/\/+$/, '');
    files.push(...[...k.scope.written].filter((p) => p.startsWith(`${abs}/`)));
  }
  return files.length
    ? runEach(files.sort().slice(0, MAX_FILES), cmd.slice(1), label, k, dispatch)
    : undefined;
}
