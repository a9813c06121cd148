/**
 * `agentfw run --headless` around a scripted agent, as real processes: with pipes and
 * under a real PTY. Destructive commands on every path are refused with exit 126 and the
 * message; the benign one runs; HOME survives; the loopback GraphQL API receives no
 * mutation; the agent's exit code and all of its output come back; the audit verifies.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FakeApi } from '../../src/supervisor/demo-api.js';
import type { Scratch } from '../gates/shim/gate-helpers.js';
import { BIN, cli, cliEnv, cliPty, useApiScratch } from './run-helpers.js';

const AGENT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scripted-agent.mjs');
let api: FakeApi;
let s: Scratch;
useApiScratch((t) => ({ api, s } = t));

/** `agentfw run --headless` (audit to the scratch) of `SHELL -c SCRIPT`, with `input` on stdin. */
const runShell = (shell: string, script: string, input?: string) =>
  cli(['run', '--headless', '--audit', path.join(s.root, 'x.jsonl'), '--', shell, '-c', script], {
    env: cliEnv(s),
    cwd: s.ws,
    input,
  });

interface Step {
  name: string;
  code: number;
  /** Set when the exec itself failed: EPERM = the exec gate refused it before it ran. */
  error?: string;
  stdout: string;
  stderr: string;
}

function checkSteps(results: Step[]): void {
  const [benign, ...blocked] = results;
  expect(benign.stdout).toContain('benign-42');
  expect(benign.code).toBe(0);
  for (const r of blocked) {
    // refused by a gate (exit 126), or by the exec gate before the program ran (EPERM)
    const refused = r.code === 126 || (r.code === null && r.error === 'EPERM');
    expect({ name: r.name, code: r.code, refused }).toEqual({ name: r.name, code: r.code, refused: true });
    // An exec refused by the exec gate never ran, so there is no stderr to read here (spawn
    // failed with EPERM); the refusal is then in the audit (checked by the callers).
    if (r.code !== 126) continue;
    expect(r.stderr).toContain('BLOCKED');
    expect(r.stderr).toContain('Do not retry or work around this; ask the user.');
  }
  const graphql = blocked.filter((r) => r.name.startsWith('graphql'));
  expect(graphql.length).toBe(2);
  for (const r of graphql.filter((g) => g.code === 126)) {
    expect(r.stderr).toContain('graphql/destructive-mutation');
    expect(r.stderr).toContain('--on-ask deny');
  }
  expect(existsSync(s.marker)).toBe(true);
  expect(api.mutations()).toEqual([]);
}

describe('agentfw run --headless', () => {
  it('with pipes: refuses every destructive path, runs the benign one, returns the agent exit code', async () => {
    const out = path.join(s.root, 'results-pipes.json');
    const audit = path.join(s.root, 'pipes.jsonl');
    const env = cliEnv(s, { DEMO_TOKEN: 'rw_live_9f8e7d6c5b4a39281706' });
    // --no-sandbox: this checks the gates themselves (the sandbox would stop `rm -rf ~` on its own)
    const r = await cli(
      ['run', '--no-sandbox', '--headless', '--audit', audit, '--', 'node', AGENT, out, '3', api.url],
      {
        env,
        cwd: s.ws,
      },
    );
    expect(r.stdout).toContain('agent-done');
    expect(r.code).toBe(3);
    const steps = JSON.parse(readFileSync(out, 'utf8')) as Step[];
    checkSteps(steps);
    const log = readFileSync(audit, 'utf8');
    const records = log
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { layer: string; decision: string });
    const execDenied = records.filter((x) => x.layer === 'exec' && x.decision === 'deny').length;
    expect(execDenied).toBe(steps.filter((x) => x.error === 'EPERM').length);
    expect(log).not.toContain('rw_live_9f8e7d6c5b4a39281706');
    const v = await cli(['log', '--verify', '--audit', audit], { env, cwd: s.ws });
    expect(v.stdout).toMatch(/^ok, \d+ records/);
    expect(v.code).toBe(0);
    writeFileSync(audit, log.replace('"deny"', '"allow"'));
    const t = await cli(['log', '--verify', '--audit', audit], { env, cwd: s.ws });
    expect(t.code).toBe(1);
    expect(t.stderr).toContain('E_AUDIT_TAMPERED');
    expect(t.stderr).toContain('Fix:');
  });

  it('under a real PTY: the same, and the output reaches the terminal', async () => {
    const out = path.join(s.root, 'results-pty.json');
    const r = await cliPty(
      [
        'run',
        '--no-sandbox',
        '--headless',
        '--audit',
        path.join(s.root, 'pty.jsonl'),
        '--',
        'node',
        AGENT,
        out,
        '4',
        api.url,
      ],
      {
        env: cliEnv(s),
        cwd: s.ws,
      },
    );
    expect(r.output).toContain('agent-done');
    expect(r.code).toBe(4);
    checkSteps(JSON.parse(readFileSync(out, 'utf8')));
  });

  it('an agent that is itself a destructive command is refused with 126', async () => {
    const r = await runShell('bash', 'rm -rf ~');
    expect(r.code).toBe(126);
    expect(r.stdout).toContain('filesystem/destroy-root-home-system');
    expect(existsSync(s.marker)).toBe(true);
  });

  it.each([0, 1, 42])('propagates exit code %i', async (n) => {
    const r = await runShell('sh', `exit ${n}`);
    expect(r.code).toBe(n);
  });

  it('loses no output at exit (200 KB, byte for byte)', async () => {
    const n = 200 * 1024;
    const r = await runShell('sh', `head -c ${n} /dev/zero | tr '\\0' x; printf END`);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBe(n + 3);
    expect(r.stdout.endsWith('xEND')).toBe(true);
  });

  // A busy supervisor: stopped for 400 ms the moment the agent has written its last byte, so
  // most of its output is still on its way through the relay. The agent's gate client must
  // wait for it rather than leave it to a helper process: the sandbox ends with the agent,
  // and the helper with it (under load this lost the tail of the output).
  it('loses no output at exit when the supervisor is slow to relay it', async () => {
    const n = 1024 * 1024;
    const done = path.join(s.ws, 'written');
    let out = '';
    let stopped = -1;
    const p = spawn(
      process.execPath,
      [
        BIN,
        'run',
        '--headless',
        '--audit',
        path.join(s.root, 'x.jsonl'),
        '--',
        'sh',
        '-c',
        // `: >` is the shell's own: no exec, so nothing waits for the stopped supervisor
        `head -c ${n} /dev/zero | tr '\\0' x; printf END; : > ${done}`,
      ],
      { env: cliEnv(s), cwd: s.ws, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const w = watch(s.ws, (_e, f) => {
      if (f !== 'written' || stopped >= 0) return;
      stopped = out.length;
      process.kill(p.pid!, 'SIGSTOP');
      setTimeout(() => process.kill(p.pid!, 'SIGCONT'), 400);
    });
    p.stdout.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((r) => p.on('close', r));
    w.close();
    expect(stopped).toBeGreaterThanOrEqual(0);
    expect(stopped).toBeLessThan(n); // the output was still on its way when it stopped
    expect(code).toBe(0);
    expect(out.length).toBe(n + 3);
    expect(out.endsWith('xEND')).toBe(true);
  });

  it('pipes stdin through to the agent when there is no TTY', async () => {
    const r = await runShell('sh', 'read a; read b; echo "got:$a+$b"', 'one\ntwo\n');
    expect(r.stdout).toContain('got:one+two');
    expect(r.code).toBe(0);
  });

  it('with a TTY and no --headless, the TUI or passthrough starts and the exit code comes back', async () => {
    const r = await cliPty(
      ['run', '--audit', path.join(s.root, 'tty.jsonl'), '--', 'sh', '-c', 'echo tty-ok; exit 5'],
      {
        env: cliEnv(s),
        cwd: s.ws,
      },
    );
    expect(r.code).toBe(5);
    expect(r.output).toContain('tty-ok');
  });

  it('--approver CMD settles asks: its refusal and message reach the agent and the audit', async () => {
    const approver = path.join(s.root, 'no-approver.sh');
    writeFileSync(
      approver,
      '#!/bin/sh\ncat >/dev/null\necho \'{"verdict":"deny","message":"Not during the freeze."}\'\n',
      { mode: 0o755 },
    );
    const audit = path.join(s.root, 'approver.jsonl');
    const cmd = `curl -s -X POST ${api.url}/graphql/v2 -d '{"query":"mutation { volumeDelete(volumeId: \\"v9\\") }"}'`;
    const r = await cli(
      ['run', '--headless', '--approver', approver, '--audit', audit, '--', 'bash', '-c', cmd],
      { env: cliEnv(s), cwd: s.ws },
    );
    expect(r.code).toBe(126);
    expect(r.stdout).toContain('Not during the freeze.');
    expect(api.mutations()).toEqual([]);
    const rec = JSON.parse(readFileSync(audit, 'utf8').trim().split('\n').pop()!);
    expect([rec.verdict, rec.decision, rec.approver]).toEqual(['ask', 'deny', 'external:no-approver.sh']);
  });

  it('refuses to start on an invalid ruleset, listing the problems with a Fix', async () => {
    const bad = path.join(s.root, 'bad.yaml');
    writeFileSync(bad, 'pack: broken\nversion: 1\nrules:\n  - id: x\n    decision: maybe\n');
    const ran = path.join(s.root, 'agent-ran');
    const r = await cli(['run', '--headless', '--ruleset', bad, '--', 'touch', ran], {
      env: cliEnv(s),
      cwd: s.ws,
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('E_RULESET_INVALID');
    expect(r.stderr).toContain('Fix:');
    expect(existsSync(ran)).toBe(false);
  });
});
