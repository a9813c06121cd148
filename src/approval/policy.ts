/**
 * The headless approver: settles every `ask` at once by the session's `--on-ask` policy
 * (default deny). Used when there is no TTY, with `--headless`, or when the TUI cannot load.
 */
import type { ApprovalRequest, ApprovalResult, Approver } from './types.js';

export type OnAsk = 'deny' | 'allow';

export function createPolicyApprover(onAsk: OnAsk): Approver {
  return {
    name: 'policy',
    async decide(_req: ApprovalRequest): Promise<ApprovalResult> {
      return {
        verdict: onAsk,
        approver: 'policy',
        scope: 'once',
        // The refusal text already explains the headless policy; no extra message.
        message: '',
      };
    },
  };
}
