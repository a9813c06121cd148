/**
 * A short exclusive lock between processes that append to the same audit log (two
 * `agentfw run` sessions sharing the default log): `<log>.lock`, created with O_EXCL and
 * holding the owner's pid. Held only while the tail is read and one record written
 * (microseconds), so waiting is a bounded synchronous spin. A lock whose owner is dead is
 * taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { AgentfwError } from '../errors.js';

/** Longest wait for the lock, in ms; then the append fails (and the command is refused). */
export const LOCK_WAIT_MS = 2000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function ownerAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, 'utf8').trim());
  } catch {
    return true; // being created right now: wait for it
  }
  return pidAlive(pid);
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

/** Runs `fn` while holding `<file>.lock`. Throws E_AUDIT_LOCK when the lock cannot be had in time. */
export function withFileLock<T>(file: string, fn: () => T): T {
  const lock = file + '.lock';
  const deadline = Date.now() + LOCK_WAIT_MS;
  let fd: number | undefined;
  for (let spins = 0; fd === undefined; spins++) {
    try {
      fd = openSync(lock, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (spins > 20 && !ownerAlive(lock)) rmSync(lock, { force: true });
      // fail closed: no lock in time → no record → the command is refused by the caller
      else if (Date.now() > deadline)
        throw new AgentfwError(
          'E_AUDIT_LOCK',
          `the audit log lock ${lock} is held by another process for more than ${LOCK_WAIT_MS / 1000} s`,
          `remove ${lock} if no agentfw session is running, or use a separate log with --audit FILE`,
        );
      else Atomics.wait(sleeper, 0, 0, 1);
    }
  }
  try {
    writeSync(fd, String(process.pid));
    return fn();
  } finally {
    closeSync(fd);
    try {
      unlinkSync(lock); // one syscall (rmSync stats first): this runs before every audited command
    } catch {
      /* already taken over as stale */
    }
  }
}
