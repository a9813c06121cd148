/**
 * `agentfw init --yes` / `agentfw uninstall` through the real CLI, in a scratch HOME with a
 * fake agent on PATH: config, shell function and rc line are written; a real bash that
 * reads the rc file runs the agent through agentfw; uninstall removes exactly what init
 * added and keeps a config the user edited.
 */
import { execa } from 'execa';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'agentfw');
let root: string;
let home: string;
let env: Record<string, string>;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'afw-init-'));
  home = path.join(root, 'home');
  const bin = path.join(root, 'bin');
  mkdirSync(home);
  mkdirSync(bin);
  // A fake agent named like a real one, and `agentfw` on PATH as after a global install.
  writeFileSync(
    path.join(bin, 'claude'),
    '#!/bin/sh\necho "agent sees AGENTFW_CLIENT=${AGENTFW_CLIENT:+set}"\n',
  );
  chmodSync(path.join(bin, 'claude'), 0o755);
  writeFileSync(path.join(bin, 'agentfw'), `#!/bin/sh\nexec ${process.execPath} ${BIN} "$@"\n`);
  chmodSync(path.join(bin, 'agentfw'), 0o755);
  writeFileSync(path.join(home, '.bashrc'), '# my rc\nalias ll="ls -l"\n');
  env = { HOME: home, PATH: `${bin}:${process.env.PATH}`, AGENTFW_RUNTIME_DIR: path.join(root, 'rt') };
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const agentfw = (...args: string[]) => execa(BIN, args, { env, extendEnv: false, reject: false, cwd: home });

describe('agentfw init / uninstall', () => {
  it('init writes the config, the function and one rc line, and says how to check', async () => {
    const r = await agentfw('init', '--yes');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Agents found: claude');
    expect(r.stdout).toMatch(/type claude/);
    const cfg = path.join(home, '.config', 'agentfw', 'config.yaml');
    expect(readFileSync(cfg, 'utf8')).toMatch(/^# agentfw user config/);
    const rc = readFileSync(path.join(home, '.bashrc'), 'utf8');
    expect(rc.split('\n').filter((l) => l.includes('added by agentfw init'))).toHaveLength(1);
    // Twice is the same as once.
    await agentfw('init', '--yes');
    expect(readFileSync(path.join(home, '.bashrc'), 'utf8')).toBe(rc);
  });

  it('a new interactive shell runs the agent behind agentfw', async () => {
    const r = await execa('bash', ['-ic', 'type claude | head -1; claude'], {
      env,
      extendEnv: false,
      reject: false,
      cwd: home,
    });
    expect(r.stdout).toContain('claude is a function');
    expect(r.stdout).toContain('agent sees AGENTFW_CLIENT=set');
  });

  it('uninstall removes what init added and keeps the rest of the rc file', async () => {
    const r = await agentfw('uninstall');
    expect(r.exitCode).toBe(0);
    expect(readFileSync(path.join(home, '.bashrc'), 'utf8')).toBe('# my rc\nalias ll="ls -l"\n');
    expect(existsSync(path.join(home, '.config', 'agentfw', 'shell.sh'))).toBe(false);
    expect(existsSync(path.join(home, '.config', 'agentfw', 'config.yaml'))).toBe(false);
  });

  it('uninstall keeps a config the user edited', async () => {
    await agentfw('init', '--yes');
    const cfg = path.join(home, '.config', 'agentfw', 'config.yaml');
    writeFileSync(cfg, readFileSync(cfg, 'utf8') + 'disable: []\n');
    await agentfw('uninstall');
    expect(existsSync(cfg)).toBe(true);
  });
});
