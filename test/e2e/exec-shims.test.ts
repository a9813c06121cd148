/**
 * Version-manager shims under the exec gate, in the default sandbox: a program reached
 * through a pyenv shim (a faithful copy in HOME, and the real pyenv where this machine has
 * one) without agentfw's own tool shim in front (`pip`, `python3.0`, or the shim by path)
 * is judged as the real tool with its arguments, once. Harmless commands ask nothing; a
 * destructive one asks exactly once and the dialog shows the real command, not pyenv's
 * scripts; a shim written during the session is judged by its content. Dialogs are
 * counted by a real external approver. Control: the same commands without agentfw.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { installFakePyenv } from './fake-pyenv.js';
import { askedRun, countingApprover, ensureBuilt } from './run-helpers.js';

const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;
if (!HAS_BWRAP) console.log('exec-shims e2e skipped: bwrap is not installed (apt-get install -y bubblewrap)');
const HAS_PIP = spawnSync('/usr/bin/python3', ['-m', 'pip', '--version']).status === 0;
const REAL = '/root/.pyenv/shims';
const hasRealPyenv = process.env.HOME === '/root' && existsSync(path.join(REAL, 'pip'));

let s: Scratch;
let approver: string;
let fake: string;
beforeAll(() => {
  ensureBuilt();
  s = scratch();
  fake = installFakePyenv(path.join(s.home, '.pyenv'), '/usr/bin/python3', { pip: true });
  approver = countingApprover(s);
});
afterAll(() => s?.cleanup());

interface Where {
  shims: string;
  home: string;
  /** A versioned python shim that agentfw has no tool shim for. */
  pyv: string;
}
const pyenvs: [string, () => Where][] = [
  ['a faithful copy of pyenv', () => ({ shims: fake, home: s.home, pyv: 'python3.0' })],
];
if (hasRealPyenv) {
  const v = spawnSync(
    path.join(REAL, 'python3'),
    ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'],
    {
      encoding: 'utf8',
    },
  ).stdout.trim();
  pyenvs.push(['the real pyenv on this machine', () => ({ shims: REAL, home: '/root', pyv: `python${v}` })]);
}

const through = (w: Where, cmd: string, verdict: 'allow' | 'deny') =>
  askedRun(s, approver, cmd, {
    verdict,
    sandbox: true,
    timeoutMs: 180_000,
    env: { PATH: `${w.shims}:${process.env.PATH}`, HOME: w.home },
  });

describe.skipIf(!HAS_BWRAP || !HAS_PIP)('shims under the exec gate (default sandbox)', () => {
  describe.each(pyenvs)('%s', (_name, where) => {
    it.each<[string, (w: Where) => string, RegExp]>([
      ['python3 -c', () => `python3 -c 'print(40 + 2)'`, /^42$/m],
      ['pip --version', () => 'pip --version', /^pip \d/m],
      ['python3 -m pip --version', () => 'python3 -m pip --version', /^pip \d/m],
      ['a versioned python', (w) => `${w.pyv} -c 'print(6 * 7)'`, /^42$/m],
      ['the shim by its path', (w) => `${w.shims}/pip --version`, /^pip \d/m],
    ])('%s: zero dialogs, and it runs', async (_n, cmd, out) => {
      const w = where();
      const r = await through(w, cmd(w), 'deny');
      expect({ asks: r.asks, code: r.code }).toEqual({ asks: [], code: 0 });
      expect(r.stdout).toMatch(out);
    });

    it.each<['allow' | 'deny', boolean]>([
      ['deny', false],
      ['allow', true],
    ])(
      'a destructive command through an exec-gated shim asks once, showing the real command (%s)',
      async (verdict, runs) => {
        const w = where();
        const victim = path.join(w.home, `x-outside-${process.pid}-${verdict}`);
        const code = `import shutil; shutil.rmtree(${JSON.stringify(victim)})`;
        const r = await through(w, `${w.pyv} -c '${code}'`, verdict);
        expect(r.asks.length).toBe(1);
        expect(r.asks[0].command).toBe(`${w.pyv} -c '${code}'`);
        // It ran only when allowed: HOME is read-only in the sandbox, so python reports that
        // the folder is missing or cannot be removed (it never existed inside).
        const ran = /FileNotFoundError|OSError|Read-only/.test(r.stdout + r.stderr);
        expect({ ran, out: ran === runs ? '' : r.stdout + r.stderr }).toEqual({ ran: runs, out: '' });
      },
    );
  });

  it('a shim copied into the workspace during the session is judged by its content', async () => {
    const w = pyenvs[0][1]();
    // The copy is made by python (not visible to the shell gate as a written file).
    const copy = `python3 -c 'import shutil; shutil.copy("${w.shims}/pip", "pip")'`;
    const r = await through(w, `${copy}; ./pip --version`, 'deny');
    expect(existsSync(path.join(s.ws, 'pip'))).toBe(true);
    expect(r.asks.map((a) => [a.layer, a.command])).toEqual([['exec', `${s.ws}/pip --version`]]);
    expect(r.stdout).not.toMatch(/^pip \d/m);
  });
});

describe.skipIf(!HAS_PIP)('control: the same commands without agentfw', () => {
  it('pip through the copy runs, and the destructive one-liner deletes the folder', () => {
    const env = { ...process.env, PATH: `${fake}:${process.env.PATH}`, HOME: s.home };
    const pip = spawnSync('bash', ['-c', 'pip --version; python3.0 -c "print(6*7)"'], {
      env,
      encoding: 'utf8',
    });
    expect(pip.stdout).toMatch(/^pip \d[\s\S]*^42$/m);
    const victim = path.join(s.home, 'x-control');
    mkdirSync(victim);
    writeFileSync(path.join(victim, 'f'), 'x');
    const code = `import shutil; shutil.rmtree(${JSON.stringify(victim)})`;
    spawnSync('bash', ['-c', `python3.0 -c '${code}'`], { env });
    expect(existsSync(victim)).toBe(false);
    copyFileSync(path.join(fake, 'pip'), path.join(s.root, 'pip-copy'));
    expect(readFileSync(path.join(s.root, 'pip-copy'), 'utf8')).toContain('libexec/pyenv" exec');
  });
});
