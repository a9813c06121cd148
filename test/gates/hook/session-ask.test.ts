/**
 * The session side of hook-mode asks, over a real watch socket: a paired watcher (as
 * `agentfw watch` is) gets the hook's ask rendered by the session's own engine and answers
 * it; the asking connection cannot answer anything; a session with only the headless
 * policy, or without a handler, declines so the daemon falls back; what the session's
 * policy denies is refused without asking; a session-wide "allow" counts for this call only.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPolicyApprover } from '../../../src/approval/policy.js';
import type { ApprovalRequest, Approver } from '../../../src/approval/types.js';
import { connectWatch } from '../../../src/approval/watch-client.js';
import { startWatchServer, type WatchServer } from '../../../src/approval/watch-server.js';
import { loadEngine, type Engine } from '../../../src/engine/analyze.js';
import {
  askRunningSession,
  createHookAskHandler,
  HOOK_ASK_FIRST_ID,
} from '../../../src/gates/hook/session-ask.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'afw-sessask-'));
let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine({ exampleCacheDir: '' });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const VOLUME_DELETE = `curl -X POST https://backboard.railway.app/graphql/v2 -d '{"query":"mutation { volumeDelete(volumeId: \\"3f1c9a\\") }"}'`;

/** A session dir `<roots>/<id>/watch.sock` with a watch server whose approvers are `pick(server)`. */
async function session(id: string, pick: ((w: WatchServer) => Approver[]) | undefined) {
  const rootDir = mkdtempSync(path.join(root, 'r-'));
  const sdir = path.join(rootDir, id);
  mkdirSync(sdir, { mode: 0o700 });
  const box: { w?: WatchServer } = {};
  const w = await startWatchServer({
    socketPath: path.join(sdir, 'watch.sock'),
    info: { id, packs: [], auditPath: '/dev/null', watchSocket: path.join(sdir, 'watch.sock') },
    onDecision: () => () => undefined,
    approvalTimeoutMs: 20_000,
    ...(pick
      ? { onHookAsk: createHookAskHandler({ engine, approvers: () => pick(box.w!), timeoutMs: 20_000 }) }
      : {}),
  });
  box.w = w;
  return { w, roots: [rootDir] };
}

const ask = (command: string, confirm?: string) => ({
  agent: 'claude-code',
  cwd: '/w',
  command,
  reason: 'the daemon asks',
  ...(confirm ? { confirm } : {}),
});

describe('hook asks through a session', () => {
  it.each([
    ['allow with the typed value', 'allow', '3f1c9a', 'allow'],
    ['allow without the typed value is not accepted, then deny', 'allow', 'wrong', 'deny'],
    ['deny', 'deny', undefined, 'deny'],
  ] as const)('a paired watcher answers: %s', async (_n, verdict, typed, expected) => {
    const { w, roots } = await session('s-watch', (x) => [x.approver]);
    const seen: ApprovalRequest[] = [];
    const errors: string[] = [];
    const conn = await connectWatch(path.join(roots[0], 's-watch', 'watch.sock'), w.pairingCode, {
      onEvent: () => undefined,
      onRequest: (r) => {
        seen.push(r);
        conn.answer({ id: r.id, verdict, scope: 'session', confirm: typed });
      },
      onSettled: () => undefined,
      onError: (code) => {
        errors.push(code);
        // After a refused confirmation, the human denies.
        conn.answer({ id: seen[0].id, verdict: 'deny', scope: 'once' });
      },
      onClose: () => undefined,
    });
    try {
      const r = await askRunningSession(ask(VOLUME_DELETE, '3f1c9a'), new AbortController().signal, roots);
      expect(r).toMatchObject({ verdict: expected, approver: 'watch', session: 's-watch', scope: 'once' });
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ id: HOOK_ASK_FIRST_ID, command: VOLUME_DELETE, confirm: '3f1c9a' });
      expect(seen[0].decision.findings.map((f) => f.rule)).toContain('graphql/destructive-mutation');
      expect(seen[0].decision.reason).toMatch(/^claude-code hook asks: /);
      expect(errors).toEqual(typed === 'wrong' ? ['E_WATCH_CONFIRM'] : []);
    } finally {
      conn.close();
      await w.close();
    }
  });

  it.each([
    [
      'only the headless policy (on-ask allow) is attached',
      (): Approver[] => [createPolicyApprover('allow')],
    ],
    ['the session takes no hook asks', undefined],
  ])('declines when %s: the daemon falls back', async (_n, pick) => {
    const { w, roots } = await session('s-none', pick);
    try {
      expect(
        await askRunningSession(ask('git push --force origin x'), new AbortController().signal, roots),
      ).toBe(undefined);
    } finally {
      await w.close();
    }
  });

  it('what the session’s policy denies is refused without asking anyone', async () => {
    let asked = 0;
    const counting: Approver = {
      name: 'tui',
      decide: () => {
        asked++;
        return Promise.resolve({ verdict: 'allow', approver: 'tui', scope: 'once' });
      },
    };
    const { w, roots } = await session('s-deny', () => [counting]);
    try {
      const r = await askRunningSession(ask('rm -rf /'), new AbortController().signal, roots);
      expect(r).toMatchObject({ verdict: 'deny', approver: 'policy' });
      expect(asked).toBe(0);
      // Control: an ask the session also asks about does reach the approver.
      const r2 = await askRunningSession(
        ask('git push --force origin x'),
        new AbortController().signal,
        roots,
      );
      expect(r2).toMatchObject({ verdict: 'allow', approver: 'tui' });
      expect(asked).toBe(1);
    } finally {
      await w.close();
    }
  });

  it('a session that never confirms the ask (frozen) is passed over for the next one', async () => {
    const frozenRoot = mkdtempSync(path.join(root, 'frozen-'));
    mkdirSync(path.join(frozenRoot, 's-frozen'), { mode: 0o700 });
    const held: net.Socket[] = [];
    const frozen = net.createServer((c) => held.push(c)); // accepts, never answers
    await new Promise<void>((r) => frozen.listen(path.join(frozenRoot, 's-frozen', 'watch.sock'), r));
    const tui: Approver = {
      name: 'tui',
      decide: () => Promise.resolve({ verdict: 'allow', approver: 'tui', scope: 'once' }),
    };
    const { w, roots } = await session('s-live', () => [tui]);
    try {
      const r = await askRunningSession(
        ask('git push --force origin x'),
        new AbortController().signal,
        [frozenRoot, ...roots],
        300,
      );
      expect(r).toMatchObject({ verdict: 'allow', approver: 'tui', session: 's-live' });
      expect(held).toHaveLength(1);
    } finally {
      held.forEach((c) => c.destroy());
      await new Promise((r) => frozen.close(r));
      await w.close();
    }
  });

  it('the asking connection cannot answer, and a hang-up withdraws the ask', async () => {
    let withdrawn = false;
    const waiting: Approver = {
      name: 'tui',
      decide: (_r, signal) =>
        new Promise((resolve) =>
          signal.addEventListener('abort', () => {
            withdrawn = true;
            resolve({ verdict: 'deny', approver: 'tui', scope: 'once' });
          }),
        ),
    };
    const { w, roots } = await session('s-self', () => [waiting]);
    try {
      const sock = net.connect(path.join(roots[0], 's-self', 'watch.sock'));
      let got = '';
      sock.on('data', (d: Buffer) => (got += d.toString()));
      const closed = new Promise((r) => sock.on('close', r));
      sock.write(JSON.stringify({ t: 'ask', ...ask('git push --force origin x') }) + '\n');
      sock.write(
        JSON.stringify({ t: 'answer', id: HOOK_ASK_FIRST_ID, verdict: 'allow', scope: 'once' }) + '\n',
      );
      await closed;
      expect(got).toContain('{"t":"asking"}');
      expect(got).toContain('E_WATCH_PROTOCOL');
      expect(got).not.toContain('"verdict":"allow"');
      for (let i = 0; i < 100 && !withdrawn; i++) await new Promise((r) => setTimeout(r, 20));
      expect(withdrawn).toBe(true);
    } finally {
      await w.close();
    }
  });
});
