/**
 * Whether a gate request came from the session's gate client, so that no other process of
 * the user can write arbitrary records (or ask for arbitrary decisions) through gate.sock.
 * The request names its subject pid: the client itself (it execs the program after the
 * answer), or, for the BASH_ENV and per-line gates, the bash that runs the client as its
 * child. Linux /proc only; elsewhere (no /proc) nothing is checked.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../gates/shim/client-path.js';
import type { GateRequest } from '../gates/protocol.js';

const FALLBACK = path.join(PACKAGE_ROOT, 'dist', 'gates', 'shim', 'fallback-client.js');

/** Identity of the client binary (dev/inode: the guard shims hard-link the same file). */
export interface ClientId {
  dev: number;
  ino: number;
}

export function clientId(file: string): ClientId {
  const st = statSync(file);
  return { dev: st.dev, ino: st.ino };
}

/** Whether this system has /proc (checked once: every request asks). */
const HAS_PROC = existsSync('/proc/self/exe');

/** Identity of this Node binary, the Node fallback client's; undefined until first needed. */
let nodeId: ClientId | undefined;

/** Whether process `pid` runs the compiled client, or the Node fallback client (`node …/shim/fallback-client.js`). */
export function isClient(pid: number, id: ClientId): boolean {
  try {
    const st = statSync(`/proc/${pid}/exe`);
    if (st.dev === id.dev && st.ino === id.ino) return true;
    // Only a Node process can be the fallback client: its command line is read only then.
    nodeId ??= clientId(process.execPath);
    if (st.dev !== nodeId.dev || st.ino !== nodeId.ino) return false;
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[1] === FALLBACK;
  } catch {
    return false;
  }
}

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Where a request came from: `why` '' = the client; `self` = the client is the request's subject (it execs the program next). */
export interface Origin {
  /** '' when the request came from the client; otherwise why it is refused. */
  why: string;
  /** True when the named process is the client itself (not the bash of a BASH_ENV / per-line gate); false where unknown (no /proc). */
  self: boolean;
}

/** Where request `req` came from (see Origin). */
export function originOf(req: GateRequest, id: ClientId): Origin {
  if (!HAS_PROC) return { why: '', self: false };
  if (!Number.isInteger(req.pid) || req.pid <= 0) return { why: 'it names no process', self: false };
  if (isClient(req.pid, id)) return { why: '', self: true };
  // fail closed: only the BASH_ENV / per-line gates name another process, their bash, and
  // then the client is that bash's child.
  if (req.layer === 'shell' && children(req.pid).some((c) => isClient(c, id)))
    return { why: '', self: false };
  return { why: 'it did not come from the gate client of this session', self: false };
}
