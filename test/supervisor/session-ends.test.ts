/**
 * A session ends when it should, with the default sandbox and without it (real `agentfw run`
 * processes; a hang shows as the test's wait running out, never as a measured duration):
 * - the agent killed by SIGKILL from outside ends the session with a non-zero exit;
 * - SIGTERM to agentfw while an approval is held (an external approver that never answers)
 *   ends the session: the held command never runs, nor anything after it, and the audit
 *   log says that agentfw received SIGTERM, then why the held command was refused. Control:
 *   the same command without agentfw runs the stand-in program and the step after it.
 * `agentfw run --headless -- sh -c 'exit N'` ending with N is test/e2e/run.test.ts
 * ("propagates exit code").
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, auditRecords, cliEnv, ensureBuilt, headlessArgs } from '../e2e/run-helpers.js';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';

const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;
if (!HAS_BWRAP)
  console.log('default-sandbox cases skipped: bwrap is not installed (apt-get install -y bubblewrap)');

const MODES: [string, boolean][] = [
  ['--no-sandbox', false],
  ['default sandbox', true],
];
const modes = MODES.filter(([, sandbox]) => !sandbox || HAS_BWRAP);

let s: Scratch;
const started: ChildProcess[] = [];
beforeAll(() => ensureBuilt());
afterEach(() => {
  for (const p of started.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  s?.cleanup();
});

/** Waits until `ready()` (bounded: 60 s); throws with `what` when it never is. */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (ready()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never happened: ${what}`);
}

/** `agentfw run --headless [--no-sandbox] --audit LOG FLAGS -- COMMAND` in the workspace; its exit and stderr. */
function session(
  command: string[],
  sandbox: boolean,
  flags: string[] = [],
  env: Record<string, string> = {},
) {
  const p = spawn(process.execPath, [BIN, ...headlessArgs(command, { sandbox, audit: s.audit, flags })], {
    env: cliEnv(s, env),
    cwd: s.ws,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(p);
  let stderr = '';
  p.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  p.stdout!.resume();
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    p.on('exit', (code) => resolve({ code, stderr })),
  );
  return { p, exited };
}

/** The agent of the SIGKILL case: Node idling, its last argument a tag no other process has. */
const idleAgent = (tag: string) => [process.execPath, '-e', 'setInterval(() => {}, 1000)', tag];

/** Host pids of the live processes whose argv is exactly `argv` (not agentfw's, nor bwrap's, which end with it). */
function pidsOf(argv: string[]): number[] {
  const pids: number[] = [];
  const want = argv.join('\0') + '\0';
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8') === want) pids.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return pids;
}

/** The agent's command in the SIGTERM case: an asked program, then one more step. */
const HELD_CMD = 'terraform destroy -auto-approve; touch after-ran';

/** A stand-in for the asked program that leaves a mark (`held-ran`); returns the folder to put first on PATH. */
function standIn(): string {
  // In the workspace: the sandbox shows the agent its workspace, not the scratch folder.
  const bin = path.join(s.ws, '.agent', 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, 'terraform'), '#!/bin/sh\ntouch "$PWD/held-ran"\n', { mode: 0o755 });
  return bin;
}

describe('a session ends', () => {
  it('control: without agentfw the held command and the step after it run', () => {
    s = scratch();
    const bin = standIn();
    const r = spawnSync('bash', ['-c', HELD_CMD], {
      cwd: s.ws,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
    });
    expect(r.status).toBe(0);
    expect(existsSync(path.join(s.ws, 'held-ran'))).toBe(true);
    expect(existsSync(path.join(s.ws, 'after-ran'))).toBe(true);
  });

  it.each(modes)(
    '%s: the agent killed by SIGKILL ends it with a non-zero exit',
    async (_mode, sandbox) => {
      s = scratch();
      // A tag no other process has: the test finds the agent (its host pid) by it.
      const agent = idleAgent(`agent-${path.basename(s.root)}`);
      const { exited } = session(agent, sandbox);
      await until(() => pidsOf(agent).length === 1, 'the agent started');
      process.kill(pidsOf(agent)[0], 'SIGKILL');
      const r = await exited;
      expect(r.code).not.toBe(0);
      expect(r.code).not.toBeNull(); // it ended by itself, it was not killed
      expect(r.stderr).toContain('agentfw: session ended');
    },
    90_000,
  );

  it.each(modes)(
    '%s: SIGTERM to agentfw while an approval is held ends it; the held command never runs',
    async (_mode, sandbox) => {
      s = scratch();
      const bin = standIn();
      // An approver that is asked and never answers (the human stepped away).
      const held = path.join(s.root, 'held');
      const approver = path.join(s.root, 'holding-approver.sh');
      writeFileSync(approver, `#!/bin/sh\ncat >/dev/null\ntouch ${JSON.stringify(held)}\nexec sleep 600\n`, {
        mode: 0o755,
      });
      const { p, exited } = session(['bash', '-c', HELD_CMD], sandbox, ['--approver', approver], {
        PATH: `${bin}:${process.env.PATH ?? ''}`,
      });
      await until(() => existsSync(held), 'the approver was asked');
      p.kill('SIGTERM');
      const r = await exited;
      expect(r.code).not.toBe(0);
      expect(r.code).not.toBeNull();
      expect(existsSync(path.join(s.ws, 'held-ran'))).toBe(false);
      expect(existsSync(path.join(s.ws, 'after-ran'))).toBe(false);
      const recs = auditRecords(s.audit).filter((x) => x.command.startsWith('terraform destroy'));
      // The held command's record: refused, and why (the wait for its answer ended with the session).
      expect(recs.length).toBeGreaterThan(0);
      for (const x of recs) {
        expect(x).toMatchObject({ verdict: 'ask', decision: 'deny' });
        expect(x.reason).toContain('the command did not run');
      }
      // and why the session ended, before that record
      const all = auditRecords(s.audit);
      const why = all.findIndex((x) => x.layer === 'session' && x.reason.includes('received SIGTERM'));
      expect(why).toBeGreaterThan(0);
      expect(why).toBeLessThan(all.findIndex((x) => x.command.startsWith('terraform destroy')));
    },
    90_000,
  );
});
