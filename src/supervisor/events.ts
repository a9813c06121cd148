/** A small fan-out of DecisionEvents to the UI, `agentfw watch` and tests. */
import type { DecisionEvent } from '../approval/types.js';
import type { AuditRecord } from '../audit/record.js';

export class EventHub {
  private subs = new Set<(ev: DecisionEvent) => void>();
  /** Last events, oldest first (for late subscribers such as watch clients). Empty = none yet. */
  readonly recent: DecisionEvent[] = [];

  subscribe(cb: (ev: DecisionEvent) => void): () => void {
    this.subs.add(cb);
    return () => this.subs.delete(cb);
  }

  emit(ev: DecisionEvent): void {
    this.recent.push(ev);
    if (this.recent.length > 200) this.recent.shift();
    for (const cb of this.subs) {
      try {
        cb(ev);
      } catch {
        /* a failing subscriber must not affect decisions */
      }
    }
  }
}

/**
 * The event of an audit record another writer appended for this session (the exec gate
 * helper's kept allows, src/gates/exec/exec-keep.ts), numbered `id`; undefined when the line
 * is not a decision record.
 */
export function foreignEvent(line: string, id: number): DecisionEvent | undefined {
  try {
    const r = JSON.parse(line) as Partial<AuditRecord>;
    if (r.layer === undefined || r.layer === 'session' || (r.decision !== 'allow' && r.decision !== 'deny'))
      return undefined;
    return {
      id,
      ts: String(r.ts ?? ''),
      layer: r.layer,
      cwd: String(r.cwd ?? ''),
      command: String(r.command ?? ''),
      verdict: r.decision,
      rules: Array.isArray(r.rules) ? r.rules.map(String) : [],
      approver: String(r.approver ?? ''),
      reason: String(r.reason ?? ''),
    };
  } catch {
    return undefined;
  }
}
