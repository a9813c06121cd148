#!/usr/bin/env node
// Cost of the OS layer of `agentfw run` (Linux):
//   start     `bwrap <the session's profile> -- /bin/true` versus a bare `/bin/true`
//             (interleaved; p50 of the added wall time), plus the start probe agentfw runs once
//   exec gate added latency of one allowed exec: a process under build/agentfw-exec-gate
//             spawns `/bin/true`, interleaved one by one with the same process without the
//             gate; the same command repeated and a new argument each time. The gate asks a
//             real broker (engine + audit) in this process, as the supervisor does.
//   bridge    the network namespace's only way out (build/agentfw-net-bridge → Unix socket →
//             supervisor → host loopback): HTTP GETs from inside `bwrap --unshare-net` to a
//             loopback server through the bridge, versus the same client on the host; p50 of
//             a keep-alive request and of a request on a new connection (the bridge forks per
//             connection). The server stands in for the egress proxy (its own cost: bench/proxy.mjs).
// Prints human lines, then one JSON line {"name":"sandbox", ...}. Skips (with a line) what
// this machine lacks (bwrap, the helper).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { timerProc } from './lib/timer-proc.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => path.join(root, 'dist', p);
const N = Number(process.env.BENCH_SANDBOX_N || 60);
const EXECS = Number(process.env.BENCH_EXEC_N || 300);
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const r2 = (x) => Math.round(x * 100) / 100;
const out = { name: 'sandbox' };
const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-bench-sb-'));
const ws = path.join(tmp, 'ws');
mkdirSync(ws);

// --- sandbox start ---------------------------------------------------------------------
const { bwrapArgs, probeSandbox, homeWritable } = await import(dist('supervisor/sandbox.js'));
const uid = process.getuid?.() ?? 0;
let bwrap;
try {
  const t0 = performance.now();
  bwrap = probeSandbox(process.env.PATH ?? '', uid);
  out.probe_ms = r2(performance.now() - t0);
} catch (e) {
  console.log(`sandbox  skipped: ${e.message}`);
}
if (bwrap) {
  const plan = {
    workspace: ws,
    cwd: ws,
    exposed: [],
    runtimeRoot: path.join(tmp, 'rt'),
    home: os.homedir(),
    homeWritable: homeWritable(os.homedir(), ws),
    extraWritable: [],
    keepVisible: [root],
    masked: [],
    hiddenSockets: [],
    hostUid: uid,
    resetTmpdir: false,
  };
  mkdirSync(plan.runtimeRoot);
  const args = [...bwrapArgs(plan), '--', '/bin/true'];
  const bare = [];
  const boxed = [];
  for (let i = 0; i < N; i++) {
    let t = performance.now();
    spawnSync('/bin/true');
    bare.push(performance.now() - t);
    t = performance.now();
    const r = spawnSync(bwrap, args);
    boxed.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`bwrap failed: ${r.stderr}`);
  }
  out.start_p50_ms = r2(pct(boxed, 50) - pct(bare, 50));
  out.start_p99_ms = r2(pct(boxed, 99) - pct(bare, 50));
  console.log(
    `sandbox  start: +${out.start_p50_ms} ms p50 (p99 +${out.start_p99_ms}) over a bare /bin/true, ${N} runs; start probe ${out.probe_ms} ms (once per session); target ≤ 50 ms`,
  );
}

// --- exec gate ------------------------------------------------------------------------
// Two timer processes, one bare and one under the helper, driven in lock step (one exec
// each in turn), so load affects both alike. Each line on a timer's stdin makes it time one
// spawnSync('/bin/true' [ARG]). "repeated": the same command every time (a build's many
// `cc`/`sed` calls; the engine's allow verdict is cached); "distinct": a new argument every
// time, so every exec is analysed afresh. Engine and audit included (one record per exec).
const helper = path.join(root, 'build', 'agentfw-exec-gate');
const timer = `const {spawnSync}=require('child_process');const {performance}=require('perf_hooks');
let b='';process.stdin.on('data',(d)=>{b+=d;let i;while((i=b.indexOf('\\n'))>=0){const a=b.slice(0,i);b=b.slice(i+1);
const t=performance.now();const r=spawnSync('/bin/true',a?[a]:[]);process.stdout.write((r.status===0?performance.now()-t:-1)+'\\n');}});`;
const collect = (file, args) =>
  new Promise((resolve, reject) => {
    const p = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let so = '';
    let se = '';
    p.stdout.on('data', (d) => (so += d));
    p.stderr.on('data', (d) => (se += d));
    p.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(so.trim().split('\n').pop())) : reject(new Error(se)),
    );
  });
if (process.platform !== 'linux' || !existsSync(helper)) {
  console.log('exec     skipped: build/agentfw-exec-gate is not built (Linux, C compiler)');
} else {
  const { startProbeGate } = await import(dist('supervisor/probe-gate.js'));
  const gate = await startProbeGate(tmp);
  // As under `agentfw run`: with the arguments for kept allows (src/gates/exec/exec-keep.ts).
  const keep = gate.auditKeyFile ? ['--audit', gate.audit.path, '--audit-key', gate.auditKeyFile] : [];
  const pre = [...keep, '--sock', gate.runtime.socket, '--supervisor-pid', String(process.pid), '--'];
  const bareP = timerProc(process.execPath, ['-e', timer]);
  const gatedP = timerProc(helper, [...pre, process.execPath, '-e', timer]);
  try {
    const bare = [];
    const rep = [];
    const uniq = [];
    const load0 = os.loadavg()[0];
    for (let i = 0; i < 20; i++) {
      await bareP.once(); // warm up
      await gatedP.once();
    }
    for (let i = 0; i < EXECS; i++) {
      bare.push(await bareP.once());
      rep.push(await gatedP.once());
      bare.push(await bareP.once(`x${i}`));
      uniq.push(await gatedP.once(`x${i}`));
    }
    const b50 = pct(bare, 50);
    out.exec_bare_p50_ms = r2(b50);
    out.exec_p50_ms = r2(pct(rep, 50) - b50);
    out.exec_p99_ms = r2(pct(rep, 99) - pct(bare, 99));
    out.exec_distinct_p50_ms = r2(pct(uniq, 50) - b50);
    out.exec_ratio = r2((pct(rep, 50) - b50) / b50);
    out.exec_distinct_ratio = r2((pct(uniq, 50) - b50) / b50);
    out.exec_load = r2((load0 + os.loadavg()[0]) / 2);
    console.log(
      `exec     gate adds ${out.exec_p50_ms} ms p50 (+${out.exec_ratio}×; p99 ${out.exec_p99_ms}) to an allowed exec of /bin/true repeated, ${out.exec_distinct_p50_ms} ms p50 (+${out.exec_distinct_ratio}×) with a new argument each time (bare spawn p50 ${out.exec_bare_p50_ms} ms; ${EXECS} each, interleaved, engine + audit included; load ${out.exec_load}); target ≤ 1 ms p50`,
    );
  } finally {
    await bareP.close();
    await gatedP.close();
    await gate.close();
  }
}
// --- network bridge ---------------------------------------------------------------------
const bridgeBin = path.join(root, 'build', 'agentfw-net-bridge');
if (!bwrap || !existsSync(bridgeBin)) {
  console.log('bridge   skipped: needs bwrap and build/agentfw-net-bridge');
} else {
  const http = await import('node:http');
  const { startNetBridge } = await import(dist('supervisor/sandbox-net.js'));
  const srv = http.createServer((q, r) => r.end('ok'));
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const port = srv.address().port;
  const rt = path.join(tmp, 'rt-net');
  mkdirSync(rt, { mode: 0o700 });
  const bridge = await startNetBridge(path.join(rt, 'net.sock'), '127.0.0.1', port);
  const REQS = Number(process.env.BENCH_BRIDGE_N || 200);
  const client = `const http=require('http');const {performance}=require('perf_hooks');
const get=(agent)=>new Promise((res,rej)=>{const t=performance.now();http.get({host:'127.0.0.1',port:${port},path:'/',agent},(r)=>{r.resume();r.on('end',()=>res(performance.now()-t));}).on('error',rej);});
(async()=>{const ka=new http.Agent({keepAlive:true,maxSockets:1});const k=[];const n=[];
for(let i=0;i<${REQS};i++){k.push(await get(ka));n.push(await get(false));}
ka.destroy();console.log(JSON.stringify({k,n}));})().catch((e)=>{console.error(e.message);process.exit(3);});`;
  try {
    const plan = {
      workspace: ws,
      cwd: ws,
      exposed: [bridge.socketPath],
      runtimeRoot: path.join(tmp, 'rt2'),
      home: os.homedir(),
      homeWritable: homeWritable(os.homedir(), ws),
      extraWritable: [],
      keepVisible: [root],
      masked: [],
      hiddenSockets: [],
      hostUid: uid,
      resetTmpdir: false,
      unshareNet: true,
    };
    mkdirSync(plan.runtimeRoot);
    const inner = [
      bridgeBin,
      '--port',
      String(port),
      '--unix',
      bridge.socketPath,
      '--',
      process.execPath,
      '-e',
      client,
    ];
    const bare = await collect(process.execPath, ['-e', client]);
    const boxed = await collect(bwrap, [...bwrapArgs(plan), '--', ...inner]);
    out.bridge_keepalive_p50_ms = r2(pct(boxed.k, 50) - pct(bare.k, 50));
    out.bridge_newconn_p50_ms = r2(pct(boxed.n, 50) - pct(bare.n, 50));
    out.bridge_bare_keepalive_p50_ms = r2(pct(bare.k, 50));
    out.bridge_bare_newconn_p50_ms = r2(pct(bare.n, 50));
    console.log(
      `bridge   adds ${out.bridge_keepalive_p50_ms} ms p50 to a keep-alive GET (bare ${out.bridge_bare_keepalive_p50_ms} ms) and ${out.bridge_newconn_p50_ms} ms p50 to a GET on a new connection (bare ${out.bridge_bare_newconn_p50_ms} ms), ${REQS} each, from inside the network namespace to a host loopback server`,
    );
  } finally {
    await bridge.close();
    await new Promise((r) => srv.close(r));
  }
}

rmSync(tmp, { recursive: true, force: true });
console.log(JSON.stringify(out));
