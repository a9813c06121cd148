/**
 * TIOCSTI (typing bytes into a terminal's input queue; with CAP_SYS_ADMIN, into any
 * terminal, such as the human's, where approvals are typed) is refused in the agent's whole
 * tree by the exec gate's seccomp filter, with and without bwrap. A real pty, a real ioctl.
 * Control: the same program without agentfw succeeds.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { cli, cliEnv, ensureBuilt } from '../e2e/run-helpers.js';

const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tiocsti.py');
const legacy = (() => {
  try {
    return readFileSync('/proc/sys/dev/tty/legacy_tiocsti', 'utf8').trim() === '1';
  } catch {
    return process.platform === 'linux';
  }
})();
const READY =
  process.platform === 'linux' && existsSync('/usr/bin/python3') && (legacy || process.getuid?.() === 0);
if (!READY)
  console.log('TIOCSTI test skipped: the kernel refuses TIOCSTI already (dev.tty.legacy_tiocsti=0)');

let s: Scratch;
beforeAll(() => {
  ensureBuilt();
  s = scratch();
});
afterAll(() => s?.cleanup());

describe.skipIf(!READY)('TIOCSTI in the agent tree', () => {
  it('control: without agentfw the ioctl works', async () => {
    const r = await run('/usr/bin/python3', [PROBE], { env: cliEnv(s), cwd: s.ws });
    expect(r.stdout).toContain('tiocsti-ok');
  });

  it.each([[[]], [['--no-sandbox']]])('under agentfw run %j: EPERM', async (flags) => {
    const r = await cli(['run', ...flags, '--headless', '--', '/usr/bin/python3', PROBE], {
      env: cliEnv(s),
      cwd: s.ws,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tiocsti-1');
    expect(r.stdout).not.toContain('tiocsti-ok');
  });
});
