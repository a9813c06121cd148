/**
 * Kept allows of the exec gate helper (sandbox/exec-gate-keep.c, src/gates/exec/exec-keep.ts)
 * with a real gate (engine, signed audit, broker) and a real agent process under
 * build/agentfw-exec-gate started as `agentfw run` starts it. An exec allowed by policy from
 * its installed path, argv and working directory alone is allowed again by the helper
 * itself, with its signed record on file before it runs; everything else is asked each
 * time: another argv or folder, a program outside the installed folders, a script (whose
 * content changes: a script turned into a deletion is refused, and the control run without
 * agentfw deletes), any exec while the supervisor does not renew its lease (a blocked
 * event loop), and everything after a lockdown.
 */
import { spawnSync } from 'node:child_process';
import { startLineProcess } from '../../helpers/line-process.js';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectKeptRecords, recordsOf } from '../../helpers/kept-records.js';
import { loadAuditKey } from '../../../src/audit/key.js';
import { verifyAuditFile } from '../../../src/audit/verify.js';
import { keepArgs, KEEP_RENEW_MS } from '../../../src/gates/exec/exec-keep.js';
import { startProbeGate } from '../../../src/supervisor/probe-gate.js';

const HELPER = path.resolve('build/agentfw-exec-gate');
const READY = process.platform === 'linux' && existsSync(HELPER) && existsSync('/usr/bin/true');
let dir: string;
let gate: Awaited<ReturnType<typeof startProbeGate>>;

/** The agent: per stdin line runs `{file,args,cwd,delay}` (after `delay` ms), answers its exit status. */
const AGENT = `const cp=require('child_process');process.stdout.write('ready\\n');let b='';
const run=(q)=>{const r=cp.spawnSync(q.file,q.args,{cwd:q.cwd});process.stdout.write(String(r.status)+'\\n');};
process.stdin.on('data',(d)=>{b+=d;let i;while((i=b.indexOf('\\n'))>=0){const q=JSON.parse(b.slice(0,i));b=b.slice(i+1);
if(q.delay)setTimeout(()=>run(q),q.delay);else run(q);}});`;

interface Agent {
  run(file: string, args: string[], o?: { cwd?: string; delay?: number }): Promise<number>;
  close(): Promise<void>;
}

async function startAgent(keep: boolean): Promise<Agent> {
  const pre = [...(keep ? keepArgs(gate.audit.path, gate.auditKeyFile) : [])];
  pre.push('--sock', gate.runtime.socket, '--supervisor-pid', String(process.pid), '--');
  const p = startLineProcess(HELPER, [...pre, process.execPath, '-e', AGENT]);
  const line = p.line;
  await line();
  return {
    run: async (file, args, o = {}) => {
      p.write(JSON.stringify({ file, args, ...o }) + '\n');
      return Number(await line());
    },
    close: p.close,
  };
}

let agent: Agent;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-eg-keep-'));
  if (!READY) return;
  gate = await startProbeGate(dir);
  agent = await startAgent(true);
  expect(await agent.run('/usr/bin/true', ['connect'])).toBe(0);
  // The lease comes with the renewal after the helper connected.
  await new Promise((r) => setTimeout(r, 2 * KEEP_RENEW_MS));
}, 120_000);
afterAll(async () => {
  await agent?.close();
  await gate?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `file args` in `a`; returns its status and how many questions the broker answered meanwhile. */
async function asked(
  file: string,
  args: string[],
  o: { cwd?: string; delay?: number } = {},
  a: Agent = agent,
): Promise<{ status: number; questions: number }> {
  const before = gate.broker.served;
  const status = await a.run(file, args, o);
  return { status, questions: gate.broker.served - before };
}

describe.runIf(READY)('exec gate helper: kept allows', () => {
  it('allows exact repeats itself, each with its own signed record in the one chain', async () => {
    expect(await asked('/usr/bin/true', ['kept'])).toEqual({ status: 0, questions: 1 });
    for (let i = 0; i < 3; i++)
      expect(await asked('/usr/bin/true', ['kept'])).toEqual({ status: 0, questions: 0 });
    // The supervisor takes these records into its events, fsync and head file.
    await expectKeptRecords(gate, '/usr/bin/true kept', 'exec', 4);
  });

  it('without the helper arguments every repeat is asked (control)', async () => {
    const plain = await startAgent(false);
    try {
      for (let i = 0; i < 3; i++)
        expect(await asked('/usr/bin/true', ['plain'], {}, plain)).toEqual({ status: 0, questions: 1 });
    } finally {
      await plain.close();
    }
  });

  it.each([
    { name: 'another argument', args: ['other'], o: {} },
    { name: 'an extra argument', args: ['kept2', 'x'], o: {} },
    { name: 'another working directory', args: ['kept2'], o: { cwd: '/' } },
  ])('a repeat with $name is asked', async ({ args, o }) => {
    expect(await asked('/usr/bin/true', ['kept2'], { cwd: os.tmpdir() })).toMatchObject({ status: 0 });
    expect(await asked('/usr/bin/true', ['kept2'], { cwd: os.tmpdir() })).toEqual({
      status: 0,
      questions: 0,
    });
    expect(await asked('/usr/bin/true', args, o)).toEqual({ status: 0, questions: 1 });
  });

  it('a program outside the installed folders is asked every time', async () => {
    const bin = path.join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    const tool = path.join(bin, 'tool');
    writeFileSync(tool, readFileSync('/usr/bin/true'), { mode: 0o755 });
    for (let i = 0; i < 2; i++) expect(await asked(tool, ['x'])).toEqual({ status: 0, questions: 1 });
  });

  it('a script is judged by its content every time: turned into a deletion it is refused (control: it deletes)', async () => {
    const script = path.join(dir, 'tidy.sh');
    const victim = path.join(os.homedir(), `.agentfw-eg-keep-${Math.random().toString(36).slice(2)}`);
    try {
      writeFileSync(script, `rm -rf ${victim}\n`);
      mkdirSync(victim);
      spawnSync('/bin/bash', [script]);
      expect(existsSync(victim)).toBe(false);

      mkdirSync(victim);
      writeFileSync(script, 'echo ok\n');
      for (let i = 0; i < 2; i++)
        expect(await asked('/bin/bash', [script])).toEqual({ status: 0, questions: 1 });
      writeFileSync(script, `rm -rf ${victim}\n`);
      const r = await asked('/bin/bash', [script]);
      expect(r.questions).toBe(1);
      expect(r.status).not.toBe(0);
      expect(existsSync(victim)).toBe(true);
    } finally {
      rmSync(victim, { recursive: true, force: true });
    }
  });

  it('while the supervisor renews no lease (its event loop blocked), a kept repeat waits for its answer', async () => {
    expect(await asked('/usr/bin/true', ['lease'])).toMatchObject({ status: 0 });
    // Control: within the lease, a delayed repeat is not asked.
    expect(await asked('/usr/bin/true', ['lease'], { delay: 1300 })).toEqual({ status: 0, questions: 0 });
    const before = gate.broker.served;
    const pending = agent.run('/usr/bin/true', ['lease'], { delay: 1300 });
    await new Promise((r) => setImmediate(r)); // the request is on its way
    // Blocks this process (the supervisor) for 2.2 s: the lease runs out after ≤ 1 s, so the
    // exec at 1.3 s is asked, and answered once the block ends.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2200);
    expect(await pending).toBe(0);
    expect(gate.broker.served - before).toBe(1);
  });

  it('a log renamed under the session (logrotate) is asked once, then kept repeats go on in the new file', async () => {
    expect(await asked('/usr/bin/true', ['rotated'])).toMatchObject({ status: 0 });
    renameSync(gate.audit.path, gate.audit.path + '.1');
    // The supervisor reopens the path, records that, and this exec.
    expect(await asked('/usr/bin/true', ['rotated'])).toEqual({ status: 0, questions: 1 });
    expect(await asked('/usr/bin/true', ['rotated'])).toEqual({ status: 0, questions: 0 });
    expect(recordsOf(gate.audit.path, '/usr/bin/true rotated').length).toBe(2);
    // The head file names the helper's record once the supervisor took it (≤ one renewal).
    await new Promise((r) => setTimeout(r, 2 * KEEP_RENEW_MS));
    expect(verifyAuditFile(gate.audit.path, loadAuditKey())).toMatchObject({ ok: true });
  });

  it('after a lockdown nothing kept runs (fail closed)', async () => {
    expect(await asked('/usr/bin/true', ['locked'])).toMatchObject({ status: 0 });
    expect(await asked('/usr/bin/true', ['locked'])).toEqual({ status: 0, questions: 0 });
    gate.lockdown('a test locked the session');
    const r = await asked('/usr/bin/true', ['locked']);
    expect(r.questions).toBe(1);
    expect(r.status).not.toBe(0);
  });
});
