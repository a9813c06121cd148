/** `agentfw doctor` runs real probes and reports what is and is not covered, truthfully. */
import { describe, expect, it } from 'vitest';
import { scratch } from '../gates/shim/gate-helpers.js';
import { cli, cliEnv, ensureBuilt } from './run-helpers.js';

describe('agentfw doctor', () => {
  it('covers every claimed path and names the gaps', async () => {
    ensureBuilt();
    const s = scratch();
    try {
      const r = await cli(['doctor', '--', 'codex'], { env: cliEnv(s), cwd: s.ws, timeoutMs: 90_000 });
      const row = (name: string) => r.stdout.split('\n').find((l) => l.startsWith(name)) ?? '';
      for (const name of [
        '$SHELL -c',
        'bash -c (PATH lookup)',
        'sh -c (PATH lookup)',
        '/bin/bash -c (absolute path)',
        '/bin/bash -lc, PATH replaced (Codex)',
        'bash fed over a pipe',
        'curl (PATH lookup)',
        'eval "$(… | base64 -d)" in /bin/sh',
      ])
        expect(row(name)).toMatch(/\bcovered\b/);
      expect(row('/usr/bin/curl (absolute path, no shell)')).toContain('not covered');
      expect(r.stdout).toContain('Codex ignores SHELL');
      expect(r.stdout).toContain('OK: every path agentfw claims to cover is covered here.');
      expect(r.code).toBe(0);
    } finally {
      s.cleanup();
    }
  });
});
