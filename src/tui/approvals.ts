/**
 * Runs the approval model against a real clock: holds pending requests, denies them on
 * timeout, and hands every settled result to `onSettled`. Shared by the TUI (which
 * resolves the broker's promise) and `agentfw watch` (which sends the answer to the
 * session). Widget-free.
 */
import type { ApprovalRequest, ApprovalResult, Approver } from '../approval/types.js';
import type { ShapeProposal } from '../config/shape-rule.js';
import * as M from './approval-model.js';

export interface QueueHooks {
  /** The state changed: redraw. */
  onChange(): void;
  /** A new request is waiting: ring the bell. */
  onBell(): void;
  /** A request was answered by the human, or denied on timeout. */
  onSettled(id: number, result: ApprovalResult): void;
  /**
   * Write an "always allow this shape" rule (validated through the loader first). Returns
   * '' when written, else why not: then nothing is settled and the dialog says why.
   * Absent = the queue never offers it.
   */
  onWriteRule?(req: ApprovalRequest, proposal: ShapeProposal): string;
}

export class ApprovalQueue {
  private s: M.ModelState = M.initialState();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly cfg: M.ModelConfig,
    private readonly hooks: QueueHooks,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): M.ModelState {
    return this.s;
  }

  get open(): boolean {
    return this.s.queue.length > 0;
  }

  /** `remainingMs` = time left before the session denies it; default the configured timeout. */
  add(req: ApprovalRequest, remainingMs?: number): void {
    const now = this.now();
    this.apply(M.enqueue(this.s, req, now, this.cfg, now + (remainingMs ?? this.cfg.timeoutMs)));
  }

  cancel(id: number): void {
    this.apply(M.cancel(this.s, id, this.now()));
  }

  key(data: string): void {
    const before = this.s;
    const step = M.key(before, data, this.now(), this.cfg);
    if (step.writeRule) {
      const head = before.queue[0].req;
      // fail closed: without a writer, or when the rule does not load, nothing is allowed by this key.
      const err = this.hooks.onWriteRule
        ? this.hooks.onWriteRule(head, step.writeRule)
        : 'no place to write rules here';
      if (err) {
        this.apply({
          state: { ...before, mode: 'choose', proposal: undefined, notice: `Rule not written: ${err}` },
          settled: [],
          bell: false,
        });
        return;
      }
    }
    this.apply(step);
  }

  /** Deny everything still pending (the UI is going away). */
  close(message: string): void {
    const pending = this.s.queue.map((p) => p.req.id);
    this.s = M.initialState();
    this.schedule();
    for (const id of pending)
      this.hooks.onSettled(id, { verdict: 'deny', approver: this.cfg.approver, scope: 'once', message });
  }

  private apply(step: M.Step): void {
    this.s = step.state;
    this.schedule();
    if (step.bell) this.hooks.onBell();
    for (const x of step.settled) this.hooks.onSettled(x.id, x.result);
    this.hooks.onChange();
  }

  /** A 250 ms clock runs only while something is pending (countdown, arming, timeout). */
  private schedule(): void {
    if (this.s.queue.length && !this.timer) {
      this.timer = setInterval(() => this.apply(M.tick(this.s, this.now(), this.cfg)), 250);
      this.timer.unref();
    } else if (!this.s.queue.length && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}

/**
 * An Approver backed by an ApprovalQueue. Build the queue with `hooks.onSettled` calling
 * the returned `settle`. `decide` resolves when the human answers, on timeout (deny), or
 * when the broker aborts (another approver answered: the dialog closes).
 */
export function queueApprover(name: string): {
  bind(q: ApprovalQueue): Approver;
  settle(id: number, result: ApprovalResult): void;
} {
  const waiting = new Map<number, (r: ApprovalResult) => void>();
  return {
    settle(id, result) {
      waiting.get(id)?.(result);
      waiting.delete(id);
    },
    bind(q) {
      return {
        name,
        decide(req, signal) {
          return new Promise<ApprovalResult>((resolve) => {
            const aborted: ApprovalResult = {
              verdict: 'deny',
              approver: name,
              scope: 'once',
              message:
                'The approval was withdrawn before a human answered here. Do not retry or work around this; ask the user.',
            };
            // fail closed: an aborted request resolves as deny; the broker ignores it when another approver answered.
            if (signal.aborted) return resolve(aborted);
            waiting.set(req.id, resolve);
            signal.addEventListener(
              'abort',
              () => {
                if (!waiting.has(req.id)) return;
                waiting.delete(req.id);
                q.cancel(req.id);
                resolve(aborted);
              },
              { once: true },
            );
            q.add(req);
          });
        },
      };
    },
  };
}
