#!/usr/bin/env node
// Start-up of a session: `agentfw run --headless -- true` (load rules, secrets, gate, spawn
// the agent, wait for it, close), in the default mode (bwrap sandbox, network bridge, exec
// gate, egress proxy with its per-session CA) and with `--no-sandbox`, against a bare `bash -c true`, interleaved so machine load
// affects both alike. A bare `node -e 0` is measured too: the floor of any Node start. A fresh XDG_CACHE_HOME (its first run fills the example cache and is
// not counted) and a small temporary workspace.
// A third session runs one command at once (`-- bash -c ls`): its check waits for an
// analysis worker, which loads once the agent has been launched.
// Then the default mode in a repository-sized workspace (BENCH_START_REPO=0 skips it): a git
// repository of this checkout's src/, test/, rulesets/ and docs/ plus a vendored bundled
// library (prettier's package), two commits, a `.env` with a token; first session (nothing
// cached for it yet) and later ones.
// Prints human lines, then one JSON line:
//   {"name":"start","p50_ms":… (default mode),"no_sandbox_p50_ms":…,"first_command_p50_ms":…,"bare_p50_ms":…,"ratio":p50/bare p50,"load":…}
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// BENCH_START_ROOT: another checkout whose build to measure (A/B against an older build).
const root = process.env.BENCH_START_ROOT || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_START_N || 10);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-bench-start-'));
const ws = path.join(tmp, 'ws');
mkdirSync(path.join(ws, 'src'), { recursive: true });
writeFileSync(path.join(ws, 'src', 'index.ts'), 'export const x = 1;\n');
writeFileSync(path.join(ws, 'README.md'), '# ws\n');
const env = { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache'), HOME: path.join(tmp, 'home') };
mkdirSync(env.HOME);

const once = (file, args, cwd = ws) =>
  new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const p = spawn(file, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) reject(new Error(`${file} ${args.join(' ')} exited ${code}: ${err.slice(0, 400)}`));
      else resolve(Number(process.hrtime.bigint() - t0) / 1e6);
    });
  });
/**
 * CPU time (user + system, ms) of one run and all its children, read from bash's `times`:
 * less sensitive to machine load than wall time.
 */
const cpuOf = (file, args, cwd = ws) =>
  new Promise((resolve, reject) => {
    const script = '"$@" >/dev/null 2>&1 </dev/null; rc=$?; times; exit $rc';
    const p = spawn('/bin/bash', ['-c', script, 'bash', file, ...args], { cwd, env });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => {
      const m = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(out.trim());
      if (code !== 0 || !m) return reject(new Error(`${file} ${args.join(' ')} exited ${code}`));
      resolve((Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000);
    });
  });
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const r2 = (x) => Math.round(x * 100) / 100;

const agentfw = path.join(root, 'bin', 'agentfw');
const run = ['run', '--headless', '--', 'true'];
const runNoSandbox = ['run', '--headless', '--no-sandbox', '--', 'true'];
/** A session whose agent runs one command at once: its first check waits for an analysis worker to load. */
const runFirst = ['run', '--headless', '--', 'bash', '-c', 'ls'];
try {
  await once(agentfw, run); // fills the example cache
  const bare = [];
  const nodeBare = [];
  const started = [];
  const noSandbox = [];
  const first = [];
  const load0 = os.loadavg()[0];
  for (let i = 0; i < N; i++) {
    bare.push(await once('/bin/bash', ['-c', 'true']));
    nodeBare.push(await once(process.execPath, ['-e', '0']));
    started.push(await once(agentfw, run));
    noSandbox.push(await once(agentfw, runNoSandbox));
    first.push(await once(agentfw, runFirst));
  }
  const cpu = { run: [], noSandbox: [], node: [] };
  for (let i = 0; i < Math.min(N, 5); i++) {
    cpu.node.push(await cpuOf(process.execPath, ['-e', '0']));
    cpu.run.push(await cpuOf(agentfw, run));
    cpu.noSandbox.push(await cpuOf(agentfw, runNoSandbox));
  }
  const b = pct(bare, 50);
  const s = pct(started, 50);
  const ns = pct(noSandbox, 50);
  const n = pct(nodeBare, 50);
  const load = os.loadavg()[0];
  console.log(
    `start: agentfw run --headless -- true  p50 ${r2(s)} ms (min ${r2(Math.min(...started))}); --no-sandbox p50 ${r2(ns)} ms (min ${r2(Math.min(...noSandbox))})   bare bash -c true p50 ${r2(b)} ms   = ${r2(s / b)}× bare; bare node -e 0 p50 ${r2(n)} ms = ${r2(s / n)}× node, --no-sandbox ${r2(ns / n)}× node (${N} each, interleaved; load ${load0.toFixed(1)} → ${load.toFixed(1)}; target ≤ 300 ms)`,
  );
  console.log(
    `start: a session whose agent runs one command at once (-- bash -c ls, its check waits for a worker to load): p50 ${r2(pct(first, 50))} ms`,
  );
  console.log(
    `start: CPU time incl. children: default ${r2(pct(cpu.run, 50))} ms, --no-sandbox ${r2(pct(cpu.noSandbox, 50))} ms, bare node -e 0 ${r2(pct(cpu.node, 50))} ms (median of ${cpu.run.length})`,
  );
  const repo = process.env.BENCH_START_REPO === '0' ? undefined : await repoStart();
  console.log(
    JSON.stringify({
      name: 'start',
      ...(repo ?? {}),
      p50_ms: r2(s),
      min_ms: r2(Math.min(...started)),
      no_sandbox_p50_ms: r2(ns),
      no_sandbox_min_ms: r2(Math.min(...noSandbox)),
      no_sandbox_node_ratio: r2(ns / n),
      cpu_ms: r2(pct(cpu.run, 50)),
      no_sandbox_cpu_ms: r2(pct(cpu.noSandbox, 50)),
      first_command_p50_ms: r2(pct(first, 50)),
      node_cpu_ms: r2(pct(cpu.node, 50)),
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

/** The repository-sized workspace (see the top): first session, then N later ones, interleaved with bare bash. */
async function repoStart() {
  const repo = path.join(tmp, 'repo');
  for (const d of ['src', 'test', 'rulesets', 'docs'])
    cpSync(path.join(root, d), path.join(repo, d), { recursive: true });
  const vendored = path.join(root, 'node_modules', 'prettier');
  if (existsSync(vendored)) cpSync(vendored, path.join(repo, 'vendor', 'prettier'), { recursive: true });
  const git = (...a) => spawnSync('git', ['-C', repo, '-c', 'user.name=b', '-c', 'user.email=b@b', ...a]);
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'one');
  writeFileSync(
    path.join(repo, '.env'),
    `GITHUB_TOKEN=ghp_${'Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz2Xc4Vb6N'.slice(0, 36)}\n`,
  );
  writeFileSync(path.join(repo, 'README.md'), '# repo\n');
  git('add', 'README.md');
  git('commit', '-q', '-m', 'two');
  const files =
    spawnSync('git', ['-C', repo, 'ls-files'], { encoding: 'utf8' }).stdout.split('\n').length - 1;
  const firstMs = await once(agentfw, run, repo);
  const later = [];
  const bare = [];
  for (let i = 0; i < N; i++) {
    bare.push(await once('/bin/bash', ['-c', 'true'], repo));
    later.push(await once(agentfw, run, repo));
  }
  const cpu = [];
  for (let i = 0; i < Math.min(N, 5); i++) cpu.push(await cpuOf(agentfw, run, repo));
  console.log(
    `start: in a repository (${files} files, git history, a vendored bundled library): first session ${r2(firstMs)} ms, later sessions p50 ${r2(pct(later, 50))} ms (min ${r2(Math.min(...later))}), CPU incl. children ${r2(pct(cpu, 50))} ms; load ${os.loadavg()[0].toFixed(1)}`,
  );
  return {
    repo_files: files,
    repo_first_ms: r2(firstMs),
    repo_p50_ms: r2(pct(later, 50)),
    repo_cpu_ms: r2(pct(cpu, 50)),
  };
}
