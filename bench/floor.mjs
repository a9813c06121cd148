#!/usr/bin/env node
// The floor of each gate's mechanism: what an intercepted `bash -c true` costs when the
// gate answers ALLOW at once (bench/lib/instant-gate.c: no parsing, no decision, no audit)
// against the same with the real gate, both as ratios to a bare run in lock step.
//
//   shim        the shim's exec, its connection and its exec of the real bash (the shell and
//               tool gates)
//   exec gate   the exec of /bin/bash itself judged (no shim): the seccomp notification, the
//               helper's reads of the caller's memory, one round trip on its connection
//
// What the real gate adds above its floor is the supervisor's part (reading the request,
// the decision, the signed audit record, the answer); the floor is what no faster decision
// can remove. Needs a C compiler (CC, else cc) for the instant gate; without one the
// section says so and prints no figures.
// BENCH_FLOOR_N: runs each (300).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { shellTimer, timerProc, underExecGate } from './lib/timer-proc.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const N = Number(process.env.BENCH_FLOOR_N || 300);
const helper = path.join(root, 'build', 'agentfw-exec-gate');
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const r2 = (x) => Math.round(x * 100) / 100;

const TIMER = shellTimer;

/** Starts a process and resolves once it printed its first line (parsed by `parse`). */
function startLine(file, args, parse = (l) => l) {
  const p = spawn(file, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    p.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve({ p, first: parse(out.slice(0, nl)) });
    });
    p.on('error', reject);
    p.on('close', (c) => reject(new Error(`${path.basename(file)} exited ${c} before it was ready`)));
  });
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-floor-'));
const result = { name: 'floor', runs: N, load: +os.loadavg()[0].toFixed(2) };
const cc = process.env.CC || 'cc';
const instantBin = path.join(tmp, 'instant-gate');
const built = spawnSync(cc, ['-O2', '-o', instantBin, path.join(here, 'lib', 'instant-gate.c')], {
  encoding: 'utf8',
});
if (built.status !== 0 || process.platform !== 'linux') {
  console.log(
    `floor: skipped (no instant gate: ${built.error?.message ?? built.stderr?.trim() ?? 'not Linux'})`,
  );
  console.log(JSON.stringify({ ...result, skipped: true }));
  rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
}
const instantSock = path.join(tmp, 'instant.sock');
const instant = await startLine(instantBin, [instantSock]);
// However this bench ends (the real gate failing to start included), the instant gate goes
// too: it holds our stderr, and `npm run bench` waits for that to close.
process.on('exit', () => instant.p.kill());
// The real gate: the shim bench's gate process (a session's gate, masker and audit).
const real = await startLine(process.execPath, [path.join(here, 'shim.mjs'), '--serve'], JSON.parse);
const env = real.first.env;
// The real gate process answers each `cpu` line on its stdin with its CPU time so far (ms, its
// keeper's included): what one request costs it, which a busy machine changes far less than
// the wall time.
let cpuBuf = '';
const cpuWaiters = [];
real.p.stdout.on('data', (d) => {
  cpuBuf += d;
  for (let nl = cpuBuf.indexOf('\n'); nl >= 0; nl = cpuBuf.indexOf('\n')) {
    const l = cpuBuf.slice(0, nl);
    cpuBuf = cpuBuf.slice(nl + 1);
    cpuWaiters.shift()?.(Number(l.split(' ')[0]));
  }
});
const gateCpu = () =>
  new Promise((resolve) => {
    cpuWaiters.push(resolve);
    real.p.stdin.write('cpu\n');
  });
/** Rows served by the real gate: their runs also take its CPU time. */
const REAL_ROWS = new Set(['shimReal', 'shimKept', 'execReal', 'execKept']);
// Without the shim's keeper (src/gates/shim/shim-keep.ts): every request makes the round trip.
const roundEnv = Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'AGENTFW_KEEP_SOCK'));
const floorEnv = { ...roundEnv, AGENTFW_SOCK: instantSock };
const plain = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AGENTFW_')));
const underHelper = (sock, pid, keep = []) =>
  underExecGate(env, sock, pid, [process.execPath, '-e', TIMER('/bin/bash')], keep);
const t = (file, args, e, what) => timerProc(file, args, { env: e, what });
const rows = [
  ['bare', t(process.execPath, ['-e', TIMER('/bin/bash')], plain, 'bare bash -c true')],
  ['shimFloor', t(process.execPath, ['-e', TIMER('bash')], floorEnv, 'shim, instant gate')],
  ['shimReal', t(process.execPath, ['-e', TIMER('bash')], roundEnv, 'shim, real gate')],
];
// As under `agentfw run`: a repeat kept by the session's keeper (absent in older builds).
if (env.AGENTFW_KEEP_SOCK)
  rows.push(['shimKept', t(process.execPath, ['-e', TIMER('bash')], env, 'shim, kept')]);
if (existsSync(helper)) {
  rows.push(['execFloor', t(helper, underHelper(instantSock, instant.p.pid), plain, 'exec gate, instant')]);
  rows.push(['execReal', t(helper, underHelper(env.AGENTFW_SOCK, real.p.pid), plain, 'exec gate, real')]);
  // As under `agentfw run`: a repeat of an allow kept by the helper (src/gates/exec/exec-keep.ts).
  if (real.first.keep?.length)
    rows.push([
      'execKept',
      t(helper, underHelper(env.AGENTFW_SOCK, real.p.pid, real.first.keep), plain, 'exec gate, kept'),
    ]);
}
const ms = Object.fromEntries(rows.map(([k]) => [k, []]));
/** The real gate's CPU time (ms) per run of each of its rows. */
const cpu = Object.fromEntries(rows.map(([k]) => [k, []]));
const settle = () => sleep(3);
/** What two `cpu` questions and the pause between them cost the gate with no run between: taken off each run's figure. */
let cpuProbe;
try {
  for (let i = 0; i < 10; i++) for (const [, p] of rows) await p.once(); // warm up
  const probes = [];
  for (let i = 0; i < 50; i++) {
    const c0 = await gateCpu();
    await settle();
    probes.push((await gateCpu()) - c0);
  }
  cpuProbe = pct(probes, 50);
  // Lock step: one run of each in turn, so load changes hit every column alike.
  for (let i = 0; i < N; i++)
    for (const [k, p] of rows) {
      if (!REAL_ROWS.has(k)) {
        ms[k].push(await p.once());
        continue;
      }
      const c0 = await gateCpu();
      ms[k].push(await p.once());
      // the work the gate does after its answer (fsync, head file, the keeper told) counts too
      await settle();
      cpu[k].push((await gateCpu()) - c0 - cpuProbe);
    }
} finally {
  for (const [, p] of rows) await p.close();
  instant.p.kill();
  real.p.stdin.end();
  rmSync(tmp, { recursive: true, force: true });
}
const bare = pct(ms.bare, 50);
const added = (k) => pct(ms[k], 50) - bare;
// (the mean, not the median: the work after an answer lands in some runs and not others)
const meanCpu = (k) => cpu[k].reduce((a, b) => a + b, 0) / (cpu[k].length || 1);
const line = (label, k) =>
  `  ${label.padEnd(36)} p50 ${r2(pct(ms[k], 50))} ms   added ${r2(added(k))} ms = +${r2(added(k) / bare)}×` +
  (cpu[k].length ? `   gate CPU ${r2(meanCpu(k))} ms/run` : '');
console.log(
  `floor: each gate answering at once vs the real gate, ${N} runs each in lock step; load ${result.load}`,
);
console.log(`  bare /bin/bash -c true               p50 ${r2(bare)} ms`);
console.log(line('shim, gate answering at once', 'shimFloor'));
console.log(line('shim, real gate (round trip)', 'shimReal'));
if (ms.shimKept) console.log(line('shim, real gate, kept repeats', 'shimKept'));
if (ms.execFloor) {
  console.log(line('exec gate, broker answering at once', 'execFloor'));
  console.log(line('exec gate, real gate (no shim)', 'execReal'));
  if (ms.execKept) console.log(line('exec gate, real gate, kept repeats', 'execKept'));
}
for (const k of Object.keys(ms)) {
  result[`${k}_p50_ms`] = r2(pct(ms[k], 50));
  if (k !== 'bare') result[`${k}_added_ratio`] = r2(added(k) / bare);
  if (cpu[k].length) result[`${k}_gate_cpu_ms`] = r2(meanCpu(k));
}
console.log(JSON.stringify(result));
