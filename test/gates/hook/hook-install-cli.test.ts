/**
 * `agentfw hook install` through the real built CLI loads the rules once, so the
 * examples' recorded pass is in the user's cache before the daemon's first start (which
 * then skips running them), and writes the agent's hook.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from '../../e2e/run-helpers.js';

const home = mkdtempSync(path.join(os.tmpdir(), 'afw-hookinst-'));
const cache = path.join(home, 'cache');
beforeAll(() => ensureBuilt());
afterAll(() => rmSync(home, { recursive: true, force: true }));

const examples = () =>
  existsSync(path.join(cache, 'agentfw'))
    ? readdirSync(path.join(cache, 'agentfw')).filter((f) => f.startsWith('examples-'))
    : [];

describe('agentfw hook install', () => {
  it('fills the example cache and writes the hook', async () => {
    expect(examples()).toEqual([]);
    const r = await execa(process.execPath, [BIN, 'hook', 'install', 'claude-code'], {
      reject: false,
      env: { HOME: home, XDG_CACHE_HOME: cache, PATH: process.env.PATH ?? '' },
      extendEnv: false,
    });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/running `agentfw run` session/);
    expect(examples()).toHaveLength(1);
    expect(readFileSync(path.join(home, '.claude', 'settings.json'), 'utf8')).toContain('agentfw-hook');
  });
});
