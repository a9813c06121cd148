/**
 * The exec gate helper's use of NEXT records (sandbox/exec-gate-next.c), with a real gate
 * (engine, audit) whose broker pushes records made by src/gates/exec/exec-next.ts, and a
 * real agent process under build/agentfw-exec-gate that runs one program per request. A
 * record lets exactly one exec by its owner (or a child) pass without a question, and only
 * by a process running the gate client, with the same argv and the same file; everything
 * else is asked: a process that does not run the client, a used-up record, another
 * argv, a file replaced at the same path (a copy of rm: refused, and the control run without
 * agentfw deletes), an expired record, a record for another process, and records that came
 * before a malformed line (the helper drops the connection and forgets them).
 */
import { spawn } from 'node:child_process';
import { startLineProcess } from '../../helpers/line-process.js';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextRecord } from '../../../src/gates/exec/exec-next.js';
import { startProbeGate } from '../../../src/supervisor/probe-gate.js';

const HELPER = path.resolve('build/agentfw-exec-gate');
const READY = process.platform === 'linux' && existsSync(HELPER) && existsSync('/usr/bin/rm');
let dir: string;
let gate: Awaited<ReturnType<typeof startProbeGate>>;

/** The agent: runs `{file,args}` per stdin line (spawnSync, so the exec is its child's), answers its exit status. */
const AGENT = `const cp=require('child_process');process.stdout.write(process.pid+'\\n');let b='';
process.stdin.on('data',(d)=>{b+=d;let i;while((i=b.indexOf('\\n'))>=0){const q=JSON.parse(b.slice(0,i));b=b.slice(i+1);
const r=cp.spawnSync(q.file,q.args);process.stdout.write(String(r.status)+'\\n');}});`;

interface Agent {
  pid: number;
  run(file: string, args: string[]): Promise<number>;
  close(): Promise<void>;
}

/**
 * `client`: what the helper takes for the gate client (--client). A record is only used by a
 * process running that file; here the agent's own runtime (the processes it forks to exec
 * run it) stands in for the client. Empty = no client known.
 */
async function startAgent(client = process.execPath): Promise<Agent> {
  const pre = ['--sock', gate.runtime.socket, '--supervisor-pid', String(process.pid)];
  if (client) pre.push('--client', client);
  pre.push('--');
  const p = startLineProcess(HELPER, [...pre, process.execPath, '-e', AGENT]);
  const line = p.line;
  const pid = Number(await line());
  return {
    pid,
    run: async (file, args) => {
      p.write(JSON.stringify({ file, args }) + '\n');
      return Number(await line());
    },
    close: p.close,
  };
}

let agent: Agent;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-eg-next-h-'));
  if (!READY) return;
  gate = await startProbeGate(dir);
  agent = await startAgent();
  // The helper connects at its first question and keeps the connection: records go there.
  expect(await agent.run('/usr/bin/true', ['connect'])).toBe(0);
  expect(gate.broker.persistent).toBe(1);
}, 120_000);
afterAll(async () => {
  await agent?.close();
  await gate?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `file args` in the agent; returns its status and how many questions the broker answered meanwhile. */
async function asked(file: string, args: string[]): Promise<{ status: number; questions: number }> {
  const before = gate.broker.served;
  const status = await agent.run(file, args);
  return { status, questions: gate.broker.served - before };
}

const push = (argv: string[], file: string, ttlMs?: number, pid = agent.pid) => {
  const line = nextRecord(pid, argv, file, ttlMs);
  expect(line).toBeDefined();
  expect(gate.broker.push(line!)).toBe(1);
};

describe.runIf(READY)('exec gate helper: NEXT records', () => {
  it('passes the recorded exec once without a question; the same exec again is asked', async () => {
    push(['true', 'one'], '/usr/bin/true');
    expect(await asked('/usr/bin/true', ['one'])).toEqual({ status: 0, questions: 0 });
    expect(await asked('/usr/bin/true', ['one'])).toEqual({ status: 0, questions: 1 });
  });

  it.each([
    { name: 'another argument', argv: ['true', 'two'], run: ['/usr/bin/true', 'three'] },
    { name: 'an extra argument', argv: ['true', 'two'], run: ['/usr/bin/true', 'two', 'x'] },
    { name: 'another program name', argv: ['false', 'two'], run: ['/usr/bin/true', 'two'] },
  ])('another argv is asked, and uses the record up: $name', async ({ argv, run }) => {
    push(argv, '/usr/bin/true');
    expect(await asked(run[0], run.slice(1))).toEqual({ status: 0, questions: 1 });
    // The record went to the first exec of its owner, so the recorded one is asked too.
    expect(await asked('/usr/bin/true', argv.slice(1))).toEqual({ status: 0, questions: 1 });
  });

  it('a file replaced at the same path is asked: a copy of rm is refused (control: it deletes)', async () => {
    const bin = path.join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    const tool = path.join(bin, 'tidy');
    const victim = path.join(os.homedir(), `.agentfw-eg-next-h-${Math.random().toString(36).slice(2)}`);
    try {
      copyFileSync('/usr/bin/rm', tool);
      mkdirSync(victim);
      const control = spawn(tool, ['-rf', victim]);
      await new Promise((r) => control.on('close', r));
      expect(existsSync(victim)).toBe(false);

      mkdirSync(victim);
      writeFileSync(path.join(victim, 'keep'), 'x');
      copyFileSync('/usr/bin/true', tool);
      push(['tidy', '-rf', victim], tool);
      // Replaced after the record was made: a new file (inode) at the same path.
      copyFileSync('/usr/bin/rm', tool + '.new');
      renameSync(tool + '.new', tool);
      const r = await asked(tool, ['-rf', victim]);
      expect(r.questions).toBe(1);
      expect(r.status).not.toBe(0);
      expect(existsSync(path.join(victim, 'keep'))).toBe(true);
    } finally {
      rmSync(victim, { recursive: true, force: true });
    }
  });

  it('an expired record is asked', async () => {
    push(['true', 'late'], '/usr/bin/true', 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(await asked('/usr/bin/true', ['late'])).toEqual({ status: 0, questions: 1 });
  });

  it("another process's record is not this one's", async () => {
    push(['true', 'mine'], '/usr/bin/true', undefined, process.pid);
    expect(await asked('/usr/bin/true', ['mine'])).toEqual({ status: 0, questions: 1 });
  });

  it('a process that does not run the gate client never uses a record', async () => {
    const other = await startAgent('');
    try {
      expect(await other.run('/usr/bin/true', ['warm'])).toBe(0); // connects
      const line = nextRecord(other.pid, ['true', 'foreign'], '/usr/bin/true');
      expect(gate.broker.push(line!)).toBe(2); // both helpers are connected
      const before = gate.broker.served;
      expect(await other.run('/usr/bin/true', ['foreign'])).toBe(0);
      expect(gate.broker.served - before).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('a malformed line drops the connection and the records that came on it (fail closed)', async () => {
    push(['true', 'kept'], '/usr/bin/true');
    expect(gate.broker.push('NEXT 1 2 garbage\n')).toBe(1);
    // Reconnects at this question; the record it had is gone.
    expect(await asked('/usr/bin/true', ['kept'])).toEqual({ status: 0, questions: 1 });
    expect(gate.broker.persistent).toBe(1);
  });
});
