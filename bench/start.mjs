#!/usr/bin/env node
// Start-up of a session: `agentfw run --headless -- true` (load rules, secrets, gate, spawn
// the agent, wait for it, close) against a bare `bash -c true`, interleaved so machine load
// affects both alike. A bare `node -e 0` is measured too: the floor of any Node start. A fresh XDG_CACHE_HOME (its first run fills the example cache and is
// not counted) and a small temporary workspace.
// Prints human lines, then one JSON line:
//   {"name":"start","p50_ms":…,"bare_p50_ms":…,"ratio":p50/bare p50,"load":…}
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_START_N || 10);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-bench-start-'));
const ws = path.join(tmp, 'ws');
mkdirSync(path.join(ws, 'src'), { recursive: true });
writeFileSync(path.join(ws, 'src', 'index.ts'), 'export const x = 1;\n');
writeFileSync(path.join(ws, 'README.md'), '# ws\n');
const env = { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache'), HOME: path.join(tmp, 'home') };
mkdirSync(env.HOME);

const once = (file, args) =>
  new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const p = spawn(file, args, { cwd: ws, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) reject(new Error(`${file} ${args.join(' ')} exited ${code}: ${err.slice(0, 400)}`));
      else resolve(Number(process.hrtime.bigint() - t0) / 1e6);
    });
  });
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const r2 = (x) => Math.round(x * 100) / 100;

const agentfw = path.join(root, 'bin', 'agentfw');
const run = ['run', '--headless', '--', 'true'];
try {
  await once(agentfw, run); // fills the example cache
  const bare = [];
  const nodeBare = [];
  const started = [];
  for (let i = 0; i < N; i++) {
    bare.push(await once('/bin/bash', ['-c', 'true']));
    nodeBare.push(await once(process.execPath, ['-e', '0']));
    started.push(await once(agentfw, run));
  }
  const b = pct(bare, 50);
  const s = pct(started, 50);
  const n = pct(nodeBare, 50);
  const load = os.loadavg()[0];
  console.log(
    `start: agentfw run --headless -- true  p50 ${r2(s)} ms (min ${r2(Math.min(...started))})   bare bash -c true p50 ${r2(b)} ms   = ${r2(s / b)}× bare; bare node -e 0 p50 ${r2(n)} ms = ${r2(s / n)}× node (${N} each, interleaved; load ${load.toFixed(1)}; target ≤ 300 ms)`,
  );
  console.log(
    JSON.stringify({
      name: 'start',
      p50_ms: r2(s),
      min_ms: r2(Math.min(...started)),
      bare_p50_ms: r2(b),
      ratio: r2(s / b),
      node_p50_ms: r2(n),
      node_ratio: r2(s / n),
      runs: N,
      load: r2(load),
    }),
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
