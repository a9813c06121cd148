#!/usr/bin/env node
// Added latency of the command gate: `bash -c true` through the bash shim (C client →
// broker → engine → audit → exec of the real bash, which skips its BASH_ENV check) versus
// a bare `/bin/bash -c true`. Runs are interleaved so machine load affects both alike.
// Two variants: output to /dev/null (nothing to mask: the real bash is exec'd in place)
// and output to pipes read by the caller, as an agent runs commands (the output is relayed
// through the session's masker, src/supervisor/relay.ts). Then throughput: `cat` of a
// 10 MB file of source code and log lines to the caller, bare, relayed, and relayed twice
// (a gated bash inside a gated bash): once with stdout a socketpair (how Node agents run
// commands), once with stdout a pipe (FIFO, as in a shell pipeline), where the relay
// writes the masked bytes itself (src/supervisor/relay-direct.ts).
// The gate runs in its own process (`--serve`), as under `agentfw run`, where the agent
// and the supervisor are different processes. The same command repeated is, after its
// first run, a kept allow of the session's keeper (src/gates/shim/shim-keep.ts), as under
// `agentfw run`; `node bench/floor.mjs` shows the round trip without it beside it.
// BENCH_SHIM_N: latency runs (200; 0 = throughput only); BENCH_SHIM_CATS: `cat` runs (5);
// BENCH_SHIM_NOOP_MASKER=1: the bench's gate masks nothing (the relay's plumbing alone);
// BENCH_SHIM_ROOT: measure another checkout's build with this bench;
// BENCH_SHIM_SERVE_FLAGS: node flags for the gate process (`--cpu-prof --cpu-prof-dir=DIR`).
// Prints human lines, then one JSON line:
//   {"name":"shim","p50_ms":added p50,"p99_ms":added p99,"baseline_p50_ms":bare p50,...}
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  constants as fsc,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants as perfConstants, PerformanceObserver } from 'node:perf_hooks';
import { shellTimer, timerProc, underExecGate } from './lib/timer-proc.mjs';

// BENCH_SHIM_ROOT: another checkout whose build to measure (A/B against an older build).
const root = process.env.BENCH_SHIM_ROOT || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => path.join(root, 'dist', p);
const N = Number(process.env.BENCH_SHIM_N || 200);
/** Relayed `cat` runs (the figures are their medians). */
const CATS = Number(process.env.BENCH_SHIM_CATS || 5);
const CAT_MB = 10;

/** CAT_MB of this repository's TypeScript sources interleaved with log lines. */
function catFile(dir) {
  const parts = [];
  const walk = (d) => {
    for (const e of readdirSync(d)) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) parts.push(readFileSync(p));
    }
  };
  walk(path.join(root, 'src'));
  const size = CAT_MB * 1024 * 1024;
  const chunks = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const log = Buffer.from(
      `2024-06-01T12:${String(i % 60).padStart(2, '0')}:00Z INFO request_id=${(i * 2654435761) >>> 0} path=/api/v1/items/${i} status=200 ms=${i % 97}\n`,
    );
    const src = parts[i % parts.length];
    chunks.push(log, src);
    n += log.length + src.length;
  }
  const file = path.join(dir, 'cat-input.txt');
  writeFileSync(file, Buffer.concat(chunks).subarray(0, size));
  return file;
}

async function serve() {
  const { startProbeGate } = await import(dist('supervisor/probe-gate.js'));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-bench-'));
  // Absent in builds before the native trigger finder (for comparisons with them).
  const finder = await import(dist('secrets/trigger-finder.js')).then(
    (m) => m.triggerFinderStatus(),
    () => 'js (no native finder in this build)',
  );
  if (process.env.BENCH_SHIM_NOOP_MASKER) {
    // The relay's plumbing alone: this (the bench's) gate process masks nothing. Only here,
    // never in agentfw itself.
    const { createSecretSet } = await import(dist('secrets/index.js'));
    const none = Buffer.alloc(0);
    Object.getPrototypeOf(await createSecretSet({ env: {}, config: {} })).streamMasker = () => ({
      push: (b) => b,
      flush: () => none,
    });
  }
  const gate = await startProbeGate(tmp);
  // The session's own copy of the client: the gate refuses requests from any other binary.
  process.stdout.write(
    JSON.stringify({
      env: gate.agentEnv,
      client: { kind: gate.client.kind, path: gate.shims.client },
      // The exec gate helper's arguments for kept allows, as `agentfw run` gives them (none
      // in builds before them).
      keep: gate.auditKeyFile ? ['--audit', gate.audit.path, '--audit-key', gate.auditKeyFile] : [],
      tmp,
      // The masker's trigger search in this (the gate's) process: `native` or `js (why)`.
      finder,
    }) + '\n',
  );
  // Full (major) garbage collections of this process so far.
  let majors = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR) majors++;
  }).observe({ entryTypes: ['gc'] });
  // Each line on stdin asks for this process's CPU time so far (ms) and its major GCs so
  // far, answered as one line `CPU MAJORS`: the relay's cost per MB, which a busy machine
  // changes far less than the wall time, and the collections the gate's work brings on.
  // The shim's keeper (a process of its own, absent in older builds) counts with the gate:
  // it answers the kept repeats the supervisor no longer sees.
  const keeperMs = () => {
    try {
      const f = readFileSync(`/proc/${gate.keeperPid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in 100 Hz ticks
    } catch {
      return 0;
    }
  };
  process.stdin.on('data', (d) => {
    for (const _ of d.toString().split('\n').slice(1)) {
      const u = process.cpuUsage();
      process.stdout.write(`${(u.user + u.system) / 1000 + (gate.keeperPid ? keeperMs() : 0)} ${majors}\n`);
    }
  });
  process.stdin.on('end', async () => {
    await gate.close();
    rmSync(tmp, { recursive: true, force: true });
    process.exit(0);
  });
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const r2 = (x) => Math.round(x * 100) / 100;
/**
 * python3 cpu-of.py FILE ARGS… (CPU_OF in a file): runs FILE and writes on fd 3 the CPU time (ms, user +
 * system) of it and every process it waited for (the gate client and the program under
 * it), which a busy machine changes far less than the wall time.
 */
const CPU_OF = `import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_, st, ru = os.wait4(pid, 0)
os.write(3, str((ru.ru_utime + ru.ru_stime) * 1000).encode())
sys.exit(os.WEXITSTATUS(st) if os.WIFEXITED(st) else 128 + os.WTERMSIG(st))`;
/** python3 by absolute path (the agent's PATH would gate it); undefined = no CPU figures. */
const PYTHON = (process.env.PATH ?? '')
  .split(':')
  .map((d) => path.join(d || '.', 'python3'))
  .find(
    (f) => existsSync(f) && spawnSync(f, ['-c', 'import os; os.wait4'], { stdio: 'ignore' }).status === 0,
  );
const hasPython = PYTHON !== undefined;
const helper = path.join(root, 'build', 'agentfw-exec-gate');

const TIMER = shellTimer;
async function measure() {
  // BENCH_SHIM_SERVE_FLAGS: node flags for the gate process (e.g. `--cpu-prof --cpu-prof-dir=DIR`).
  const flags = (process.env.BENCH_SHIM_SERVE_FLAGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...flags, fileURLToPath(import.meta.url), '--serve'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let lines = '';
  const waiting = [];
  server.stdout.on('data', (d) => {
    lines += d;
    let nl;
    while ((nl = lines.indexOf('\n')) >= 0 && waiting.length) {
      const line = lines.slice(0, nl);
      lines = lines.slice(nl + 1);
      waiting.shift()(line);
    }
  });
  const nextLine = () => new Promise((resolve) => waiting.push(resolve));
  server.on('close', () => waiting.forEach((w) => w('')));
  const first = await nextLine();
  if (!first) throw new Error('the gate process exited before it was ready');
  const { env, client, tmp, finder, keep } = JSON.parse(first);
  /** CPU time (ms) and major GCs of the gate process so far. */
  const gateStats = async () => {
    server.stdin.write('cpu\n');
    const [cpuMs, majors] = (await nextLine()).split(' ').map(Number);
    return { cpuMs, majors };
  };
  /** CPU time (ms) the gate process has used so far. */
  const gateCpu = async () => (await gateStats()).cpuMs;
  /** Wall time of one run; with `piped`, stdout/stderr are pipes read to the end (bytes counted). */
  const once = (file, args, e, piped = false, cpu = false) =>
    new Promise((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const p = spawn(cpu ? PYTHON : file, cpu ? [cpuOf, file, ...args] : args, {
        env: e,
        stdio: [
          ...(piped ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'ignore', 'pipe']),
          ...(cpu ? ['pipe'] : []),
        ],
        cwd: tmp,
      });
      let cpuMs = '';
      if (cpu) p.stdio[3].on('data', (d) => (cpuMs += d));
      let errText = '';
      p.stderr.on('data', (d) => (errText += d));
      let bytes = 0;
      if (piped) {
        p.stdout.on('data', (d) => (bytes += d.length));
        p.stderr.on('data', () => undefined);
      }
      p.on('error', reject);
      p.on('close', (code) => {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (code !== 0)
          reject(new Error(`${file} ${args.join(' ')} exited ${code}: ${errText.slice(0, 400)}`));
        else resolve(cpu ? { ms, bytes, cpuMs: Number(cpuMs) } : piped ? { ms, bytes } : ms);
      });
    });
  /** Wall time and bytes of one run whose stdout is a pipe (a FIFO in tmp) read to its end. */
  let fifos = 0;
  const onceFifo = (file, args, e, cpu = false) =>
    new Promise((resolve, reject) => {
      const fifo = path.join(tmp, `out-${fifos++}.fifo`);
      if (spawnSync('mkfifo', [fifo]).status !== 0) return reject(new Error('mkfifo failed'));
      const rfd = openSync(fifo, fsc.O_RDONLY | fsc.O_NONBLOCK);
      const wfd = openSync(fifo, fsc.O_WRONLY);
      rmSync(fifo);
      const reader = new net.Socket({ fd: rfd, readable: true, writable: false });
      let bytes = 0;
      let code;
      let eof = false;
      let errText = '';
      const t0 = process.hrtime.bigint();
      const done = () => {
        if (code === undefined || !eof) return;
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (code !== 0)
          reject(new Error(`${file} ${args.join(' ')} exited ${code}: ${errText.slice(0, 400)}`));
        else resolve(cpu ? { ms, bytes, cpuMs: Number(cpuMs) } : { ms, bytes });
      };
      reader.on('data', (d) => (bytes += d.length));
      reader.on('end', () => {
        eof = true;
        done();
      });
      const p = spawn(cpu ? PYTHON : file, cpu ? [cpuOf, file, ...args] : args, {
        env: e,
        stdio: ['ignore', wfd, 'pipe', ...(cpu ? ['pipe'] : [])],
        cwd: tmp,
      });
      closeSync(wfd);
      let cpuMs = '';
      if (cpu) p.stdio[3].on('data', (d) => (cpuMs += d));
      p.stderr.on('data', (d) => (errText += d));
      p.on('error', reject);
      p.on('close', (c) => {
        code = c;
        done();
      });
    });
  /** Wall time of one run with no pipe at all (all three fds /dev/null): nothing to relay, the gate alone. */
  const onceQuiet = (file, args, e) =>
    new Promise((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const p = spawn(file, args, { env: e, stdio: 'ignore', cwd: tmp });
      p.on('error', reject);
      p.on('close', (code) =>
        code === 0
          ? resolve(Number(process.hrtime.bigint() - t0) / 1e6)
          : reject(new Error(`${file} ${args.join(' ')} exited ${code}`)),
      );
    });
  const ms = (r) => (typeof r === 'number' ? r : r.ms);
  const bareEnv = { PATH: process.env.PATH, HOME: process.env.HOME ?? '/' };
  const bare = [];
  const gated = [];
  const roundTrip = [];
  /** `bash -c true` with no pipes (no relay): bare, gated. */
  const quiet = { bare: [], gated: [] };
  const barePiped = [];
  const relayed = [];
  const cat = { bare: [], relayed: [], nested: [], gateCpu: [] };
  const fifo = { bare: [], relayed: [], nested: [] };
  /** CPU ms per run: the command's process tree (bare, relayed), and the supervisor's (relayed). */
  const cpu = { fifoBare: [], fifoTree: [], fifoGate: [], sockBare: [], sockTree: [] };
  const underGate = { bare: [], gated: [] };
  /** The gate process over the latency runs: major GCs, and CPU ms per gated command. */
  const gcs = { latency: 0, cpuPerCommand: NaN };
  const file = catFile(tmp);
  const cpuOf = path.join(tmp, 'cpu-of.py');
  writeFileSync(cpuOf, CPU_OF);
  const catBytes = statSync(file).size;
  try {
    for (let i = 0; i < 10; i++) await once('bash', ['-c', 'true'], env); // warm up
    for (let i = 0; i < 10; i++) await once('bash', ['-c', 'true'], env, true);
    const latency0 = await gateStats();
    for (let i = 0; i < N; i++) {
      bare.push(await once('/bin/bash', ['-c', 'true'], bareEnv));
      gated.push(await once('bash', ['-c', 'true'], env));
      quiet.bare.push(await onceQuiet('/bin/bash', ['-c', 'true'], bareEnv));
      quiet.gated.push(await onceQuiet('bash', ['-c', 'true'], env));
      barePiped.push(ms(await once('/bin/bash', ['-c', 'true'], bareEnv, true)));
      relayed.push(ms(await once('bash', ['-c', 'true'], env, true)));
      if (i % 4 === 0) roundTrip.push(await once(env.AGENTFW_CLIENT || client.path, ['--line', 'true'], env)); // the session's copy: the broker checks who asks
    }
    const latency1 = await gateStats();
    gcs.latency = latency1.majors - latency0.majors;
    gcs.cpuPerCommand = N > 0 ? (latency1.cpuMs - latency0.cpuMs) / (3 * N + Math.ceil(N / 4)) : NaN;
    // Input MB per second. Bare output must be the whole file; relayed output may differ by
    // the few placeholders the masker puts in (a flag list in src/ reads like `--key VALUE`).
    const mbps = (r, exact) => {
      if (exact ? r.bytes !== catBytes : r.bytes < catBytes * 0.99)
        throw new Error(`cat returned ${r.bytes} bytes of ${catBytes}`);
      return catBytes / (1024 * 1024) / (r.ms / 1000);
    };
    for (let i = 0; i < CATS; i++) {
      cat.bare.push(mbps(await once('/bin/bash', ['-c', `cat '${file}'`], bareEnv, true), true));
      const c0 = await gateCpu();
      cat.relayed.push(mbps(await once('bash', ['-c', `cat '${file}'`], env, true), false));
      cat.gateCpu.push((await gateCpu()) - c0);
      cat.nested.push(mbps(await once('bash', ['-c', `bash -c "cat '${file}'"`], env, true), false));
      fifo.bare.push(mbps(await onceFifo('/bin/bash', ['-c', `cat '${file}'`], bareEnv), true));
      const f0 = await gateCpu();
      fifo.relayed.push(mbps(await onceFifo('bash', ['-c', `cat '${file}'`], env), false));
      cpu.fifoGate.push((await gateCpu()) - f0);
      fifo.nested.push(mbps(await onceFifo('bash', ['-c', `bash -c "cat '${file}'"`], env), false));
      if (hasPython) {
        // CPU of the command's process tree (gate client, bash, cat) against the bare one.
        // (Not the supervisor's here: with python3 as the parent its decision costs more.)
        const bash = path.join(env.AGENTFW_SHIM_DIR, 'bash');
        const catArgs = ['-c', `cat '${file}'`];
        cpu.fifoBare.push((await onceFifo('/bin/bash', catArgs, bareEnv, true)).cpuMs);
        cpu.fifoTree.push((await onceFifo(bash, catArgs, env, true)).cpuMs);
        cpu.sockBare.push((await once('/bin/bash', catArgs, bareEnv, true, true)).cpuMs);
        cpu.sockTree.push((await once(bash, catArgs, env, true, true)).cpuMs);
      }
    }
    // Under the exec gate (the sandbox's default): the shim's own exec is passed by the
    // helper, the shim asks, then its exec of the real bash is seen by the gate too (allowed
    // by the helper itself from the NEXT record the broker pushed before answering the shim;
    // src/gates/exec/exec-next.ts). Timer processes in lock step, one under the helper, one
    // bare, each running `bash -c true` per line on stdin.
    if (N > 0 && existsSync(helper) && process.platform === 'linux') {
      const t = (file, args, e) => timerProc(file, args, { env: e, what: 'bash -c true' });
      // The user's own environment without agentfw: spawnSync with a two-variable env makes
      // bash itself take far longer on this machine, which is no fair baseline.
      const plain = Object.fromEntries(
        Object.entries(process.env).filter(([k]) => !k.startsWith('AGENTFW_')),
      );
      const timerBare = t(process.execPath, ['-e', TIMER('/bin/bash')], plain);
      const timerGated = t(
        helper,
        underExecGate(env, env.AGENTFW_SOCK, server.pid, [process.execPath, '-e', TIMER('bash')], keep),
        env,
      );
      try {
        for (let i = 0; i < 5; i++) {
          await timerBare.once(); // warm up
          await timerGated.once();
        }
        for (let i = 0; i < N; i++) {
          underGate.bare.push(await timerBare.once());
          underGate.gated.push(await timerGated.once());
        }
      } finally {
        await timerBare.close();
        await timerGated.close();
      }
    }
  } finally {
    server.stdin.end();
  }
  const base = pct(bare, 50);
  const added = pct(gated, 50) - base;
  console.log(
    `shim: gate client ${client.kind} (${client.path}), ${N} runs each, interleaved; load ${os.loadavg()[0].toFixed(1)}`,
  );
  const relayedAdded = pct(relayed, 50) - pct(barePiped, 50);
  // BENCH_SHIM_N=0 measured no latency: those lines would only say NaN.
  if (N > 0) {
    console.log(`  bare /bin/bash -c true     p50 ${r2(base)} ms   p99 ${r2(pct(bare, 99))} ms`);
    console.log(`  gated bash -c true (shim)  p50 ${r2(pct(gated, 50))} ms   p99 ${r2(pct(gated, 99))} ms`);
    console.log(`  client round trip alone    p50 ${r2(pct(roundTrip, 50))} ms   (agentfw-shim --line true)`);
    const qb = pct(quiet.bare, 50);
    const qa = pct(quiet.gated, 50) - qb;
    console.log(
      `  no pipes at all (no relay) bare p50 ${r2(qb)} ms   gated p50 ${r2(pct(quiet.gated, 50))} ms   added ${r2(qa)} ms = +${r2(qa / qb)}× (the gate alone; above, stderr is a pipe, so the output relay is in)`,
    );
    console.log(
      `  added latency              p50 ${r2(added)} ms = +${r2(added / base)}× a bare shell start   (target ≤ +0.5×)`,
    );
    console.log(`  bare, output to pipes      p50 ${r2(pct(barePiped, 50))} ms`);
    console.log(
      `  gated + relayed (pipes)    p50 ${r2(pct(relayed, 50))} ms   p99 ${r2(pct(relayed, 99))} ms`,
    );
    console.log(
      `  added latency, relayed     p50 ${r2(relayedAdded)} ms = +${r2(relayedAdded / pct(barePiped, 50))}× bare`,
    );
    console.log(
      `  gate process              ${r2(gcs.cpuPerCommand)} ms CPU per gated command (with the shim's keeper), ${gcs.latency} major GCs over the ${3 * N + Math.ceil(N / 4)} gated commands above`,
    );
  }
  // BENCH_SHIM_CATS=0: latency only, no relayed `cat` figures to print.
  if (CATS > 0) {
    const noop = process.env.BENCH_SHIM_NOOP_MASKER ? '; NO-OP MASKER: plumbing only' : '';
    console.log(
      `  cat ${CAT_MB} MB to a pipe (FIFO)   bare ${r2(pct(fifo.bare, 50))} MB/s   relayed ${r2(pct(fifo.relayed, 50))} MB/s   relayed twice ${r2(pct(fifo.nested, 50))} MB/s   = ${Math.round((100 * pct(fifo.relayed, 50)) / pct(fifo.bare, 50))}% of bare (median of ${CATS}; target ≥ 50%${noop})`,
    );
    console.log(
      `  cat ${CAT_MB} MB to a socketpair    bare ${r2(pct(cat.bare, 50))} MB/s   relayed ${r2(pct(cat.relayed, 50))} MB/s   relayed twice ${r2(pct(cat.nested, 50))} MB/s   = ${Math.round((100 * pct(cat.relayed, 50)) / pct(cat.bare, 50))}% of bare (median of ${CATS}; target ≥ 50%; trigger search: ${finder}${process.env.BENCH_SHIM_NOOP_MASKER ? '; NO-OP MASKER: plumbing only' : ''})`,
    );
    if (hasPython) {
      const c = (xs) => r2(pct(xs, 50));
      console.log(
        `  CPU per cat ${CAT_MB} MB, ms       to a FIFO: bare ${c(cpu.fifoBare)}, relayed: command tree ${c(cpu.fifoTree)} + supervisor ${c(cpu.fifoGate)}   to a socketpair: bare ${c(cpu.sockBare)}, relayed: command tree ${c(cpu.sockTree)} + supervisor ${c(cat.gateCpu)}   (supervisor incl. its decision; median of ${CATS})`,
      );
    }
    const gateMs = pct(cat.gateCpu, 50);
    console.log(
      `  gate CPU per relayed cat    ${r2(gateMs)} ms per ${CAT_MB} MB = ${r2(CAT_MB / (gateMs / 1000))} MB/s of supervisor CPU (median of ${CATS}; includes the gate's decision)`,
    );
  }
  let eg = {};
  if (underGate.gated.length) {
    const gb = pct(underGate.bare, 50);
    const ga = pct(underGate.gated, 50) - gb;
    eg = { exec_gate_baseline_p50_ms: r2(gb), exec_gate_p50_ms: r2(ga), exec_gate_added_ratio: r2(ga / gb) };
    console.log(
      `  under the exec gate        p50 ${r2(pct(underGate.gated, 50))} ms vs bare ${r2(gb)} ms: added ${r2(ga)} ms = +${r2(ga / gb)}× (shim + the gate's view of its exec; target ≤ +0.1×)`,
    );
  }
  console.log(
    JSON.stringify({
      ...eg,
      name: 'shim',
      p50_ms: r2(added),
      p99_ms: r2(pct(gated, 99) - base),
      baseline_p50_ms: r2(base),
      gated_p50_ms: r2(pct(gated, 50)),
      client_p50_ms: r2(pct(roundTrip, 50)),
      quiet_baseline_p50_ms: r2(pct(quiet.bare, 50)),
      quiet_p50_ms: r2(pct(quiet.gated, 50) - pct(quiet.bare, 50)),
      quiet_added_ratio: r2((pct(quiet.gated, 50) - pct(quiet.bare, 50)) / pct(quiet.bare, 50)),
      added_ratio: r2(added / base),
      relayed_p50_ms: r2(relayedAdded),
      relayed_added_ratio: r2(relayedAdded / pct(barePiped, 50)),
      gate_cpu_ms_per_command: r2(gcs.cpuPerCommand),
      gate_major_gcs: gcs.latency,
      relayed_gated_p50_ms: r2(pct(relayed, 50)),
      piped_baseline_p50_ms: r2(pct(barePiped, 50)),
      cat_mb: CAT_MB,
      cat_bare_mbps: r2(pct(cat.bare, 50)),
      cat_relayed_mbps: r2(pct(cat.relayed, 50)),
      cat_relayed_twice_mbps: r2(pct(cat.nested, 50)),
      cat_relayed_ratio: r2(pct(cat.relayed, 50) / pct(cat.bare, 50)),
      cat_fifo_bare_mbps: r2(pct(fifo.bare, 50)),
      cat_fifo_relayed_mbps: r2(pct(fifo.relayed, 50)),
      cat_fifo_relayed_twice_mbps: r2(pct(fifo.nested, 50)),
      cat_fifo_relayed_ratio: r2(pct(fifo.relayed, 50) / pct(fifo.bare, 50)),
      ...(hasPython
        ? {
            cat_cpu_fifo_bare_ms: r2(pct(cpu.fifoBare, 50)),
            cat_cpu_fifo_tree_ms: r2(pct(cpu.fifoTree, 50)),
            cat_cpu_socket_bare_ms: r2(pct(cpu.sockBare, 50)),
            cat_cpu_socket_tree_ms: r2(pct(cpu.sockTree, 50)),
          }
        : {}),
      trigger_finder: finder,
      cat_relayed_gate_cpu_ms: r2(pct(cat.gateCpu, 50)),
      cat_fifo_relayed_gate_cpu_ms: r2(pct(cpu.fifoGate, 50)),
      runs: N,
      client: client.kind,
      load: r2(os.loadavg()[0]),
    }),
  );
}

if (process.argv[2] === '--serve') await serve();
else await measure();
