/**
 * Summary records of a trusted manager's run (pyenv, …): a run that passed internal scripts
 * is drained once it has ended; at the session's end (`drainEnded(true)`) also while its
 * process is still there, so the record is never lost. Each run is drained once.
 * Real processes: a `sleep` stands in for the shim run's process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ApprovedMemory } from '../../src/supervisor/approved.js';

/** A manager's folder whose internal scripts are real `#!` files older than the session. */
const ROOT = mkdtempSync(path.join(os.tmpdir(), 'agentfw-manager-')) + '/';
mkdirSync(path.join(ROOT, 'libexec'));
for (let i = 0; i < 4; i++)
  writeFileSync(path.join(ROOT, 'libexec', `step-${i}`), '#!/bin/sh\n', { mode: 0o755 });
/** The session started after those files were written. */
const SESSION_START = Date.now() + 1000;
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/** A memory trusting a manager run of a live process that ran `scripts` internal scripts. */
function runWith(scripts: number): { mem: ApprovedMemory; pid: number } {
  child = spawn('sleep', ['30'], { stdio: 'ignore' });
  const pid = child.pid!;
  const mem = new ApprovedMemory(() => []);
  mem.trustManager(ROOT, pid, 'policy', 'python3 -c x', SESSION_START);
  for (let i = 0; i < scripts; i++)
    mem.countInternal({ layer: 'shell', argv: ['bash', `${ROOT}libexec/step-${i}`], cwd: '/', pid });
  return { mem, pid };
}

const exited = (c: ChildProcess) => new Promise((r) => c.once('exit', r));

describe.skipIf(process.platform !== 'linux')('manager run summaries', () => {
  it.each<[string, number, boolean, number[]]>([
    ['a live run is not drained during the session', 3, false, []],
    ['a live run is drained at the session end', 3, true, [3]],
    ['a run with one internal script has nothing to summarise', 1, true, []],
  ])('%s', (_n, scripts, atEnd, want) => {
    const { mem } = runWith(scripts);
    expect(mem.drainEnded(atEnd).map((e) => e.passed)).toEqual(want);
  });

  it('a live run drained at the session end is drained once', () => {
    const { mem } = runWith(2);
    expect(mem.drainEnded().map((e) => e.passed)).toEqual([]);
    expect(mem.drainEnded(true).map((e) => e.passed)).toEqual([2]);
    expect(mem.drainEnded(true)).toEqual([]);
  });

  it('an ended run is drained once, with its command and approver', async () => {
    const { mem } = runWith(4);
    const c = child!;
    c.kill('SIGKILL');
    await exited(c);
    expect(mem.drainEnded()).toEqual([
      { root: ROOT, approver: 'policy', command: 'python3 -c x', passed: 4 },
    ]);
    expect(mem.drainEnded(true)).toEqual([]);
  });
});
