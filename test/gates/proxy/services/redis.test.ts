/**
 * A declared Redis host service, judged on the wire: a RESP client talks through the
 * service handler to a small RESP2 server that records what it executes. Harmless commands
 * arrive (pipelined, in order); FLUSHALL / FLUSHDB are held with the rule and "ask the user"
 * in the error reply and never run; a held command inside MULTI discards the whole
 * transaction; AUTH's password never reaches the audit. Control: the same client straight
 * at the server runs FLUSHALL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditInput } from '../../../../src/audit/writer.js';
import { createHostServices } from '../../../../src/gates/proxy/services/index.js';
import { cutCommand, valueEnd } from '../../../../src/gates/proxy/services/resp.js';
import { redactWords } from '../../../../src/gates/proxy/services/redis-session.js';
import { createSecretSet } from '../../../../src/secrets/index.js';
import { scriptedApprover, sharedEngine } from '../helpers.js';

/** Commands the server executed (MULTI-queued ones when EXEC runs them). */
const executed: string[] = [];
let redis: net.Server;
let redisPort = 0;
let front: net.Server;
let frontPort = 0;
const audit: AuditInput[] = [];
const approver = scriptedApprover();

const resp = (words: string[]) =>
  `*${words.length}\r\n${words.map((w) => `$${Buffer.byteLength(w)}\r\n${w}\r\n`).join('')}`;

async function listen(srv: net.Server): Promise<number> {
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return (srv.address() as net.AddressInfo).port;
}

/** The secrets scan's workspace (empty), removed after the file. */
let ws = '';
beforeAll(async () => {
  redis = net.createServer((s) => {
    let buf: Buffer = Buffer.alloc(0);
    let queue: string[][] | undefined;
    s.on('error', () => s.destroy());
    s.on('data', (b: Buffer) => {
      buf = Buffer.concat([buf, b]);
      for (;;) {
        const c = cutCommand(buf);
        if (!('msg' in c)) return;
        buf = c.rest;
        const w = c.msg.words;
        const cmd = w[0].toUpperCase();
        if (cmd === 'MULTI') {
          queue = [];
          s.write('+OK\r\n');
        } else if (cmd === 'DISCARD') {
          queue = undefined;
          s.write('+OK\r\n');
        } else if (cmd === 'EXEC') {
          const q = queue ?? [];
          queue = undefined;
          for (const x of q) executed.push(x.join(' '));
          s.write(`*${q.length}\r\n${q.map(() => '+OK\r\n').join('')}`);
        } else if (queue) {
          queue.push(w);
          s.write('+QUEUED\r\n');
        } else {
          executed.push(w.join(' '));
          s.write(cmd === 'GET' ? '$2\r\nv1\r\n' : '+OK\r\n');
        }
      }
    });
  });
  redisPort = await listen(redis);
  const engine = await sharedEngine();
  const secrets = await createSecretSet({
    env: {},
    workspace: (ws = mkdtempSync(path.join(os.tmpdir(), 'afw-svc-'))),
    config: {},
  });
  const hs = createHostServices({
    services: [{ port: redisPort, protocol: 'redis', label: 'redis', file: 'test', tier: 'user' }],
    explained: [],
    deps: {
      decideFacts: (f, i) => engine.decideFacts(f, i),
      secrets,
      audit: (r) => audit.push(r),
      approvers: () => [approver],
      approvalTimeoutMs: 20_000,
      cwd: '/tmp',
    },
    headless: () => true,
    sender: () => ({ pid: 0, cmdline: '', program: '' }),
  });
  front = net.createServer({ pauseOnConnect: true }, (s) =>
    hs.handle({ port: redisPort, innerPort: s.remotePort ?? 0, sock: s, head: Buffer.alloc(0) }),
  );
  frontPort = await listen(front);
});
afterAll(() => {
  rmSync(ws, { recursive: true, force: true });
  front?.close();
  redis?.close();
});

/** Sends all commands at once (pipelined); resolves with the raw replies, one per command. */
function session(port: number, cmds: string[][]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.write(cmds.map(resp).join('')));
    let buf: Buffer = Buffer.alloc(0);
    const replies: string[] = [];
    s.on('data', (b: Buffer) => {
      buf = Buffer.concat([buf, b]);
      for (let e = valueEnd(buf, 0); e > 0; e = valueEnd(buf, 0)) {
        replies.push(buf.subarray(0, e).toString());
        buf = buf.subarray(e);
      }
      if (replies.length >= cmds.length) s.end();
    });
    s.on('close', () => resolve(replies));
    s.on('error', reject);
  });
}

describe('redis host service: each command judged', () => {
  it('control: straight at the server FLUSHALL runs', async () => {
    const r = await session(redisPort, [['FLUSHALL']]);
    expect(r).toEqual(['+OK\r\n']);
    expect(executed.at(-1)).toBe('FLUSHALL');
  });

  it('harmless pipelined commands arrive in order; FLUSHALL in the middle is held, its reply in place', async () => {
    const before = executed.length;
    const r = await session(frontPort, [['SET', 'k', 'v1'], ['FLUSHALL'], ['GET', 'k']]);
    expect(r[0]).toBe('+OK\r\n');
    expect(r[1]).toMatch(/^-ERR agentfw: BLOCKED by databases\/keyvalue-flush: .*ask the user/);
    expect(r[2]).toBe('$2\r\nv1\r\n');
    expect(executed.slice(before)).toEqual(['SET k v1', 'GET k']);
    expect(audit.filter((a) => a.rules.includes('databases/keyvalue-flush')).at(-1)).toMatchObject({
      layer: 'proxy',
      decision: 'deny',
      verdict: 'ask',
    });
  });

  it('a held command inside MULTI discards the transaction: nothing of it runs', async () => {
    const before = executed.length;
    const r = await session(frontPort, [
      ['MULTI'],
      ['SET', 'a', '1'],
      ['FLUSHDB'],
      ['SET', 'b', '2'],
      ['EXEC'],
    ]);
    expect(r.slice(0, 2)).toEqual(['+OK\r\n', '+QUEUED\r\n']);
    expect(r[2]).toMatch(/^-ERR agentfw: BLOCKED by databases\/keyvalue-flush/);
    expect(r[3]).toMatch(/^-ERR agentfw: not queued/);
    expect(r[4]).toMatch(/^-EXECABORT/);
    expect(executed.slice(before)).toEqual([]);
  });

  it('an approved FLUSHALL runs', async () => {
    approver.answers.push('allow');
    const before = executed.length;
    expect(await session(frontPort, [['FLUSHALL']])).toEqual(['+OK\r\n']);
    expect(executed.slice(before)).toEqual(['FLUSHALL']);
  });

  it('AUTH passes, its password is not in what is audited', async () => {
    await session(frontPort, [['AUTH', 'app', 'hunter2-secret'], ['PING']]);
    expect(executed).toContain('AUTH app hunter2-secret');
    expect(JSON.stringify(audit)).not.toContain('hunter2-secret');
  });

  it.each([
    [
      ['AUTH', 'pw'],
      ['AUTH', '***'],
    ],
    [
      ['HELLO', '3', 'AUTH', 'u', 'pw'],
      ['HELLO', '3', 'AUTH', '***', '***'],
    ],
    [
      ['CONFIG', 'SET', 'requirepass', 'pw'],
      ['CONFIG', 'SET', 'requirepass', '***'],
    ],
    [
      ['GET', 'AUTH'],
      ['GET', 'AUTH'],
    ],
  ])('redactWords(%j)', (words, want) => {
    expect(redactWords(words)).toEqual(want);
  });
});

describe('RESP framing', () => {
  it.each([
    ['+OK\r\n', 5],
    ['$3\r\nabc\r\n', 9],
    ['$-1\r\n', 5],
    ['*2\r\n:1\r\n$1\r\nx\r\n', 15],
    ['%1\r\n+a\r\n:1\r\n', 12],
    ['*2\r\n:1\r\n', -1],
    ['?x\r\n', -2],
  ])('valueEnd(%j) = %d', (text, end) => {
    expect(valueEnd(Buffer.from(text), 0)).toBe(end);
  });

  it.each([
    ['PING\r\n', ['PING']],
    ['*2\r\n$3\r\nGET\r\n$1\r\nk\r\n', ['GET', 'k']],
  ])('cutCommand(%j)', (text, words) => {
    const c = cutCommand(Buffer.from(text));
    expect('msg' in c && c.msg.words).toEqual(words);
  });

  it.each([['*1\r\n:5\r\n'], ['*2000000\r\n'], ['*1\r\n$99999999999\r\n']])('fail closed: %j', (text) => {
    expect('error' in cutCommand(Buffer.from(text))).toBe(true);
  });
});
