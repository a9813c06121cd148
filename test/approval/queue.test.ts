/**
 * Settling an ask: the first approver to answer wins, the others are aborted; no
 * approver, a timeout, a failing approver or a hung-up command all deny.
 */
import { describe, expect, it } from 'vitest';
import { createPolicyApprover } from '../../src/approval/policy.js';
import { settle } from '../../src/approval/queue.js';
import type { ApprovalRequest, ApprovalResult, Approver } from '../../src/approval/types.js';
import { makeContext } from '../../src/engine/analyze.js';
import { engine } from '../gates/shim/gate-helpers.js';

async function request(): Promise<ApprovalRequest> {
  const cmd = 'curl -X DELETE https://api.example.com/v1/items/7';
  const decision = (await engine()).analyze(cmd, makeContext({ cwd: '/tmp' }));
  expect(decision.decision).toBe('ask');
  return { id: 1, ts: new Date().toISOString(), layer: 'shell', cwd: '/tmp', command: cmd, decision };
}

function after(
  ms: number,
  r: Partial<ApprovalResult> & { verdict: 'allow' | 'deny' },
  name = 'tui',
  seen?: AbortSignal[],
): Approver {
  return {
    name,
    decide: (_req, signal) =>
      new Promise((resolve) => {
        seen?.push(signal);
        setTimeout(() => resolve({ approver: name, scope: 'once', ...r }), ms);
      }),
  };
}
const never: Approver = { name: 'watch', decide: () => new Promise(() => undefined) };
const broken: Approver = { name: 'external:x', decide: () => Promise.reject(new Error('boom')) };

describe('settle', () => {
  it.each<[string, Approver[], number, 'allow' | 'deny', string, RegExp | undefined]>([
    ['policy deny', [createPolicyApprover('deny')], 1000, 'deny', 'policy', undefined],
    ['policy allow', [createPolicyApprover('allow')], 1000, 'allow', 'policy', undefined],
    ['no approver at all', [], 1000, 'deny', 'policy', /No approver/],
    ['nobody answers before the timeout', [never], 60, 'deny', 'policy', /No human answered/],
    ['the approver fails', [broken], 1000, 'deny', 'external:x', /failed/],
    [
      'the fastest answer wins (deny first)',
      [after(200, { verdict: 'allow' }), after(10, { verdict: 'deny' }, 'watch')],
      1000,
      'deny',
      'watch',
      undefined,
    ],
    [
      'the fastest answer wins (allow first)',
      [never, after(10, { verdict: 'allow' })],
      1000,
      'allow',
      'tui',
      undefined,
    ],
  ])('%s', async (_n, approvers, timeoutMs, verdict, approver, message) => {
    const r = await settle(await request(), { approvers, timeoutMs });
    expect(r.verdict).toBe(verdict);
    expect(r.approver).toBe(approver);
    if (message) expect(r.message).toMatch(message);
  });

  it('aborts the slower approvers once one answered', async () => {
    const seen: AbortSignal[] = [];
    await settle(await request(), {
      approvers: [
        after(5, { verdict: 'deny' }, 'tui', seen),
        after(500, { verdict: 'allow' }, 'watch', seen),
      ],
      timeoutMs: 1000,
    });
    expect(seen.length).toBe(2);
    expect(seen.every((s) => s.aborted)).toBe(true);
  });

  it('denies when the waiting command hangs up', async () => {
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 20);
    const r = await settle(await request(), { approvers: [never], timeoutMs: 5000, signal: ctl.signal });
    expect(r.verdict).toBe('deny');
    expect(r.message).toMatch(/went away/);
  });
});
