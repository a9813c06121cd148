/**
 * The sandbox's network namespace (`--egress-port`), as real processes: the only way out is
 * 127.0.0.1:PORT, bridged (sandbox/net-bridge.c → Unix socket → supervisor) to that port on
 * the host, where the egress proxy listens; here a plain loopback HTTP server stands in for
 * the proxy. A raw socket, curl --noproxy and bash's /dev/tcp to the host's loopback API get
 * no route; the agent's own loopback server works. Control: without agentfw every route
 * reaches the API.
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, scratch, type Scratch } from '../shim/gate-helpers.js';
import { cli, cliEnv, ensureBuilt } from './run-helpers.js';

const AGENT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'net-agent.mjs');
const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;

/** A loopback HTTP server counting what it receives. */
async function counter(): Promise<{
  port: number;
  hits: () => number;
  conns: () => number;
  close: () => Promise<void>;
}> {
  let hits = 0;
  let conns = 0;
  const srv = http.createServer((req, res) => {
    hits++;
    req.resume();
    res.end('ok');
  });
  srv.on('connection', () => conns++);
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return {
    port: (srv.address() as AddressInfo).port,
    hits: () => hits,
    conns: () => conns,
    close: () => new Promise((r) => srv.close(() => r())),
  };
}

let s: Scratch;
let proxy: Awaited<ReturnType<typeof counter>>;
let api: Awaited<ReturnType<typeof counter>>;
beforeAll(async () => {
  ensureBuilt();
  s = scratch();
  proxy = await counter();
  api = await counter();
});
afterAll(async () => {
  await proxy?.close();
  await api?.close();
  s?.cleanup();
});

const parse = (out: string) =>
  JSON.parse(out.split('\n').find((l) => l.startsWith('{"bridge"')) ?? '{}') as Record<string, string>;

describe.skipIf(!HAS_BWRAP)('sandbox network: only the bridge to the egress port leads out', () => {
  it('control: without agentfw every route reaches the loopback API', async () => {
    const before = api.hits();
    const r = await run(process.execPath, [AGENT, String(proxy.port), String(api.port)], {
      env: cliEnv(s),
      cwd: s.ws,
    });
    const o = parse(r.stdout);
    expect(o).toMatchObject({ bridge: 'ok 200', raw: 'ok', curl: 'ok', devtcp: 'ok', loopback: 'ok 200' });
    expect(api.hits()).toBeGreaterThan(before);
  });

  it('under agentfw run --egress-port: the bridge works, nothing else reaches the host', async () => {
    const before = api.conns();
    const viaProxy = proxy.hits();
    const r = await cli(
      [
        'run',
        '--headless',
        '--egress-port',
        String(proxy.port),
        '--',
        process.execPath,
        AGENT,
        String(proxy.port),
        String(api.port),
      ],
      {
        env: cliEnv(s),
        cwd: s.ws,
      },
    );
    const o = parse(r.stdout);
    expect({ code: r.code, o }).toMatchObject({ code: 0 });
    expect(o.bridge).toBe('ok 200');
    expect(proxy.hits()).toBe(viaProxy + 1);
    expect(o.raw).toBe('ECONNREFUSED');
    expect(o.curl).not.toBe('ok');
    expect(o.devtcp).not.toBe('ok');
    expect(o.loopback).toBe('ok 200');
    expect(api.conns()).toBe(before);
  });
});
