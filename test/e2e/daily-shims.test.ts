/**
 * Version-manager shims are transparent under `agentfw run --headless`: `python3` through a
 * pyenv shim (a faithful copy in HOME, and the real pyenv where this machine has one) asks
 * nothing for a harmless command, and exactly once, showing the real command, for a
 * destructive one. Dialogs are counted by a real external approver. Control: the
 * manager's own scripts run directly (not through a shim) are still asked about.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { installFakePyenv } from './fake-pyenv.js';
import { askedRun, countingApprover, ensureBuilt } from './run-helpers.js';

let s: Scratch;
let fakeShims: string;
let approver: string;
const REAL_PYENV_SHIMS = '/root/.pyenv/shims';
const hasRealPyenv = process.env.HOME === '/root' && existsSync(path.join(REAL_PYENV_SHIMS, 'python3'));

beforeAll(() => {
  ensureBuilt();
  s = scratch();
  fakeShims = installFakePyenv(path.join(s.home, '.pyenv'));
  approver = countingApprover(s);
});
afterAll(() => s?.cleanup());

let n = 0;
/** Runs `bash -c CMD` under agentfw with `shims` first on PATH; returns the dialogs asked and the output. */
const through = (shims: string, home: string, cmd: string, verdict: 'allow' | 'deny') =>
  askedRun(s, approver, cmd, { verdict, env: { PATH: `${shims}:${process.env.PATH}`, HOME: home } });

const pyenvs: [string, () => { shims: string; home: string }][] = [
  ['a faithful copy of pyenv', () => ({ shims: fakeShims, home: s.home })],
];
if (hasRealPyenv)
  pyenvs.push(['the real pyenv on this machine', () => ({ shims: REAL_PYENV_SHIMS, home: '/root' })]);

describe.each(pyenvs)('python3 through %s', (_name, where) => {
  it('a harmless command asks nothing and runs', async () => {
    const { shims, home } = where();
    const r = await through(shims, home, `python3 -c 'print(40 + 2)'`, 'deny');
    expect(r.asks).toEqual([]);
    expect(r.stdout).toContain('42');
    expect(r.code).toBe(0);
  });

  it.each<['allow' | 'deny', boolean]>([
    ['deny', true],
    ['allow', false],
  ])('a destructive command asks exactly once, showing the real command (%s)', async (verdict, survives) => {
    const { shims, home } = where();
    const victim = path.join(home, `x-outside-${process.pid}-${++n}`);
    mkdirSync(victim);
    writeFileSync(path.join(victim, 'f'), 'x');
    const code = `import shutil; shutil.rmtree(${JSON.stringify(victim)})`;
    const r = await through(shims, home, `python3 -c '${code}'`, verdict);
    expect(r.asks.map((a) => a.command)).toEqual([`python3 -c '${code}'`]);
    expect({
      survives: existsSync(victim),
      out: survives === existsSync(victim) ? '' : r.stdout + r.stderr,
    }).toEqual({ survives, out: '' });
  });
});

describe('control: the manager itself, not reached through a shim', () => {
  it('its scripts run directly are analysed as scripts and asked about', async () => {
    const r = await through(
      fakeShims,
      s.home,
      `bash ${s.home}/.pyenv/libexec/pyenv exec python3 -c 'print(1)'`,
      'allow',
    );
    expect(r.asks.length).toBeGreaterThan(0);
  });
});
