/**
 * The `watch` approver of a session: each ask is broadcast to the paired watchers and waits
 * in `pending` until one answers (src/approval/watch-server.ts settles it), the ask is
 * withdrawn, or the backstop timeout denies it.
 */
import type { ApprovalRequest, ApprovalResult, Approver } from './types.js';
import type { ServerMessage } from './watch-protocol.js';

/** Extra wait before the watch server's own timeout fires (it is a backstop). */
export const BACKSTOP_MS = 1000;

/** One ask waiting for a watcher's answer. */
export interface Pending {
  req: ApprovalRequest;
  /** When the session's own timeout settles it (ms since the epoch). */
  deadline: number;
  resolve(r: ApprovalResult): void;
}

/**
 * The approver over `pending` (asks by id). `settle` resolves and removes one;
 * `broadcast` tells every paired watcher. `timeoutMs`: the session's approval timeout.
 */
export function watchApprover(
  timeoutMs: number,
  pending: Map<number, Pending>,
  settle: (id: number, r: ApprovalResult) => void,
  broadcast: (m: ServerMessage) => void,
): Approver {
  return {
    name: 'watch',
    decide(req, signal) {
      return new Promise((resolve) => {
        const deny = (message: string): ApprovalResult => ({
          verdict: 'deny',
          approver: 'watch',
          scope: 'once',
          message,
        });
        // fail closed: an aborted or unanswered request resolves as deny
        if (signal.aborted) return resolve(deny('withdrawn'));
        const timer = setTimeout(
          () =>
            settle(
              req.id,
              deny(
                `No human answered within ${Math.round(timeoutMs / 1000)} s, so the command was denied. Do not retry or work around this; ask the user.`,
              ),
            ),
          timeoutMs + BACKSTOP_MS,
        );
        timer.unref();
        pending.set(req.id, {
          req,
          deadline: Date.now() + timeoutMs,
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
        });
        signal.addEventListener('abort', () => settle(req.id, deny('withdrawn')), { once: true });
        broadcast({ t: 'request', request: req, remainingMs: timeoutMs });
      });
    },
  };
}
