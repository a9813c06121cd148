/** `agentfw demo --tty` draws the approval dialog with the typed volume id; --json and no flag do not. */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { cli, ensureBuilt } from './run-helpers.js';

const env = (): Record<string, string> =>
  Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));

describe('agentfw demo --tty', () => {
  it('shows the dialog asking for the volume id and the id typed', async () => {
    ensureBuilt();
    const r = await cli(['demo', '--tty'], { env: { ...env(), NO_COLOR: '1' }, cwd: os.tmpdir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('To allow, you will type: vol-prod-7f3a2c');
    expect(r.stdout).toMatch(/│ > vol-prod-7f3a2c_ +│/);
    expect(r.stdout).toContain('the dialog settles: allow (once) by the scripted human');
    const plain = await cli(['demo'], { env: env(), cwd: os.tmpdir() });
    expect(plain.stdout).not.toContain('Approval needed');
  }, 120_000);
});
