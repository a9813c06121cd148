#!/usr/bin/env node
// Where a warm check's CPU goes, extractor by extractor, over a labelled corpus
// (default: the held-out set and the public corpus). In one process, after a warm-up:
// the whole check's CPU per command (lowest of PASSES passes), then the same passes with
// each extractor wrapped in a timer, so the shares are of the extract stage.
//
//   node bench/extractors.mjs [corpus.jsonl ...]      PASSES=3 by default
//
// (Not part of `npm run bench`: a tool for finding where the engine's time goes; the CPU
// profile of the same passes, `node --cpu-prof`, names the readers inside each extractor.)
//
// Prints human lines and, last, one JSON object. Wall time on a busy machine means little:
// the CPU figure (process.cpuUsage) is the one to compare, builds alternated in one sitting.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const files = process.argv.slice(2);
if (files.length === 0) {
  files.push(path.join(root, 'test', 'fixtures', 'heldout.jsonl'));
  for (const p of [
    path.resolve(root, '..', 'shared', 'corpus', 'public.jsonl'),
    path.resolve(root, '..', '..', 'shared', 'corpus', 'public.jsonl'),
  ])
    if (existsSync(p)) {
      files.push(p);
      break;
    }
}
const cmds = files.flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l).cmd),
);
const passes = Number(process.env.PASSES ?? 3);

const { loadEngine, makeContext } = await import(path.join(root, 'dist', 'engine', 'analyze.js'));
const { payloadReader } = await import(path.join(root, 'dist', 'engine', 'payload-reader.js'));
const { EXTRACTORS, extractFacts } = await import(path.join(root, 'dist', 'extract', 'index.js'));
const { parseScript } = await import(path.join(root, 'dist', 'parse', 'parse.js'));
const { normalize } = await import(path.join(root, 'dist', 'normalize', 'index.js'));
const { decide, memoMask } = await import(path.join(root, 'dist', 'engine', 'decide.js'));
const cache = mkdtempSync(path.join(os.tmpdir(), 'agentfw-bench-'));
const engine = await loadEngine({ exampleCacheDir: cache });
const ws = mkdtempSync(path.join(os.tmpdir(), 'agentfw-ws-'));
const ctx = makeContext({
  cwd: ws,
  home: os.homedir(),
  env: { HOME: os.homedir() },
  readFile: payloadReader(1 << 20),
});

function pass() {
  const c0 = process.cpuUsage();
  for (const c of cmds) engine.analyze(c, ctx);
  const c1 = process.cpuUsage(c0);
  return (c1.user + c1.system) / cmds.length;
}
pass(); // warm-up
const plain = [];
for (let i = 0; i < passes; i++) plain.push(pass());

// The same passes with each extractor timed (hrtime around the call: wall time inside one
// thread, so a GC that lands inside an extractor counts to it).
const originals = EXTRACTORS.slice();
const spent = originals.map(() => 0n);
originals.forEach((ex, i) => {
  EXTRACTORS[i] = (cmd, c, all) => {
    const t = process.hrtime.bigint();
    try {
      return ex(cmd, c, all);
    } finally {
      spent[i] += process.hrtime.bigint() - t;
    }
  };
});
const timed = [];
for (let i = 0; i < passes; i++) timed.push(pass());
originals.forEach((ex, i) => (EXTRACTORS[i] = ex));

// The stages one by one (as analyzeWith runs them), CPU per check for each.
const stageNames = ['parse', 'normalize', 'extract', 'decide'];
const stage = [0, 0, 0, 0];
const identity = (x) => x;
for (let p = 0; p < passes; p++)
  for (const c of cmds) {
    let t = process.cpuUsage();
    const lap = (i) => {
      const d = process.cpuUsage(t);
      stage[i] += d.user + d.system;
      t = process.cpuUsage();
    };
    const parsed = parseScript(c, ctx.limits);
    lap(0);
    const norm = normalize(parsed, ctx);
    lap(1);
    const facts = extractFacts(norm.commands, ctx);
    lap(2);
    decide(facts, [...parsed.issues, ...norm.issues], engine.rulesets, memoMask(identity));
    lap(3);
  }
const stages = Object.fromEntries(stageNames.map((n, i) => [n, stage[i] / passes / cmds.length]));

const best = Math.min(...plain);
const perEx = originals
  .map((ex, i) => ({ name: ex.name || `extractor ${i}`, us: Number(spent[i]) / 1000 / passes / cmds.length }))
  .sort((a, b) => b.us - a.us);
const extractUs = perEx.reduce((s, e) => s + e.us, 0);
console.log(
  `corpus   ${cmds.length} commands from ${files.map((f) => path.basename(f)).join(', ')}; load ${os.loadavg()[0].toFixed(2)}`,
);
console.log(
  `check    CPU per check ${plain.map((x) => x.toFixed(0)).join(' / ')} µs (lowest ${best.toFixed(0)})`,
);
console.log(
  `stages   ${stageNames.map((n) => `${n} ${stages[n].toFixed(0)}`).join(', ')} µs per check (CPU; masking and summaries not included)`,
);
console.log(`extract  ${extractUs.toFixed(0)} µs per check in extractors (timed passes)`);
for (const e of perEx)
  console.log(
    `  ${e.name.padEnd(26)} ${e.us.toFixed(1).padStart(7)} µs  ${((100 * e.us) / extractUs).toFixed(1).padStart(5)}%`,
  );
console.log(
  JSON.stringify({
    commands: cmds.length,
    cpu_us_per_check: plain,
    stages_us: stages,
    extract_us: extractUs,
    extractors: perEx,
    load: os.loadavg()[0],
  }),
);
