/**
 * Idle connections to watch.sock must not lock a real watcher out, nor drop one that is
 * paired: 20 idle connections (more than the unpaired bound), then a real `agentfw watch`
 * client pairs, and a watcher paired before the flood is still connected and gets events.
 * A headless session shows each new (rotated) pairing code on the human's stderr.
 */
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DecisionEvent } from '../../src/approval/types.js';
import { connectWatch, type WatchHandlers } from '../../src/approval/watch-client.js';
import { startWatchServer } from '../../src/approval/watch-server.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const handlers = (events: number[], closed: { v: boolean }): WatchHandlers => ({
  onEvent: (e) => events.push(e.id),
  onRequest: () => undefined,
  onSettled: () => undefined,
  onError: () => undefined,
  onClose: () => (closed.v = true),
});

describe('watch.sock under idle connections', () => {
  it('a real watcher still pairs, and a paired one stays', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'afw-watch-'));
    dirs.push(dir);
    let emit: (ev: DecisionEvent) => void = () => undefined;
    const socketPath = path.join(dir, 'watch.sock');
    const server = await startWatchServer({
      socketPath,
      info: { id: 's1', packs: [], auditPath: '', watchSocket: socketPath },
      onDecision: (cb) => ((emit = cb), () => undefined),
    });
    try {
      const firstEvents: number[] = [];
      const firstClosed = { v: false };
      const first = await connectWatch(socketPath, server.pairingCode, handlers(firstEvents, firstClosed));
      const idle: net.Socket[] = [];
      for (let i = 0; i < 20; i++) {
        const c = net.connect(socketPath);
        c.on('error', () => undefined);
        await new Promise<void>((r) => c.on('connect', () => r()));
        idle.push(c);
      }
      const secondEvents: number[] = [];
      const second = await connectWatch(socketPath, server.pairingCode, handlers(secondEvents, { v: false }));
      expect(server.clients).toBe(2);
      emit({
        id: 7,
        ts: 't',
        layer: 'shell',
        cwd: '/',
        command: 'ls',
        verdict: 'allow',
        rules: [],
        approver: 'policy',
        reason: '',
      });
      for (let i = 0; i < 100 && (firstEvents.length === 0 || secondEvents.length === 0); i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(firstEvents).toEqual([7]);
      expect(secondEvents).toEqual([7]);
      expect(firstClosed.v).toBe(false);
      // Only the newest 8 idle connections are still open.
      await new Promise((r) => setTimeout(r, 100));
      expect(idle.filter((c) => !c.destroyed && !c.readableEnded).length).toBeLessThanOrEqual(8);
      for (const c of idle) c.destroy();
      first.close();
      second.close();
    } finally {
      await server.close();
    }
  });
});

describe('headless session', () => {
  it('shows the rotated pairing code after a watcher pairs', async () => {
    const { spawn } = await import('node:child_process');
    const { existsSync, writeFileSync } = await import('node:fs');
    const { BIN, cliEnv, ensureBuilt } = await import('../e2e/run-helpers.js');
    const { scratch } = await import('../gates/shim/gate-helpers.js');
    ensureBuilt();
    const s = scratch();
    dirs.push(s.root);
    const flag = path.join(s.root, 'done');
    const agent = path.join(s.root, 'agent.mjs');
    writeFileSync(
      agent,
      `import { existsSync } from 'node:fs';\nfor (let i = 0; i < 600 && !existsSync(${JSON.stringify(flag)}); i++) await new Promise((r) => setTimeout(r, 50));\n`,
    );
    const p = spawn(
      process.execPath,
      [BIN, 'run', '--headless', '--approver', 'false', '--audit', s.audit, '--', process.execPath, agent],
      {
        env: cliEnv(s),
        cwd: s.ws,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise((r) => p.on('exit', r));
    for (let i = 0; i < 400 && !/pairing code [A-Z0-9]{4}-[A-Z0-9]{4}/.test(err); i++)
      await new Promise((r) => setTimeout(r, 25));
    const m = /--session (\S+)` \(pairing code ([A-Z0-9]{4}-[A-Z0-9]{4})\)/.exec(err);
    expect(m).not.toBeNull();
    const sock = path.join(s.root, 'rt', m![1], 'watch.sock');
    const conn = await connectWatch(sock, m![2], handlers([], { v: false }));
    for (let i = 0; i < 200 && !err.includes('new watch pairing code'); i++)
      await new Promise((r) => setTimeout(r, 25));
    const next = /new watch pairing code: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(err);
    expect(next).not.toBeNull();
    expect(next![1]).not.toBe(m![2]);
    conn.close();
    writeFileSync(flag, '');
    await exited;
    expect(existsSync(sock)).toBe(false);
  });
});
