/**
 * Asks the hook daemon forwards to a running session through its watch socket
 * (`{"t":"ask"}`, src/gates/hook/session-ask.ts): one ask per connection, settled by the
 * session's human approvers and answered with one `verdict` line (or an error), then closed.
 */
import type net from 'node:net';
import type { ApprovalResult } from './types.js';
import type { Ask, ServerMessage } from './watch-protocol.js';

/** Hook asks waiting at once, at most; more are refused (they cannot crowd out the human). */
export const MAX_HOOK_ASKS = 8;

/**
 * The handler of one hook ask on `sock`. `settle`: the session's way to ask its humans
 * (resolves undefined when none is attached); absent = every ask is refused at once.
 * `send`: writes one message to a connection.
 */
export function hookAsker(
  settle: ((ask: Ask, signal: AbortSignal) => Promise<ApprovalResult | undefined>) | undefined,
  send: (s: net.Socket, m: ServerMessage) => void,
): (sock: net.Socket, a: Ask) => void {
  let waiting = 0;
  return (sock, a) => {
    const refuse = (code: string, message: string) => {
      send(sock, { t: 'error', code, message, fix: 'the hook falls back to its own approver.' });
      sock.end();
    };
    if (!settle) return refuse('E_WATCH_NO_HUMAN', 'this session takes no hook asks');
    if (waiting >= MAX_HOOK_ASKS) return refuse('E_WATCH_BUSY', 'too many hook asks are waiting');
    waiting++;
    // Taken: a live session says so at once, so a daemon can tell it from a frozen one.
    send(sock, { t: 'asking' });
    const ctl = new AbortController();
    sock.once('close', () => ctl.abort());
    settle(a, ctl.signal).then(
      (r) => {
        waiting--;
        if (!r) return refuse('E_WATCH_NO_HUMAN', 'no human approver is attached to this session');
        send(sock, {
          t: 'verdict',
          verdict: r.verdict,
          approver: r.approver,
          ...(r.message ? { message: r.message } : {}),
        });
        sock.end();
      },
      // fail closed: a failure while asking is a refusal
      () => {
        waiting--;
        send(sock, {
          t: 'verdict',
          verdict: 'deny',
          approver: 'policy',
          message: 'the session failed to ask',
        });
        sock.end();
      },
    );
  };
}
