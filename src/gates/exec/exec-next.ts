/**
 * "NEXT" records for the exec gate helper (sandbox/exec-gate-next.c): when the broker allows
 * a gate client's request, the exec that carries it out (the shim's exec of the real
 * program) is described to the helper before the client is answered, so the helper lets
 * exactly that exec run without asking again.
 *
 *   NEXT <owner pid> <until> <dev> <ino> <ctime s> <ctime ns> <sha256 hex>
 *
 * `until`: when the record expires, in ms of the system's monotonic clock (CLOCK_MONOTONIC,
 * shared by this process and the helper; the helper reads records only when an exec comes).
 * The helper uses a record for the first exec by the owner or a child of it, once; it
 * allows only the same argv (sha256 of basename(argv[0]) NUL argv[1] NUL …, as its bytes
 * are in the process's memory) and the same file (device, inode and ctime as stat'ed here).
 * Anything else, and every record it never got, is asked as without records.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import type { Broker } from '../../approval/broker.js';
import type { ProgramIdentity } from './exec-gate.js';

/** How long the helper keeps a record, ms (the broker's own "may do this next" records last as long). */
export const NEXT_TTL_MS = 10_000;

/** Now, in ms of CLOCK_MONOTONIC (process.hrtime is that clock on Linux). */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint() / 1_000_000n);
}

/** The helper's argv hash: basename(argv[0]) NUL, then every further argument NUL-terminated. */
export function argvDigest(argv: string[]): string {
  const h = createHash('sha256');
  const a0 = argv[0] ?? '';
  h.update(a0.slice(a0.lastIndexOf('/') + 1));
  h.update('\0');
  for (let i = 1; i < argv.length; i++) {
    h.update(argv[i]);
    h.update('\0');
  }
  return h.digest('hex');
}

/**
 * The record line (with its newline) saying that process `pid` (as the helper sees pids), or
 * a child of it, may next exec `file` with `argv`; undefined when `file` cannot be stat'ed
 * (no record: that exec is asked as before).
 */
export function nextRecord(
  pid: number,
  argv: string[],
  file: string,
  ttlMs = NEXT_TTL_MS,
): string | undefined {
  if (!Number.isInteger(pid) || pid <= 0 || !argv.length) return undefined;
  let st;
  try {
    st = statSync(file, { bigint: true });
  } catch {
    return undefined;
  }
  if (!st.isFile()) return undefined;
  const s = st.ctimeNs / 1_000_000_000n;
  const ns = st.ctimeNs % 1_000_000_000n;
  const until = monotonicMs() + Math.max(0, Math.min(600_000, Math.round(ttlMs)));
  return `NEXT ${pid} ${until} ${st.dev} ${st.ino} ${s} ${ns} ${argvDigest(argv)}\n`;
}

/**
 * The exec the gate client `pid` will do next (`argv`, run as the installed program its name
 * is), pushed to the exec gate helper's connections before the client is answered. No helper
 * connected, a program not installed on the user's PATH, or a stat that fails: nothing is
 * pushed, and that exec is asked as before.
 */
export function pushNext(
  broker: Broker | undefined,
  ids: ProgramIdentity,
  pid: number,
  argv: string[],
): void {
  if (!broker?.persistent) return;
  const a0 = argv[0] ?? '';
  const file = ids.fileOf(a0.slice(a0.lastIndexOf('/') + 1));
  const line = file && nextRecord(pid, argv, file);
  if (line) broker.push(line);
}
