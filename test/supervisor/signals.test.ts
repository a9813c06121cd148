/**
 * `kill -USR1 <supervisor>` must not open the Node inspector (arbitrary code in the process
 * that holds the real secrets). A real `agentfw run --headless` whose agent signals its
 * supervisor; the control shows that a plain Node process does open the inspector.
 */
import { spawn } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, headless, nodeAgent, writeAgent } from '../e2e/run-helpers.js';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';

let s: Scratch;
beforeAll(() => ensureBuilt());
afterEach(() => s?.cleanup());

// Finds the ancestor running bin/agentfw and sends it SIGUSR1 three times, then lingers.
const AGENT = `
import { readFileSync } from 'node:fs';
let pid = process.ppid;
for (let i = 0; i < 10 && pid > 1; i++) {
  if (readFileSync('/proc/' + pid + '/cmdline', 'utf8').includes('bin/agentfw')) break;
  pid = Number(readFileSync('/proc/' + pid + '/stat', 'utf8').split(') ')[1].split(' ')[1]);
}
for (let i = 0; i < 3; i++) { process.kill(pid, 'SIGUSR1'); await new Promise((r) => setTimeout(r, 300)); }
await new Promise((r) => setTimeout(r, 1000));
console.log('signalled ' + String(pid));
`;

describe('SIGUSR1 to the supervisor', () => {
  it('control: a plain Node process opens its inspector on SIGUSR1', async () => {
    const p = spawn(process.execPath, ['--inspect-port=0', '-e', 'setTimeout(() => {}, 10000)'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise((r) => setTimeout(r, 500));
    process.kill(p.pid!, 'SIGUSR1');
    for (let i = 0; i < 100 && !err.includes('Debugger listening'); i++)
      await new Promise((r) => setTimeout(r, 50));
    p.kill('SIGKILL');
    expect(err).toContain('Debugger listening');
  });

  it('is ignored by agentfw run (no inspector), and the session goes on', async () => {
    s = scratch();
    const agent = writeAgent(s, AGENT);
    const r = await headless(s, nodeAgent(agent), { sandbox: false, audit: s.audit });
    expect(r.stdout).toMatch(/signalled \d+/);
    expect(r.stderr).not.toContain('Debugger listening');
    expect(r.stderr).toContain('ignored SIGUSR1');
    expect(r.code).toBe(0);
  });
});
