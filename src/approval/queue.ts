/**
 * Settles one `ask` by racing every approver of the session (TUI, watch, external,
 * or the headless policy). The first answer wins and the others are aborted. No answer
 * within the approval timeout, an approver that throws, or a hung-up client → deny.
 */
import type { ApprovalRequest, ApprovalResult, Approver } from './types.js';

export interface SettleOptions {
  approvers: Approver[];
  /** Milliseconds to wait for a human before denying. */
  timeoutMs: number;
  /** Aborts when the waiting command went away (its shim hung up). */
  signal?: AbortSignal;
}

export async function settle(req: ApprovalRequest, opts: SettleOptions): Promise<ApprovalResult> {
  if (opts.approvers.length === 0) {
    // fail closed: nobody can approve, so the answer is no
    return {
      verdict: 'deny',
      approver: 'policy',
      scope: 'once',
      message: 'No approver is attached to this session.',
    };
  }
  const ctl = new AbortController();
  const onOuterAbort = () => ctl.abort();
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ApprovalResult>((resolve) => {
    timer = setTimeout(() => {
      // fail closed: no human answered in time
      resolve({
        verdict: 'deny',
        approver: 'policy',
        scope: 'once',
        message: `No human answered within ${Math.round(opts.timeoutMs / 1000)} s, so it was refused.`,
      });
    }, opts.timeoutMs);
  });
  const hungUp = new Promise<ApprovalResult>((resolve) => {
    const done = () =>
      resolve({
        verdict: 'deny',
        approver: 'policy',
        scope: 'once',
        message: 'The command went away while waiting.',
      });
    if (opts.signal?.aborted) done();
    else opts.signal?.addEventListener('abort', done, { once: true });
  });
  const answers = opts.approvers.map((a) =>
    a.decide(req, ctl.signal).then(
      (r) => r,
      // fail closed: a failing approver counts as a refusal
      (): ApprovalResult => ({
        verdict: 'deny',
        approver: a.name,
        scope: 'once',
        message: 'The approver failed.',
      }),
    ),
  );
  try {
    return await Promise.race([...answers, timeout, hungUp]);
  } finally {
    clearTimeout(timer);
    ctl.abort();
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
}
