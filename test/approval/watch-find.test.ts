import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findWatchSocket, listSessions } from '../../src/approval/watch-find.js';

let root: string;
const servers: net.Server[] = [];

async function session(id: string): Promise<string> {
  const dir = path.join(root, `agentfw-${id}`);
  mkdirSync(dir, { mode: 0o700 });
  const sock = path.join(dir, 'watch.sock');
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(sock, () => r()));
  servers.push(s);
  return sock;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'agentfw-find-'));
  await session('aaa');
  mkdirSync(path.join(root, 'agentfw-stale'));
  writeFileSync(path.join(root, 'agentfw-stale', 'watch.sock'), 'not a socket');
  mkdirSync(path.join(root, 'other'));
});
afterAll(() => {
  servers.forEach((s) => s.close());
  rmSync(root, { recursive: true, force: true });
});

describe('findWatchSocket', () => {
  it('lists only live sockets of agentfw runtime dirs', () => {
    expect(listSessions([root]).map((s) => s.id)).toEqual(['aaa']);
  });
  it.each<[string, { socket?: string; session?: string }, string | RegExp]>([
    ['explicit socket wins', { socket: '/x/y.sock' }, '/x/y.sock'],
    ['session id', { session: 'aaa' }, /agentfw-aaa\/watch\.sock$/],
    ['session dir name', { session: 'agentfw-aaa' }, /agentfw-aaa\/watch\.sock$/],
    ['the only session', {}, /agentfw-aaa\/watch\.sock$/],
  ])('%s', (_n, opts, want) => {
    const got = findWatchSocket(opts, [root]);
    if (typeof want === 'string') expect(got).toBe(want);
    else expect(got).toMatch(want);
  });
  it('names the sessions when several run', async () => {
    await session('bbb');
    expect(() => findWatchSocket({}, [root])).toThrow(/2 sessions are running: aaa, bbb/);
  });
  it('explains a missing session', () => {
    expect(() => findWatchSocket({ session: 'zzz' }, [root])).toThrow(/no running session "zzz"/);
  });
});
