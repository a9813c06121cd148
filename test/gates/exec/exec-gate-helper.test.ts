/**
 * The exec-gate helper (build/agentfw-exec-gate) against a real gate in this process: many
 * execs at once on its one persistent connection, each judged and audited; a refused exec
 * tells the agent why on its stderr whatever that is (a socket, as Node gives its
 * children; a pipe), never writes into a regular file; and the same destructive command
 * works without agentfw (control), so the refusal is the gate's doing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProbeGate } from '../../../src/supervisor/probe-gate.js';

const HELPER = path.resolve('build/agentfw-exec-gate');
const linux = process.platform === 'linux' && existsSync(HELPER);
let dir: string;
let gate: Awaited<ReturnType<typeof startProbeGate>>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-eg-helper-'));
  if (linux) gate = await startProbeGate(dir);
}, 120_000);
const victims: string[] = [];
afterAll(async () => {
  await gate?.close();
  for (const v of victims) rmSync(v, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `script` in bash, under the helper unless `bare`; stderr is Node's (a socket). */
function run(script: string, env: NodeJS.ProcessEnv, bare = false) {
  const pre = ['--sock', gate.runtime.socket, '--supervisor-pid', String(process.pid), '--'];
  const [file, args] = bare ? ['/bin/bash', ['-c', script]] : [HELPER, [...pre, '/bin/bash', '-c', script]];
  const p = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  p.stdout.on('data', (d) => (out += d));
  p.stderr.on('data', (d) => (err += d));
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    p.on('close', (code) => resolve({ code, out, err })),
  );
}

const audit = () =>
  readFileSync(path.join(dir, 'audit.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { layer: string; command: string; decision: string });

describe.runIf(linux)('exec-gate helper', () => {
  it('judges 200 execs started at once, each allowed and audited once', async () => {
    const before = audit().length;
    const r = await run('for i in $(seq 1 200); do /bin/true "n$i" & done; wait; echo finished', process.env);
    expect(r.out).toBe('finished\n');
    expect(r.code).toBe(0);
    const recs = audit().slice(before);
    const mine = recs.filter(
      (x) => /^\/bin\/true n\d+$/.test(x.command) || /^\/usr\/bin\/true n\d+$/.test(x.command),
    );
    expect(new Set(mine.map((x) => x.command)).size).toBe(200);
    expect(mine.every((x) => x.layer === 'exec' && x.decision === 'allow')).toBe(true);
  });

  it.each([
    { name: 'stderr a socket (a Node parent)', redirect: '', toStderr: true },
    // `wait $!`: bash waits for the process substitution, else it may exit (and the helper
    // with it) before `cat` has started, and the message has no reader.
    { name: 'stderr a pipe', redirect: '2> >(cat >&2); wait $!', toStderr: true },
    { name: 'stderr a regular file', redirect: '2>"$ERRFILE"', toStderr: false },
  ])(
    'a refused delete: control run deletes, under the gate it is refused; $name',
    async ({ redirect, toStderr }) => {
      // A folder in the user's home (the one the gate judges with): deleting it is denied.
      const victim = path.join(os.homedir(), `.agentfw-eg-test-${Math.random().toString(36).slice(2)}`);
      victims.push(victim);
      const errFile = path.join(dir, `err-${Math.random().toString(36).slice(2)}`);
      const env = { ...process.env, VICTIM: victim, ERRFILE: errFile };
      const script = `{ /usr/bin/rm -rf "$VICTIM"; echo "rc=$?"; } ${redirect}`;
      mkdirSync(victim);
      writeFileSync(path.join(victim, 'keep'), 'x');
      const control = await run(script, env, true);
      expect(control.out).toContain('rc=0');
      expect(existsSync(victim)).toBe(false);

      mkdirSync(victim);
      writeFileSync(path.join(victim, 'keep'), 'x');
      const r = await run(script, env);
      expect(r.out).toContain('rc=126');
      expect(existsSync(path.join(victim, 'keep'))).toBe(true);
      const told = toStderr ? r.err : readFileSync(errFile, 'utf8');
      if (toStderr) {
        expect(told).toContain('BLOCKED (exec gate)');
        expect(told).toContain('ask the user');
      } else {
        // The file only gets the shell's own line: reopening it would overwrite it from the start.
        expect(told).not.toContain('BLOCKED');
        expect(told).toContain('Operation not permitted');
      }
    },
  );
});
