#!/usr/bin/env node
/* global performance */
// Egress proxy benchmark: added latency per request, bare vs through the proxy, against a
// loopback HTTPS server with its own CA. Same client (undici) both ways:
//   keepalive  p50/p99 of a benign GraphQL POST on a kept-alive connection
//   new-host   p50 of the first request to a host never seen (new tunnel, leaf signed,
//              TLS handshake), and the same host again on a new connection (leaf cached)
// Human lines on stdout, then one JSON line {"name":"proxy",…}. Run after `npm run build`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, ProxyAgent, request } from 'undici';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = (p) => import(path.join(root, 'dist', p));
const { createSessionCa } = await dist('gates/proxy/ca.js');
const { startProxy } = await dist('gates/proxy/index.js');
const { loadEngine } = await dist('engine/analyze.js');
const { createSecretSet } = await dist('secrets/index.js');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-bench-proxy-'));
const apiCa = createSessionCa(mkdtempSync(path.join(tmp, 'api-')), 'bench-api', '/nonexistent');
const server = https.createServer(
  { ...apiCa.issue(['127.0.0.1', 'localhost']), SNICallback: (n, cb) => cb(null, apiCa.contextFor(n)) },
  (req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data":{"me":{"id":"1"}}}');
    });
  },
);
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const secrets = await createSecretSet({ env: {}, config: {} });
const engine = await loadEngine({ mask: (t) => secrets.mask(t) });
const proxy = await startProxy({
  dir: mkdtempSync(path.join(tmp, 'run-')),
  sessionId: 'bench',
  deps: {
    decideFacts: (f, i) => engine.decideFacts(f, i),
    secrets,
    approvers: () => [],
    approvalTimeoutMs: 1000,
    cwd: tmp,
  },
  upstreamCa: [apiCa.certPem],
  // Every *.bench.test name is the loopback server: new hosts without DNS.
  upstream: (host, p) => (host.endsWith('.bench.test') ? { host: '127.0.0.1', port } : { host, port: p }),
});

const BODY = JSON.stringify({ query: '{ me { id } }' });
const post = async (dispatcher, origin) => {
  const t0 = performance.now();
  const r = await request(`${origin}/graphql`, {
    method: 'POST',
    body: BODY,
    headers: { 'content-type': 'application/json' },
    dispatcher,
  });
  await r.body.text();
  if (r.statusCode !== 200) throw new Error(`status ${r.statusCode}`);
  return performance.now() - t0;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(3);
};
const series = async (n, f) => {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await f(i));
  return out;
};

const N = 400;
const WARM = 50;
const bareAgent = new Agent({ connect: { ca: apiCa.certPem }, keepAliveTimeout: 60_000 });
// The client trusts the session CA, as the agent's processes do.
const sessionCa = readFileSync(proxy.caCertPath, 'utf8');
const viaProxy = new ProxyAgent({ uri: proxy.url, requestTls: { ca: sessionCa } });

const origin = `https://localhost:${port}`;
await series(WARM, () => post(bareAgent, origin));
await series(WARM, () => post(viaProxy, origin));
const bare = await series(N, () => post(bareAgent, origin));
const proxied = await series(N, () => post(viaProxy, origin));

// New hosts: a fresh dispatcher per request, so each opens a new connection.
const H = 20;
const bareNew = await series(H, async () => {
  const a = new Agent({ connect: { ca: apiCa.certPem } });
  const t = await post(a, origin);
  await a.close();
  return t;
});
const newHost = await series(H, async (i) => {
  const a = new ProxyAgent({ uri: proxy.url, requestTls: { ca: sessionCa } });
  const t = await post(a, `https://h${i}.bench.test:${port}`);
  await a.close();
  return t;
});
const cachedHost = await series(H, async (i) => {
  const a = new ProxyAgent({ uri: proxy.url, requestTls: { ca: sessionCa } });
  const t = await post(a, `https://h${i}.bench.test:${port}`);
  await a.close();
  return t;
});

const fig = {
  name: 'proxy',
  keepalive_bare_p50_ms: pct(bare, 50),
  keepalive_proxied_p50_ms: pct(proxied, 50),
  keepalive_added_p50_ms: +(pct(proxied, 50) - pct(bare, 50)).toFixed(3),
  keepalive_proxied_p99_ms: pct(proxied, 99),
  new_connection_bare_p50_ms: pct(bareNew, 50),
  new_host_proxied_p50_ms: pct(newHost, 50),
  new_host_added_p50_ms: +(pct(newHost, 50) - pct(bareNew, 50)).toFixed(3),
  cached_host_new_connection_p50_ms: pct(cachedHost, 50),
  leaves_signed: proxy.leaves,
  requests: N,
};
console.log(
  `proxy    keep-alive p50 bare ${fig.keepalive_bare_p50_ms} ms, proxied ${fig.keepalive_proxied_p50_ms} ms (+${fig.keepalive_added_p50_ms} ms, target ≤ 2)`,
);
console.log(
  `proxy    new HTTPS host p50 ${fig.new_host_proxied_p50_ms} ms vs bare new connection ${fig.new_connection_bare_p50_ms} ms (+${fig.new_host_added_p50_ms} ms, target ≤ 10); cached leaf, new connection ${fig.cached_host_new_connection_p50_ms} ms`,
);
console.log(JSON.stringify(fig));
await viaProxy.close();
await bareAgent.close();
await proxy.close();
server.closeAllConnections();
server.close();
rmSync(tmp, { recursive: true, force: true });
