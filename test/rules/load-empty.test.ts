/**
 * A `--ruleset` folder with no ruleset file in it is an error with a Fix line, for both
 * `agentfw check` and `agentfw run` (real CLI processes), never a silent load of nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliEnv, ensureBuilt } from '../e2e/run-helpers.js';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';

let s: Scratch;
beforeAll(() => ensureBuilt());
afterEach(() => s?.cleanup());

describe('an empty --ruleset folder', () => {
  it.each([
    ['check', (dir: string) => ['check', '--ruleset', dir, '--', 'ls']],
    ['run', (dir: string) => ['run', '--headless', '--ruleset', dir, '--', 'true']],
  ])('%s stops with E_RULESET_EMPTY and a Fix', async (_n, args) => {
    s = scratch();
    const dir = path.join(s.root, 'rules');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'README.md'), 'not a ruleset\n');
    const r = await cli(args(dir), { env: cliEnv(s), cwd: s.ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_RULESET_EMPTY');
    expect(r.stderr).toContain('Fix:');
  });
});
