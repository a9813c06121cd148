#!/usr/bin/env node
// `npm run bench`: speed figures for the engine, the shim and the masker.
//
//   engine   per-check latency in a warm process (p50/p99 over the public corpus, repeated)
//   batch    `agentfw check --stdin --json` throughput over the corpus, incl. process start
//   shim     added latency of an intercepted `bash -c true` (bench/shim.mjs)
//   secrets  masker and workspace-scan throughput (bench/secrets.mjs)
//
// Prints human lines and, last, one JSON object with every figure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusFile = path.resolve(root, '..', 'shared', 'corpus', 'public.jsonl');
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

// --- engine, warm ---------------------------------------------------------------
{
  const { loadEngine, makeContext } = await import(path.join(root, 'dist', 'engine', 'analyze.js'));
  const { payloadReader } = await import(path.join(root, 'dist', 'engine', 'payload-reader.js'));
  const t0 = performance.now();
  const engine = await loadEngine();
  const loadMs = performance.now() - t0;
  const { ws, home } = workspace();
  const ctx = makeContext({ cwd: ws, home, env: { HOME: home }, readFile: payloadReader(1 << 20) });
  for (let i = 0; i < 3; i++) for (const c of cmds) engine.analyze(c, ctx); // warm-up
  const times = [];
  const rounds = 20;
  for (let r = 0; r < rounds; r++) {
    for (const c of cmds) {
      const s = performance.now();
      engine.analyze(c, ctx);
      times.push(performance.now() - s);
    }
  }
  times.sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  results.engine = {
    checks: times.length,
    p50_ms: +pct(times, 50).toFixed(4),
    p99_ms: +pct(times, 99).toFixed(4),
    max_ms: +times[times.length - 1].toFixed(3),
    per_s: Math.round(times.length / (total / 1000)),
    load_ms: +loadMs.toFixed(1),
  };
  console.log(
    `engine   ${times.length} checks warm: p50 ${results.engine.p50_ms} ms, p99 ${results.engine.p99_ms} ms, max ${results.engine.max_ms} ms, ${results.engine.per_s}/s; rulesets load+examples ${results.engine.load_ms} ms`,
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
for (const name of ['shim', 'secrets']) {
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
  if (r.status !== 0) console.log(`${name}: bench exited ${r.status}: ${(r.stderr || '').slice(0, 500)}`);
}

console.log(JSON.stringify(results));
