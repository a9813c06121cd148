#!/usr/bin/env node
// `node bench/worker.mjs [ROUNDS]` (also part of `npm run bench`): what the analysis worker
// (src/engine/worker.ts: the supervisor's gates, `check --stdin`, the hook daemon) adds to a
// warm check. The public corpus (or a fallback list) is analysed in-process and through the
// worker pool, interleaved command by command so machine load hits both alike; reports
// p50/p99/max of each and the added p50/p99 (the IPC round trip plus the decision's copy).
// Then the cost of a runaway: how long a request queued behind an analysis killed at its
// deadline waits, with the pool of two. Needs `npm run build`.
// Last line: one JSON object {"name":"worker",…}.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadEngine, makeContext } = await import(path.join(root, 'dist', 'engine', 'analyze.js'));
const { AnalysisPool } = await import(path.join(root, 'dist', 'engine', 'worker.js'));
const rounds = Number(process.argv[2]) || 3;
const corpus = [path.resolve(root, '..', 'shared'), path.resolve(root, '..', '..', 'shared'), '/work/shared']
  .map((d) => path.join(d, 'corpus', 'public.jsonl'))
  .find((f) => existsSync(f));
const cmds = corpus
  ? readFileSync(corpus, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l).cmd)
      .filter((c) => typeof c === 'string')
  : ['ls -la', 'rm -rf /', 'git push --force', 'curl -X DELETE https://api.example.com/x'];
const cwd = '/home/dev/project';
const pct = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const engine = await loadEngine({ skipExamples: true, noConfig: true });
const ctx = makeContext({ cwd, home: '/home/dev' });
const pool = new AnalysisPool(engine, { size: 2 });
const t0 = performance.now();
await pool.warm();
const warmMs = performance.now() - t0;
for (const c of cmds.slice(0, 200)) {
  engine.analyze(c, ctx);
  await pool.analyze({ script: c, cwd, home: '/home/dev' });
}
const inproc = [];
const via = [];
for (let r = 0; r < rounds; r++)
  for (const c of cmds) {
    let s = performance.now();
    engine.analyze(c, ctx);
    inproc.push(performance.now() - s);
    s = performance.now();
    await pool.analyze({ script: c, cwd, home: '/home/dev' });
    via.push(performance.now() - s);
  }
await pool.close();

// A runaway (deadline 50 ms here, so any heavy input overruns) and a request queued behind it.
const slow = 'echo a;'.repeat(15_000);
const p2 = new AnalysisPool(engine, { size: 2, deadlineMs: 50 });
await p2.warm();
const s0 = performance.now();
const [a, b] = await Promise.all([
  p2.analyze({ script: slow, cwd }),
  p2.analyze({ script: 'ls', cwd }).then((r) => ({ ...r, at: performance.now() - s0 })),
]);
const killedMs = performance.now() - s0;
await p2.close();

const f = (x) => +x.toFixed(3);
const out = {
  name: 'worker',
  checks: inproc.length,
  start_ms: Math.round(warmMs),
  inprocess_ms: { p50: f(pct(inproc, 50)), p99: f(pct(inproc, 99)), max: f(Math.max(...inproc)) },
  worker_ms: { p50: f(pct(via, 50)), p99: f(pct(via, 99)), max: f(Math.max(...via)) },
  added_ms: { p50: f(pct(via, 50) - pct(inproc, 50)), p99: f(pct(via, 99) - pct(inproc, 99)) },
  runaway: {
    verdict: a.decision.decision,
    issue: a.decision.issues[0]?.code,
    ms: Math.round(killedMs),
    other_ms: f(b.at),
  },
};
console.log(
  `worker   ${out.checks} warm checks: in-process p50 ${out.inprocess_ms.p50} p99 ${out.inprocess_ms.p99} ms; ` +
    `via the worker p50 ${out.worker_ms.p50} p99 ${out.worker_ms.p99} ms (added p50 ${out.added_ms.p50}, p99 ${out.added_ms.p99}); ` +
    `pool of 2 loads in ${out.start_ms} ms; a runaway killed at 50 ms → ${out.runaway.verdict} ${out.runaway.issue} in ${out.runaway.ms} ms, a check beside it ${out.runaway.other_ms} ms`,
);
console.log(JSON.stringify(out));
