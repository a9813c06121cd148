/**
 * An audit log that cannot take a session's start record ends `agentfw run` before the agent
 * starts, with E_AUDIT_WRITE and its Fix line, and the process exits on its own. The
 * regression: without the sandbox the error was printed, then the session hung for good on
 * the gate it had already started (sockets, egress proxy, analysis workers), and under the
 * default sandbox there was no start record at all, so the agent command ran unrecorded.
 *
 * Each case is one real `agentfw run` under a file size limit (`ulimit -f`, set by bash,
 * then exec): a log filled to 10 bytes below the limit has no room for the start record
 * (the write is short, then EFBIG). The limit is above every other file the session writes
 * (sessionFileLimitKb). Control: the same session
 * under the same limit with an empty log runs the agent and records its start.
 * A hang shows as the run timing out (the test fails), not as a measured duration.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditWriteFix } from '../../src/audit/write-error.js';
import { run, scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import {
  BIN,
  auditRecords,
  cliEnv,
  ensureBuilt,
  headlessArgs,
  sessionFileLimitKb,
} from '../e2e/run-helpers.js';

const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;
if (!HAS_BWRAP)
  console.log('default-sandbox cases skipped: bwrap is not installed (apt-get install -y bubblewrap)');

let s: Scratch;
beforeAll(() => ensureBuilt());
afterEach(() => s?.cleanup());

/** File size limit of the session, in KiB (set once the build has run). */
let LIMIT_KB = 0;
beforeAll(() => {
  LIMIT_KB = sessionFileLimitKb();
});

/** `agentfw run --headless [--no-sandbox] --audit LOG -- COMMAND` under `ulimit -f LIMIT_KB`, in the workspace. */
function limitedRun(command: string[], sandbox: boolean) {
  const args = headlessArgs(command, { sandbox, audit: s.audit });
  return run(
    '/bin/bash',
    ['-c', `ulimit -f ${LIMIT_KB}; exec "$0" "$@"`, process.execPath, BIN, ...args],
    // A hang (the regression) rejects after this long: the test fails, it never waits forever.
    { env: cliEnv(s), cwd: s.ws, timeoutMs: 60_000 },
  );
}

/** The agent commands: the program itself, and a shell that runs it (both create `mark`). */
const COMMANDS: [string, string[]][] = [
  ['touch mark', ['touch', 'mark']],
  ["bash -c 'touch mark'", ['bash', '-c', 'touch mark']],
];
const MODES: [string, boolean][] = [
  ['--no-sandbox', false],
  ...(HAS_BWRAP ? ([['the default sandbox', true]] as [string, boolean][]) : []),
];
const CASES = MODES.flatMap(([mode, sandbox]) =>
  COMMANDS.map(([shown, command]) => ({ mode, sandbox, shown, command })),
);

describe('a log that cannot take the start record', () => {
  it.each(CASES)(
    '$mode, agent `$shown`: E_AUDIT_WRITE with a Fix line, exit 1, the agent never starts',
    async ({ sandbox, command }) => {
      s = scratch();
      const filler = 'x'.repeat(99) + '\n';
      const size = LIMIT_KB * 1024 - 10;
      const text = filler.repeat(Math.floor(size / filler.length));
      writeFileSync(s.audit, text + 'x'.repeat(size - text.length - 1) + '\n');
      expect(statSync(s.audit).size).toBe(size);
      const r = await limitedRun(command, sandbox);
      expect(r.stderr).toContain('agentfw: E_AUDIT_WRITE cannot write the audit log ' + s.audit);
      // the one Fix line of E_AUDIT_WRITE, as when a record fails mid-session (test/audit/faults.test.ts)
      expect(r.stderr).toContain(`\nFix: ${auditWriteFix(s.audit)}`);
      expect(r.code).toBe(1);
      expect(existsSync(path.join(s.ws, 'mark'))).toBe(false);
      // No whole record got in: at most the torn start of one, never a line that parses.
      const tail = readFileSync(s.audit, 'utf8').slice(size);
      expect(tail.length).toBeLessThanOrEqual(10);
      expect(tail).not.toContain('}');
    },
    90_000,
  );
});

describe('control: the same sessions with a log that has room', () => {
  it.each(CASES)(
    '$mode, agent `$shown`: the agent runs and the start record names its command',
    async ({ mode, sandbox, command }) => {
      s = scratch();
      writeFileSync(s.audit, '');
      const r = await limitedRun(command, sandbox);
      expect(r.stderr).not.toContain('E_AUDIT_WRITE');
      expect(r.code).toBe(0);
      expect(existsSync(path.join(s.ws, 'mark'))).toBe(true);
      const first = auditRecords(s.audit)[0];
      expect(first).toMatchObject({ layer: 'session', command: command.join(' '), decision: 'allow' });
      expect(first.reason).toContain(
        sandbox ? 'session started in the OS sandbox' : `session started without the OS sandbox (${mode})`,
      );
    },
    90_000,
  );
});
