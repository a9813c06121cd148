/**
 * Hook mode: an `ask` reaches a human through the signed webhook approver. A loopback
 * relay answers with a signed allow carrying the typed value → the agent is told allow;
 * a relay that never answers → deny at the deadline. Real client process, real sockets.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookApprover, sign } from '../../../src/approval/webhook.js';
import { loadEngine, type Engine } from '../../../src/engine/analyze.js';
import { startHookDaemon } from '../../../src/gates/hook/daemon.js';
import {
  VOLUME_DELETE,
  auditRecords,
  buildHookClient,
  hookDaemonDir,
  runHookClient,
} from '../../e2e/run-helpers.js';

const SECRET = 's'.repeat(48);
const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-hookap-'));
let client: string;
let engine: Engine;
let relay: http.Server;
let relayUrl = '';
/** Whether the relay answers (a human tapped approve) or stays silent. */
let answering = true;

beforeAll(async () => {
  client = buildHookClient(dir);
  engine = await loadEngine({ exampleCacheDir: '' });
  relay = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.writeHead(200);
      res.end('queued');
      if (!answering) return;
      const r = JSON.parse(body) as { nonce: string; answer_url: string; action: { confirm?: string } };
      const a = JSON.stringify({
        request_hash: createHash('sha256').update(body).digest('hex'),
        nonce: r.nonce,
        verdict: 'allow',
        confirm: r.action.confirm,
        by: 'oncall@phone',
      });
      const ts = String(Date.now());
      void fetch(r.answer_url, {
        method: 'POST',
        headers: { 'x-agentfw-timestamp': ts, 'x-agentfw-signature': sign(SECRET, 'answer', ts, a) },
        body: a,
      });
    });
  });
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', () => r()));
  relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/relay`;
});
afterAll(async () => {
  await new Promise<void>((r) => relay.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

describe('hook mode ask → signed webhook', () => {
  it.each([
    ['the human approves (signed, typed value)', true, 0, 'external:webhook', 'allow'],
    ['nobody answers before the deadline', false, 2, 'external:webhook', 'deny'],
  ])('%s', async (_n, answers, code, approver, decision) => {
    answering = answers;
    const { sock, auditFile, audit } = hookDaemonDir(dir);
    const hook = await createWebhookApprover({
      url: relayUrl,
      secret: SECRET,
      session: 'hook',
      timeoutMs: 1500,
    });
    const daemon = await startHookDaemon({
      socketPath: sock,
      engine,
      mask: (t) => t,
      audit,
      approver: hook,
      approvalTimeoutMs: 1500,
      idleMs: 0,
    });
    try {
      const input = {
        cwd: '/work/app',
        hook_event_name: 'BeforeTool',
        tool_name: 'run_shell_command',
        tool_input: { command: VOLUME_DELETE },
      };
      const r = await runHookClient(client, 'gemini', JSON.stringify(input), sock);
      expect(r.code).toBe(code);
      if (!answers) expect(r.err).toMatch(/No (signed answer arrived|human answered) within/);
    } finally {
      await daemon.close();
      await hook.close();
      audit.close();
    }
    const rec = auditRecords<Record<string, unknown>>(auditFile).pop()!;
    expect(rec).toMatchObject({ verdict: 'ask', decision, rules: ['graphql/destructive-mutation'] });
    if (answers) expect(rec.approver).toBe(approver);
  });
});
