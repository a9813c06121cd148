/**
 * Requests sent straight to gate.sock by some process of the user: a shell request whose
 * `script` is not what its `-c` argument carries is refused unread (no allow record for a
 * command that would never run as recorded), and so is any request whose process is not
 * the session's gate client. Control: the same command through the real client runs.
 */
import net from 'node:net';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scriptMismatch, type GateRequest } from '../../../src/gates/protocol.js';
import type { Gate } from '../../../src/supervisor/gate.js';
import { run, useGate, type Scratch } from './gate-helpers.js';

let s: Scratch;
let gate: Gate;
useGate((t) => ({ s, gate } = t));

function ask(req: object): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = net.connect(gate.runtime.socket);
    let out = '';
    c.on('connect', () => c.write(JSON.stringify(req) + '\n'));
    c.on('data', (d) => (out += d.toString()));
    c.on('close', () => resolve(out.replace(/^(WAIT\n)+/, '')));
    c.on('error', reject);
  });
}

const shell = (argv: string[], script?: string): GateRequest => ({
  layer: 'shell',
  argv,
  cwd: '/',
  script,
  pid: process.pid,
});

describe('forged requests on gate.sock', () => {
  it('control: the same command through the real client is answered', async () => {
    const r = await run('bash', ['-c', 'echo forged-ok'], { env: gate.agentEnv, cwd: s.ws });
    expect(r).toMatchObject({ code: 0, stdout: 'forged-ok\n' });
  });

  it('a request from a process that is not the gate client is refused and not recorded', async () => {
    const r = await ask({ layer: 'tool', argv: ['rm', '-rf', 'forged-tool'], cwd: s.ws, pid: process.pid });
    expect(r.startsWith('DENY\n')).toBe(true);
    expect(r).toContain('did not come from the gate client');
    expect(readFileSync(s.audit, 'utf8')).not.toContain('forged-tool');
  });

  it('a script that differs from the -c argument is refused and never recorded as allow', async () => {
    const r = await ask({
      ...shell(['bash', '-c', 'rm -rf ~/forged-target'], 'echo forged-innocent'),
      cwd: s.ws,
    });
    expect(r.startsWith('DENY\n')).toBe(true);
    expect(r).toContain('inconsistent request');
    const log = readFileSync(s.audit, 'utf8');
    expect(log).not.toContain('forged-innocent');
    expect(log).not.toContain('forged-target');
  });

  it.each([
    ['-c matches', shell(['bash', '-c', 'ls'], 'ls'), ''],
    ['-lc matches', shell(['bash', '-lc', 'ls'], 'ls'), ''],
    ['-o opt before -c', shell(['bash', '-o', 'pipefail', '-c', 'ls'], 'ls'), ''],
    ['-c differs', shell(['bash', '-c', 'rm -rf /'], 'ls'), 'not the one'],
    ['-c without string', shell(['bash', '-c'], 'ls'), 'no command string'],
    ['script file (not checkable here)', shell(['bash', 'x.sh'], 'ls'), ''],
    ['per-line gate', shell(['bash', '(command line)'], 'ls'), ''],
    [
      'tool with a script',
      { layer: 'tool', argv: ['rm'], cwd: '/', script: 'ls', pid: 1 } as GateRequest,
      'tool request',
    ],
  ])('%s', (_n, req, expected) => {
    const m = scriptMismatch(req);
    if (expected) expect(m).toContain(expected);
    else expect(m).toBe('');
  });
});
