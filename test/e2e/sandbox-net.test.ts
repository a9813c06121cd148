/**
 * The sandbox's network namespace (the `agentfw run` default), as real processes: the only
 * way out is the session's egress proxy, whose port is bridged (sandbox/net-bridge.c → Unix
 * socket → supervisor) from 127.0.0.1:PORT inside to the proxy on the host. A harmless GET
 * through the proxy reaches the host's loopback API; a raw socket, curl --noproxy and bash's
 * /dev/tcp to that API get no route; the agent's own loopback server works. Control: without
 * agentfw every route reaches the API.
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { cliEnvNoProxy, ensureBuilt, headless, nodeAgent } from './run-helpers.js';

const AGENT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'net-agent.mjs');
const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;

/** A loopback HTTP server counting what it receives. */
async function counter(): Promise<{
  port: number;
  hits: () => number;
  conns: () => number;
  paths: string[];
  close: () => Promise<void>;
}> {
  let hits = 0;
  let conns = 0;
  const paths: string[] = [];
  const srv = http.createServer((req, res) => {
    hits++;
    paths.push(`${req.method ?? ''} ${req.url ?? ''}`);
    req.resume();
    res.end('ok');
  });
  srv.on('connection', () => conns++);
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return {
    port: (srv.address() as AddressInfo).port,
    hits: () => hits,
    conns: () => conns,
    paths,
    close: () => new Promise((r) => srv.close(() => r())),
  };
}

let s: Scratch;
let api: Awaited<ReturnType<typeof counter>>;
beforeAll(async () => {
  ensureBuilt();
  s = scratch();
  api = await counter();
});
afterAll(async () => {
  await api?.close();
  s?.cleanup();
});

const parse = (out: string) =>
  JSON.parse(out.split('\n').find((l) => l.startsWith('{"proxied"')) ?? '{}') as Record<string, string>;

describe.skipIf(!HAS_BWRAP)('sandbox network: only the egress proxy leads out', () => {
  it('control: without agentfw every route reaches the loopback API', async () => {
    const before = api.paths.length;
    const env = cliEnvNoProxy(s);
    const r = await run(process.execPath, [AGENT, String(api.port)], { env, cwd: s.ws });
    const o = parse(r.stdout);
    expect(o).toMatchObject({ proxied: 'ok 200', raw: 'ok', curl: 'ok', devtcp: 'ok', loopback: 'ok 200' });
    // the direct GET, the raw socket's POST (it may land after the process exits) and curl's GET
    await waitFor(() => api.paths.slice(before).includes('POST /graphql/v2'));
    expect(api.paths.slice(before)).toEqual(
      expect.arrayContaining(['GET /net-agent', 'POST /graphql/v2', 'GET /']),
    );
  });

  it('under agentfw run (sandbox by default): the proxied GET arrives, nothing else reaches the host', async () => {
    const before = api.paths.length;
    const conns = api.conns();
    const r = await headless(s, nodeAgent(AGENT, String(api.port)));
    const o = parse(r.stdout);
    expect({ code: r.code, o }).toMatchObject({ code: 0 });
    expect(r.stderr).toMatch(/network: only through the egress proxy \(127\.0\.0\.1:\d+\)/);
    expect(o.proxied).toBe('ok 200');
    // The API's port listens on the host, so inside the sandbox the bridge answers it with an
    // explanation (no route; how to declare a host service): the raw socket connects to that
    // answer, never to the host (one connection reached the API: the proxy's).
    expect(['ok', 'ECONNREFUSED']).toContain(o.raw);
    expect(o.curl).not.toBe('ok');
    expect(o.devtcp).not.toBe('ok');
    expect(o.loopback).toBe('ok 200');
    // only the request judged by the proxy arrived
    expect(api.paths.slice(before)).toEqual(['GET /net-agent']);
    expect(api.conns() - conns).toBe(1);
  });

  it('--egress-port is refused with a usage error (the proxy is always the way out)', async () => {
    const r = await headless(s, ['true'], { flags: ['--egress-port', '8080'] });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--egress-port is gone');
    expect(r.stderr).toContain('Fix:');
  });
});

/** Polls `ok` every 20 ms, at most 5 s (the raw socket's request may land after its sender exits). */
async function waitFor(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
}
