/**
 * The broker's NEXT records (src/gates/exec/exec-next.ts, sandbox/exec-gate-next.c) with a
 * real gate, the real gate client (shims) and the real exec gate helper: the shim's exec of
 * the program it was allowed runs without a second question, once. The same argv run again
 * by the program itself, or the allowed name found as a different file (a copy of rm named
 * `git` early on PATH), is asked again; the copy of rm is refused, while without agentfw the
 * same file deletes the folder (control).
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProbeGate } from '../../../src/supervisor/probe-gate.js';

const HELPER = path.resolve('build/agentfw-exec-gate');
const READY = process.platform === 'linux' && existsSync(HELPER) && existsSync('/usr/bin/rm');
let dir: string;
let gate: Awaited<ReturnType<typeof startProbeGate>>;
const victims: string[] = [];

/** A folder of the user's PATH with a program named like a gated tool (`find`), a script that runs itself again once. */
let tools: string;
const MARK = () => path.join(dir, 'again.mark');

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-eg-next-'));
  tools = path.join(dir, 'tools');
  mkdirSync(tools);
  writeFileSync(
    path.join(tools, 'find'),
    `#!/bin/sh\nif [ -e '${MARK()}' ]; then echo second-run; else : > '${MARK()}'; echo first-run; exec "$0" "$@"; fi\n`,
    { mode: 0o755 },
  );
  // The gate's view of the user's PATH (where it finds the gated programs) has it first.
  process.env.PATH = `${tools}:${process.env.PATH}`;
  if (READY) gate = await startProbeGate(dir);
}, 120_000);
afterAll(async () => {
  await gate?.close();
  for (const v of victims) rmSync(v, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A Node process (the agent) that runs `file args` by PATH lookup, under the helper unless
 * `bare`. It first runs /bin/true: the helper connects to the broker at its first question
 * and keeps that connection for the session; records go to connected helpers.
 */
function agent(file: string, args: string[], env: NodeJS.ProcessEnv, bare = false) {
  const js = `require('child_process').spawnSync('/bin/true');
const r=require('child_process').spawnSync(${JSON.stringify(file)},${JSON.stringify(args)},{encoding:'utf8'});
process.stdout.write(JSON.stringify({status:r.status,out:r.stdout,err:r.stderr}));`;
  const pre = [
    '--sock',
    gate.runtime.socket,
    '--supervisor-pid',
    String(process.pid),
    '--shim-dir',
    gate.shims.dir,
    '--client',
    gate.shims.client,
    '--',
  ];
  const [f, a] = bare ? [process.execPath, ['-e', js]] : [HELPER, [...pre, process.execPath, '-e', js]];
  const p = spawn(f, a, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  p.stdout.on('data', (d) => (out += d));
  return new Promise<{ status: number | null; out: string; err: string }>((resolve) =>
    p.on('close', () => resolve(JSON.parse(out || '{"status":null,"out":"","err":"no output"}'))),
  );
}

const audit = () =>
  readFileSync(path.join(dir, 'audit.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { layer: string; command: string; decision: string });

describe.runIf(READY)('NEXT records: the shim exec the broker just allowed', () => {
  it.each([
    { name: 'output relayed (pipes)', stdio: '' },
    { name: 'output to /dev/null (exec in place)', stdio: ' >/dev/null 2>&1; echo "rc=$?" >&2' },
  ])('runs without a second question; $name', async ({ stdio }) => {
    // The script reports through stderr when its stdout goes to /dev/null.
    const script = stdio ? `echo next-ok${stdio}` : 'echo next-ok';
    const before = gate.broker.served;
    const r = await agent('bash', ['-c', script], gate.agentEnv);
    expect(r.status).toBe(0);
    expect(stdio ? r.err : r.out).toContain(stdio ? 'rc=0' : 'next-ok');
    // One question: the shim's. Its exec of the real bash was decided by the helper.
    expect(gate.broker.served - before).toBe(2); // /bin/true and the shim
  });

  it('is used once: the same argv exec-ed again by the program itself is asked and audited', async () => {
    // `find .` through its shim: allowed, then the shim's exec of tools/find is the pushed
    // record's. That program then execs itself with the same argv (argv[0] `…/find`, `.`):
    // the record is used up, so the broker is asked, judges the script and records it.
    rmSync(MARK(), { force: true });
    const before = gate.broker.served;
    const n = audit().length;
    const r = await agent('find', ['.'], gate.agentEnv);
    expect(r.out).toContain('first-run');
    expect(gate.broker.served - before).toBe(3); // /bin/true, the shim, the second exec
    const recs = audit().slice(n);
    expect(
      recs.filter((x) => x.layer === 'exec' && x.command.startsWith(path.join(tools, 'find'))).length,
    ).toBe(1);
  });

  it('a different file under the allowed name is asked: a copy of rm as `git` is refused (control: it deletes)', async () => {
    const victim = path.join(os.homedir(), `.agentfw-eg-next-${Math.random().toString(36).slice(2)}`);
    victims.push(victim);
    const fake = path.join(dir, 'fakebin');
    mkdirSync(fake, { recursive: true });
    copyFileSync('/usr/bin/rm', path.join(fake, 'git'));
    const env = { ...gate.agentEnv, PATH: `${gate.shims.dir}:${fake}:${gate.agentEnv.PATH}` };

    mkdirSync(victim);
    writeFileSync(path.join(victim, 'keep'), 'x');
    const control = await agent(
      'git',
      ['-rf', victim],
      { ...process.env, PATH: `${fake}:${process.env.PATH}` },
      true,
    );
    expect(control.status).toBe(0);
    expect(existsSync(victim)).toBe(false);

    mkdirSync(victim);
    writeFileSync(path.join(victim, 'keep'), 'x');
    const before = gate.broker.served;
    const r = await agent('git', ['-rf', victim], env);
    expect(r.status).not.toBe(0);
    expect(existsSync(path.join(victim, 'keep'))).toBe(true);
    // /bin/true, the shim's question (`git -rf …`, allowed) and the helper's about what it really runs.
    expect(gate.broker.served - before).toBe(3);
    expect(
      audit().some((x) => x.layer === 'exec' && x.decision === 'deny' && x.command.startsWith('rm -rf')),
    ).toBe(true);
  });
});
