#!/usr/bin/env node
/* global performance */
// Secrets benchmarks: masker throughput (known values, detected formats, full chain) and
// workspace scan speed. Human lines on stdout, then one JSON line per figure:
// {"name":"masker-known-10","mb_s":…}. Run after `npm run build`.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = (p) => import(path.join(root, 'dist', 'secrets', p));
const { KnownMatcher } = await dist('known.js');
const { StreamStage, ChainMasker } = await dist('masker.js');
const { patternScanner } = await dist('detect.js');
const { scanWorkspace } = await dist('scan.js');
const { createSecretSet } = await dist('index.js');
// Absent in builds before the native trigger finder (for comparisons with them).
const finderStatus = await dist('trigger-finder.js').then(
  (m) => m.triggerFinderStatus(),
  () => 'js (no native finder in this build)',
);

const figures = [];
const report = (name, fields, human) => {
  figures.push({ name, ...fields });
  process.stdout.write(human + '\n');
};

// Deterministic pseudo-random text: log lines and real source code, with a few secrets.
let seed = 12345;
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pick = (s, n) => Array.from({ length: n }, () => s[Math.floor(rnd() * s.length)]).join('');
const AN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const source = readFileSync(path.join(root, 'node_modules/typescript/lib/typescript.js'), 'latin1').slice(
  0,
  4e6,
);
function corpus(bytes) {
  const parts = [];
  let len = 0;
  while (len < bytes) {
    const r = rnd();
    let p;
    if (r < 0.5)
      p = `2024-06-01T12:00:00Z INFO req=${pick(AN, 12)} path=/api/v1/items/${pick('0123456789', 6)} status=200 took=${pick('0123456789', 2)}ms\n`;
    else if (r < 0.999) {
      const at = Math.floor(rnd() * (source.length - 4096));
      p = source.slice(at, at + 4096);
    } else p = `GITHUB_TOKEN=ghp_${pick(AN, 36)}\n`;
    parts.push(p);
    len += p.length;
  }
  return Buffer.from(parts.join(''), 'latin1');
}

const INPUT = corpus(16e6);
const CHUNK = 64 * 1024;

/** Median of 3 timed passes over INPUT in 64 KiB chunks, after an 8 MB warm-up pass (JIT). */
function throughput(makeMasker) {
  const pass = (bytes) => {
    const m = makeMasker();
    const t0 = performance.now();
    for (let at = 0; at < bytes; at += CHUNK) m.push(INPUT.subarray(at, Math.min(bytes, at + CHUNK)));
    m.flush();
    return (performance.now() - t0) / 1000;
  };
  pass(8e6);
  const times = [pass(INPUT.length), pass(INPUT.length), pass(INPUT.length)].sort((a, b) => a - b);
  return { mb_s: +(INPUT.length / 1e6 / times[1]).toFixed(1) };
}

const knownValues = (n) =>
  Array.from({ length: n }, (_, i) => ({ name: `SECRET_${i}`, value: pick(AN, 24 + (i % 40)) }));

for (const n of [10, 1000]) {
  const matcher = new KnownMatcher(knownValues(n));
  const r = throughput(() => new ChainMasker([new StreamStage(matcher, 0)]));
  report(
    `masker-known-${n}`,
    { mb_s: r.mb_s, values: n },
    `masker, ${n} known values only: ${r.mb_s} MB/s (${(INPUT.length / 1e6).toFixed(0)} MB in 64 KiB chunks, median of 3)`,
  );
}
{
  const r = throughput(() => new ChainMasker([new StreamStage(patternScanner(), 1024)]));
  report('masker-patterns', { mb_s: r.mb_s }, `masker, detected formats + key-name context: ${r.mb_s} MB/s`);
}
{
  const matcher = new KnownMatcher(knownValues(1000));
  const r = throughput(
    () => new ChainMasker([new StreamStage(matcher, 0), new StreamStage(patternScanner(), 1024)]),
  );
  report(
    'masker-full-1000',
    { mb_s: r.mb_s, values: 1000 },
    `masker, full chain (1000 known values + patterns): ${r.mb_s} MB/s`,
  );
}

// The relay's text (as `cat` of 10 MiB in bench/shim.mjs): this package's TypeScript sources
// interleaved with log lines, through a session's masker (known values + patterns).
{
  const parts = [];
  const walk = (d) => {
    for (const e of readdirSync(d).sort()) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) parts.push(readFileSync(p));
    }
  };
  walk(path.join(root, 'src'));
  const size = 10 * 1024 * 1024;
  const chunks = [];
  for (let i = 0, n = 0; n < size; i++) {
    const log = Buffer.from(
      `2024-06-01T12:${String(i % 60).padStart(2, '0')}:00Z INFO request_id=${(i * 2654435761) >>> 0} path=/api/v1/items/${i} status=200 ms=${i % 97}\n`,
    );
    chunks.push(log, parts[i % parts.length]);
    n += log.length + parts[i % parts.length].length;
  }
  const text = Buffer.concat(chunks).subarray(0, size);
  const set = await createSecretSet({ env: process.env, config: {} });
  const pass = () => {
    const m = set.streamMasker();
    const t0 = performance.now();
    for (let at = 0; at < size; at += CHUNK) m.push(text.subarray(at, at + CHUNK));
    m.flush();
    return performance.now() - t0;
  };
  for (let i = 0; i < 5; i++) pass();
  const times = Array.from({ length: 15 }, pass).sort((a, b) => a - b);
  const ms = times[7];
  report(
    'masker-relay-text',
    {
      ms_10mib: +ms.toFixed(1),
      mb_s: +(size / 1e6 / (ms / 1000)).toFixed(0),
      finder: finderStatus,
      load: os.loadavg()[0],
    },
    `masker, session (env + patterns) on the relay's text (TypeScript + logs): ${ms.toFixed(1)} ms per 10 MiB = ${(size / 1e6 / (ms / 1000)).toFixed(0)} MB/s, median of 15 (finder: ${finderStatus}, load ${os.loadavg()[0].toFixed(2)})`,
  );
}

// Workspace scan on a synthetic tree of 5,000 files.
const ws = mkdtempSync(path.join(os.tmpdir(), 'agentfw-bench-scan-'));
try {
  const exts = ['.ts', '.js', '.py', '.json', '.yaml', '.sh', '.md', '.env'];
  for (let i = 0; i < 5000; i++) {
    const dir = path.join(ws, `pkg${i % 50}`, `mod${i % 7}`);
    mkdirSync(dir, { recursive: true });
    const ext = exts[i % exts.length];
    const at = Math.floor(rnd() * (source.length - 8192));
    let body = source.slice(at, at + 1024 + Math.floor(rnd() * 6144));
    if (i % 100 === 0) body += `\nAPI_TOKEN=${pick(AN, 32)}\n`;
    writeFileSync(path.join(dir, ext === '.env' ? `.env` : `f${i}${ext}`), body);
  }
  writeFileSync(path.join(ws, '.gitignore'), 'pkg49/\n');
  const t0 = performance.now();
  const r = await scanWorkspace(ws);
  const s = (performance.now() - t0) / 1000;
  const filesS = Math.round(r.files / s);
  const mbS = +(r.bytes / 1e6 / s).toFixed(1);
  report(
    'scan',
    { files_s: filesS, mb_s: mbS, files: r.files, found: r.secrets.length },
    `workspace scan: ${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB in ${s.toFixed(2)} s = ${filesS} files/s, ${mbS} MB/s (${r.secrets.length} secrets found)`,
  );
} finally {
  rmSync(ws, { recursive: true, force: true });
}

for (const f of figures) process.stdout.write(JSON.stringify(f) + '\n');
