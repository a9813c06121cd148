/**
 * A session's end: everything the session started is stopped, in this order: the terminal
 * (TUI or passthrough), the cleanups (signal handlers first), the watch socket, the gate
 * (broker, proxy, audit log, runtime dir), the held signals, then the audit export.
 */
import type { AuditExport } from '../audit/export/index.js';
import type { SessionUi } from '../approval/types.js';
import type { WatchServer } from '../approval/watch-server.js';
import type { Gate } from './gate.js';
import type { Passthrough } from './passthrough.js';

export interface SessionParts {
  /** Undefined = none was started (the TUI runs, or the agent never started). */
  passthrough?: Passthrough;
  /** Undefined = no TUI runs. */
  ui?: SessionUi;
  /** Run in order. Empty = nothing beyond the parts named here. */
  cleanups: (() => void)[];
  /** Undefined = the watch socket never started. */
  watch?: WatchServer;
  gate: Gate;
  /** Undoes holdSignals (watchdog-session.ts): SIGUSR1 gets its default action back. */
  releaseSignals: () => void;
  /** Undefined = no audit export. */
  auditExport?: AuditExport;
}

/** Stops every part; a gate or export that fails to close throws (after the parts before it stopped). */
export async function endSession(p: SessionParts): Promise<void> {
  p.passthrough?.stop();
  p.ui?.stop();
  for (const c of p.cleanups) c();
  await p.watch?.close().catch(() => undefined);
  await p.gate.close();
  p.releaseSignals();
  await p.auditExport?.close();
}
