import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findWatchSocket, listSessions, runtimeRoots } from '../../src/approval/watch-find.js';

let root: string;
const servers: net.Server[] = [];

async function session(id: string): Promise<string> {
  const dir = path.join(root, id);
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
  mkdirSync(path.join(root, 'stale'));
  writeFileSync(path.join(root, 'stale', 'watch.sock'), 'not a socket');
  mkdirSync(path.join(root, 'other'));
});
afterAll(() => {
  servers.forEach((s) => s.close());
  rmSync(root, { recursive: true, force: true });
});

describe('runtimeRoots', () => {
  it.each<[string, NodeJS.ProcessEnv, string]>([
    ['AGENTFW_RUNTIME_DIR', { AGENTFW_RUNTIME_DIR: '/r/x' }, '/r/x'],
    ['XDG_RUNTIME_DIR', { XDG_RUNTIME_DIR: '/run/user/7' }, '/run/user/7/agentfw'],
    ['the temp dir', {}, path.join(os.tmpdir(), `agentfw-${process.getuid?.() ?? 0}`)],
  ])('searches where `agentfw run` puts sessions: %s', (_n, env, want) => {
    expect(runtimeRoots(env)).toContain(want);
  });
});

describe('findWatchSocket', () => {
  it('lists only live sockets of agentfw runtime dirs', () => {
    expect(listSessions([root]).map((s) => s.id)).toEqual(['aaa']);
  });
  it.each<[string, { socket?: string; session?: string }, string | RegExp]>([
    ['explicit socket wins', { socket: '/x/y.sock' }, '/x/y.sock'],
    ['session id', { session: 'aaa' }, /\/aaa\/watch\.sock$/],
    ['the only session', {}, /\/aaa\/watch\.sock$/],
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
