/**
 * `agentfw approve ID` against a real watch server (the running session's socket): the
 * answer settles the request; typed confirmation travels with it; a wrong code, an id
 * that is not waiting, or a missing confirmation value approves nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApprovalRequest, ApprovalResult } from '../../src/approval/types.js';
import { startWatchServer, type WatchServer } from '../../src/approval/watch-server.js';
import { approveOnce } from '../../src/cli/approve.js';

let dir: string;
let server: WatchServer;
let socket: string;

const req = (id: number, confirm?: string): ApprovalRequest => ({
  id,
  ts: 't',
  layer: 'shell',
  cwd: '/w',
  command: `dropdb prod-${id}`,
  decision: { decision: 'ask', findings: [], reason: 'r', commands: [], facts: [], issues: [], ms: 1 },
  ...(confirm ? { confirm } : {}),
});

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'afw-approve-'));
  socket = path.join(dir, 'sess', 'watch.sock');
  server = await startWatchServer({
    socketPath: socket,
    info: { id: 'sess', packs: [], auditPath: '/dev/null', watchSocket: socket },
    onDecision: () => () => undefined,
    approvalTimeoutMs: 3000,
    failDelayMs: 5,
  });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function pending(r: ApprovalRequest): Promise<ApprovalResult> {
  return server.approver.decide(r, new AbortController().signal);
}

describe('agentfw approve', () => {
  it.each([
    ['allow', { verdict: 'allow' as const }, undefined, 'allow'],
    ['deny', { verdict: 'deny' as const }, undefined, 'deny'],
    ['allow with the typed value', { verdict: 'allow' as const, confirm: 'prod-7' }, 'prod-7', 'allow'],
  ])('%s settles the request', async (_n, a, confirm, want) => {
    const result = pending(req(7, confirm));
    await approveOnce(socket, server.pairingCode, { id: 7, scope: 'once', ...a });
    expect(await result).toMatchObject({ verdict: want, approver: 'watch' });
  });

  it('typed value asked for when not given, and it travels with the answer', async () => {
    const result = pending(req(8, 'prod-8'));
    await approveOnce(
      socket,
      server.pairingCode,
      { id: 8, verdict: 'allow', scope: 'once' },
      async () => 'prod-8',
    );
    expect((await result).verdict).toBe('allow');
  });

  it.each([
    ['wrong typed value', 'prod-x', /E_WATCH_CONFIRM|typed confirmation/],
    ['no typed value', undefined, /E_WATCH_CONFIRM|typed confirmation/],
  ])('%s: refused, the request stays pending', async (_n, confirm, err) => {
    const result = pending(req(9, 'prod-9'));
    await expect(
      approveOnce(socket, server.pairingCode, { id: 9, verdict: 'allow', scope: 'once', confirm }),
    ).rejects.toThrow(err);
    // Still waiting: a correct answer afterwards settles it.
    await approveOnce(socket, server.pairingCode, { id: 9, verdict: 'deny', scope: 'once' });
    expect((await result).verdict).toBe('deny');
  });

  it('an id that is not waiting names the pending ones', async () => {
    const result = pending(req(3));
    await expect(
      approveOnce(socket, server.pairingCode, { id: 4, verdict: 'allow', scope: 'once' }),
    ).rejects.toThrow(/#4 is not waiting/);
    await approveOnce(socket, server.pairingCode, { id: 3, verdict: 'deny', scope: 'once' });
    expect((await result).verdict).toBe('deny');
  });

  it('a wrong pairing code approves nothing', async () => {
    const result = pending(req(5));
    await expect(
      approveOnce(socket, 'AAAA-AAAA', { id: 5, verdict: 'allow', scope: 'once' }),
    ).rejects.toThrow();
    await approveOnce(socket, server.pairingCode, { id: 5, verdict: 'deny', scope: 'once' });
    expect((await result).verdict).toBe('deny');
  });
});
