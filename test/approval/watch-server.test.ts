import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApprovalRequest, DecisionEvent } from '../../src/approval/types.js';
import { startWatchServer, type WatchServer } from '../../src/approval/watch-server.js';
import { connectWatch, type WatchHandlers } from '../../src/approval/watch-client.js';
import { AgentfwError } from '../../src/errors.js';

let dir: string;
let server: WatchServer;
let emit: (ev: DecisionEvent) => void;
const warnings: string[] = [];

const req = (id: number, confirm?: string): ApprovalRequest => ({
  id,
  ts: 't',
  layer: 'shell',
  cwd: '/w',
  command: `rm -rf build-${id}`,
  decision: { decision: 'ask', findings: [], reason: 'r', commands: [], facts: [], issues: [], ms: 1 },
  ...(confirm ? { confirm } : {}),
});
const ev = (id: number): DecisionEvent => ({
  id,
  ts: 't',
  layer: 'shell',
  cwd: '/w',
  command: `ls ${id}`,
  verdict: 'allow',
  rules: [],
  approver: 'policy',
  reason: '',
});

function recorder() {
  const log: string[] = [];
  const requests: ApprovalRequest[] = [];
  const h: WatchHandlers = {
    onEvent: (e) => log.push(`event ${e.id}`),
    onRequest: (r) => {
      requests.push(r);
      log.push(`request ${r.id}`);
    },
    onSettled: (id) => log.push(`settled ${id}`),
    onError: (code) => log.push(`error ${code}`),
    onClose: () => log.push('close'),
  };
  return { log, requests, h };
}

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-watch-'));
  const sockDir = path.join(dir, 'sess');
  const subs = new Set<(e: DecisionEvent) => void>();
  emit = (e) => subs.forEach((cb) => cb(e));
  warnings.length = 0;
  server = await startWatchServer({
    socketPath: path.join(sockDir, 'watch.sock'),
    info: {
      id: 'sess',
      packs: ['fs@1'],
      auditPath: '/dev/null',
      watchSocket: path.join(sockDir, 'watch.sock'),
    },
    onDecision: (cb) => {
      subs.add(cb);
      return () => subs.delete(cb);
    },
    approvalTimeoutMs: 2000,
    failDelayMs: 5,
    onWarning: (m) => warnings.push(m),
  });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const sock = () => path.join(dir, 'sess', 'watch.sock');

describe('watch server: pairing', () => {
  it('creates a private socket', () => {
    expect(statSync(path.join(dir, 'sess')).mode & 0o777).toBe(0o700);
    expect(statSync(sock()).mode & 0o777).toBe(0o600);
  });

  it.each(['WRONG-CODE', '', 'AAAA-AAAA'])('refuses the code %j', async (code) => {
    const seenWarnings: string[] = [];
    server.onWarning((m) => seenWarnings.push(m));
    const err = await connectWatch(sock(), code, recorder().h).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AgentfwError);
    expect((err as AgentfwError).code).toBe('E_WATCH_PAIRING');
    expect(warnings).toHaveLength(1);
    expect(seenWarnings).toEqual(warnings);
  });

  it('accepts the code once, in any case and spacing, then rotates it', async () => {
    const code = server.pairingCode;
    const seen: string[] = [];
    server.onPairingCode((c) => seen.push(c));
    const c = await connectWatch(sock(), code.toLowerCase().replace('-', ' '), recorder().h);
    expect(c.session).toEqual({ id: 'sess', packs: ['fs@1'] });
    expect(server.pairingCode).not.toBe(code);
    expect(seen).toEqual([server.pairingCode]);
    const again = await connectWatch(sock(), code, recorder().h).catch((e: unknown) => e);
    expect((again as AgentfwError).code).toBe('E_WATCH_PAIRING');
    c.close();
  });

  it('rotates the code after three wrong tries', async () => {
    const code = server.pairingCode;
    for (let i = 0; i < 3; i++) await connectWatch(sock(), 'XXXX-XXXX', recorder().h).catch(() => undefined);
    expect(server.pairingCode).not.toBe(code);
    const err = await connectWatch(sock(), code, recorder().h).catch((e: unknown) => e);
    expect((err as AgentfwError).code).toBe('E_WATCH_PAIRING');
  });

  it('refuses to listen in a directory others can enter', async () => {
    const open = path.join(dir, 'open');
    mkdirSync(open, { mode: 0o755 });
    const p = startWatchServer({
      socketPath: path.join(open, 'watch.sock'),
      info: { id: 'x', packs: [], auditPath: '', watchSocket: '' },
      onDecision: () => () => undefined,
    });
    await expect(p).rejects.toMatchObject({ code: 'E_WATCH_DIR' });
  });
});

describe('watch server: stream and approvals', () => {
  it('replays recent events and pending requests on pairing, then streams', async () => {
    emit(ev(1));
    const ctl = new AbortController();
    const pending = server.approver.decide(req(2), ctl.signal);
    const r = recorder();
    const c = await connectWatch(sock(), server.pairingCode, r.h);
    await until(() => r.log.length >= 2);
    emit(ev(3));
    await until(() => r.log.includes('event 3'));
    expect(r.log).toEqual(['event 1', 'request 2', 'event 3']);
    c.answer({ id: 2, verdict: 'deny', scope: 'once', message: 'use the staging db' });
    await expect(pending).resolves.toEqual({
      verdict: 'deny',
      scope: 'once',
      approver: 'watch',
      message: 'use the staging db',
    });
    await until(() => r.log.includes('settled 2'));
    c.close();
  });

  it.each<[string, string | undefined, { confirm?: string }[], string]>([
    ['plain allow', undefined, [{}], 'allow'],
    ['confirm missing, then right', 'vol-1', [{}, { confirm: 'vol-1' }], 'allow'],
    ['confirm wrong, then right', 'vol-1', [{ confirm: 'vol-2' }, { confirm: 'vol-1' }], 'allow'],
  ])('%s', async (_n, confirm, answers, want) => {
    const r = recorder();
    const c = await connectWatch(sock(), server.pairingCode, r.h);
    const result = server.approver.decide(req(5, confirm), new AbortController().signal);
    await until(() => r.requests.length === 1);
    for (const a of answers) c.answer({ id: 5, verdict: 'allow', scope: 'once', ...a });
    await expect(result).resolves.toMatchObject({ verdict: want, approver: 'watch' });
    const errors = () => r.log.filter((l) => l.startsWith('error'));
    await until(() => errors().length >= answers.length - 1);
    expect(errors()).toEqual(Array(answers.length - 1).fill('error E_WATCH_CONFIRM'));
    c.close();
  });

  it('closes the dialog on watchers when another approver answered first', async () => {
    const r = recorder();
    const c = await connectWatch(sock(), server.pairingCode, r.h);
    const ctl = new AbortController();
    const result = server.approver.decide(req(7), ctl.signal);
    await until(() => r.requests.length === 1);
    ctl.abort();
    await expect(result).resolves.toMatchObject({ verdict: 'deny' });
    await until(() => r.log.includes('settled 7'));
    c.answer({ id: 7, verdict: 'allow', scope: 'once' });
    await until(() => r.log.includes('error E_WATCH_GONE'));
    c.close();
  });

  it('denies when nobody answers in time', async () => {
    const t0 = Date.now();
    const result = await server.approver.decide(req(8), new AbortController().signal);
    expect(result.verdict).toBe('deny');
    expect(result.message).toMatch(/No human answered within 2 s.*ask the user/);
    // the watch server is a backstop: it denies one second after the session's timeout
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2900);
  });

  it('ignores answers from a connection that has not paired', async () => {
    const net = await import('node:net');
    const result = server.approver.decide(req(9), new AbortController().signal);
    const s = net.connect(sock());
    await new Promise((r) => s.on('connect', r));
    s.write(JSON.stringify({ t: 'answer', id: 9, verdict: 'allow', scope: 'once' }) + '\n');
    const reply = await new Promise<string>((r) => s.on('data', (d) => r(d.toString())));
    expect(reply).toContain('E_WATCH_PROTOCOL');
    const settledEarly = await Promise.race([
      result.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 100)),
    ]);
    expect(settledEarly).toBe(false);
    s.destroy();
  });
});
