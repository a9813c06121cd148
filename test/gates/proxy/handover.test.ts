/**
 * Secrets are no longer handed over on the gate socket. A hand-made request for an
 * allowed `gh` command, sent straight to the broker socket (as any process of the agent
 * could), gets ALLOW with no ENV line and no secret value, although the secrets config
 * still grants GITHUB_TOKEN to gh (the control: the grant exists, the channel is closed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPolicyApprover } from '../../../src/approval/policy.js';
import { createSecretSet, type SessionSecrets } from '../../../src/secrets/index.js';
import { startGate, type Gate } from '../../../src/supervisor/gate.js';
import { sharedEngine } from './helpers.js';

const TOKEN = 'ghp_' + 'Zq8Lm2Nx4Rt6Vb1Cd3Fg5Hj7Kp9Ws0Ya2Eu4';
let dir: string;
let gate: Gate;
let secrets: SessionSecrets;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'afw-handover-'));
  secrets = await createSecretSet({ env: { GITHUB_TOKEN: TOKEN }, config: {} });
  const policy = [createPolicyApprover('deny')];
  gate = await startGate({
    engine: await sharedEngine(),
    secrets,
    auditPath: path.join(dir, 'audit.jsonl'),
    approvers: () => policy,
    approvalTimeoutMs: 10_000,
    headless: () => true,
    onAsk: 'deny',
    workspace: dir,
    baseEnv: { ...process.env, GITHUB_TOKEN: TOKEN, AGENTFW_RUNTIME_DIR: dir },
    egressProxy: true,
  });
}, 60_000);
afterAll(async () => {
  await gate?.close();
  rmSync(dir, { recursive: true, force: true });
});

function ask(req: object): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = net.connect(gate.runtime.socket);
    let out = '';
    c.on('data', (d) => (out += d.toString('utf8')));
    c.on('end', () => resolve(out));
    c.on('error', reject);
    c.end(JSON.stringify(req) + '\n');
  });
}

it.each([
  ['gh api user', ['gh', 'api', 'user']],
  ['git push origin main', ['git', 'push', 'origin', 'main']],
])('a hand-made gate request for `%s` gets no secret', async (_n, argv) => {
  expect(Object.keys(secrets.reinject(argv[0], [])).includes('GITHUB_TOKEN')).toBe(true);
  const reply = await ask({ layer: 'tool', argv, cwd: dir, pid: process.pid });
  // The broker may send WAIT keep-alive lines first. A request that no gate client sent is
  // refused outright (src/supervisor/peer-check.ts); either way no secret comes back.
  expect(['ALLOW', 'DENY']).toContain(reply.split('\n').find((l) => l !== 'WAIT'));
  expect(reply.includes('ENV ')).toBe(false);
  expect(reply.includes(TOKEN)).toBe(false);
  expect(reply.includes(Buffer.from(TOKEN).toString('base64'))).toBe(false);
});

it('the agent environment holds the placeholder and the proxy variables', () => {
  expect(gate.agentEnv.GITHUB_TOKEN).toBe('agentfw:masked:GITHUB_TOKEN');
  expect(gate.agentEnv.HTTPS_PROXY).toBe(gate.proxy?.url);
  expect(gate.agentEnv.NO_PROXY).toBe('');
  expect(gate.agentEnv.NODE_OPTIONS).toContain(`--require ${gate.proxy?.preloadPath}`);
  expect(Object.values(gate.agentEnv).some((v) => v.includes(TOKEN))).toBe(false);
});
