/**
 * Signed webhook approver against a real loopback webhook receiver: the request is
 * rendered from the engine's real decision and signed; only a signed answer bound to
 * that request's hash and nonce, used once and in time, approves. Everything else denies.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalRequest } from '../../src/approval/types.js';
import { createWebhookApprover, sign, type WebhookApprover } from '../../src/approval/webhook.js';
import { loadEngine, makeContext, type Engine } from '../../src/engine/analyze.js';

const SECRET = 'k'.repeat(40);
const VOLUME_DELETE = `curl -X POST https://backboard.railway.app/graphql/v2 -H 'Authorization: Bearer $TOKEN' -d '{"query":"mutation { volumeDelete(volumeId: \\"3f1c9a\\") }"}'`;

interface Received {
  body: string;
  json: Record<string, unknown> & {
    nonce: string;
    answer_url: string;
    action: { command: string; confirm?: string; facts: string[] };
  };
  hash: string;
  sigOk: boolean;
}

let engine: Engine;
let receiver: http.Server;
let url = '';
const received: Received[] = [];
/** How the receiver answers the next POST: status and optional body builder (response-body answers). */
let respond: { status: number; answer?: (r: Received) => Record<string, unknown> } = { status: 200 };

beforeAll(async () => {
  engine = await loadEngine({ exampleCacheDir: '' });
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const ts = String(req.headers['x-agentfw-timestamp']);
      const r: Received = {
        body,
        json: JSON.parse(body) as Received['json'],
        hash: createHash('sha256').update(body).digest('hex'),
        sigOk: req.headers['x-agentfw-signature'] === sign(SECRET, 'request', ts, body),
      };
      received.push(r);
      if (respond.answer) {
        const a = JSON.stringify(respond.answer(r));
        const ats = String(Date.now());
        res.writeHead(200, {
          'x-agentfw-timestamp': ats,
          'x-agentfw-signature': sign(SECRET, 'answer', ats, a),
        });
        return res.end(a);
      }
      res.writeHead(respond.status);
      res.end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

let nextId = 1;
function request(cmd: string): ApprovalRequest {
  const decision = engine.analyze(cmd, makeContext({ cwd: '/work/p', home: '/home/u', env: {} }));
  return {
    id: nextId++,
    ts: new Date().toISOString(),
    layer: 'shell',
    cwd: '/work/p',
    command: cmd,
    decision,
    confirm: decision.findings.find((f) => f.confirm)?.confirm,
  };
}

/** POSTs a signed answer; `tweak` can spoil it. Returns the HTTP status. */
async function answer(
  to: string,
  a: Record<string, unknown>,
  tweak: { secret?: string; ts?: number } = {},
): Promise<number> {
  const body = JSON.stringify(a);
  const ts = String(tweak.ts ?? Date.now());
  const res = await fetch(to, {
    method: 'POST',
    headers: {
      'x-agentfw-timestamp': ts,
      'x-agentfw-signature': sign(tweak.secret ?? SECRET, 'answer', ts, body),
    },
    body,
  });
  return res.status;
}

async function withApprover<T>(timeoutMs: number, f: (ap: WebhookApprover) => Promise<T>): Promise<T> {
  const ap = await createWebhookApprover({ url, secret: SECRET, session: 'sess-w', timeoutMs });
  try {
    return await f(ap);
  } finally {
    await ap.close();
  }
}

/** Starts a decision and waits until the receiver got its request. */
async function ask(ap: WebhookApprover, cmd = VOLUME_DELETE) {
  const before = received.length;
  const result = ap.decide(request(cmd), new AbortController().signal);
  for (let i = 0; i < 500 && received.length === before; i++) await new Promise((r) => setTimeout(r, 10));
  return { result, got: received[received.length - 1] };
}

const good = (r: Received, over: Record<string, unknown> = {}) => ({
  request_hash: r.hash,
  nonce: r.json.nonce,
  verdict: 'allow',
  confirm: r.json.action.confirm,
  by: 'alice@phone',
  ...over,
});

describe('webhook approver', () => {
  it('sends a signed request rendered from the real action, Slack-renderable', async () => {
    await withApprover(5_000, async (ap) => {
      const { result, got } = await ask(ap);
      expect(got.sigOk).toBe(true);
      expect(got.json).toMatchObject({
        type: 'agentfw.approval.request',
        session: 'sess-w',
        answer_url: ap.answerUrl,
      });
      expect(got.json.action.command).toBe(VOLUME_DELETE);
      expect(got.json.action.facts.join('\n')).toMatch(/GraphQL mutation volumeDelete\(volumeId: "3f1c9a"\)/);
      expect(got.json.action.confirm).toBe('3f1c9a');
      expect(typeof got.json.text).toBe('string');
      expect((got.json.blocks as { type: string }[]).map((b) => b.type)).toContain('section');
      expect(await answer(ap.answerUrl, good(got))).toBe(200);
      expect(await result).toMatchObject({ verdict: 'allow', approver: 'external:webhook' });
    });
  });

  it('accepts a signed answer in the webhook response body', async () => {
    respond = { status: 200, answer: (r) => good(r) };
    try {
      await withApprover(5_000, async (ap) => {
        const { result } = await ask(ap);
        expect(await result).toMatchObject({ verdict: 'allow' });
      });
    } finally {
      respond = { status: 200 };
    }
  });

  type Spoil = [string, (r: Received, ap: WebhookApprover) => Promise<number>, number];
  const spoiled: Spoil[] = [
    ['bad signature', (r, ap) => answer(ap.answerUrl, good(r), { secret: 'x'.repeat(40) }), 401],
    ['stale timestamp', (r, ap) => answer(ap.answerUrl, good(r), { ts: Date.now() - 10 * 60_000 }), 401],
    ['wrong request hash', (r, ap) => answer(ap.answerUrl, good(r, { request_hash: 'a'.repeat(64) })), 404],
    ['wrong nonce', (r, ap) => answer(ap.answerUrl, good(r, { nonce: 'b'.repeat(32) })), 409],
    ['extra field', (r, ap) => answer(ap.answerUrl, good(r, { admin: true })), 400],
  ];
  it.each(spoiled)('%s: refused, and the request is denied at its deadline', async (_n, spoil, status) => {
    await withApprover(400, async (ap) => {
      const { result, got } = await ask(ap);
      expect(await spoil(got, ap)).toBe(status);
      const r = await result;
      expect(r.verdict).toBe('deny');
      expect(r.message).toMatch(/No signed answer arrived/);
    });
  });

  it('replay: a used answer is refused, and cannot approve the next request', async () => {
    await withApprover(400, async (ap) => {
      const first = await ask(ap);
      const a = good(first.got);
      expect(await answer(ap.answerUrl, a)).toBe(200);
      expect((await first.result).verdict).toBe('allow');
      expect(await answer(ap.answerUrl, a)).toBe(409);
      const second = await ask(ap);
      expect(await answer(ap.answerUrl, a)).toBe(409);
      expect((await second.result).verdict).toBe('deny');
    });
  });

  it('expired: an answer after the deadline changes nothing', async () => {
    await withApprover(200, async (ap) => {
      const { result, got } = await ask(ap);
      const r = await result;
      expect(r.verdict).toBe('deny');
      expect(await answer(ap.answerUrl, good(got))).toBe(409);
    });
  });

  it.each([
    ['missing', undefined],
    ['wrong', '3f1c9b'],
  ])('typed confirmation %s: an allow denies', async (_n, confirm) => {
    await withApprover(5_000, async (ap) => {
      const { result, got } = await ask(ap);
      expect(await answer(ap.answerUrl, good(got, { confirm }))).toBe(200);
      const r = await result;
      expect(r.verdict).toBe('deny');
      expect(r.message).toMatch(/typed confirmation/);
    });
  });

  it('an undeliverable webhook (HTTP 500) denies at once', async () => {
    respond = { status: 500 };
    try {
      await withApprover(60_000, async (ap) => {
        const { result } = await ask(ap);
        expect(await result).toMatchObject({ verdict: 'deny', message: expect.stringMatching(/HTTP 500/) });
      });
    } finally {
      respond = { status: 200 };
    }
  });
});
