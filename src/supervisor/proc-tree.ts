/** Process-tree reads through /proc for the approval memory (src/supervisor/approved.ts). */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

/** Whether /proc can be read here (without it, no approval is anchored on a process tree). */
export const HAS_PROC = (() => {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

/** The parent of `pid`; undefined when it is gone or unreadable. */
export function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[1]);
  } catch {
    return undefined;
  }
}

/** The argv of `pid`; empty when it is gone or unreadable. */
export function argvOf(pid: number): string[] {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.endsWith('\0') ? raw.slice(0, -1).split('\0') : raw ? raw.split('\0') : [];
  } catch {
    return [];
  }
}

/**
 * Whether process `pid` exists (a zombie counts, as for kill(pid, 0)). With /proc, one
 * stat that returns no error object: the approval memory asks this for each of its records
 * before every decision, and most of those processes are gone (a throw per dead pid).
 */
export function alive(pid: number): boolean {
  if (HAS_PROC && Number.isInteger(pid) && pid > 0) return existsSync(`/proc/${pid}`);
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `alive`, asked once per pid: one pass over many records of the same few processes
 * costs a lookup per process, not per record. For one pass only (a pid can end, or be
 * reused, between passes).
 */
export function aliveOnce(look: (pid: number) => boolean = alive): (pid: number) => boolean {
  const seen = new Map<number, boolean>();
  return (pid) => {
    let a = seen.get(pid);
    if (a === undefined) seen.set(pid, (a = look(pid)));
    return a;
  };
}

/** `pid`, then its parent, and so on up to 128 processes; stops below pid 1 or at one that cannot be read. */
function* ancestors(pid: number): Generator<number> {
  let p: number | undefined = pid;
  for (let i = 0; i < 128 && p && p > 1; i++, p = parentOf(p)) yield p;
}

/** True when `root` is `pid` or one of its ancestors. */
export function inTree(pid: number, root: number): boolean {
  for (const p of ancestors(pid)) if (p === root) return true;
  return false;
}

/**
 * `inTree(pid, root)` for many roots: the chain from `pid` up is read once, at the first
 * question about a root that runs (a gone root is in no live tree, and costs one stat
 * instead of a walk up the chain). For one pass only, like aliveOnce.
 */
export function inTreeOnce(pid: number, live: (pid: number) => boolean = alive): (root: number) => boolean {
  let chain: Set<number> | undefined;
  return (root) => {
    if (root === pid) return true;
    if (!live(root)) return false;
    chain ??= new Set(ancestors(pid));
    return chain.has(root);
  };
}

/**
 * Is `file` (absolute, as process `pid` sees it) a script (`#!`) unchanged since `since`?
 * A manager's own scripts are; the real tool (a binary) and anything written during the
 * session are not (they are judged). fail closed: unreadable = not.
 */
export function ownScript(pid: number, file: string, since: number): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(pid > 0 ? `/proc/${pid}/root${file}` : file, 'r');
    if (!(fstatSync(fd).ctimeMs < since)) return false;
    const b = Buffer.alloc(2);
    return readSync(fd, b, 0, 2, 0) === 2 && b.toString('latin1') === '#!';
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Is `file` (absolute, as process `pid` sees it) unchanged since `since` (epoch ms)? fail closed: unreadable = no. */
export function unchangedSince(pid: number, file: string, since: number): boolean {
  try {
    return statSync(pid > 0 ? `/proc/${pid}/root${file}` : file).ctimeMs < since;
  } catch {
    return false;
  }
}
