/**
 * The broker's two connection kinds, over a real Unix socket: one request per connection
 * (the shims), and the exec-gate helper's persistent connection with numbered requests
 * whose answers come back prefixed and in any order, and requests that are broken or
 * given up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBroker, type Broker } from '../../src/approval/broker.js';
import { MAX_REQUEST_BYTES, type GateReply, type GateRequest } from '../../src/gates/protocol.js';

let dir: string;
let broker: Broker;
/** Per argv[1]: how long the handler takes, in ms, and whether it allows. */
const plan: Record<string, { ms: number; allow: boolean }> = {};
/** Per argv[1]: whether the request's signal was aborted when its handler finished. */
const aborted: Record<string, boolean> = {};
/** How many requests reached the handler. */
let handled = 0;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-broker-'));
  handled = 0;
  broker = await startBroker({
    socketPath: path.join(dir, 'gate.sock'),
    keepaliveMs: 50,
    readTimeoutMs: 300,
    handle: async (req: GateRequest, signal): Promise<GateReply> => {
      handled++;
      const p = plan[req.argv[1] ?? ''] ?? { ms: 0, allow: true };
      await new Promise((r) => setTimeout(r, p.ms));
      aborted[req.argv[1] ?? ''] = signal.aborted;
      return { allow: p.allow, env: {}, message: p.allow ? '' : `refused ${req.argv[1]}\nask the user` };
    },
  });
});
afterEach(async () => {
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
});

const exec = (arg: string, seq?: number) =>
  JSON.stringify({ layer: 'exec', argv: ['/bin/true', arg], cwd: '/', path: '/bin/true', pid: 1, seq }) +
  '\n';

/** Writes `lines`, collects what comes back until `until(text)` or the socket closes. */
function talk(lines: string[], until: (t: string) => boolean): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    const c = net.connect(broker.socketPath);
    let text = '';
    let closed = false;
    const done = () => resolve({ text, closed });
    c.on('data', (d) => {
      text += d;
      if (until(text)) {
        c.destroy();
        done();
      }
    });
    c.on('close', () => {
      closed = true;
      done();
    });
    c.on('error', () => undefined);
    for (const l of lines) c.write(l);
  });
}

/** Writes each of `pieces` 50 ms apart, and collects what comes back until the socket closes. */
function talkSlowly(pieces: string[]): Promise<{ text: string }> {
  return new Promise((resolve) => {
    const c = net.connect(broker.socketPath);
    let text = '';
    c.on('data', (d) => (text += d));
    c.on('close', () => resolve({ text }));
    c.on('error', () => undefined);
    pieces.forEach((p, i) => setTimeout(() => c.write(p), 50 * i));
  });
}

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('one request per connection', () => {
  it('answers at once without a WAIT line and ends the connection', async () => {
    plan.fast = { ms: 0, allow: true };
    const r = await talk([exec('fast')], () => false);
    expect(r.text).toBe('ALLOW\nEND\n');
    expect(r.closed).toBe(true);
  });
  it('says WAIT while a slow answer is pending, then answers', async () => {
    plan.slow = { ms: 400, allow: false };
    const r = await talk([exec('slow')], () => false);
    expect(r.text).toMatch(/^(WAIT\n)+DENY\nMSG refused slow\nMSG ask the user\nEND\n$/);
  });

  it.each([
    { name: 'a request sent in two pieces', pieces: (l: string) => [l.slice(0, 20), l.slice(20)] },
    {
      name: 'a request with a second one behind it (ignored)',
      pieces: (l: string) => [l + exec('second')],
    },
  ])('answers $name once', async ({ pieces }) => {
    plan.split = { ms: 0, allow: false };
    const r = await talkSlowly(pieces(exec('split')));
    expect(r.text).toBe('DENY\nMSG refused split\nMSG ask the user\nEND\n');
    expect(handled).toBe(1);
  });

  it.each([
    { name: 'a line that is not a request', line: 'not json\n', why: 'could not be read' },
    { name: 'a request that never ends', line: '{"layer":"shell"', why: 'incomplete request (timed out)' },
    {
      name: 'an oversized request',
      line: 'x'.repeat(MAX_REQUEST_BYTES + 2),
      why: 'too large to be checked',
    },
  ])('fail closed: refuses $name unread', async ({ line, why }) => {
    const r = await talk([line], () => false);
    expect(r.text).toMatch(/^DENY\nMSG agentfw: the (command gate sent an? |command is )/);
    expect(r.text).toContain(why);
    expect(handled).toBe(0);
  });

  it('decides a request whose client hung up right after it as given up', async () => {
    plan.quit = { ms: 100, allow: true };
    const c = net.connect(broker.socketPath);
    c.on('error', () => undefined);
    await new Promise((r) => c.once('connect', r));
    c.end(exec('quit'));
    await until(() => aborted.quit !== undefined);
    expect(aborted.quit).toBe(true);
  });

  it('answers nothing to a client that leaves without a request, and keeps serving', async () => {
    const c = net.connect(broker.socketPath);
    await new Promise((r) => c.once('connect', r));
    c.end();
    const r = await talk([exec('after')], () => false);
    expect(r.text).toBe('ALLOW\nEND\n');
    expect(handled).toBe(1);
  });
});

describe('persistent, numbered requests (exec gate)', () => {
  it.each([
    { name: 'in order', first: 0, second: 0 },
    { name: 'a slow first answer does not hold up the second', first: 300, second: 0 },
  ])('$name', async ({ first, second }) => {
    plan.a = { ms: first, allow: true };
    plan.b = { ms: second, allow: false };
    const r = await talk([exec('a', 1), exec('b', 2)], (t) => t.includes('1 END\n') && t.includes('2 END\n'));
    expect(r.closed).toBe(false); // the connection stays open for more requests
    const lines = r.text.split('\n').filter((l) => l && !/^\d+ WAIT$/.test(l));
    const of = (seq: number) => lines.filter((l) => l.startsWith(`${seq} `)).map((l) => l.slice(2));
    expect(of(1)).toEqual(['ALLOW', 'END']);
    expect(of(2)).toEqual(['DENY', 'MSG refused b', 'MSG ask the user', 'END']);
    if (first > second) expect(r.text.indexOf('2 END')).toBeLessThan(r.text.indexOf('1 END'));
  });

  it('numbers its WAIT lines while a decision is pending', async () => {
    plan.w = { ms: 300, allow: true };
    const r = await talk([exec('w', 7)], (t) => t.includes('7 END\n'));
    expect(r.text).toMatch(/^(7 WAIT\n)+7 ALLOW\n7 END\n$/);
  });

  it.each([
    { name: 'an unnumbered request after a numbered one', lines: [exec('a', 1), exec('b')] },
    { name: 'a line that is not a request', lines: [exec('a', 1), 'not json\n'] },
  ])('fail closed: $name ends the whole connection', async ({ lines }) => {
    plan.a = { ms: 200, allow: true };
    plan.b = { ms: 0, allow: true };
    const r = await talk(lines, () => false);
    expect(r.closed).toBe(true);
    expect(r.text).not.toContain('1 ALLOW'); // the open request is given up, not answered
  });

  it('refuses a number on a shell or tool request', async () => {
    const tool = JSON.stringify({ layer: 'tool', argv: ['curl', 'x'], cwd: '/', pid: 1, seq: 3 }) + '\n';
    const r = await talk([tool], () => false);
    expect(r.text).toMatch(/^DENY\nMSG agentfw: the command gate sent an inconsistent request/);
    expect(r.closed).toBe(true);
  });
});
