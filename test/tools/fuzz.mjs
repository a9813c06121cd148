/**
 * `npm run fuzz`: the engine under random shell-like input, then the differential oracle.
 *
 *   node test/tools/fuzz.mjs [--cases N] [--oracle N] [--seed S] [--abbrev]
 *
 * Reports cases, crashes (analyze threw), hangs (over the engine's wall-clock backstop),
 * wall and CPU time per analysis (p50/p99/max; CPU time is what machine load does not
 * inflate), inputs over 100 ms (written whole to a temp file, named in the report), unstable verdicts (the same input analysed twice with different verdicts), p50/p99/max
 * analysis time, and the oracle's misses. Exit 1 when any crash, hang, unstable verdict
 * or miss is found. Runs the built engine in dist/ (npm run build first; the npm script does).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadEngine, makeContext } from '../../dist/engine/analyze.js';
import { DEFAULT_LIMITS } from '../../dist/engine/types.js';
import { mutate, prng, runOracle, SEEDS } from './oracle.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const CASES = arg('cases', 20_000);
const ORACLE = arg('oracle', 20_000);
const SEED = arg('seed', 1);
/** `--abbrev`: the oracle also cuts long options to GNU abbreviations (`--forc`). */
const ABBREV = process.argv.includes('--abbrev');

const engine = await loadEngine({ exampleCacheDir: '' });
const ctx = makeContext({ cwd: '/home/dev/project', home: '/home/dev', env: { HOME: '/home/dev' } });
const r = prng(SEED);
const pick = (xs) => xs[Math.floor(r() * xs.length)];
const int = (n) => Math.floor(r() * n);

const WORDS = [
  'rm',
  '-rf',
  '/',
  '~',
  'git',
  'push',
  '--force',
  'curl',
  '-X',
  'DELETE',
  'https://a.example/x',
  'echo',
  'ls',
  'cat',
  'xargs',
  'sh',
  'bash',
  '-c',
  'eval',
  'env',
  'sudo',
  'find',
  '-delete',
  'x',
  '$x',
  '$@',
  '$*',
  '${x:-/}',
  '"$HOME"',
  "'q'",
  '$(ls)',
  '`ls`',
  '{a,b}',
  '{1..9}',
  '~/.ssh',
  '*.txt',
  '--',
  '>',
  '>>',
  '<',
  '2>&1',
  '<<EOF\nrm -rf /\nEOF\n',
  '$((1+2))',
  '\\',
  '"',
  "'",
  '(',
  ')',
  '{',
  '}',
  '\r',
  '\n',
  '\t',
  'é',
  '\u0000',
  "$'\\x72m'",
];
const OPS = [' ', ' ', ' ', '; ', ' | ', ' && ', ' || ', ' & ', '\n', '', '$(', ')', '`'];

const ATOMS = [
  'rm',
  '-rf',
  'x',
  '~/t',
  '"$@"',
  '$HOME',
  '*',
  'a\0b',
  'git',
  'push',
  '--f',
  'curl',
  '-X',
  'DELETE',
];
/** Grammar-built shell: nested quotes, substitutions, braces, heredocs, NULs, huge words, deep parens. */
function grammar(depth = 0) {
  if (depth > 6) return pick(ATOMS);
  const g = () => grammar(depth + 1);
  const forms = [
    () => pick(ATOMS),
    () => `"${g()}"`,
    () => `'${g().replace(/'/g, '')}'`,
    () => `$(${g()})`,
    () => `\`${g().replace(/`/g, '\\`')}\``,
    () => `{${g()},${g()}}`,
    () => `{1..${int(50)}}`,
    () => `$'\\x${int(128).toString(16)}'`,
    () => `cat <<EOF\n${g()}\nEOF\n`,
    () => `bash -c '${g().replace(/'/g, '')}'`,
    () => `${g()} | ${g()}`,
    () => `${g()}; ${g()}`,
    () => `${g()} && ${g()}`,
    () => 'x'.repeat(int(120_000)),
    () => '('.repeat(int(500)),
  ];
  return pick(forms)();
}

/** One random input: a token soup, a grammar-built script, a rewrite of a seed, or a large pathological shape. */
function input() {
  const kind = r();
  if (kind < 0.3) return `${grammar()} ${grammar()}`;
  if (kind < 0.5) {
    let s = '';
    const n = 1 + int(30);
    for (let i = 0; i < n; i++) s += pick(WORDS) + pick(OPS);
    return s;
  }
  if (kind < 0.97) return mutate(pick(SEEDS), r);
  const n = 100 + int(30_000);
  return pick([
    () => 'echo ' + '{a,b}'.repeat(n),
    () => 'echo ' + '{a,'.repeat(n >> 2) + 'b' + '}'.repeat(n >> 2),
    () => 'a|'.repeat(n) + 'b',
    () => '$('.repeat(n >> 3) + 'x' + ')'.repeat(n >> 3),
    () => 'echo a;'.repeat(n >> 2),
    () => 'x=' + 'a'.repeat(n) + '; rm -rf $x',
  ])();
}

const times = [];
/** CPU time of each analysis (user + system, ms): what a loaded machine does not inflate. */
const cpu = [];
let crashes = 0;
let hangs = 0;
let unstable = 0;
let allowed = 0;
const examples = [];
const slowest = { ms: 0, length: 0, start: '' };
/** Inputs over 100 ms (the p99 goal), kept whole in a file for reproduction. */
const slow = [];
for (let i = 0; i < CASES; i++) {
  const s = input();
  try {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const d = engine.analyze(s, ctx);
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    times.push(ms);
    cpu.push((c.user + c.system) / 1000);
    if (ms > slowest.ms) Object.assign(slowest, { ms, length: s.length, start: s.slice(0, 60) });
    if (ms > 100) slow.push(s);
    if (ms > DEFAULT_LIMITS.maxMillis) {
      hangs++;
      if (examples.length < 5) examples.push({ hang: s.slice(0, 80), ms });
    }
    if (d.decision === 'allow') allowed++;
    if (engine.analyze(s, ctx).decision !== d.decision) {
      unstable++;
      if (examples.length < 5) examples.push({ unstable: s.slice(0, 80) });
    }
  } catch (e) {
    crashes++;
    if (examples.length < 5) examples.push({ crash: s.slice(0, 80), error: String(e) });
  }
}
times.sort((a, b) => a - b);
const slowFile = path.join(os.tmpdir(), `agentfw-fuzz-slow-${process.pid}.jsonl`);
if (slow.length) writeFileSync(slowFile, slow.map((x) => JSON.stringify(x)).join('\n') + '\n');
cpu.sort((a, b) => a - b);
const q = (p, xs = times) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]?.toFixed(2);
const oracle =
  ORACLE > 0
    ? runOracle({
        analyze: (s) => engine.analyze(s, ctx).decision,
        cases: ORACLE,
        seed: SEED,
        abbrev: ABBREV,
      })
    : undefined;

const report = {
  cases: CASES,
  crashes,
  hangs,
  unstable,
  allowed,
  ms: { p50: q(0.5), p99: q(0.99), max: q(1) },
  cpuMs: { p50: q(0.5, cpu), p99: q(0.99, cpu), max: q(1, cpu) },
  loadavg: os.loadavg().map((x) => +x.toFixed(1)),
  over100ms: slow.length,
  slowest,
  slowFile: slow.length ? slowFile : undefined,
  oracle: oracle && {
    seeds: oracle.seeds,
    cases: oracle.cases,
    allowedAndExecuted: oracle.executed,
    misses: oracle.misses.length,
    controlFailures: oracle.controlFailures,
  },
  examples,
  missExamples: oracle?.misses.slice(0, 10) ?? [],
};
console.log(JSON.stringify(report, null, 2));
process.exitCode =
  crashes || hangs || unstable || oracle?.misses.length || oracle?.controlFailures.length ? 1 : 0;
