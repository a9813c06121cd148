/** A small fan-out of DecisionEvents to the UI, `agentfw watch` and tests. */
import type { DecisionEvent } from '../approval/types.js';

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
