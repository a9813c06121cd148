/**
 * `npm pack` output installs globally and works: the tarball carries dist/, the rulesets
 * and the gate client's C sources (built at install), so an installed `agentfw check`
 * answers and an installed `agentfw run` blocks. Dependencies come from the npm cache or
 * registry; the package itself only from the local tarball.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/gates/shim/client-path.js';
import { ensureBuilt } from './run-helpers.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'afw-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm pack → npm install -g --prefix', () => {
  it('the installed agentfw checks, and blocks under run', async () => {
    ensureBuilt();
    const npm = (args: string[], cwd: string) =>
      execFileSync('npm', args, {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 400_000,
      });
    // dist/ is already built (npm test builds first); no rebuild while other tests read it.
    npm(['pack', '--ignore-scripts', '--pack-destination', tmp, '--silent'], PACKAGE_ROOT);
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    expect(tgz).toBeDefined();
    const listing = execFileSync('tar', ['-tzf', path.join(tmp, tgz!)], { encoding: 'utf8' });
    for (const f of [
      'package/dist/cli/main.js',
      'package/rulesets/filesystem.yaml',
      'package/src/gates/shim/agentfw-shim.c',
    ])
      expect(listing).toContain(f);
    const prefix = path.join(tmp, 'prefix');
    npm(
      [
        'install',
        '-g',
        '--prefix',
        prefix,
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        path.join(tmp, tgz!),
      ],
      tmp,
    );
    const bin = path.join(prefix, 'bin', 'agentfw');
    expect(existsSync(path.join(prefix, 'lib', 'node_modules', 'agentfw', 'build', 'agentfw-shim'))).toBe(
      true,
    );
    const home = path.join(tmp, 'home');
    const env: Record<string, string> = {
      PATH: `${path.join(prefix, 'bin')}:${process.env.PATH}`,
      HOME: home,
      AGENTFW_RUNTIME_DIR: path.join(tmp, 'rt'),
    };
    const ws = path.join(tmp, 'ws');
    execFileSync('mkdir', ['-p', home, ws]);
    const check = await runIt(bin, ['check', '--', 'ls'], env, tmp);
    expect(check).toBe(0);
    // The installed bin, not this checkout's.
    const run = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const args = [
        'run',
        '--headless',
        '--audit',
        path.join(tmp, 'a.jsonl'),
        '--',
        'bash',
        '-c',
        'rm -rf ~/keep',
      ];
      const p = spawn(bin, args, { env, cwd: ws, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      // The agent's terminal (stdout and stderr together) comes out on run's stdout.
      p.stdout!.on('data', (d: Buffer) => (err += d.toString()));
      p.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      p.on('close', (code) => resolve({ code, err }));
    });
    expect(run.code).toBe(126);
    expect(run.err).toContain('BLOCKED');
    expect(existsSync(home)).toBe(true);
  }, 600_000);
});

function runIt(
  bin: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<number | null> {
  return new Promise((resolve) => spawn(bin, args, { env, cwd, stdio: 'ignore' }).on('close', resolve));
}
