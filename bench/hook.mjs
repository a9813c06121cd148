#!/usr/bin/env node
// `node bench/hook.mjs [N]`: latency of one hook call as an agent makes it: the C hook
// client (built into a temp dir) is spawned with a Claude Code PreToolUse JSON on stdin
// and answered by the per-user daemon (`agentfw hook daemon`, started on the first call
// by the client itself, in a private temporary runtime dir and HOME). Prints the first
// (cold: daemon start + ruleset load) call and p50/p90/p99 of the warm calls, then stops
// the daemon it started. Needs `npm run build` and a C compiler.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const n = Number(process.argv[2]) || 300;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'afw-hookbench-'));
const runDir = path.join(tmp, 'run');
mkdirSync(runDir, { mode: 0o700 });
const client = path.join(tmp, 'agentfw-hook');
if (spawnSync('cc', ['-O2', '-o', client, path.join(root, 'src', 'hook', 'agentfw-hook.c')]).status !== 0) {
  console.error('bench/hook: cannot build the client (cc)');
  process.exit(1);
}
const env = { ...process.env, XDG_RUNTIME_DIR: runDir, HOME: tmp, XDG_CACHE_HOME: path.join(tmp, 'cache') };
const input = JSON.stringify({
  session_id: 'bench',
  cwd: tmp,
  hook_event_name: 'PreToolUse',
  tool_name: 'Bash',
  tool_input: { command: 'git status && ls -la src | head -20' },
});
const call = () => {
  const t = process.hrtime.bigint();
  const r = spawnSync(client, ['claude-code', path.join(root, 'bin', 'agentfw')], {
    input,
    env,
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 || !r.stdout.includes('"allow"'))
    throw new Error(`unexpected answer: ${r.status} ${r.stdout}${r.stderr}`);
  return ms;
};
try {
  const cold = call();
  const warm = [];
  for (let i = 0; i < n; i++) warm.push(call());
  warm.sort((a, b) => a - b);
  const q = (p) => warm[Math.min(warm.length - 1, Math.floor(p * warm.length))].toFixed(2);
  console.log(`hook call, first (starts the daemon): ${cold.toFixed(0)} ms`);
  console.log(`hook call, warm, n=${n}: p50 ${q(0.5)} ms, p90 ${q(0.9)} ms, p99 ${q(0.99)} ms`);
  console.log(
    JSON.stringify({
      hook: { coldMs: Math.round(cold), p50: Number(q(0.5)), p90: Number(q(0.9)), p99: Number(q(0.99)), n },
    }),
  );
} finally {
  const dir = path.join(runDir, `agentfw-hook-${process.getuid()}`);
  try {
    process.kill(Number(readFileSync(path.join(dir, 'hook.lock'), 'utf8')), 'SIGTERM');
  } catch {
    /* not started */
  }
  setTimeout(() => rmSync(tmp, { recursive: true, force: true }), 300);
}
