/**
 * readExecEnv against a real exec stopped by the exec-gate helper (build/agentfw-exec-gate):
 * a broker in this process reads, while the exec waits for its answer, the environment the
 * caller passes to its new program, out of the caller's memory. Values that span pages, many
 * small ones and an empty one come back exactly, in order; an exec whose environment is
 * over the bound reads as undefined (the self-gating pass is then not given).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBroker, type Broker } from '../../../src/approval/broker.js';
import { readExecEnv } from '../../../src/gates/exec/exec-defer.js';

const HELPER = path.resolve('build/agentfw-exec-gate');
const linux = process.platform === 'linux' && ['x64', 'arm64'].includes(process.arch) && existsSync(HELPER);
let dir: string;
let broker: Broker;
/** What readExecEnv returned for each exec the helper asked about, by argv[0]. */
const seen = new Map<string, string[] | undefined>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-eg-env-'));
  if (!linux) return;
  broker = await startBroker({
    socketPath: path.join(dir, 'gate.sock'),
    handle: async (req) => {
      if (req.layer === 'exec') seen.set(req.argv[1] ?? '', readExecEnv(req.pid));
      return { allow: true, env: {}, message: '' };
    },
  });
});
afterAll(async () => {
  await broker?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Under the helper, `env -i NAME=value… /bin/true TAG`: the exec of /bin/true is asked about. */
function execWith(tag: string, vars: string[]): Promise<number | null> {
  const args = ['--sock', path.join(dir, 'gate.sock'), '--supervisor-pid', String(process.pid), '--'];
  const p = spawn(HELPER, [...args, '/usr/bin/env', '-i', ...vars, '/bin/true', tag], { stdio: 'ignore' });
  return new Promise((resolve) => p.on('close', resolve));
}

const big = (n: number, c: string) => c.repeat(n);

describe.runIf(linux)('readExecEnv on an exec stopped by the helper', () => {
  it.each([
    ['one small variable', ['A=1']],
    [
      'an empty value and 300 small ones',
      ['EMPTY=', ...Array.from({ length: 300 }, (_, i) => `V${i}=value-${i}`)],
    ],
    ['values that span pages', ['P1=' + big(5000, 'x'), 'P2=' + big(9000, 'y'), 'P3=z']],
    ['non-ASCII bytes', ['U=grüße ✓']],
  ])('%s come back exactly', async (tag, vars) => {
    expect(await execWith(tag, vars)).toBe(0);
    const got = seen.get(tag);
    expect(got).toBeDefined();
    // latin1 on both sides: the bytes as passed
    expect(got).toEqual(vars.map((v) => Buffer.from(v, 'utf8').toString('latin1')));
  });

  it('an environment over the 1 MB bound reads as undefined', async () => {
    const vars = Array.from({ length: 20 }, (_, i) => `B${i}=` + big(60_000, 'q'));
    expect(await execWith('over the bound', vars)).toBe(0);
    expect(seen.has('over the bound')).toBe(true);
    expect(seen.get('over the bound')).toBeUndefined();
  });

  it('control: a process not stopped in an exec reads as undefined', () => {
    expect(readExecEnv(process.pid)).toBeUndefined();
  });
});
