/**
 * The answer keep-alive, for both clients (compiled C and Node fallback): a broker that
 * accepted the request but sends nothing (stopped, hung) is refused after
 * AGENTFW_ANSWER_MS of silence, far below the approval time; `WAIT` lines keep a slow
 * answer (a human deciding) alive. The "brokers" are raw sockets sending fixed bytes.
 */
import net from 'node:net';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../../src/gates/shim/client-path.js';
import type { Gate } from '../../../src/supervisor/gate.js';
import { run, useGate, type Scratch } from './gate-helpers.js';

let s: Scratch;
let gate: Gate;
useGate((t) => ({ s, gate } = t));

/** A socket that, per connection, sends `WAIT\n` every `waitEvery` ms (0 = never) and `final` after `finalAfter` ms (never when undefined). */
async function server(waitEvery: number, final?: string, finalAfter = 0) {
  const p = path.join(s.root, `ka-${Math.random().toString(36).slice(2)}.sock`);
  const conns = new Set<net.Socket>();
  const timers: NodeJS.Timeout[] = [];
  const srv = net.createServer((c) => {
    conns.add(c);
    c.on('error', () => undefined);
    c.once('data', () => {
      if (waitEvery) timers.push(setInterval(() => c.writable && c.write('WAIT\n'), waitEvery));
      if (final !== undefined) timers.push(setTimeout(() => c.writable && c.end(final), finalAfter));
    });
  });
  await new Promise<void>((r) => srv.listen(p, r));
  return {
    path: p,
    close: () =>
      new Promise<void>((r) => {
        for (const t of timers) clearInterval(t);
        for (const c of conns) c.destroy();
        srv.close(() => r());
      }),
  };
}

const FALLBACK = path.join(PACKAGE_ROOT, 'dist', 'gates', 'shim', 'fallback-client.js');
const clients: [string, (prog: string, args: string[]) => [string, string[]]][] = [
  ['C client', (prog, args) => [path.join(gate.shims.dir, prog), args]],
  ['Node fallback', (prog, args) => [process.execPath, [FALLBACK, path.join(gate.shims.dir, prog), ...args]]],
];

describe.each(clients)('%s', (name, cmd) => {
  let n = 0;
  const mark = () => path.join(s.ws, `ran-${name.replace(/\W/g, '')}-${n}.txt`);

  it('refuses a broker that accepted the request but stays silent', async () => {
    n++;
    const srv = await server(0);
    try {
      const env = {
        ...gate.agentEnv,
        AGENTFW_SOCK: srv.path,
        AGENTFW_WAIT_MS: '120000',
        AGENTFW_ANSWER_MS: '500',
      };
      const [f, a] = cmd('bash', ['-c', `touch ${mark()}`]);
      const r = await run(f, a, { env, cwd: s.ws, timeoutMs: 60_000 });
      expect(r.code).toBe(126);
      expect(r.stderr).toContain('stopped or hung');
      expect(existsSync(mark())).toBe(false);
    } finally {
      await srv.close();
    }
  });

  it('keeps waiting while WAIT lines come, then follows the answer', async () => {
    n++;
    const srv = await server(100, 'ALLOW\nEND\n', 1500);
    try {
      const env = {
        ...gate.agentEnv,
        AGENTFW_SOCK: srv.path,
        AGENTFW_WAIT_MS: '120000',
        AGENTFW_ANSWER_MS: '500',
      };
      const [f, a] = cmd('bash', ['-c', `touch ${mark()}`]);
      const r = await run(f, a, { env, cwd: s.ws, timeoutMs: 60_000 });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(existsSync(mark())).toBe(true);
    } finally {
      await srv.close();
    }
  });
});
