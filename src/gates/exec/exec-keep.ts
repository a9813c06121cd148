/**
 * Kept allows of the exec gate helper (sandbox/exec-gate-keep.c), the supervisor's side.
 *
 * An exec allowed by policy from the request alone (its installed path, argv and working
 * directory; src/supervisor/decide.ts) carries its audit record's template in the answer
 * (`KEEP`, GateReply.keep). The helper then allows the same exec again by itself, appending
 * that record (stamped, chained and signed) to the log before it answers: no round trip.
 * It does so only while this process renews a short lease on the helper's connection:
 *
 *   LIVE <until>   kept allows count until then (ms of CLOCK_MONOTONIC, read at each exec)
 *   FLUSH          forget every kept allow (the session is locked down)
 *
 * So a stopped or frozen supervisor stops them within KEEP_LEASE_MS, and everything is asked
 * again (and refused, with no answer). The records the helper wrote reach the exports, the
 * event stream, the fsync and the head file through AuditWriter.takeForeign, called with
 * each renewal.
 */
import type { Broker } from '../../approval/broker.js';
import type { AuditWriter } from '../../audit/writer.js';
import { foreignEvent, type EventHub } from '../../supervisor/events.js';
import { monotonicMs } from './exec-next.js';

/** How long one lease lasts, ms. */
export const KEEP_LEASE_MS = 1000;
/** How often the lease is renewed (and the helper's records taken from the log), ms. */
export const KEEP_RENEW_MS = 250;

/** The lease line, valid for KEEP_LEASE_MS from now. */
export function leaseLine(now = monotonicMs()): string {
  return `LIVE ${now + KEEP_LEASE_MS}\n`;
}

/** Where control lines go: the helpers' connections (the broker) and the shim's keeper. */
export interface KeepTarget {
  push(line: string): void;
}

/** Tells every helper and keeper to forget what it kept (fail closed: asked again from now on). */
export function flushKept(...targets: (KeepTarget | undefined)[]): void {
  for (const t of targets) t?.push('FLUSH\n');
}

/**
 * Renews the lease on the helpers' connections (and the shim's keeper, src/gates/shim/shim-keep.ts)
 * every KEEP_RENEW_MS and runs `each` (taking their records from the log). Returns the stop function. The timer does not keep
 * the process alive.
 */
export function renewLease(broker: Broker, each: () => void, keeper?: KeepTarget): () => void {
  const t = setInterval(() => {
    keeper?.push(leaseLine());
    if (!broker.persistent && !keeper) return;
    if (broker.persistent) broker.push(leaseLine());
    each();
  }, KEEP_RENEW_MS);
  t.unref();
  return () => clearInterval(t);
}

/**
 * A session's side of kept allows: renews the lease, and takes the helper's records from the
 * log into the exports and the event stream (the TUI's log). Returns the stop function.
 */
export function keepAllows(
  broker: Broker,
  audit: AuditWriter,
  events: EventHub,
  keeper?: KeepTarget,
): () => void {
  let id = 1_000_000_000; // apart from the decider's numbers
  audit.onForeign = (line) => {
    const ev = foreignEvent(line, id++);
    if (ev) events.emit(ev);
  };
  return renewLease(
    broker,
    () => {
      try {
        audit.takeForeign();
      } catch {
        // the log cannot be read back: the helper's records stay on file, unexported until the next try
      }
    },
    keeper,
  );
}

/** The helper's arguments that let it keep allows: the audit log and the key that signs it. */
export function keepArgs(auditLog: string, keyFile: string): string[] {
  return ['--audit', auditLog, '--audit-key', keyFile];
}
