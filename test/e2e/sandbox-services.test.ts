/**
 * Host services through the sandbox (the `agentfw run` default), as real processes: a fake
 * PostgreSQL server (real wire protocol) on the host's loopback is declared in the user
 * config; inside the sandbox the real psql reaches it at the same 127.0.0.1:PORT through the
 * network bridge. `select 1` arrives; `DROP TABLE users` and `DELETE FROM users` fed on stdin
 * (which no command gate can read) are held on the wire, headless = denied, with the rule and
 * "ask the user" shown by psql; a host port that is not declared has no route and says how to
 * declare it. Control: the same agent without agentfw delivers the destructive queries.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { startFakePg, type FakePg } from '../gates/proxy/services/fake-pg.js';
import { cli, cliEnv, ensureBuilt } from './run-helpers.js';

const AGENT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'services-agent.mjs');
const has = (p: string) => spawnSync('sh', ['-c', `command -v ${p}`], { encoding: 'utf8' }).status === 0;

interface Ran {
  code: number;
  out: string;
}
const parse = (out: string) =>
  JSON.parse(out.split('\n').find((l) => l.startsWith('{"select"')) ?? '{}') as Record<string, Ran> & {
    raw: string;
  };

let s: Scratch;
let db: FakePg;
let other: FakePg;
/** A line server on the host: answers each line with `echo:<line>` and closes (declared raw tcp). */
let echo: net.Server;
let echoPort = 0;
const echoed: string[] = [];
let env: Record<string, string>;
beforeAll(async () => {
  ensureBuilt();
  s = scratch();
  db = await startFakePg();
  other = await startFakePg();
  echo = net.createServer((c) =>
    c.once('data', (d: Buffer) => {
      echoed.push(d.toString().trim());
      c.end(`echo:${d.toString().trim()}\n`);
    }),
  );
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  echoPort = (echo.address() as net.AddressInfo).port;
  const cfg = path.join(s.home, '.config', 'agentfw');
  mkdirSync(cfg, { recursive: true });
  writeFileSync(
    path.join(cfg, 'config.yaml'),
    `services:\n  - { port: ${db.port}, protocol: postgres }\n  - { port: ${echoPort}, protocol: tcp, trust_raw: true, name: lines }\n`,
  );
  env = cliEnv(s, { XDG_CONFIG_HOME: path.join(s.home, '.config') });
});
afterAll(async () => {
  await db?.close();
  await other?.close();
  echo?.close();
  s?.cleanup();
});

describe.skipIf(!has('bwrap') || !has('psql'))(
  'sandbox host services: a declared postgres, judged on the wire',
  () => {
    it('control: without agentfw the destructive queries reach the database', async () => {
      const before = db.queries.length;
      const r = await run(process.execPath, [AGENT, String(db.port), String(other.port), String(echoPort)], {
        env: Object.fromEntries(Object.entries(env).filter(([k]) => !/_proxy$/i.test(k))),
        cwd: s.ws,
        timeoutMs: 120_000,
      });
      const o = parse(r.stdout);
      expect(o.select.code).toBe(0);
      expect(o.drop.code).toBe(0);
      expect(db.queries.slice(before)).toEqual(['select 1', 'DROP TABLE users;', 'DELETE FROM users;']);
      expect(o.undecl.code).toBe(0);
      expect(o.raw).not.toContain('not declared');
      expect(o.echo).toBe('echo:PING\n');
    }, 120_000);

    it('under agentfw run: select arrives, DROP and DELETE are held with the reason, an undeclared port is explained', async () => {
      const before = db.queries.length;
      const otherBefore = other.queries.length;
      const r = await cli(
        [
          'run',
          '--headless',
          '--audit',
          s.audit,
          '--',
          process.execPath,
          AGENT,
          String(db.port),
          String(other.port),
          String(echoPort),
        ],
        {
          env,
          cwd: s.ws,
          timeoutMs: 180_000,
        },
      );
      const o = parse(r.stdout);
      expect({ code: r.code, out: r.stdout.slice(-1500) }).toEqual({ code: 0, out: expect.any(String) });
      expect(r.stderr).toContain(`host services: 127.0.0.1:${db.port} (postgres): each query judged`);
      // the harmless query arrives through the bridge
      expect(o.select).toMatchObject({ code: 0 });
      expect(o.select.out).toMatch(/\b1\b/);
      // the destructive ones are held; psql shows why and what to do
      expect(o.drop.out).toContain('agentfw: BLOCKED by databases/drop-table');
      expect(o.drop.out).toContain('ask the user');
      expect(o.delete.out).toContain('agentfw: BLOCKED by databases/unfiltered-delete-or-update');
      expect(db.queries.slice(before)).toEqual(['select 1']);
      // the undeclared port: no route, and how to declare it
      expect(o.undecl.code).not.toBe(0);
      expect(o.undecl.out).toContain(`services: [{port: ${other.port}, protocol: postgres}]`);
      expect(o.raw).toContain('not declared');
      expect(other.queries.length).toBe(otherBefore);
      // the declared raw service: bytes pass, and the banner and the audit say it is unjudged
      expect(o.echo).toBe('echo:PING\n');
      expect(r.stderr).toContain(`127.0.0.1:${echoPort} (lines): raw TCP passed through UNJUDGED`);
      // audited with layer proxy, like any other judged request
      const audit = readFileSync(s.audit, 'utf8');
      expect(audit).toMatch(/"layer":"proxy"[^\n]*DROP TABLE users[^\n]*"decision":"deny"/);
      // attributed across the bridge: the record names the psql process that sent it
      expect(audit).toMatch(/DROP TABLE users, from: psql -X -h 127\.0\.0\.1/);
      expect(audit).toMatch(
        new RegExp(`tcp 127\\.0\\.0\\.1:${echoPort} \\(lines\\)[^\\n]*"reason":"UNJUDGED`),
      );
    }, 200_000);

    it('a declaration in an untrusted project folder opens no route (the agent can write it)', async () => {
      const ws = path.join(s.root, 'ws-untrusted');
      mkdirSync(path.join(ws, '.agentfw'), { recursive: true });
      writeFileSync(
        path.join(ws, '.agentfw', 'config.yaml'),
        `services:\n  - { port: ${other.port}, protocol: postgres }\n`,
      );
      const before = other.queries.length;
      const r = await cli(
        [
          'run',
          '--headless',
          '--',
          process.execPath,
          AGENT,
          String(other.port),
          String(other.port),
          String(echoPort),
        ],
        { env, cwd: ws, timeoutMs: 180_000 },
      );
      expect(r.stderr).toContain(`service port ${other.port} ignored: the project folder is not trusted`);
      const o = parse(r.stdout);
      expect(o.select.code).not.toBe(0);
      expect(o.select.out).toContain('not declared');
      expect(other.queries.length).toBe(before);
    }, 200_000);
  },
);
