/**
 * The shim's kept allows (sandbox/shim-keep.c, src/gates/shim/shim-keep.ts) with a real gate
 * (engine, signed audit, broker, keeper) and real shells through the session's shims. A
 * command allowed by policy from the request alone is allowed again by the keeper, with its
 * signed record on file first, without a question to the supervisor; everything else is
 * asked each time: another argument or folder, a refused command (control: it deletes
 * without agentfw), a script file whose content changed, any repeat while the supervisor
 * renews no lease, everything after a lockdown, and a request from a process that is not the
 * session's gate client.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectKeptRecords, recordsOf } from '../../helpers/kept-records.js';
import { KEEP_RENEW_MS } from '../../../src/gates/exec/exec-keep.js';
import { findShimKeeper, keepRequestBytes } from '../../../src/gates/shim/shim-keep.js';
import { startProbeGate } from '../../../src/supervisor/probe-gate.js';

const READY = findShimKeeper() !== '';
let dir: string;
let gate: Awaited<ReturnType<typeof startProbeGate>>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-shim-keep-'));
  if (!READY) return;
  gate = await startProbeGate(dir);
  // The first lease comes with the first renewal.
  await new Promise((r) => setTimeout(r, 2 * KEEP_RENEW_MS));
}, 120_000);
afterAll(async () => {
  await gate?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `file args` with the agent's environment (its PATH starts with the shims). */
function run(
  file: string,
  args: string[],
  o: { cwd?: string; env?: Record<string, string> } = {},
): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(file, args, {
      cwd: o.cwd ?? dir,
      env: o.env ?? gate.agentEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    p.stdout.resume();
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (status) => resolve({ status, stderr }));
  });
}

/** Runs a gated `bash args`; its status and how many questions the broker answered meanwhile. */
async function asked(args: string[], o: { cwd?: string; env?: Record<string, string> } = {}) {
  const before = gate.broker.served;
  const r = await run('bash', args, o);
  return { status: r.status, questions: gate.broker.served - before };
}

describe.runIf(READY)("the shim's kept allows", () => {
  it('allows exact repeats itself, each with its own signed record in the one chain', async () => {
    expect(await asked(['-c', 'true kept'])).toEqual({ status: 0, questions: 1 });
    for (let i = 0; i < 3; i++) expect(await asked(['-c', 'true kept'])).toEqual({ status: 0, questions: 0 });
    // The supervisor takes these records into its events, fsync and head file.
    await expectKeptRecords(gate, 'true kept', 'shell', 4);
  });

  it('without the keeper every repeat is asked (control)', async () => {
    const env = { ...gate.agentEnv };
    delete env.AGENTFW_KEEP_SOCK;
    for (let i = 0; i < 3; i++)
      expect(await asked(['-c', 'true plain'], { env })).toEqual({ status: 0, questions: 1 });
  });

  it.each([
    { name: 'another argument', args: ['-c', 'true other'], o: {} },
    { name: 'another working directory', args: ['-c', 'true kept2'], o: { cwd: '/' } },
    { name: 'another argv[0] option', args: ['-e', '-c', 'true kept2'], o: {} },
  ])('a repeat with $name is asked', async ({ args, o }) => {
    expect(await asked(['-c', 'true kept2'])).toMatchObject({ status: 0 });
    expect(await asked(['-c', 'true kept2'])).toEqual({ status: 0, questions: 0 });
    expect(await asked(args, o)).toEqual({ status: 0, questions: 1 });
  });

  it('a refused command is asked and refused every time (control: without agentfw it deletes)', async () => {
    const victim = path.join(os.homedir(), `.agentfw-shim-keep-${Math.random().toString(36).slice(2)}`);
    const cmd = `rm -rf ${victim}`;
    try {
      mkdirSync(victim);
      spawnSync('/bin/bash', ['-c', cmd]);
      expect(existsSync(victim)).toBe(false);
      mkdirSync(victim);
      for (let i = 0; i < 2; i++) {
        const r = await asked(['-c', cmd]);
        expect(r.questions).toBe(1);
        expect(r.status).toBe(126);
      }
      expect(existsSync(victim)).toBe(true);
    } finally {
      rmSync(victim, { recursive: true, force: true });
    }
  });

  it('a script file is judged by its content: turned into a deletion it is refused', async () => {
    const script = path.join(dir, 'tidy.sh');
    const victim = path.join(os.homedir(), `.agentfw-shim-keep-${Math.random().toString(36).slice(2)}`);
    try {
      mkdirSync(victim);
      writeFileSync(script, 'true tidy\n');
      expect(await asked([script])).toMatchObject({ status: 0 });
      expect(await asked([script])).toEqual({ status: 0, questions: 0 });
      writeFileSync(script, `rm -rf ${victim}\n`);
      const r = await asked([script]);
      expect(r).toEqual({ status: 126, questions: 1 });
      expect(existsSync(victim)).toBe(true);
    } finally {
      rmSync(victim, { recursive: true, force: true });
    }
  });

  it('while the supervisor renews no lease (its event loop blocked), a kept repeat waits for its answer', async () => {
    expect(await asked(['-c', 'true lease'])).toMatchObject({ status: 0 });
    const later = (ms: number) => {
      const before = gate.broker.served;
      // A shell that runs the gated `bash -c` after `ms` (its `exec bash` finds the shim on PATH).
      const p = run('/bin/sh', ['-c', `sleep ${ms / 1000}; exec bash -c 'true lease'`]);
      return { p, questions: () => gate.broker.served - before };
    };
    // Control: within the lease, a delayed repeat is not asked.
    const control = later(1300);
    expect((await control.p).status).toBe(0);
    expect(control.questions()).toBe(0);
    // Blocks this process (the supervisor) for 2.2 s: the lease runs out after ≤ 1 s, so the
    // repeat at 1.3 s is asked, and answered once the block ends.
    const blocked = later(1300);
    await new Promise((r) => setTimeout(r, 50)); // the shell has started
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2200);
    expect((await blocked.p).status).toBe(0);
    expect(blocked.questions()).toBe(1);
  });

  it('a process that is not the gate client gets no kept allow from the keeper', async () => {
    expect(await asked(['-c', 'true stranger'])).toMatchObject({ status: 0 });
    expect(await asked(['-c', 'true stranger'])).toEqual({ status: 0, questions: 0 });
    const body = keepRequestBytes({
      layer: 'shell',
      cwd: dir,
      script: 'true stranger',
      argv: ['bash', '-c', 'true stranger'],
    });
    const answer = await new Promise<string>((resolve, reject) => {
      const s = net.connect(gate.agentEnv.AGENTFW_KEEP_SOCK, () =>
        s.end(Buffer.concat([Buffer.from(`KEEP ${body.length}\n`), body])),
      );
      let got = '';
      s.on('data', (d) => (got += d));
      s.on('end', () => resolve(got));
      s.on('error', reject);
    });
    expect(answer).toBe('MISS\n');
    expect(recordsOf(gate.audit.path, 'true stranger').length).toBe(2);
  });

  it('after a lockdown nothing kept runs (fail closed)', async () => {
    expect(await asked(['-c', 'true locked'])).toMatchObject({ status: 0 });
    expect(await asked(['-c', 'true locked'])).toEqual({ status: 0, questions: 0 });
    gate.lockdown('a test locked the session');
    const r = await asked(['-c', 'true locked']);
    expect(r).toEqual({ status: 126, questions: 1 });
  });
});
