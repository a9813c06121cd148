/**
 * The audit log's lock between processes (src/audit/lock.ts), with real processes: the
 * flock protocol (the addon) and the lock-file protocol (without it, and earlier builds)
 * exclude each other and themselves; a dead holder's flock is gone at once; a removed
 * `.flock` file is not locked in its old copy; a held lock ends in E_AUDIT_LOCK; inside the
 * sandbox the agent cannot hold it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nativeFlock } from '../../src/audit/flock.js';
import { LOCK_WAIT_MS, withFileLock } from '../../src/audit/lock.js';
import { AuditWriter, sessionRecord } from '../../src/audit/writer.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { auditRecords, cli, cliEnv, ensureBuilt } from '../e2e/run-helpers.js';
import { scratch } from '../gates/shim/gate-helpers.js';

const LOCK_JS = path.join(PACKAGE_ROOT, 'dist', 'audit', 'lock.js');

/**
 * A writer process: `rounds` times, under the lock (`proto`: flock, lockfile, or none = no
 * lock, the control), reads the log, waits 0.5 ms, and appends its line count. With mutual
 * exclusion line k reads k; two writers inside at once write the same number twice.
 */
const WRITER = `
import { appendFileSync, readFileSync, existsSync } from 'node:fs';
const [log, proto, rounds, startAt] = process.argv.slice(1);
const { withFileLock } = await import(${JSON.stringify(LOCK_JS)});
const { nativeFlock } = await import(${JSON.stringify(path.join(PACKAGE_ROOT, 'dist', 'audit', 'flock.js'))});
const pause = new Int32Array(new SharedArrayBuffer(4));
const step = () => {
  const n = existsSync(log) ? readFileSync(log, 'utf8').split('\\n').length - 1 : 0;
  Atomics.wait(pause, 0, 0, 0.5);
  appendFileSync(log, n + '\\n');
};
// Both writers start together (process starts differ by more than a whole run).
while (Date.now() < Number(startAt)) Atomics.wait(pause, 0, 0, 1);
for (let i = 0; i < Number(rounds); i++) {
  if (proto === 'none') step();
  else withFileLock(log, step, proto === 'flock' ? nativeFlock() : null);
}
`;

let dir: string | undefined;
beforeAll(() => ensureBuilt());
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
const fresh = (): string => (dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-lock-')));

function writers(log: string, protos: string[], rounds: number): Promise<number[]> {
  const startAt = String(Date.now() + 1500);
  return Promise.all(
    protos.map(
      (p) =>
        new Promise<number>((resolve) => {
          const c = spawn(
            process.execPath,
            ['--input-type=module', '-e', WRITER, log, p, String(rounds), startAt],
            {
              stdio: 'inherit',
            },
          );
          c.on('close', (code) => resolve(code ?? -1));
        }),
    ),
  );
}

/** Lines whose number is not their index: each is a record written beside another. */
function overlaps(log: string): number {
  const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
  return lines.filter((l, i) => Number(l) !== i).length;
}

describe('audit lock between processes', () => {
  it('the addon is built (the flock protocol is what runs)', () => {
    expect(nativeFlock()).not.toBeNull();
  });

  it.each([
    { protos: ['none', 'none'], clash: true },
    { protos: ['flock', 'flock'], clash: false },
    { protos: ['flock', 'lockfile'], clash: false },
    { protos: ['lockfile', 'lockfile'], clash: false },
  ])('writers $protos: records written beside another: $clash', async ({ protos, clash }) => {
    const log = path.join(fresh(), 'audit.log');
    expect(await writers(log, protos, 150)).toEqual([0, 0]);
    expect(readFileSync(log, 'utf8').trimEnd().split('\n')).toHaveLength(300);
    // The control (no lock) shows the check can see two writers inside at once.
    if (clash) expect(overlaps(log)).toBeGreaterThan(0);
    else expect(overlaps(log)).toBe(0);
  });

  it.each([
    { proto: 'flock', how: 'a flock on <log>.flock' },
    { proto: 'lockfile', how: 'a flock on <log>.flock' },
    { proto: 'flock', how: '<log>.lock of a live process' },
  ])('$proto waits for $how, then fails closed with E_AUDIT_LOCK', async ({ proto, how }) => {
    const log = path.join(fresh(), 'audit.log');
    const holder = how.startsWith('a flock')
      ? spawn('flock', ['-x', '-o', log + '.flock', 'sleep', '30'], { stdio: 'ignore' })
      : spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      if (how.startsWith('a flock')) {
        for (let i = 0; i < 100 && !readFileSync('/proc/locks', 'utf8').includes(`FLOCK`); i++)
          await new Promise((r) => setTimeout(r, 20));
        await new Promise((r) => setTimeout(r, 100));
      } else writeFileSync(log + '.lock', String(holder.pid));
      const t0 = Date.now();
      let ran = false;
      expect(() => withFileLock(log, () => (ran = true), proto === 'flock' ? nativeFlock() : null)).toThrow(
        expect.objectContaining({ code: 'E_AUDIT_LOCK' }),
      );
      expect(ran).toBe(false);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(LOCK_WAIT_MS);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it.each(['flock', 'lockfile'])(
    '%s: an empty <log>.lock (its owner between creating it and writing its pid) is waited for, and taken over only once it stayed empty',
    (proto) => {
      const log = path.join(fresh(), 'audit.log');
      writeFileSync(log + '.lock', '');
      const t0 = Date.now();
      expect(withFileLock(log, () => 'in', proto === 'flock' ? nativeFlock() : null)).toBe('in');
      // Taken over as one whose owner died there (1 s), well before the lock's own deadline.
      expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
      expect(Date.now() - t0).toBeLessThan(LOCK_WAIT_MS);
    },
  );

  it("a killed holder's flock is gone at once (no stale lock to wait out)", async () => {
    const log = path.join(fresh(), 'audit.log');
    const holder = spawn('flock', ['-x', '-o', log + '.flock', 'sleep', '30'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 300));
    // Control: held now.
    expect(spawnSync('flock', ['-n', log + '.flock', 'true']).status).not.toBe(0);
    holder.kill('SIGKILL');
    await new Promise((r) => holder.on('close', r));
    const t0 = Date.now();
    expect(withFileLock(log, () => 'in', nativeFlock())).toBe('in');
    expect(Date.now() - t0).toBeLessThan(500);
  });

  it('a .flock file removed and made anew is locked anew (not the removed copy)', async () => {
    const log = path.join(fresh(), 'audit.log');
    expect(withFileLock(log, () => 1, nativeFlock())).toBe(1); // opens and keeps <log>.flock
    rmSync(log + '.flock');
    expect(existsSync(log + '.flock')).toBe(false);
    // Another process makes a new one and holds it for 0.6 s.
    const holder = spawn('flock', ['-x', log + '.flock', 'sleep', '0.6'], { stdio: 'ignore' });
    for (let i = 0; i < 100 && !existsSync(log + '.flock'); i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    withFileLock(log, () => undefined, nativeFlock());
    // Held by the other process until it ended: this call waited for it.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    holder.kill('SIGKILL');
  });
});

const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;
describe.skipIf(!HAS_BWRAP)('the audit lock inside the sandbox', () => {
  it('an agent holding <log>.flock stops nothing: the sandbox shows it /dev/null (control: the real file would)', async () => {
    const s = scratch();
    try {
      const log = path.join(s.home, '.agentfw', 'audit.jsonl');
      // Control, without agentfw: a process holding the real <log>.flock stops the writer.
      const w = AuditWriter.open(log, 'control', null);
      w.append(sessionRecord('control')); // makes <log>.flock, as a session's start record does
      const held = spawn('flock', ['-x', '-o', log + '.flock', 'sleep', '30'], { stdio: 'ignore' });
      try {
        await new Promise((r) => setTimeout(r, 300));
        expect(() => w.append(sessionRecord('blocked'))).toThrow(/lock/);
      } finally {
        held.kill('SIGKILL');
        w.close();
      }
      // The agent takes the same lock (flock(1) by PATH, judged and allowed), then runs a gated command.
      const agent = `const { spawn, spawnSync } = require('child_process');
const h = spawn('flock', ['-x', ${JSON.stringify(log + '.flock')}, 'sleep', '30'], { stdio: 'ignore' });
setTimeout(() => {
  const r = spawnSync('bash', ['-c', 'echo gated-ok'], { encoding: 'utf8' });
  process.stdout.write('R:' + r.status + ':' + r.stdout);
  h.kill('SIGKILL');
}, 800);`;
      const r = await cli(['run', '--headless', '--', process.execPath, '-e', agent], {
        env: cliEnv(s),
        cwd: s.ws,
      });
      expect(r.stdout).toContain('R:0:gated-ok');
      expect(r.code).toBe(0);
      expect(auditRecords(log).some((x) => x.command.includes('echo gated-ok'))).toBe(true);
    } finally {
      s.cleanup();
    }
  }, 120_000);
});
