/**
 * The guard shim directory: when the runtime dir (with the shims) vanishes, PATH must not
 * fall through to the real programs. A real gate (no watchdog here), its runtime dir
 * removed, then real processes started by name through the agent's PATH. Control: the
 * same PATH without the guard directory runs the real program unchecked.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Gate } from '../../src/supervisor/gate.js';
import { useGate, type Scratch } from '../gates/shim/gate-helpers.js';

let s: Scratch;
let gate: Gate;
useGate((t) => ({ s, gate } = t));

describe('guard shims after the runtime dir is gone', () => {
  it.each([
    ['bash', ['-c', 'touch "$MARK"']],
    ['sh', ['-c', 'touch "$MARK"']],
    ['curl', ['-s', '-o', '/dev/null', 'http://127.0.0.1:9/']],
  ])('%s by name is refused, not run unchecked', (prog, args) => {
    const mark = path.join(s.ws, `ran-${prog}`);
    expect(existsSync(gate.runtime.guardDir)).toBe(true);
    // The gate may still be writing into its runtime dir (a cache filled in the background);
    // retry the removal as `rm -rf` would be retried by hand, instead of failing on ENOTEMPTY.
    rmSync(gate.runtime.dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    const env: Record<string, string> = { ...gate.agentEnv, MARK: mark };
    const r = spawnSync(prog, args, { env, encoding: 'utf8' });
    expect(r.status).toBe(126);
    expect(r.stderr).toContain('fail closed');
    expect(existsSync(mark)).toBe(false);
    // Control: without the guard on PATH the real program runs.
    const bare = {
      ...env,
      PATH: env.PATH.split(':')
        .filter((d) => d !== gate.runtime.guardDir)
        .join(':'),
    };
    if (prog !== 'curl') {
      const c = spawnSync(prog, args, { env: bare, encoding: 'utf8' });
      expect(c.status).toBe(0);
      expect(existsSync(mark)).toBe(true);
    }
  });
});
