// A scripted agent for the watchdog tests: removes the session's runtime directory in the
// way named by argv[2], then (after argv[3] ms) runs a destructive command through bash on
// PATH and through /bin/bash, and records what happened in argv[4] (if it is still alive).
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const [, , how, waitMs, out] = process.argv;
const runtimeDir = process.env.AGENTFW_SHIM_DIR ? path.dirname(process.env.AGENTFW_SHIM_DIR) : '';
const results = [];
const step = (name, file, args) => {
  const r = spawnSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  results.push({ name, code: r.status, signal: r.signal, stderr: r.stderr });
  writeFileSync(out, JSON.stringify(results));
};
if (how === 'rm-shim' && runtimeDir) step('rm -rf runtime dir', 'bash', ['-c', `rm -rf '${runtimeDir}'`]);
if (how === 'direct' && runtimeDir)
  rmSync(runtimeDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
if (how === 'direct-path' && runtimeDir) {
  rmSync(runtimeDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
  step('bash -c destroy at once', 'bash', ['-c', 'rm -rf "$HOME/victim"']);
}
await sleep(Number(waitMs));
step('bash -c destroy', 'bash', ['-c', 'rm -rf "$HOME/victim"']);
step('/bin/bash -c destroy', '/bin/bash', ['-c', 'rm -rf "$HOME/victim"']);
console.log('agent-done');
