import { describe, expect, it } from 'vitest';
import type { ApprovalRequest } from '../../src/approval/types.js';
import { ApprovalQueue, queueApprover } from '../../src/tui/approvals.js';

const req = (id: number): ApprovalRequest => ({
  id,
  ts: 't',
  layer: 'shell',
  cwd: '/w',
  command: 'rm -rf build',
  decision: { decision: 'ask', findings: [], reason: 'r', commands: [], facts: [], issues: [], ms: 1 },
});

function setup(timeoutMs: number) {
  const a = queueApprover('tui');
  let bells = 0;
  const q = new ApprovalQueue(
    { approver: 'tui', timeoutMs, armMs: 0 },
    { onChange: () => undefined, onBell: () => bells++, onSettled: (id, r) => a.settle(id, r) },
  );
  return { q, approver: a.bind(q), bells: () => bells };
}

describe('ApprovalQueue with a real clock', () => {
  it('denies on timeout within one clock step', async () => {
    const { approver } = setup(600);
    const t0 = Date.now();
    const r = await approver.decide(req(1), new AbortController().signal);
    const took = Date.now() - t0;
    expect(r).toMatchObject({ verdict: 'deny', approver: 'tui' });
    expect(took).toBeGreaterThanOrEqual(590);
    expect(took).toBeLessThan(600 + 400);
  });

  it('resolves with the key the human pressed and rings once per request', async () => {
    const { q, approver, bells } = setup(10_000);
    const p = approver.decide(req(1), new AbortController().signal);
    q.key('s');
    await expect(p).resolves.toEqual({ verdict: 'allow', scope: 'session', approver: 'tui' });
    expect(bells()).toBe(1);
    expect(q.open).toBe(false);
  });

  it('closes the dialog when the broker aborts, and denies what is left on close', async () => {
    const { q, approver } = setup(10_000);
    const ctl = new AbortController();
    const p1 = approver.decide(req(1), ctl.signal);
    const p2 = approver.decide(req(2), new AbortController().signal);
    ctl.abort();
    await expect(p1).resolves.toMatchObject({ verdict: 'deny' });
    expect(q.state.queue.map((x) => x.req.id)).toEqual([2]);
    q.close('bye');
    await expect(p2).resolves.toMatchObject({ verdict: 'deny', message: 'bye' });
  });
});
