#!/usr/bin/env node
// `node bench/hook.mjs [N]` (also part of `npm run bench`): latency of one hook call as an
// agent makes it: the C hook client (built into a temp dir) is spawned with a Claude Code
// PreToolUse JSON on stdin and answered by the per-user daemon (`agentfw hook daemon`,
// started on the first call by the client itself, in a private temporary runtime dir and
// HOME). Reports, separately:
//   first     the call that starts the daemon with an empty example cache (first use ever)
//   restart   the call that starts it again after it exited (example cache filled: every
//             later start, e.g. after the idle exit)
//   warm      p50/p90/p99 of calls answered by the running daemon, interleaved with a bare
//             spawn of the same client binary doing nothing (no arguments: it refuses at
//             once) and of `true`; the ratio warm/bare is what hook mode costs an agent
//             beyond starting any program
// then stops the daemon it started. Needs `npm run build` and a C compiler.
// Last line: one JSON object {"name":"hook",…}.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const n = Number(process.argv[2]) || 300;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'afw-hookbench-'));
const runDir = path.join(tmp, 'run');
mkdirSync(runDir, { mode: 0o700 });
const client = path.join(tmp, 'agentfw-hook');
if (
  spawnSync('cc', ['-O2', '-o', client, path.join(root, 'src', 'gates', 'hook', 'agentfw-hook.c')]).status !==
  0
) {
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
const hookDir = path.join(runDir, `agentfw-hook-${process.getuid()}`);
const lock = path.join(hookDir, 'hook.lock');
/** Stop the running daemon and wait (bounded) until it has removed its lock. */
const stopDaemon = () => {
  try {
    process.kill(Number(readFileSync(lock, 'utf8')), 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 500 && existsSync(lock); i++) spawnSync('sleep', ['0.01']);
};
const bare = (file, args) => {
  const t = process.hrtime.bigint();
  spawnSync(file, args, { input, env, encoding: 'utf8' });
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};
const r2 = (x) => Math.round(x * 100) / 100;
try {
  const cold = call();
  stopDaemon();
  const restart = call();
  const warm = [];
  const noop = [];
  const tru = [];
  // Interleaved, so machine load affects the three alike.
  for (let i = 0; i < n; i++) {
    warm.push(call());
    noop.push(bare(client, []));
    tru.push(bare('true', []));
  }
  const w50 = pct(warm, 0.5);
  const b50 = pct(noop, 0.5);
  const out = {
    name: 'hook',
    first_start_ms: Math.round(cold),
    restart_ms: Math.round(restart),
    p50_ms: r2(w50),
    p90_ms: r2(pct(warm, 0.9)),
    p99_ms: r2(pct(warm, 0.99)),
    bare_client_p50_ms: r2(b50),
    true_p50_ms: r2(pct(tru, 0.5)),
    ratio_vs_bare_client: r2(w50 / b50),
    added_p50_ms: r2(w50 - b50),
    n,
    load: r2(os.loadavg()[0]),
  };
  console.log(
    `hook     first call (starts the daemon, empty example cache): ${out.first_start_ms} ms; restart (cache filled): ${out.restart_ms} ms`,
  );
  console.log(
    `hook     warm call, n=${n}: p50 ${out.p50_ms} ms, p90 ${out.p90_ms} ms, p99 ${out.p99_ms} ms; bare client spawn p50 ${out.bare_client_p50_ms} ms, \`true\` ${out.true_p50_ms} ms → ${out.ratio_vs_bare_client}× a bare spawn (+${out.added_p50_ms} ms)`,
  );
  console.log(JSON.stringify(out));
} finally {
  stopDaemon();
  rmSync(tmp, { recursive: true, force: true });
}
