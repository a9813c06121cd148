#!/usr/bin/env node
// Cost of the OS layer of `agentfw run` (Linux):
//   start     `bwrap <the session's profile> -- /bin/true` versus a bare `/bin/true`
//             (interleaved; p50 of the added wall time), plus the start probe agentfw runs once
//   exec gate added latency of one allowed exec: a process under build/agentfw-exec-gate
//             spawns `/bin/true` N times and times each; the same without the gate. The gate
//             asks a real broker (engine + audit) in this process, as the supervisor does.
// Prints human lines, then one JSON line {"name":"sandbox", ...}. Skips (with a line) what
// this machine lacks (bwrap, the helper).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

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
const helper = path.join(root, 'build', 'agentfw-exec-gate');
const timer = `const {spawnSync}=require('child_process');const {performance}=require('perf_hooks');
const xs=[];for(let i=0;i<${EXECS};i++){const t=performance.now();const r=spawnSync('/bin/true');xs.push(performance.now()-t);if(r.status!==0){console.error('exec failed',r.error&&r.error.code);process.exit(3);}}
console.log(JSON.stringify(xs));`;
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
  try {
    const pre = ['--sock', gate.runtime.socket, '--supervisor-pid', String(process.pid), '--'];
    const bare = await collect(process.execPath, ['-e', timer]);
    const gated = await collect(helper, [...pre, process.execPath, '-e', timer]);
    out.exec_p50_ms = r2(pct(gated, 50) - pct(bare, 50));
    out.exec_p99_ms = r2(pct(gated, 99) - pct(bare, 99));
    out.exec_bare_p50_ms = r2(pct(bare, 50));
    console.log(
      `exec     gate adds ${out.exec_p50_ms} ms p50 (p99 ${out.exec_p99_ms}) to an allowed exec of /bin/true (bare spawn p50 ${out.exec_bare_p50_ms} ms, ${EXECS} execs, engine + audit included); target ≤ 1 ms p50`,
    );
  } finally {
    await gate.close();
  }
}
rmSync(tmp, { recursive: true, force: true });
console.log(JSON.stringify(out));
