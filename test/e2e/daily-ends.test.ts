/**
 * A session ends when its agent does, right after an approved command, under the default
 * sandbox (exec gate, network namespace, egress proxy) and without it. The regression: an
 * approved `terraform destroy -auto-approve` hung the session until it was killed, because
 * the program sent CONNECT through the egress proxy (its check for updates) and exited right
 * after the `200`; the proxy kept that half-open socket and its close, awaited at the
 * session's end, never returned.
 *
 * Cases, each one real `agentfw run` with a counting approver that allows:
 * - a destructive command whose program is missing: one dialog, one audit record, the
 *   agent's shell says "command not found" (127) and the session ends;
 * - the stand-in for the update check: a client that sends CONNECT through the proxy
 *   variables and exits after the `200` (it prints the status line it got, so the test knows
 *   the hang-up really happened inside the session); the session ends;
 * - the real terraform, where this machine has one.
 * A hang shows as the session timing out (the test fails), not as a measured duration.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { cli, cliEnv, countingApprover, ensureBuilt } from './run-helpers.js';

const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;
if (!HAS_BWRAP)
  console.log('default-sandbox cases skipped: bwrap is not installed (apt-get install -y bubblewrap)');

const PATH_DIRS = (process.env.PATH ?? '').split(':').filter(Boolean);
/** This machine's terraform, if any (the last case runs it). */
const TERRAFORM = PATH_DIRS.map((d) => path.join(d, 'terraform')).find((f) => existsSync(f));
/** PATH without any directory that holds a terraform: the program is missing. */
const PATH_WITHOUT_TERRAFORM = PATH_DIRS.filter((d) => !existsSync(path.join(d, 'terraform'))).join(':');

let s: Scratch;
let approver: string;
let agent: string;
let hangup: string;

beforeAll(() => {
  ensureBuilt();
  s = scratch();
  approver = countingApprover(s);
  // Inside the workspace: the sandbox shows the agent its workspace, not the test's scratch dir.
  const tools = path.join(s.ws, '.agent');
  mkdirSync(tools);
  agent = path.join(tools, 'agent.mjs');
  writeFileSync(
    agent,
    `import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
const [, , cmd, out] = process.argv;
const r = spawnSync(process.env.SHELL, ['-c', cmd], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
writeFileSync(out, JSON.stringify({ code: r.status, stdout: r.stdout, stderr: r.stderr }));
`,
  );
  // CONNECT through the proxy the environment names, print the answer's status line, exit
  // without a byte more: what a program's background update check does when it is cut short.
  hangup = path.join(tools, 'hangup.mjs');
  writeFileSync(
    hangup,
    `import net from 'node:net';
const u = new URL(process.env.HTTPS_PROXY || process.env.https_proxy);
const sock = net.connect(Number(u.port), u.hostname, () =>
  sock.write('CONNECT updates.example:443 HTTP/1.1\\r\\nHost: updates.example:443\\r\\n\\r\\n'));
let got = '';
sock.on('data', (d) => {
  got += d.toString('latin1');
  if (got.includes('\\r\\n\\r\\n')) {
    console.log(got.split('\\r\\n')[0]);
    process.exit(0);
  }
});
sock.on('error', (e) => { console.log('error ' + e.code); process.exit(3); });
`,
  );
});
afterAll(() => s?.cleanup());

let n = 0;
async function session(cmd: string, o: { sandbox: boolean; path?: string }) {
  const id = ++n;
  const log = path.join(s.root, `asks-${id}.jsonl`);
  const audit = path.join(s.root, `audit-${id}.jsonl`);
  const out = path.join(s.ws, `.agent/out-${id}.json`);
  writeFileSync(log, '');
  const r = await cli(
    [
      'run',
      '--headless',
      ...(o.sandbox ? [] : ['--no-sandbox']),
      '--audit',
      audit,
      '--approver',
      approver,
      '--',
      process.execPath,
      agent,
      cmd,
      out,
    ],
    {
      env: cliEnv(s, { ASK_LOG: log, ASK_VERDICT: 'allow', ...(o.path ? { PATH: o.path } : {}) }),
      cwd: s.ws,
      timeoutMs: 120_000,
    },
  );
  const asks = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const records = readFileSync(audit, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { layer: string; command: string; decision: string });
  const ran = JSON.parse(readFileSync(out, 'utf8')) as { code: number; stdout: string; stderr: string };
  return { code: r.code, asks, records, ran, stderr: r.stderr };
}

const MODES: [string, boolean][] = [
  ['default sandbox', true],
  ['--no-sandbox', false],
];
const modes = MODES.filter(([, sandbox]) => !sandbox || HAS_BWRAP);

describe('a session ends right after an approved command', () => {
  it.each(modes)(
    '%s: a missing program, approved once, ends with 127 and one record',
    async (_mode, sandbox) => {
      const cmd = 'terraform destroy -auto-approve';
      const { code, asks, records, ran, stderr } = await session(cmd, {
        sandbox,
        path: PATH_WITHOUT_TERRAFORM,
      });
      expect(code).toBe(0);
      expect(ran.code).toBe(127);
      expect(ran.stderr).toMatch(/terraform: command not found/);
      expect(asks).toHaveLength(1);
      expect(records.filter((r) => r.command === cmd)).toEqual([
        expect.objectContaining({ layer: 'shell', decision: 'allow' }),
      ]);
      // The exit summary counts that one question once.
      expect(stderr).toMatch(/session ended: .* 1 asked a human, 0 refused/);
    },
    150_000,
  );

  it.each(modes)(
    '%s: a program that hangs up right after its CONNECT answer does not keep the session open',
    async (_mode, sandbox) => {
      const { code, ran } = await session(`node ${JSON.stringify(hangup)}`, { sandbox });
      expect(code).toBe(0);
      // The hang-up happened inside the session: the proxy had answered the CONNECT.
      expect(ran).toMatchObject({ code: 0, stdout: expect.stringMatching(/^HTTP\/1\.1 200/) });
    },
    150_000,
  );

  it.skipIf(!TERRAFORM || !HAS_BWRAP)(
    "default sandbox: this machine's terraform destroy, approved once, runs and the session ends",
    async () => {
      const { code, asks, ran, stderr } = await session('terraform destroy -auto-approve', { sandbox: true });
      expect(code).toBe(0);
      expect(asks).toHaveLength(1);
      // Asked at the shell gate, covered at the tool gate: one question in the exit summary.
      expect(stderr).toMatch(/session ended: .* 1 asked a human, 0 refused/);
      expect(ran.code).not.toBe(126);
    },
    150_000,
  );
});
