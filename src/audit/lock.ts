/**
 * A short exclusive lock between processes that append to the same audit log (two
 * `agentfw run` sessions sharing the default log). Held only while the tail is read and one
 * record written (microseconds), so waiting is a bounded synchronous spin; fail closed: no
 * lock in time → E_AUDIT_LOCK → no record → the caller refuses the command.
 *
 * Two protocols, each checking for the other:
 * - **flock** (with the addon, src/audit/flock.ts): flock(2) on `<log>.flock`, a file kept
 *   open and never removed. The kernel drops the lock when its holder dies. Once held, the
 *   path must still name the locked file (else it was removed or replaced and the others now
 *   lock another: retry on it), and no `<log>.lock` of the other protocol may be there.
 * - **lock file** (without the addon, and in earlier builds): `<log>.lock`, created with
 *   O_EXCL and holding the owner's pid, removed after the record; a lock whose owner is dead
 *   is taken over. Once created, no flock may be held on `<log>.flock` (/proc/locks).
 * Each side first takes its own lock and then looks for the other's, so two writers of
 * different protocols can both back off but never both go on. Earlier builds do not look
 * for the flock: a session of such a build sharing a log with this one can (rarely) write
 * a record beside another, which `agentfw log --verify` reports as a broken chain.
 *
 * Why two: the lock file costs two directory changes per record (≈ 0.12 ms on ext4 beside
 * the log's fsyncs, twice per audited command); a flock a few µs.
 */
import {
  closeSync,
  constants as fsc,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { AgentfwError } from '../errors.js';
import { nativeFlock, type Flock } from './flock.js';

/** Longest wait for the lock, in ms; then the append fails (and the command is refused). */
export const LOCK_WAIT_MS = 2000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Sleeps 1–2 ms (the jitter keeps two writers that both backed off from meeting again). */
const nap = () => Atomics.wait(sleeper, 0, 0, 1 + Math.random());

function timedOut(lock: string): AgentfwError {
  return new AgentfwError(
    'E_AUDIT_LOCK',
    `the audit log lock ${lock} is held by another process for more than ${LOCK_WAIT_MS / 1000} s`,
    `remove ${lock} if no agentfw session is running, or use a separate log with --audit FILE`,
  );
}

/** How long a lock file may stay empty (its owner between creating it and writing its pid), in ms. */
const EMPTY_LOCK_MS = 1000;

function ownerAlive(lock: string): boolean {
  let text: string;
  try {
    text = readFileSync(lock, 'utf8').trim();
  } catch {
    return true; // being created right now: wait for it
  }
  // Created, its pid not yet written: alive, unless it stayed so (an owner that died there).
  if (!text) return Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0) < EMPTY_LOCK_MS;
  return pidAlive(Number(text));
}

/** True when a process `pid` exists (also one of another user); false for a pid that is not a positive integer. */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `fn` while holding the lock of `file`. Throws E_AUDIT_LOCK when the lock cannot be
 * had in time. `flock`: the addon (default: loaded once); null = the lock-file protocol.
 */
export function withFileLock<T>(file: string, fn: () => T, flock: Flock | null = nativeFlock()): T {
  return flock ? withFlock(file, fn, flock) : withLockFile(file, fn);
}

/**
 * The file the flock protocol locks for the log `file`. An agent that could open it (even
 * read-only) could hold the lock and stop every audited command (fail closed, but a denial
 * of service), so the sandbox hides it (src/supervisor/sandbox.ts).
 */
export function flockPath(file: string): string {
  return file + '.flock';
}

/** `<log>.flock` descriptors of this process, by log path: opened once, kept. */
const flockFds = new Map<string, number>();

function flockFd(file: string): number {
  let fd = flockFds.get(file);
  if (fd === undefined) {
    fd = openSync(flockPath(file), fsc.O_RDWR | fsc.O_CREAT | fsc.O_NOFOLLOW, 0o600);
    flockFds.set(file, fd);
  }
  return fd;
}

function dropFlockFd(file: string): void {
  const fd = flockFds.get(file);
  flockFds.delete(file);
  if (fd !== undefined) closeSync(fd);
}

/** True when `path` still names the open file `fd` (not removed, not replaced). */
function stillNamed(fd: number, path: string): boolean {
  const now = statSync(path, { throwIfNoEntry: false });
  if (!now) return false;
  const open = fstatSync(fd);
  return now.ino === open.ino && now.dev === open.dev;
}

/** The lock-file protocol's lock for the log `file`. */
const lockFilePath = (file: string): string => file + '.lock';

/** Removes `lock` when its owner is dead, once a writer has waited 20 rounds for it. */
function clearStale(lock: string, spins: number): void {
  if (spins > 20 && !ownerAlive(lock)) rmSync(lock, { force: true });
}

/** True while a writer of the lock-file protocol is inside (a dead owner's lock is removed). */
function lockFileHeld(lock: string, spins: number): boolean {
  if (!existsSync(lock)) return false;
  clearStale(lock, spins);
  return true;
}

function withFlock<T>(file: string, fn: () => T, f: Flock): T {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let spins = 0; ; spins++) {
    const fd = flockFd(file);
    const rc = f.flock(fd, f.LOCK_EX | f.LOCK_NB);
    if (rc !== 0 && rc !== f.EWOULDBLOCK) {
      // A file system without flock (ENOLCK, EOPNOTSUPP): the lock-file protocol, which the
      // flock writers of other sessions still see.
      return withLockFile(file, fn);
    }
    if (rc === 0) {
      // Not when removed or replaced since we opened it (the others lock the file now so
      // named: reopened next round), nor while a writer of the lock-file protocol is inside.
      let named: boolean;
      try {
        named = stillNamed(fd, flockPath(file));
        if (named && !lockFileHeld(lockFilePath(file), spins)) return fn();
      } finally {
        f.flock(fd, f.LOCK_UN);
      }
      if (!named) dropFlockFd(file);
    }
    if (Date.now() > deadline) throw timedOut(flockPath(file));
    nap();
  }
}

/**
 * True when a flock is held on `flockFile` by any process (/proc/locks lists every flock
 * with its file's device and inode). Unreadable (not Linux) → false: there the flock
 * protocol needs the addon, whose build needs the same compiler as the gate client.
 */
function flockHeld(flockFile: string): boolean {
  const st = statSync(flockFile, { throwIfNoEntry: false });
  if (!st) return false;
  let text: string;
  try {
    text = readFileSync('/proc/locks', 'latin1');
  } catch {
    return false;
  }
  // "MAJ:MIN:INODE", major and minor in hex (the kernel's "%02x:%02x:%lu").
  const major = (st.dev >> 8) & 0xfff;
  const minor = (st.dev & 0xff) | ((st.dev >> 12) & 0xfff00);
  const id = new RegExp(`^0*${major.toString(16)}:0*${minor.toString(16)}:${st.ino}$`, 'i');
  for (const line of text.split('\n')) {
    const w = line.trim().split(/\s+/);
    const at = w.indexOf('FLOCK');
    // "N: FLOCK ADVISORY WRITE PID MAJ:MIN:INODE START END"; a "->" line is a waiter.
    if (at >= 0 && !w.includes('->') && id.test(w[at + 4] ?? '')) return true;
  }
  return false;
}

function withLockFile<T>(file: string, fn: () => T): T {
  const lock = lockFilePath(file);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let spins = 0; ; spins++) {
    let fd: number | undefined;
    try {
      fd = openSync(lock, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      clearStale(lock, spins);
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, String(process.pid));
        if (!flockHeld(flockPath(file))) return fn();
      } finally {
        closeSync(fd);
        try {
          unlinkSync(lock); // one syscall (rmSync stats first)
        } catch {
          /* already taken over as stale */
        }
      }
    }
    // fail closed: no lock in time → no record → the command is refused by the caller
    if (Date.now() > deadline) throw timedOut(lock);
    nap();
  }
}
