/**
 * Long-lived shells and approvals: a persistent bash fed over a pipe and an interactive
 * bash on a real PTY are gated per command; an approved script's own tool calls are not
 * asked again; the Node fallback client gives the same answers as the C client.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import pty from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalRequest, Approver } from '../../../src/approval/types.js';
import { PACKAGE_ROOT } from '../../../src/gates/shim/client-path.js';
import { startFakeApi, type FakeApi } from '../../../src/supervisor/demo-api.js';
import type { Gate } from '../../../src/supervisor/gate.js';
import { run, scratch, testGate, until, useGate, type Scratch } from './gate-helpers.js';

let s: Scratch;
let gate: Gate;
useGate((t) => ({ s, gate } = t));

describe('long-lived shells are gated per command', () => {
  it('a persistent bash fed over a pipe runs benign lines and skips refused ones', async () => {
    const p = spawn('bash', [], { env: gate.agentEnv, cwd: s.ws, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.stdin.write('echo one-$((0+1))\n');
    await until(() => out.includes('one-1')); // answered while stdin stays open
    p.stdin.write('rm -rf ~\n');
    await until(() => err.includes('BLOCKED'));
    p.stdin.write('echo two-$((1+1))\n');
    await until(() => out.includes('two-2'));
    p.stdin.end();
    await new Promise((r) => p.on('close', r));
    expect(existsSync(s.marker)).toBe(true);
    expect(err).toContain('filesystem/destroy-root-home-system');
  });

  it('an interactive bash on a PTY refuses a destructive line and keeps working', async () => {
    const term = pty.spawn(path.join(gate.shims.dir, 'bash'), ['--norc'], {
      env: gate.agentEnv,
      cwd: s.ws,
      cols: 120,
      rows: 30,
    });
    let out = '';
    term.onData((d) => (out += d));
    const exited = new Promise<number>((r) => term.onExit((e) => r(e.exitCode)));
    term.write('echo ready-$((1+1))\r');
    await until(() => out.includes('ready-2'));
    term.write('rm -rf ~\r');
    await until(() => out.includes('Do not retry'));
    term.write('echo alive-$((2*21))\r');
    await until(() => out.includes('alive-42'));
    term.write('exit 3\r');
    expect(await exited).toBe(3);
    expect(existsSync(s.marker)).toBe(true);
    expect(out).toContain('filesystem/destroy-root-home-system');
  });
});

describe('approvals', () => {
  let api: FakeApi;
  beforeAll(async () => {
    api = await startFakeApi();
  });
  afterAll(async () => api?.close());

  it('an approved script is not asked again at the tool level, and only that script is covered', async () => {
    const s2 = scratch();
    const asked: ApprovalRequest[] = [];
    const human: Approver = {
      name: 'tui',
      async decide(req) {
        asked.push(req);
        return { verdict: 'allow', approver: 'tui', scope: 'once' };
      },
    };
    const g2 = await testGate(s2, { approvers: [human] });
    try {
      const body = '{"query":"mutation { volumeDelete(volumeId: \\"vol-1\\") }"}';
      const cmd = `curl -s -X POST ${api.url}/graphql/v2 -d '${body}'`;
      const r = await run('bash', ['-c', cmd], { env: g2.agentEnv, cwd: s2.ws });
      expect(r.code).toBe(0);
      expect(asked.length).toBe(1); // the shell script only; curl's own exec was covered
      expect(asked[0].layer).toBe('shell');
      expect(api.mutations().length).toBe(1);
      const audit = readFileSync(s2.audit, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(audit.map((a) => [a.layer, a.verdict, a.decision, a.approver])).toEqual([
        ['shell', 'ask', 'allow', 'tui'],
        ['tool', 'ask', 'allow', 'tui'],
      ]);
      // A different process running the same curl later is asked again.
      const again = await run('curl', ['-s', '-X', 'POST', `${api.url}/graphql/v2`, '-d', body], {
        env: g2.agentEnv,
        cwd: s2.ws,
      });
      expect(again.code).toBe(0);
      expect(asked.length).toBe(2);
    } finally {
      await g2.close();
      s2.cleanup();
    }
  });
});

describe('Node fallback client', () => {
  const fallback = path.join(PACKAGE_ROOT, 'dist', 'gates', 'shim', 'fallback-client.js');
  it.skipIf(!existsSync(fallback))('refuses and allows like the C client', async () => {
    const dir = mkdtempSync(path.join(s.root, 'fb-'));
    const wrapper = path.join(dir, 'agentfw-shim');
    writeFileSync(wrapper, `#!/bin/sh\nexec '${process.execPath}' '${fallback}' "$0" "$@"\n`);
    chmodSync(wrapper, 0o755);
    for (const n of ['bash', 'rm']) symlinkSync(wrapper, path.join(dir, n));
    const env = {
      ...gate.agentEnv,
      PATH: `${dir}:${gate.agentEnv.AGENTFW_REAL_PATH}`,
      AGENTFW_SHIM_DIR: dir,
    };
    const bad = await run('bash', ['-c', 'rm -rf ~'], { env, cwd: s.ws });
    expect(bad.code).toBe(126);
    expect(bad.stderr).toContain('filesystem/destroy-root-home-system');
    const tool = await run('/bin/dash', ['-c', 'rm -rf ~'], { env: { ...env, BASH_ENV: '' }, cwd: s.ws });
    expect(tool.code).toBe(126);
    const ok = await run('bash', ['-c', 'echo fine-$((6*7))'], { env, cwd: s.ws });
    expect(ok.stdout).toContain('fine-42');
    expect(ok.code).toBe(0);
    expect(existsSync(s.marker)).toBe(true);
  });
});
