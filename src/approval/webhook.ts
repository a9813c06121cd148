/**
 * Signed webhook approver: approvals from a phone or a chat, through the org's relay.
 *
 * Request (agentfw → `url`, POST JSON): `{type, v, session, id, nonce, issued_at,
 * expires_at, action, answer_url, text, blocks}`; `action` comes from the gated command
 * and its facts (webhook-message.ts). Headers: `x-agentfw-timestamp` (unix ms) and
 * `x-agentfw-signature: v1=HEX(HMAC-SHA256(secret, "agentfw-request:" + ts + ":" + body))`.
 * The request hash is sha256(body), also sent as `x-agentfw-request-hash`.
 *
 * Answer: a POST to `answer_url` (a loopback endpoint this approver opens), or the body of
 * the webhook's own 2xx response: `{request_hash, nonce, verdict: allow|deny, confirm?,
 * message?, scope?, by?}`, signed the same way with the prefix "agentfw-answer:" (so a
 * request's signature can never pass as an answer). Accepted only when: the signature is
 * valid, the timestamp is within 5 minutes, `request_hash` names a pending request and
 * `nonce` is its nonce, it arrives before `expires_at`, and it was not used before
 * (single use). An answer failing any check is refused (HTTP 4xx) and changes nothing.
 *
 * Fail closed: no valid answer before the deadline, an undeliverable webhook, or an allow
 * without the typed confirmation value → deny.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { AgentfwError } from '../errors.js';
import { actionOf, renderMessage } from './webhook-message.js';
import type { ApprovalResult, Approver } from './types.js';

export interface WebhookApproverOptions {
  /** Where requests are POSTed (the org's relay or an incoming-webhook URL). */
  url: string;
  /** HMAC key shared with the relay; at least 32 characters. */
  secret: string;
  /** Session id, shown in the message. */
  session: string;
  /** Deny when no valid answer came within this many ms. */
  timeoutMs: number;
  /** Loopback port for answers; 0 = any free port. */
  answerPort?: number;
  /** Name in the audit log: `external:<name>`. Default `webhook`. */
  name?: string;
}

export interface WebhookApprover extends Approver {
  /** Where signed answers are POSTed. */
  readonly answerUrl: string;
  close(): Promise<void>;
}

const MAX_BODY = 16 * 1024;
const SKEW_MS = 5 * 60_000;

const AnswerSchema = z
  .object({
    request_hash: z.string().regex(/^[0-9a-f]{64}$/),
    nonce: z.string().min(1).max(128),
    verdict: z.enum(['allow', 'deny']),
    /** The value the human typed, for requests that carry `confirm`. Absent = none typed. */
    confirm: z.string().max(256).optional(),
    /** Message for the agent. Absent/empty = none. */
    message: z.string().max(500).optional(),
    scope: z.enum(['once', 'session']).optional(),
    /** Who answered, as the relay knows them (for the audit). Absent = unknown. */
    by: z.string().max(100).optional(),
  })
  .strict();
export type WebhookAnswer = z.infer<typeof AnswerSchema>;

/** `v1=` HMAC-SHA256 over "agentfw-<kind>:<ts>:<body>". */
export function sign(secret: string, kind: 'request' | 'answer', ts: string, body: string): string {
  return 'v1=' + createHmac('sha256', secret).update(`agentfw-${kind}:${ts}:${body}`).digest('hex');
}

function signatureOk(
  secret: string,
  kind: 'request' | 'answer',
  ts: string,
  body: string,
  got: string,
): boolean {
  const want = Buffer.from(sign(secret, kind, ts, body));
  const have = Buffer.from(got);
  return want.length === have.length && timingSafeEqual(want, have);
}

interface Pending {
  nonce: string;
  expiresAt: number;
  confirm?: string;
  resolve: (r: ApprovalResult) => void;
}

export async function createWebhookApprover(o: WebhookApproverOptions): Promise<WebhookApprover> {
  if (o.secret.length < 32)
    throw new AgentfwError(
      'E_WEBHOOK_SECRET',
      'the webhook secret is shorter than 32 characters',
      'generate one with `openssl rand -hex 32` and give the same value to the relay',
    );
  const name = `external:${o.name ?? 'webhook'}`;
  const pending = new Map<string, Pending>();
  /** Hashes of requests already answered or expired: a second answer is a replay. */
  const used = new Set<string>();

  /** Checks an answer; returns [http status, reason] and settles the request when valid. */
  function accept(body: string, ts: string, sig: string): [number, string] {
    if (!signatureOk(o.secret, 'answer', ts, body, sig)) return [401, 'bad signature'];
    const t = Number(ts);
    if (!Number.isFinite(t) || Math.abs(Date.now() - t) > SKEW_MS) return [401, 'stale timestamp'];
    let a: WebhookAnswer;
    try {
      a = AnswerSchema.parse(JSON.parse(body));
    } catch {
      return [400, 'malformed answer'];
    }
    const p = pending.get(a.request_hash);
    if (!p)
      return used.has(a.request_hash)
        ? [409, 'already settled: answered before (replay) or expired']
        : [404, 'no such request'];
    if (
      !timingSafeEqual(
        Buffer.from(createHash('sha256').update(a.nonce).digest()),
        Buffer.from(createHash('sha256').update(p.nonce).digest()),
      )
    )
      return [409, 'nonce does not match the request'];
    if (Date.now() > p.expiresAt) return [410, 'request expired'];
    pending.delete(a.request_hash);
    used.add(a.request_hash);
    const who = a.by ? ` (${a.by.replace(/[^\w@.\- ]/g, '')})` : '';
    if (a.verdict === 'allow' && p.confirm !== undefined && a.confirm !== p.confirm) {
      // fail closed: an allow must carry the exact typed value
      p.resolve(denied(`The approval${who} did not carry the typed confirmation value`));
      return [200, 'denied: typed confirmation missing or wrong'];
    }
    p.resolve({
      verdict: a.verdict,
      approver: name,
      scope: a.verdict === 'allow' ? (a.scope ?? 'once') : 'once',
      ...(a.message ? { message: a.message } : {}),
    });
    return [200, a.verdict];
  }

  const denied = (why: string): ApprovalResult => ({
    verdict: 'deny',
    approver: name,
    scope: 'once',
    message: `${why}, so the command was denied. Do not retry or work around this; ask the user.`,
  });

  const server = http.createServer((req, res) => {
    const reply = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: status === 200, result: text }) + '\n');
    };
    if (req.method !== 'POST' || req.url !== '/agentfw/answer') return reply(404, 'not found');
    let body = '';
    let tooBig = false;
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      body += c;
      if (body.length > MAX_BODY) {
        tooBig = true;
        req.destroy();
      }
    });
    req.on('end', () => {
      if (tooBig) return;
      const [status, text] = accept(
        body,
        String(req.headers['x-agentfw-timestamp'] ?? ''),
        String(req.headers['x-agentfw-signature'] ?? ''),
      );
      reply(status, text);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.answerPort ?? 0, '127.0.0.1', () => resolve());
  });
  const answerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/agentfw/answer`;

  return {
    name,
    answerUrl,
    async close() {
      for (const p of pending.values()) p.resolve(denied('The session ended before an answer'));
      pending.clear();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
    decide(req, signal) {
      return new Promise<ApprovalResult>((resolve) => {
        const issued = Date.now();
        const expiresAt = issued + o.timeoutMs;
        const nonce = randomBytes(16).toString('hex');
        const action = actionOf(req);
        const expires = new Date(expiresAt).toISOString();
        const body = JSON.stringify({
          type: 'agentfw.approval.request',
          v: 1,
          session: o.session,
          id: req.id,
          nonce,
          issued_at: new Date(issued).toISOString(),
          expires_at: expires,
          action,
          answer_url: answerUrl,
          ...renderMessage(action, { session: o.session, id: req.id, expiresAt: expires }),
        });
        const hash = createHash('sha256').update(body).digest('hex');
        let done = false;
        const finish = (r: ApprovalResult) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          if (pending.delete(hash)) used.add(hash);
          resolve(r);
        };
        // fail closed: no valid answer in time
        const timer = setTimeout(
          () => finish(denied(`No signed answer arrived within ${Math.round(o.timeoutMs / 1000)} s`)),
          o.timeoutMs,
        );
        const onAbort = () => finish(denied('The approval was withdrawn'));
        signal.addEventListener('abort', onAbort, { once: true });
        pending.set(hash, { nonce, expiresAt, confirm: req.confirm, resolve: finish });

        const ts = String(Date.now());
        fetch(o.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-agentfw-timestamp': ts,
            'x-agentfw-signature': sign(o.secret, 'request', ts, body),
            'x-agentfw-request-hash': hash,
          },
          body,
          signal: AbortSignal.timeout(Math.min(o.timeoutMs, 30_000)),
        })
          .then(async (res) => {
            // fail closed: an undeliverable request cannot be approved
            if (!res.ok) return finish(denied(`The approval webhook answered HTTP ${res.status}`));
            const text = (await res.text()).slice(0, MAX_BODY);
            // A relay may answer in the response body (signed like a POSTed answer).
            if (text.trim().startsWith('{') && text.includes('request_hash'))
              accept(
                text,
                res.headers.get('x-agentfw-timestamp') ?? '',
                res.headers.get('x-agentfw-signature') ?? '',
              );
          })
          .catch(() => finish(denied('The approval webhook could not be reached')));
      });
    },
  };
}
