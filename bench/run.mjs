#!/usr/bin/env node
// `npm run bench`: speed figures for the engine, the shim and the masker.
//
//   load     rulesets load time in a fresh process: cold (examples run) and cached (a
//            recorded pass for the same rulesets and build), plus `agentfw check -- CMD`
//            wall time including process start
//   engine   per-check latency in a warm process (p50/p99/max over the public corpus,
//            repeated), checks/s, CPU per check and GC pauses
//   batch    `agentfw check --stdin --json` throughput over the corpus, incl. process start
//   shim     added latency of an intercepted `bash -c true` and `cat` 10 MB through the
//            relay, each as a ratio to its bare run (bench/shim.mjs)
//   floor    the same `bash -c true` through the shim and through the exec gate with a gate
//            that answers at once, beside the real gate: the mechanism's own cost (bench/floor.mjs)
//   secrets  masker and workspace-scan throughput (bench/secrets.mjs)
//   start    `agentfw run --headless -- true` vs `bash -c true` (bench/start.mjs)
//   tui      key echo through the TUI vs a bare terminal (bench/tui.mjs)
//   hook     a hook-mode call: warm p50 vs a bare spawn of the client, daemon start (bench/hook.mjs)
//   (`node bench/run.mjs --engine` runs only the engine figures)
//
// Every figure depends on machine load (printed first and last), so each section measures
// its own bare baseline in the same run, interleaved, and reports a ratio to it. The
// example cache lives in a fresh temporary XDG_CACHE_HOME, so the user's own cache is
// neither used nor touched.
// Prints human lines and, last, one JSON object with every figure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import os from 'node:os';
import v8 from 'node:v8';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The shared corpus sits next to the main checkout (../shared) or, from a worktree, one more level up.
const corpusFile =
  [
    process.env.BENCH_CORPUS,
    path.resolve(root, '..', 'shared', 'corpus', 'public.jsonl'),
    path.resolve(root, '..', '..', 'shared', 'corpus', 'public.jsonl'),
  ].find((f) => f && existsSync(f)) ?? '';
const results = {};

const fallback = [
  'ls -la',
  'rm -rf /',
  'git push --force origin main',
  "bash -c 'rm -rf ~'",
  'echo cm0gLXJmIH4K | base64 -d | sh',
  `curl -X POST https://backboard.railway.app/graphql/v2 -d '{"query":"mutation { volumeDelete(volumeId: \\"v\\") }"}'`,
  'psql "$DATABASE_URL" -c \'DROP DATABASE production;\'',
  'aws s3 rb s3://prod --force',
  'npm test',
  'git status',
];
const cmds = existsSync(corpusFile)
  ? readFileSync(corpusFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).cmd)
  : fallback;

function workspace() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-bench-'));
  const ws = path.join(tmp, 'ws');
  mkdirSync(path.join(ws, 'scripts'), { recursive: true });
  writeFileSync(
    path.join(ws, 'delete-volume.json'),
    '{"query":"mutation { volumeDelete(volumeId: \\"3f1c9a\\") }"}\n',
  );
  writeFileSync(path.join(ws, 'scripts', 'wipe.sql'), 'DROP TABLE users;\n');
  return { ws, home: path.join(tmp, 'home') };
}

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const cacheHome = mkdtempSync(path.join(os.tmpdir(), 'agentfw-bench-cache-'));
const benchEnv = { ...process.env, XDG_CACHE_HOME: cacheHome };
results.machine = { cpus: os.cpus().length, loadavg_1m: +os.loadavg()[0].toFixed(2) };
console.log(`machine  ${results.machine.cpus} cpus, load average ${results.machine.loadavg_1m}`);

// --- load: cold (examples run) and cached, each in a fresh process ------------------------
{
  const loader = `
    const t0 = performance.now();
    const { loadEngine } = await import(${JSON.stringify(path.join(root, 'dist', 'engine', 'analyze.js'))});
    const t1 = performance.now();
    await loadEngine();
    console.log(JSON.stringify({ import_ms: t1 - t0, load_ms: performance.now() - t1 }));`;
  const once = () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', loader], {
      encoding: 'utf8',
      env: benchEnv,
    });
    if (r.status !== 0) throw new Error(`loading the engine failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop());
  };
  const cold = once();
  const cached = once();
  const single = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    spawnSync(path.join(root, 'bin', 'agentfw'), ['check', '--', 'ls -la'], { env: benchEnv });
    single.push(performance.now() - t);
  }
  single.sort((a, b) => a - b);
  results.load = {
    import_ms: +cached.import_ms.toFixed(1),
    cold_ms: +cold.load_ms.toFixed(1),
    cached_ms: +cached.load_ms.toFixed(1),
    single_check_ms: +single[2].toFixed(1),
  };
  console.log(
    `load     rulesets: cold (examples run) ${results.load.cold_ms} ms, cached ${results.load.cached_ms} ms (+ module import ${results.load.import_ms} ms); agentfw check -- 'ls -la': ${results.load.single_check_ms} ms incl. process start (median of 5)`,
  );
}

// --- engine, warm ---------------------------------------------------------------
{
  const { loadEngine, makeContext } = await import(path.join(root, 'dist', 'engine', 'analyze.js'));
  const { payloadReader } = await import(path.join(root, 'dist', 'engine', 'payload-reader.js'));
  const t0 = performance.now();
  const engine = await loadEngine({ exampleCacheDir: path.join(cacheHome, 'agentfw') });
  const loadMs = performance.now() - t0;
  const { ws, home } = workspace();
  const ctx = makeContext({ cwd: ws, home, env: { HOME: home }, readFile: payloadReader(1 << 20) });
  for (let i = 0; i < 3; i++) for (const c of cmds) engine.analyze(c, ctx); // warm-up
  const times = [];
  /** CPU time of each check (getrusage, µs resolution): what the check cost, without the time the machine gave to others. */
  const cpuTimes = [];
  /** [start, end] of each check, to find the checks a GC pause fell into. */
  const spans = [];
  const rounds = 20;
  let gcs = 0;
  let gcMs = 0;
  let gcMax = 0;
  const gcSpans = [];
  /** GC pauses by kind: minor (scavenge of the new space), major (mark-compact), other (incremental steps, weak callbacks). */
  const gcKinds = {};
  const obs = new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      gcs++;
      gcMs += e.duration;
      gcMax = Math.max(gcMax, e.duration);
      gcSpans.push([e.startTime, e.startTime + e.duration]);
      const kind = e.detail?.kind === 1 ? 'minor' : e.detail?.kind === 4 ? 'major' : 'other';
      gcKinds[kind] = (gcKinds[kind] ?? 0) + 1;
    }
  });
  obs.observe({ entryTypes: ['gc'] });
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    for (const c of cmds) {
      const u = process.cpuUsage();
      const s = performance.now();
      engine.analyze(c, ctx);
      const e = performance.now();
      const du = process.cpuUsage(u);
      times.push(e - s);
      cpuTimes.push((du.user + du.system) / 1000);
      spans.push([s, e]);
    }
  }
  const cpu = process.cpuUsage(cpu0);
  await sleep(20); // let the GC observer report
  obs.disconnect();
  // Of the slowest 1% of checks (wall), how many had a GC pause inside them.
  const slowCut = pct(
    [...times].sort((a, b) => a - b),
    99,
  );
  let slow = 0;
  let slowWithGc = 0;
  spans.forEach(([s, e], i) => {
    if (times[i] < slowCut) return;
    slow++;
    if (gcSpans.some(([gs, ge]) => gs < e && ge > s)) slowWithGc++;
  });
  cpuTimes.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  results.engine = {
    checks: times.length,
    p50_ms: +pct(times, 50).toFixed(4),
    p99_ms: +pct(times, 99).toFixed(4),
    max_ms: +times[times.length - 1].toFixed(3),
    per_s: Math.round(times.length / (total / 1000)),
    cpu_us_per_check: Math.round((cpu.user + cpu.system) / times.length),
    cpu_p50_ms: +pct(cpuTimes, 50).toFixed(4),
    cpu_p99_ms: +pct(cpuTimes, 99).toFixed(4),
    gc_pauses: gcs,
    gc_ms: +gcMs.toFixed(1),
    gc_max_ms: +gcMax.toFixed(2),
    gc_kinds: gcKinds,
    slow_1pct: slow,
    slow_1pct_with_gc: slowWithGc,
    semi_space_mb: Math.round(
      v8.getHeapSpaceStatistics().find((x) => x.space_name === 'new_space').space_size / 2 ** 20,
    ),
    load_ms: +loadMs.toFixed(1),
    load: +os.loadavg()[0].toFixed(2),
  };
  console.log(
    `engine   ${times.length} checks warm: wall p50 ${results.engine.p50_ms} ms, p99 ${results.engine.p99_ms} ms, max ${results.engine.max_ms} ms; CPU p50 ${results.engine.cpu_p50_ms} ms, p99 ${results.engine.cpu_p99_ms} ms; ${results.engine.per_s}/s, ${results.engine.cpu_us_per_check} us CPU/check, ${gcs} GC pauses (${results.engine.gc_ms} ms, longest ${results.engine.gc_max_ms} ms, ${JSON.stringify(gcKinds)}; ${slowWithGc} of the ${slow} slowest 1% had a GC inside); new space ${results.engine.semi_space_mb} MB; load ${results.engine.load}`,
  );
}

// --- batch through the CLI ---------------------------------------------------------
{
  const { ws } = workspace();
  const reps = 20;
  const input =
    Array.from({ length: reps }, () => cmds.map((c) => JSON.stringify({ cmd: c, cwd: ws })).join('\n')).join(
      '\n',
    ) + '\n';
  const n = cmds.length * reps;
  const t0 = performance.now();
  const r = spawnSync(path.join(root, 'bin', 'agentfw'), ['check', '--stdin', '--json'], {
    env: benchEnv,
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const ms = performance.now() - t0;
  const lines = r.stdout.trim().split('\n').length;
  results.batch = { commands: n, verdicts: lines, ms: Math.round(ms), per_s: Math.round(n / (ms / 1000)) };
  console.log(
    `batch    ${n} commands via check --stdin --json: ${results.batch.ms} ms incl. start, ${results.batch.per_s} commands/s (${lines} verdicts)`,
  );
}

// --- the other layers' benches (JSON lines on stdout) ------------------------------------
// One line per section; `node bench/run.mjs --engine` skips them.
const sections = [
  'shim', // intercepted `bash -c true` vs bare, `cat` 10 MB through the relay vs bare
  'floor', // the same with a gate that answers at once: what the mechanism alone costs
  'secrets', // masker and workspace-scan throughput
  'start', // `agentfw run --headless -- true` vs `bash -c true`
  'tui', // key echo through the TUI vs a bare terminal
  'hook', // a hook-mode call vs a bare spawn of its client, daemon start
  'sandbox', // sandbox start, exec-gate and network-bridge added latency
  'proxy', // a request through the egress proxy vs direct
  'services', // a PostgreSQL query through a declared host service vs direct
  'worker', // the analysis worker's added latency per check, a runaway's cost
];
/** Sections whose process failed (printed, and the run exits 1). */
const failed = [];
for (const name of process.argv.includes('--engine') ? [] : sections) {
  const file = path.join(root, 'bench', `${name}.mjs`);
  if (!existsSync(file)) continue;
  const r = spawnSync(process.execPath, [file], { encoding: 'utf8', cwd: root, timeout: 300_000 });
  for (const line of (r.stdout || '').split('\n')) {
    if (line.startsWith('{')) {
      try {
        const j = JSON.parse(line);
        results[j.name ?? name] = j;
      } catch {
        /* a human line that starts with { */
      }
    } else if (line.trim()) console.log(line);
  }
  if (r.status !== 0) {
    console.log(`${name}: bench exited ${r.status}: ${(r.stderr || '').slice(0, 500)}`);
    failed.push(name);
  }
}

results.machine.loadavg_1m_end = +os.loadavg()[0].toFixed(2);
console.log(`machine  load average at the end ${results.machine.loadavg_1m_end}`);
console.log(JSON.stringify(results));
// A section that did not run is a broken bench, not a figure: the run says so and fails.
if (failed.length) {
  console.error(`bench: ${failed.length} section(s) failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
