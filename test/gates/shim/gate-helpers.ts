/**
 * Test helpers: a real in-process gate (runtime dir, shims, broker, real engine and
 * rulesets, audit log) and a way to run real processes with the agent's environment.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';
import { createPolicyApprover } from '../../../src/approval/policy.js';
import type { Approver } from '../../../src/approval/types.js';
import { loadEngine, type Engine } from '../../../src/engine/analyze.js';
import { PACKAGE_ROOT } from '../../../src/gates/shim/client-path.js';
import { startGate, type Gate } from '../../../src/supervisor/gate.js';
import { loadSecretSet } from '../../../src/supervisor/secrets-seam.js';

/** Builds build/agentfw-shim when it is missing (the install step does it normally). */
export function ensureClient(): void {
  if (existsSync(path.join(PACKAGE_ROOT, 'build', 'agentfw-shim'))) return;
  const r = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'scripts', 'build-shim.mjs')], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('could not build the gate client');
}

let enginePromise: Promise<Engine> | undefined;
/** The real engine with the built-in rulesets (loaded once per test file). */
export function engine(): Promise<Engine> {
  enginePromise ??= loadEngine();
  return enginePromise;
}

export interface Scratch {
  root: string;
  /** The agent's workspace (cwd). */
  ws: string;
  /** HOME for the analysis and the processes; holds `marker.txt`. */
  home: string;
  marker: string;
  audit: string;
  cleanup(): void;
}

export function scratch(): Scratch {
  const root = mkdtempSync(path.join(os.tmpdir(), 'afw-'));
  const ws = path.join(root, 'ws');
  const home = path.join(root, 'home');
  mkdirSync(ws);
  mkdirSync(home);
  const marker = path.join(home, 'marker.txt');
  writeFileSync(marker, 'still here\n');
  return {
    root,
    ws,
    home,
    marker,
    audit: path.join(root, 'audit.jsonl'),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export async function testGate(
  s: Scratch,
  o: { approvers?: Approver[]; onAsk?: 'deny' | 'allow'; timeoutMs?: number } = {},
): Promise<Gate> {
  ensureClient();
  const approvers = o.approvers ?? [createPolicyApprover(o.onAsk ?? 'deny')];
  const baseEnv = { ...process.env, HOME: s.home, AGENTFW_RUNTIME_DIR: path.join(s.root, 'rt') };
  const { set: secrets } = await loadSecretSet(baseEnv, s.ws, s.home);
  return startGate({
    engine: await engine(),
    secrets,
    auditPath: s.audit,
    approvers: () => approvers,
    approvalTimeoutMs: o.timeoutMs ?? 5000,
    headless: () => true,
    onAsk: o.onAsk ?? 'deny',
    workspace: s.ws,
    home: s.home,
    baseEnv,
  });
}

/**
 * A scratch folder and a gate on it for the calling test file: made before its first test
 * (`prepare` runs on the scratch first, `ready` gets both once the gate is up), closed and
 * removed after its last test, also when the gate failed to start.
 */
export function useGate(
  ready: (t: { s: Scratch; gate: Gate }) => void,
  o: Parameters<typeof testGate>[1] & { prepare?: (s: Scratch) => void } = {},
): void {
  let s: Scratch | undefined;
  let gate: Gate | undefined;
  beforeAll(async () => {
    s = scratch();
    o.prepare?.(s);
    gate = await testGate(s, o);
    ready({ s, gate });
  });
  afterAll(async () => {
    await gate?.close();
    s?.cleanup();
  });
}

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a real process asynchronously (the broker lives in this process, so never spawnSync). */
export function run(
  file: string,
  args: string[],
  o: { env: Record<string, string>; cwd: string; input?: string; timeoutMs?: number },
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const p = spawn(file, args, { env: o.env, cwd: o.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    const t = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`timed out: ${file} ${args.join(' ')}\n${stdout}\n${stderr}`));
    }, o.timeoutMs ?? 20_000);
    p.on('error', reject);
    p.on('close', (code) => {
      clearTimeout(t);
      resolve({ code, stdout, stderr });
    });
    if (o.input !== undefined) p.stdin.end(o.input);
    else p.stdin.end();
  });
}

/** Waits until `cond()` holds, checking every 20 ms; throws after `ms`. */
export async function until(cond: () => boolean, ms = 8000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
