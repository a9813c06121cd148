// The bash gate script (BASH_ENV) with a real bash: the shim-checked fast path skips only
// the very process the shim checked; every other case is checked or refused as before.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gateScript } from '../../../src/gates/shim/gate-script.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-gatescript-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const gate = path.join(dir, 'gate.bash');
writeFileSync(gate, gateScript());
const shimDir = path.join(dir, 'shims');
const userEnv = path.join(dir, 'user-env.bash');
writeFileSync(userEnv, 'USER_ENV_RAN=1\n');

/** A stand-in gate client: logs each call; allows (exit 0) or refuses (exit 1) per $VERDICT. */
function client(log: string): string {
  const f = path.join(dir, `client-${path.basename(log)}`);
  writeFileSync(f, `#!/bin/sh\necho "$1" >> '${log}'\n[ "$VERDICT" = allow ]\n`);
  chmodSync(f, 0o755);
  return f;
}

let n = 0;
/** Runs `bash -c SCRIPT` with the gate script as BASH_ENV; `self`: AGENTFW_GATED_PID is that bash's own pid (as the shim sets it). */
function run(script: string, o: { self: boolean; verdict: 'allow' | 'deny'; env?: Record<string, string> }) {
  const log = path.join(dir, `calls-${n++}.log`);
  const env: Record<string, string> = {
    PATH: '/usr/bin:/bin',
    HOME: dir,
    BASH_ENV: gate,
    AGENTFW_CLIENT: client(log),
    AGENTFW_SHIM_DIR: shimDir,
    AGENTFW_USER_BASH_ENV: userEnv,
    VERDICT: o.verdict,
    // As in the agent's environment (src/supervisor/agent-env.ts): bash reads BASH_ENV.
    SHLVL: '1',
    ...o.env,
  };
  // sh's $$ is the pid that execs bash: the same process, as when the shim execs it.
  const pid = o.self ? '$$' : '1';
  const r = spawnSync('/bin/sh', ['-c', `AGENTFW_GATED_PID=${pid} exec /bin/bash -c "$0"`, script], {
    env,
    encoding: 'utf8',
  });
  const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  return { code: r.status, out: r.stdout.trim(), calls };
}

const PROBE =
  'echo "pid=${AGENTFW_GATED_PID-unset} path=${PATH%%:*} user=${USER_ENV_RAN-no} trap=$(trap -p DEBUG | wc -l)"';

describe('gate script as BASH_ENV', () => {
  it.each([
    // [case, self, verdict, extra env, exit code, client calls, probe output]
    [
      'checked by the shim: skipped, PATH and user BASH_ENV kept',
      true,
      'deny',
      {},
      0,
      0,
      `pid=unset path=${shimDir} user=1 trap=0`,
    ],
    ['another pid: asked, refused', false, 'deny', {}, 126, 1, ''],
    ['another pid: asked, allowed', false, 'allow', {}, 0, 1, `pid=1 path=${shimDir} user=1 trap=0`],
    [
      'checked, but per-line mode: the DEBUG trap goes in',
      true,
      'allow',
      { AGENTFW_GATE_MODE: 'lines' },
      0,
      1,
      'pid=unset',
    ],
    ['checked, but no client: refused', true, 'allow', { AGENTFW_CLIENT: '' }, 126, 0, ''],
  ] as const)('%s', (_c, self, verdict, env, code, calls, out) => {
    const r = run(PROBE, { self, verdict, env });
    expect(r.code).toBe(code);
    expect(r.calls.length).toBeGreaterThanOrEqual(calls);
    if (calls === 0) expect(r.calls).toEqual([]);
    expect(r.out.startsWith(out)).toBe(true);
  });

  it('a bash started by the skipped one is checked again (the skip is not inherited)', () => {
    const r = run(`/bin/bash -c 'echo child'`, { self: true, verdict: 'allow' });
    expect(r.code).toBe(0);
    expect(r.out).toBe('child');
    expect(r.calls).toEqual(['--bash-env']);
  });

  it('control: the same child without the gate script is never checked', () => {
    const r = run(`/bin/bash -c 'echo child'`, { self: true, verdict: 'allow', env: { BASH_ENV: '' } });
    expect(r.out).toBe('child');
    expect(r.calls).toEqual([]);
  });
});
