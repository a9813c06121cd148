#!/usr/bin/env node
/* global performance, setTimeout */
// Host-service benchmark: added latency per PostgreSQL query, bare vs through the sandbox's
// host-service path on the supervisor side (the bridge's Unix socket with its header →
// wire framing → SQL facts → the engine's decision → audit record → the server), against a
// loopback server speaking the real v3 protocol. One kept-alive connection each way:
//   select   SELECT … WHERE id = 1          (allowed)
//   update   UPDATE … SET … WHERE id = 1     (allowed)
//   orm      a 12-column SELECT with JOIN   (allowed)
//   redis    GET session:42 on a declared redis service (allowed)
// Not included: the C bridge's hop inside the sandbox (a fork-per-connection pump, measured
// with the proxy path in bench/sandbox.mjs). Human lines on stdout, then one JSON line
// {"name":"services",…}. Run after `npm run build`.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = (p) => import(path.join(root, 'dist', p));
const { createHostServices } = await dist('gates/proxy/services/index.js');
const { startNetBridge } = await dist('supervisor/sandbox-net.js');
const { loadEngine } = await dist('engine/analyze.js');
const { createSecretSet } = await dist('secrets/index.js');
const { AuditWriter } = await dist('audit/writer.js');
const { valueEnd } = await dist('gates/proxy/services/resp.js');

const msg = (type, body) => {
  const h = Buffer.alloc(5);
  h.write(type, 0, 'latin1');
  h.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([h, body]);
};
const z = (s) => Buffer.from(`${s}\0`);

// A minimal server: trust auth, every query answered CommandComplete + ReadyForQuery.
const server = net.createServer((s) => {
  let buf = Buffer.alloc(0);
  let started = false;
  s.on('error', () => s.destroy());
  s.on('data', (b) => {
    buf = Buffer.concat([buf, b]);
    for (;;) {
      if (!started) {
        if (buf.length < 8 || buf.length < buf.readInt32BE(0)) return;
        buf = buf.subarray(buf.readInt32BE(0));
        started = true;
        s.write(Buffer.concat([msg('R', Buffer.alloc(4)), msg('Z', Buffer.from('I'))]));
        continue;
      }
      if (buf.length < 5 || buf.length < buf.readInt32BE(1) + 1) return;
      const t = String.fromCharCode(buf[0]);
      buf = buf.subarray(buf.readInt32BE(1) + 1);
      if (t === 'Q') s.write(Buffer.concat([msg('C', z('SELECT 1')), msg('Z', Buffer.from('I'))]));
      if (t === 'X') return void s.end();
    }
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

// A minimal Redis: every command answered `+OK`.
const redis = net.createServer((s) => {
  s.on('error', () => s.destroy());
  let buf = Buffer.alloc(0);
  s.on('data', (b) => {
    buf = Buffer.concat([buf, b]);
    for (;;) {
      const e = valueEnd(buf, 0);
      if (e < 0) return;
      buf = buf.subarray(e);
      s.write('+OK\r\n');
    }
  });
});
await new Promise((r) => redis.listen(0, '127.0.0.1', r));
const redisPort = redis.address().port;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-bench-svc-'));
const secrets = await createSecretSet({ env: {}, config: {} });
const engine = await loadEngine({ mask: (t) => secrets.mask(t) });
const audit = AuditWriter.open(path.join(tmp, 'audit.jsonl'), 'bench');
const hs = createHostServices({
  services: [
    { port, protocol: 'postgres', label: 'postgres', file: 'bench', tier: 'user' },
    { port: redisPort, protocol: 'redis', label: 'redis', file: 'bench', tier: 'user' },
  ],
  explained: [],
  deps: {
    decideFacts: (f, i) => engine.decideFacts(f, i),
    secrets,
    audit: (r) => void audit.append(r),
    approvers: () => [],
    approvalTimeoutMs: 1000,
    cwd: tmp,
  },
  headless: () => true,
  sender: () => ({ pid: 0, cmdline: '', program: '' }),
});
// The proxy port of the bridge is unused here (any loopback port will do).
const bridge = await startNetBridge(path.join(tmp, 'net.sock'), '127.0.0.1', 9, hs.handle);

/** A connected client: `query(sql)` resolves with the ms until ReadyForQuery. */
async function client(connect) {
  const s = connect();
  let buf = Buffer.alloc(0);
  let wake = () => {};
  s.on('error', () => undefined); // the other end closing at exit
  s.on('data', (b) => {
    buf = Buffer.concat([buf, b]);
    while (buf.length >= 5 && buf.length >= buf.readInt32BE(1) + 1) {
      const t = String.fromCharCode(buf[0]);
      buf = buf.subarray(buf.readInt32BE(1) + 1);
      if (t === 'E') throw new Error('query refused in the bench');
      if (t === 'Z') wake();
    }
  });
  const ready = () => new Promise((r) => (wake = r));
  const startup = Buffer.concat([Buffer.from([0, 3, 0, 0]), z('user'), z('bench'), Buffer.from([0])]);
  const len = Buffer.alloc(4);
  len.writeInt32BE(startup.length + 4);
  const first = ready();
  s.write(Buffer.concat([len, startup]));
  await first;
  return {
    async query(sql) {
      const t0 = performance.now();
      const p = ready();
      s.write(msg('Q', z(sql)));
      await p;
      return performance.now() - t0;
    },
    close: () => s.end(msg('X', Buffer.alloc(0))),
  };
}

const bare = await client(() => net.connect(port, '127.0.0.1'));
const judged = await client(() => {
  const s = net.connect(bridge.socketPath);
  s.write(`AGENTFW-BRIDGE 40000 ${port}\n`);
  return s;
});
const QUERIES = {
  select: 'SELECT id, name FROM users WHERE id = 1',
  update: "UPDATE users SET plan = 'pro' WHERE id = 1",
  orm: 'SELECT u.id, u.name, u.email, u.plan, u.created_at, u.updated_at, o.id, o.total, o.status, o.created_at, o.updated_at, o.user_id FROM users u JOIN orders o ON o.user_id = u.id WHERE u.id = $1 ORDER BY o.created_at DESC LIMIT 20',
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(3);
};
const N = 400;
const fig = { name: 'services', queries: N };
for (const [k, sql] of Object.entries(QUERIES)) {
  for (let i = 0; i < 50; i++) {
    await bare.query(sql);
    await judged.query(sql);
  }
  const b = [];
  const j = [];
  for (let i = 0; i < N; i++) {
    b.push(await bare.query(sql));
    j.push(await judged.query(sql));
  }
  fig[`${k}_bare_p50_ms`] = pct(b, 50);
  fig[`${k}_judged_p50_ms`] = pct(j, 50);
  fig[`${k}_added_p50_ms`] = +(pct(j, 50) - pct(b, 50)).toFixed(3);
  fig[`${k}_judged_p99_ms`] = pct(j, 99);
  console.log(
    `services postgres ${k.padEnd(6)} p50 bare ${fig[`${k}_bare_p50_ms`]} ms, judged ${fig[`${k}_judged_p50_ms`]} ms (+${fig[`${k}_added_p50_ms`]} ms), judged p99 ${fig[`${k}_judged_p99_ms`]} ms`,
  );
}
// Redis: one kept-alive connection each way, GET answered +OK.
async function redisClient(s) {
  let wake = () => {};
  s.on('error', () => undefined);
  s.on('data', () => wake());
  return {
    async get() {
      const t0 = performance.now();
      const p = new Promise((r) => (wake = r));
      s.write('*2\r\n$3\r\nGET\r\n$10\r\nsession:42\r\n');
      await p;
      return performance.now() - t0;
    },
    close: () => s.end(),
  };
}
const rBare = await redisClient(net.connect(redisPort, '127.0.0.1'));
const rs = net.connect(bridge.socketPath);
rs.write(`AGENTFW-BRIDGE 40001 ${redisPort}\n`);
const rJudged = await redisClient(rs);
{
  for (let i = 0; i < 50; i++) {
    await rBare.get();
    await rJudged.get();
  }
  const b = [];
  const j = [];
  for (let i = 0; i < N; i++) {
    b.push(await rBare.get());
    j.push(await rJudged.get());
  }
  fig.redis_bare_p50_ms = pct(b, 50);
  fig.redis_judged_p50_ms = pct(j, 50);
  fig.redis_added_p50_ms = +(pct(j, 50) - pct(b, 50)).toFixed(3);
  fig.redis_judged_p99_ms = pct(j, 99);
  console.log(
    `services redis    GET    p50 bare ${fig.redis_bare_p50_ms} ms, judged ${fig.redis_judged_p50_ms} ms (+${fig.redis_added_p50_ms} ms), judged p99 ${fig.redis_judged_p99_ms} ms`,
  );
}
rBare.close();
rJudged.close();
redis.close();
console.log(JSON.stringify(fig));
bare.close();
judged.close();
await new Promise((r) => setTimeout(r, 50));
await bridge.close();
audit.close();
server.close();
rmSync(tmp, { recursive: true, force: true });
