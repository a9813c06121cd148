/**
 * A headless gate for probes (`agentfw doctor`, `npm run bench`): the real engine, the
 * real secrets layer and broker, asks denied by policy, audit in `dir`.
 */
import path from 'node:path';
import { createPolicyApprover } from '../approval/policy.js';
import { loadEngine } from '../engine/analyze.js';
import { startGate } from './gate.js';
import { loadSecretSet } from './secrets-seam.js';

export async function startProbeGate(dir: string): Promise<Awaited<ReturnType<typeof startGate>>> {
  const { set: secrets } = await loadSecretSet(process.env, dir);
  const engine = await loadEngine({ mask: (t) => secrets.mask(t) });
  const policy = [createPolicyApprover('deny')];
  return startGate({
    engine,
    secrets,
    auditPath: path.join(dir, 'audit.jsonl'),
    approvers: () => policy,
    approvalTimeoutMs: 10_000,
    headless: () => true,
    onAsk: 'deny',
    workspace: dir,
  });
}
