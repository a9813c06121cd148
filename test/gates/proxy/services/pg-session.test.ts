/**
 * A declared PostgreSQL host service, judged on the wire: a real `psql` (and a raw
 * extended-protocol client) talks through the service handler to a fake server speaking
 * the real protocol. Harmless queries arrive; DROP TABLE and an unfiltered DELETE are held
 * with the rule and "ask the user" shown by psql, and never reach the server; an approved
 * one arrives. Control: psql straight at the server delivers the destructive query.
 * (The sandbox's bridge in front of this handler is covered in test/e2e/sandbox-services.test.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync, spawn } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditInput } from '../../../../src/audit/writer.js';
import type { DeclaredService } from '../../../../src/config/services.js';
import { createHostServices } from '../../../../src/gates/proxy/services/index.js';
import { createSecretSet } from '../../../../src/secrets/index.js';
import { scriptedApprover, sharedEngine } from '../helpers.js';
import { startFakePg, type FakePg } from './fake-pg.js';

const HAS_PSQL = spawnSync('sh', ['-c', 'command -v psql'], { encoding: 'utf8' }).status === 0;

let pg: FakePg;
let front: net.Server;
let frontPort = 0;
let explainPort = 0;
let explainServer: net.Server;
const audit: AuditInput[] = [];
const approver = scriptedApprover();

async function listen(handle: (s: net.Socket) => void): Promise<[net.Server, number]> {
  const srv = net.createServer({ pauseOnConnect: true }, handle);
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return [srv, (srv.address() as net.AddressInfo).port];
}

/** The secrets scan's workspace (empty), removed after the file. */
let ws = '';
beforeAll(async () => {
  pg = await startFakePg();
  const engine = await sharedEngine();
  const secrets = await createSecretSet({
    env: {},
    workspace: (ws = mkdtempSync(path.join(os.tmpdir(), 'afw-svc-'))),
    config: {},
  });
  const svc: DeclaredService = {
    port: pg.port,
    protocol: 'postgres',
    label: 'postgres',
    file: 'test',
    tier: 'user',
  };
  const hs = createHostServices({
    services: [svc],
    explained: [54329],
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
  // Stand-ins for the bridge's listeners inside the sandbox: one per port, same handler.
  [front, frontPort] = await listen((s) =>
    hs.handle({ port: pg.port, innerPort: s.remotePort ?? 0, sock: s, head: Buffer.alloc(0) }),
  );
  [explainServer, explainPort] = await listen((s) =>
    hs.handle({ port: 54329, innerPort: s.remotePort ?? 0, sock: s, head: Buffer.alloc(0) }),
  );
});
afterAll(async () => {
  rmSync(ws, { recursive: true, force: true });
  front?.close();
  explainServer?.close();
  await pg?.close();
});
beforeEach(() => {
  approver.answers.length = 0;
});

function psql(port: number, args: string[], input?: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(
      'psql',
      ['-X', '-h', '127.0.0.1', '-p', String(port), '-U', 'app', '-d', 'shop', ...args],
      {
        env: { ...process.env, PGCONNECT_TIMEOUT: '10', PGPASSWORD: '' },
      },
    );
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    p.on('close', (code) => resolve({ code: code ?? -1, out }));
    p.stdin.end(input ?? '');
  });
}

describe.skipIf(!HAS_PSQL)('postgres host service: each query judged', () => {
  it('control: psql straight at the server delivers DROP TABLE', async () => {
    const r = await psql(pg.port, ['-c', 'DROP TABLE users_control']);
    expect(r.code).toBe(0);
    expect(pg.queries).toContain('DROP TABLE users_control');
  });

  it.each([
    ['select 1', ['-c', 'select 1'], undefined, 'select 1'],
    ['a filtered DELETE', [], 'DELETE FROM users WHERE id = 7;\n', 'DELETE FROM users WHERE id = 7;'],
    ['an INSERT', [], "INSERT INTO users (name) VALUES ('x');\n", "INSERT INTO users (name) VALUES ('x');"],
  ])('%s arrives at the server', async (_n, args, input, sent) => {
    const ssl = pg.sslRequests;
    const r = await psql(frontPort, args, input);
    expect(r.out).not.toContain('BLOCKED');
    expect(r.code).toBe(0);
    expect(pg.queries).toContain(sent);
    // no TLS inside the bridge: the handler answered psql's SSLRequest, the server saw none
    expect(pg.sslRequests).toBe(ssl);
  });

  it.each([
    ['DROP TABLE users;', 'databases/drop-table'],
    ['DELETE FROM users;', 'databases/unfiltered-delete-or-update'],
    ['UPDATE users SET plan = 0;', 'databases/unfiltered-delete-or-update'],
  ])('%s is held (headless: denied), psql shows the rule and "ask the user"', async (sql, rule) => {
    const before = pg.queries.length;
    const r = await psql(frontPort, [], `${sql}\nselect 2;\n`);
    expect(r.out).toContain(`agentfw: BLOCKED by ${rule}`);
    expect(r.out).toMatch(/ask the user/);
    // nothing of the held query reached the server; the connection stayed usable
    expect(pg.queries.slice(before)).toEqual(['select 2;']);
    const rec = audit.filter((a) => a.rules.includes(rule)).at(-1);
    expect(rec).toMatchObject({ layer: 'proxy', decision: 'deny', verdict: 'ask', approver: 'test' });
    expect(approver.seen.at(-1)?.layer).toBe('proxy');
  });

  it('one query string with a harmless and a destructive statement is held whole', async () => {
    const before = pg.queries.length;
    const r = await psql(frontPort, ['-c', 'select 1; TRUNCATE orders']);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('agentfw: BLOCKED by databases/truncate');
    expect(pg.queries.length).toBe(before);
  });

  it('a human who approves lets the DROP through', async () => {
    approver.answers.push('allow');
    const r = await psql(frontPort, [], 'DROP TABLE sessions;\n');
    expect(r.code).toBe(0);
    expect(pg.queries).toContain('DROP TABLE sessions;');
    expect(audit.at(-1)).toMatchObject({ decision: 'allow', verdict: 'ask', approver: 'test' });
  });

  it('an undeclared host port: no route, psql is told how to declare it', async () => {
    const before = pg.queries.length;
    const r = await psql(explainPort, ['-c', 'select 1']);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('not declared');
    expect(r.out).toContain('services: [{port: 54329, protocol: postgres}]');
    expect(pg.queries.length).toBe(before);
    expect(audit.at(-1)).toMatchObject({ decision: 'deny', rules: ['agentfw/undeclared-service'] });
  });
});

/** Frontend messages for a raw extended-protocol client. */
const m = (type: string, body: Buffer) => {
  const h = Buffer.alloc(5);
  h.write(type, 0, 'latin1');
  h.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([h, body]);
};
const z = (s: string) => Buffer.from(`${s}\0`);
const parse = (sql: string) => m('P', Buffer.concat([z(''), z(sql), Buffer.from([0, 0])]));
const bind = m('B', Buffer.concat([z(''), z(''), Buffer.from([0, 0, 0, 0, 0, 0])]));
const exec = m('E', Buffer.concat([z(''), Buffer.from([0, 0, 0, 0])]));
const sync = m('S', Buffer.alloc(0));

/** Sends `batches` one after another (each after the previous ReadyForQuery); returns the backend message types per batch. */
async function extended(port: number, batches: Buffer[]): Promise<string[]> {
  const s = net.connect(port, '127.0.0.1');
  const startup = Buffer.concat([Buffer.from([0, 3, 0, 0]), z('user'), z('app'), Buffer.from([0])]);
  const len = Buffer.alloc(4);
  len.writeInt32BE(startup.length + 4);
  s.write(Buffer.concat([len, startup]));
  const seen: string[] = [];
  let cur = '';
  let buf = Buffer.alloc(0);
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    s.on('error', reject);
    s.on('data', (b: Buffer) => {
      buf = Buffer.concat([buf, b]);
      while (buf.length >= 5 && buf.length >= buf.readInt32BE(1) + 1) {
        const t = String.fromCharCode(buf[0]);
        buf = buf.subarray(buf.readInt32BE(1) + 1);
        cur += t;
        if (t !== 'Z') continue;
        if (next > 0) seen.push(cur);
        cur = '';
        if (next === batches.length) return void resolve();
        s.write(batches[next++]);
      }
    });
  });
  s.end(m('X', Buffer.alloc(0)));
  return seen;
}

describe('postgres host service: extended protocol', () => {
  it('a FunctionCall by oid cannot be read: asked (headless: denied), answered with ReadyForQuery', async () => {
    // FunctionCall: oid, 0 argument formats, 0 arguments, result format text
    const call = m('F', Buffer.from([0, 0, 0x0b, 0xb8, 0, 0, 0, 0, 0, 0]));
    const got = await extended(frontPort, [call, Buffer.concat([parse('select 4'), bind, exec, sync])]);
    expect(got).toEqual(['EZ', '12CZ']);
    expect(audit.at(-2)?.reason).toContain('FunctionCall');
  });

  it('a held Parse mid-batch: the part before it arrives and completes, the rest is skipped to Sync', async () => {
    const before = pg.queries.length;
    const got = await extended(frontPort, [
      Buffer.concat([parse('select 1'), bind, exec, parse('DROP TABLE users'), bind, exec, sync]),
      Buffer.concat([parse('select 3'), bind, exec, sync]),
    ]);
    // ParseComplete, BindComplete, CommandComplete, then our ErrorResponse and ReadyForQuery
    expect(got).toEqual(['12CEZ', '12CZ']);
    expect(pg.queries.slice(before)).toEqual(['select 1', 'select 3']);
  });
});
