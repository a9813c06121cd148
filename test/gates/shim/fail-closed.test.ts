/**
 * The client refuses (exit 126, nothing runs) whenever it cannot get a well-formed answer:
 * no socket, a dead broker, garbage, a cut-short answer, a bad ENV line, or silence.
 * The misbehaving "brokers" here are raw sockets that send fixed bytes; the client's
 * parsing is what is tested, not a verdict.
 */
import net from 'node:net';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Gate } from '../../../src/supervisor/gate.js';
import { run, scratch, testGate, useGate, type Scratch } from './gate-helpers.js';

let s: Scratch;
let gate: Gate;
useGate((t) => ({ s, gate } = t));

/** A socket that answers every connection with `reply` (undefined = never answers). */
async function rawServer(reply: string | undefined): Promise<{ path: string; close: () => Promise<void> }> {
  const p = path.join(s.root, `raw-${Math.random().toString(36).slice(2)}.sock`);
  const conns = new Set<net.Socket>();
  const srv = net.createServer((c) => {
    conns.add(c);
    c.on('data', () => {
      if (reply !== undefined) c.end(reply);
    });
    c.on('error', () => undefined);
  });
  await new Promise<void>((r) => srv.listen(p, r));
  return {
    path: p,
    close: () =>
      new Promise((r) => {
        for (const c of conns) c.destroy();
        srv.close(() => r());
      }),
  };
}

const MARK = () => path.join(s.ws, 'ran.txt');

describe('client fails closed', () => {
  it.each([
    ['garbage', 'HELLO\n', 'not understood'],
    ['ALLOW without END', 'ALLOW\n', 'cut short'],
    ['unknown line after ALLOW', 'ALLOW\nMAYBE\nEND\n', 'not understood'],
    ['ENV with a bad name', 'ALLOW\nENV 1BAD=eA==\nEND\n', 'malformed ENV'],
    ['lower-case verdict', 'allow\nEND\n', 'not understood'],
    ['empty answer', '', 'without answering'],
  ])('refuses on %s', async (_name, reply, why) => {
    const srv = await rawServer(reply);
    try {
      const env = { ...gate.agentEnv, AGENTFW_SOCK: srv.path };
      const r = await run('bash', ['-c', `touch ${MARK()}`], { env, cwd: s.ws });
      expect(r.code).toBe(126);
      expect(r.stderr).toContain(why);
      expect(r.stderr).toContain('Do not retry or work around this; ask the user.');
      expect(existsSync(MARK())).toBe(false);
    } finally {
      await srv.close();
    }
  });

  it('refuses when the broker never answers (bounded wait)', async () => {
    const srv = await rawServer(undefined);
    try {
      const env = { ...gate.agentEnv, AGENTFW_SOCK: srv.path, AGENTFW_WAIT_MS: '400' };
      const t0 = Date.now();
      const r = await run('curl', ['-s', 'http://127.0.0.1:9/'], { env, cwd: s.ws });
      expect(r.code).toBe(126);
      expect(r.stderr).toContain('in time');
      expect(Date.now() - t0).toBeLessThan(5000);
    } finally {
      await srv.close();
    }
  });

  it('refuses when AGENTFW_SOCK is unset', async () => {
    const env = { ...gate.agentEnv };
    delete (env as Record<string, string | undefined>).AGENTFW_SOCK;
    const r = await run('bash', ['-c', `touch ${MARK()}`], { env, cwd: s.ws });
    expect(r.code).toBe(126);
    expect(r.stderr).toContain('AGENTFW_SOCK is not set');
    expect(existsSync(MARK())).toBe(false);
  });

  it('refuses when the socket file exists but nobody listens', async () => {
    const dead = path.join(s.root, 'dead.sock');
    writeFileSync(dead, '');
    const r = await run('bash', ['-c', `touch ${MARK()}`], {
      env: { ...gate.agentEnv, AGENTFW_SOCK: dead },
      cwd: s.ws,
    });
    expect(r.code).toBe(126);
    expect(r.stderr).toContain('unreachable');
    expect(existsSync(MARK())).toBe(false);
  });

  it('refuses every path once the broker is killed', async () => {
    const s2 = scratch();
    const g2 = await testGate(s2);
    const ok = await run('bash', ['-c', 'echo alive'], { env: g2.agentEnv, cwd: s2.ws });
    expect(ok.stdout).toContain('alive');
    await g2.broker.close();
    const mark = path.join(s2.ws, 'ran.txt');
    for (const [file, args] of [
      ['bash', ['-c', `touch ${mark}`]],
      ['/bin/bash', ['-c', `touch ${mark}`]],
      ['/bin/dash', ['-c', `curl -s -o ${mark} http://127.0.0.1:9/`]],
    ] as [string, string[]][]) {
      const r = await run(file, args, { env: g2.agentEnv, cwd: s2.ws });
      expect(r.stderr).toContain('unreachable');
      expect(existsSync(mark)).toBe(false);
    }
    await g2.close();
    s2.cleanup();
  });
});
