/**
 * Every interception path, with real processes, the real C client, the real engine and
 * built-in rulesets, and a headless --on-ask deny policy. The destructive command is
 * `rm -rf ~` with HOME set to a scratch folder holding a marker file: the verdict is
 * judged by the side effect (the marker must survive) as well as the exit code.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Gate } from '../../../src/supervisor/gate.js';
import { run, useGate, type Scratch } from './gate-helpers.js';

const DESTROY = 'rm -rf ~';
const BENIGN = 'echo ok-$((40+2))';
const b64 = (s: string) => Buffer.from(s).toString('base64');

let s: Scratch;
let gate: Gate;
useGate((t) => ({ s, gate } = t));

type Invocation = (cmd: string) => { file: string; args: string[]; input?: string };
/**
 * [path name, how the command is started, per-command: true when the gate refuses the one
 * command (per-command trap, tool shim) and the rest of the script goes on; false when the
 * whole script is refused with exit 126 before anything runs].
 */
const PATHS: [string, Invocation, boolean][] = [
  ['$SHELL -c', (c) => ({ file: gate.agentEnv.SHELL, args: ['-c', c] }), false],
  ['bash -c (PATH lookup)', (c) => ({ file: 'bash', args: ['-c', c] }), false],
  ['bash -lc (PATH lookup)', (c) => ({ file: 'bash', args: ['-lc', c] }), false],
  ['bash -c -l (PATH lookup)', (c) => ({ file: 'bash', args: ['-c', '-l', c] }), false],
  [
    'bash -o pipefail -ec (PATH lookup)',
    (c) => ({ file: 'bash', args: ['-o', 'pipefail', '-ec', c] }),
    false,
  ],
  ['sh -c (PATH lookup)', (c) => ({ file: 'sh', args: ['-c', c] }), false],
  ['/bin/bash -c by absolute path (BASH_ENV)', (c) => ({ file: '/bin/bash', args: ['-c', c] }), false],
  ['/bin/bash -lc by absolute path (BASH_ENV)', (c) => ({ file: '/bin/bash', args: ['-lc', c] }), false],
  ['bash script.sh (PATH lookup)', (c) => ({ file: 'bash', args: [script(c)] }), false],
  ['/bin/bash script.sh (BASH_ENV)', (c) => ({ file: '/bin/bash', args: [script(c)] }), false],
  ['./script.sh with a #!/bin/bash line (BASH_ENV)', (c) => ({ file: script(c), args: [] }), false],
  [
    'bash reading the script on stdin (PATH lookup)',
    (c) => ({ file: 'bash', args: [], input: c + '\n' }),
    false,
  ],
  [
    '/bin/bash reading stdin (BASH_ENV, per-command trap)',
    (c) => ({ file: '/bin/bash', args: [], input: c + '\n' }),
    true,
  ],
  [
    'tool shim: eval "$(… | base64 -d)" in /bin/dash',
    (c) => ({ file: '/bin/dash', args: ['-c', `eval "$(echo ${b64(c)} | base64 -d)"`] }),
    true,
  ],
];

let n = 0;
function script(body: string): string {
  const p = path.join(s.ws, `gen-${n++}.sh`);
  writeFileSync(p, `#!/bin/bash\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
}

describe('gate: every interception path', () => {
  it.each(PATHS)('%s runs a benign command', async (_name, how) => {
    const { file, args, input } = how(BENIGN);
    const r = await run(file, args, { env: gate.agentEnv, cwd: s.ws, input });
    expect(r.stderr).not.toContain('BLOCKED');
    expect(r.stdout).toContain('ok-42');
    expect(r.code).toBe(0);
  });

  it.each(PATHS)('%s refuses rm -rf ~ and HOME survives', async (_name, how, perCommand) => {
    const { file, args, input } = how(`${DESTROY}; echo after-refusal`);
    const r = await run(file, args, { env: gate.agentEnv, cwd: s.ws, input });
    expect(existsSync(s.marker)).toBe(true);
    expect(r.stderr).toContain('filesystem/destroy-root-home-system');
    expect(r.stderr).toContain('Do not retry or work around this; ask the user.');
    if (perCommand) {
      expect(r.stdout).toContain('after-refusal');
    } else {
      expect(r.code).toBe(126);
      expect(r.stdout).not.toContain('after-refusal');
    }
  });

  it('puts the tool shims back when a login profile replaced PATH (Codex)', async () => {
    const env = { ...gate.agentEnv, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };
    const r = await run('/bin/bash', ['-c', 'command -v curl; curl --version | head -c 5'], {
      env,
      cwd: s.ws,
    });
    expect(r.stdout.split('\n')[0]).toBe(path.join(gate.shims.dir, 'curl'));
    expect(r.stdout).toContain('curl '); // the shim found and ran the real curl
    expect(r.code).toBe(0);
  });

  it('records every decision in the audit log with the masked command', () => {
    const lines = readFileSync(s.audit, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(PATHS.length * 2);
    const denied = lines.map((l) => JSON.parse(l)).filter((r) => r.decision === 'deny');
    expect(denied.length).toBeGreaterThanOrEqual(PATHS.length);
    expect(denied.every((r) => r.rules.includes('filesystem/destroy-root-home-system'))).toBe(true);
  });
});
