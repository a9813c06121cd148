/**
 * `systemd-tmpfiles --remove|--clean [opts] CONFIG…`: the config's lines (`TYPE PATH MODE
 * USER GROUP AGE ARG`) delete paths. With `--remove`, `R PATH` deletes the tree (globs
 * allowed), `r PATH` the file or empty folder, `D PATH` the folder's contents; with `--clean`,
 * a line with an age deletes what is older than it below its path (read like tmpwatch: a
 * recursive delete). Each is emitted as the `rm` it amounts to. The configs named are read
 * (written earlier in the script, else through ctx.readFile; `-` is stdin); without one,
 * the system's own configs are not read. A named config that cannot be read is unknown code.
 */
import { absPath } from './state.js';
import type { Field, Res } from './state.js';
import { emit, unknownCode, type K } from './emit.js';
import { scriptFile } from './shells.js';

/** systemd-tmpfiles' options that take the next word as their value. */
const VALUED = /^(--prefix|--exclude-prefix|-E|--root|--image|--image-policy|--replace|--graceful)$/;

const lit = (text: string): Field => ({ text, dynamic: false });

/** The `rm` argvs a config's lines amount to under `--remove` / `--clean`. */
export function tmpfilesDeletes(text: string, remove: boolean, clean: boolean): string[][] {
  const out: string[][] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (!f[0] || f[0].startsWith('#') || !f[1]) continue;
    const type = f[0].replace(/[!=+^~-]+$/, '');
    const age = f[5] ?? '-';
    if (remove && type === 'R') out.push(['rm', '-rf', '--', f[1]]);
    else if (remove && type === 'r') out.push(['rm', '-f', '--', f[1]]);
    else if (remove && type === 'D') out.push(['rm', '-rf', '--', `${f[1].replace(/\/+$/, '')}/*`]);
    else if (clean && age !== '-' && /^[dDeCvqQxX]$/.test(type)) out.push(['rm', '-rf', '--', f[1]]);
  }
  return out;
}

/** Runs the deletes `systemd-tmpfiles` makes; undefined = it deletes nothing read here. */
export function runTmpfiles(argv: Field[], k: K): Res | undefined {
  const args = argv.slice(1);
  const remove = args.some((a) => a.text === '--remove');
  const clean = args.some((a) => a.text === '--clean');
  if (!remove && !clean) return undefined;
  const configs: Field[] = [];
  for (let i = 0; i < args.length; i++) {
    if (VALUED.test(args[i].text)) i++;
    else if (args[i].text === '-' || !args[i].text.startsWith('-')) configs.push(args[i]);
  }
  const res = emit(argv, k);
  const inner = { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, 'systemd-tmpfiles'] } };
  for (const c of configs) {
    const text =
      c.text === '-'
        ? k.io.stdin?.text
        : c.dynamic
          ? undefined
          : scriptFile(c.text.includes('/') ? absPath(k.scope.cwd, c.text) : `/etc/tmpfiles.d/${c.text}`, k);
    // fail closed: a config named by a value not known statically, or that cannot be read
    if (text === undefined) {
      unknownCode(argv, k, 'systemd-tmpfiles', c.text);
      continue;
    }
    for (const rm of tmpfilesDeletes(text, remove, clean)) emit(rm.map(lit), inner);
  }
  return res;
}
