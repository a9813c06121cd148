#!/usr/bin/env node
// Added latency of the command gate: `bash -c true` through the bash shim (C client →
// broker → engine → audit → exec of the real bash, which skips its BASH_ENV check) versus
// a bare `/bin/bash -c true`. Runs are interleaved so machine load affects both alike.
// The gate runs in its own process (`--serve`), as under `agentfw run`, where the agent
// and the supervisor are different processes.
// Prints human lines, then one JSON line:
//   {"name":"shim","p50_ms":added p50,"p99_ms":added p99,"baseline_p50_ms":bare p50,...}
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => path.join(root, 'dist', p);
const N = Number(process.env.BENCH_SHIM_N || 200);

async function serve() {
  const { startGate } = await import(dist('supervisor/gate.js'));
  const { loadEngine } = await import(dist('engine/analyze.js'));
  const { loadSecretSet } = await import(dist('supervisor/secrets-seam.js'));
  const { createPolicyApprover } = await import(dist('approval/policy.js'));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-bench-'));
  const { set: secrets } = await loadSecretSet(process.env, tmp);
  const engine = await loadEngine({ mask: (t) => secrets.mask(t) });
  const policy = [createPolicyApprover('deny')];
  const gate = await startGate({
    engine,
    secrets,
    auditPath: path.join(tmp, 'audit.jsonl'),
    approvers: () => policy,
    approvalTimeoutMs: 10_000,
    headless: () => true,
    onAsk: 'deny',
    workspace: tmp,
  });
  process.stdout.write(JSON.stringify({ env: gate.agentEnv, client: gate.client, tmp }) + '\n');
  process.stdin.resume();
  process.stdin.on('end', async () => {
    await gate.close();
    rmSync(tmp, { recursive: true, force: true });
    process.exit(0);
  });
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const r2 = (x) => Math.round(x * 100) / 100;

async function measure() {
  const server = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const { env, client, tmp } = await new Promise((resolve, reject) => {
    let buf = '';
    server.on('close', () => reject(new Error('the gate process exited before it was ready')));
    server.stdout.on('data', (d) => {
      buf += d;
      if (buf.includes('\n')) resolve(JSON.parse(buf.slice(0, buf.indexOf('\n'))));
    });
  });
  const once = (file, args, e) =>
    new Promise((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const p = spawn(file, args, { env: e, stdio: 'ignore', cwd: tmp });
      p.on('error', reject);
      p.on('close', (code) =>
        code === 0
          ? resolve(Number(process.hrtime.bigint() - t0) / 1e6)
          : reject(new Error(`${file} ${args.join(' ')} exited ${code}`)),
      );
    });
  const bareEnv = { PATH: process.env.PATH, HOME: process.env.HOME ?? '/' };
  const bare = [];
  const gated = [];
  const roundTrip = [];
  try {
    for (let i = 0; i < 10; i++) await once('bash', ['-c', 'true'], env); // warm up
    for (let i = 0; i < N; i++) {
      bare.push(await once('/bin/bash', ['-c', 'true'], bareEnv));
      gated.push(await once('bash', ['-c', 'true'], env));
      if (i % 4 === 0) roundTrip.push(await once(client.path, ['--line', 'true'], env));
    }
  } finally {
    server.stdin.end();
  }
  const base = pct(bare, 50);
  const added = pct(gated, 50) - base;
  console.log(
    `shim: gate client ${client.kind} (${client.path}), ${N} runs each, interleaved; load ${os.loadavg()[0].toFixed(1)}`,
  );
  console.log(`  bare /bin/bash -c true     p50 ${r2(base)} ms   p99 ${r2(pct(bare, 99))} ms`);
  console.log(`  gated bash -c true (shim)  p50 ${r2(pct(gated, 50))} ms   p99 ${r2(pct(gated, 99))} ms`);
  console.log(`  client round trip alone    p50 ${r2(pct(roundTrip, 50))} ms   (agentfw-shim --line true)`);
  console.log(`  added latency              p50 ${r2(added)} ms   (target ≤ 5 ms)`);
  console.log(
    JSON.stringify({
      name: 'shim',
      p50_ms: r2(added),
      p99_ms: r2(pct(gated, 99) - base),
      baseline_p50_ms: r2(base),
      gated_p50_ms: r2(pct(gated, 50)),
      client_p50_ms: r2(pct(roundTrip, 50)),
      runs: N,
      client: client.kind,
      load: r2(os.loadavg()[0]),
    }),
  );
}

if (process.argv[2] === '--serve') await serve();
else await measure();
