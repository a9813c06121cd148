/**
 * Audit records under faults, with real `agentfw run` sessions: a full disk (here a file
 * size limit, which gives the same short write then EFBIG) refuses the command and stops
 * the session; a log renamed or deleted mid-session is reopened with a record saying so;
 * two sessions sharing one log keep one linear chain; a deleted `.head` is reported.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditFile } from '../../src/audit/verify.js';
import { auditWriteFix } from '../../src/audit/write-error.js';
import { AuditWriter } from '../../src/audit/writer.js';
import {
  BIN,
  auditRecords,
  cli,
  cliEnv,
  ensureBuilt,
  headless,
  headlessArgs,
  nodeAgent,
  sessionFileLimitKb,
  writeAgent,
} from '../e2e/run-helpers.js';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';

let s: Scratch;
beforeAll(() => ensureBuilt());
afterEach(() => s?.cleanup());

/** An agent running `cmds` through bash one by one, recording exit codes in `out`. */
function agent(out: string, cmds: string[], between = ''): string {
  return writeAgent(
    s,
    `import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
const res = [];
for (const c of ${JSON.stringify(cmds)}) {
  const r = spawnSync('bash', ['-c', c], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  res.push({ code: r.status, stderr: r.stderr });
  writeFileSync(${JSON.stringify(out)}, JSON.stringify(res));
  ${between}
}`,
  );
}

/** The session's run with the scratch's audit log, no sandbox. */
const SESSION = () => ({ sandbox: false, audit: s.audit });

describe('audit under faults', () => {
  it('a short write (disk full) refuses the command and stops the session', async () => {
    s = scratch();
    // Fill the log with valid records up to 1600 bytes below the file size limit: room for
    // the session's start record (≈800 bytes), none for the first command's (≈2,400). The
    // limit is above every other file the session writes (the egress proxy's CA bundle
    // holds the system's trust store), so the audit log is the first to hit it.
    const LIMIT_KB = sessionFileLimitKb();
    const w = AuditWriter.open(s.audit, 'earlier');
    while (statSync(s.audit).size < LIMIT_KB * 1024 - 1600)
      w.append({
        layer: 'tool',
        cwd: '/',
        command: 'x'.repeat(100),
        decision: 'allow',
        verdict: 'allow',
        rules: [],
        approver: 'policy',
        reason: 'r',
      });
    w.close();
    const out = path.join(s.root, 'out.json');
    const mark = path.join(s.ws, 'ran.txt');
    const mark1 = path.join(s.ws, 'ran1.txt');
    const a = agent(out, [`touch ${mark1} # one-${'y'.repeat(1500)}`, `touch ${mark}`]);
    // bash sets the limit; Node itself ignores SIGXFSZ, so write(2) returns short, then EFBIG.
    const sh = spawn(
      '/bin/bash',
      [
        '-c',
        `ulimit -f ${LIMIT_KB}; exec "$0" "$@"`,
        process.execPath,
        BIN,
        ...headlessArgs(nodeAgent(a), SESSION()),
      ],
      { env: cliEnv(s), cwd: s.ws, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    sh.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((res) => sh.on('exit', (c) => res(c)));
    // The agent is stopped at once; the command whose record failed never ran, nor any after it.
    expect(existsSync(mark1)).toBe(false);
    expect(existsSync(mark)).toBe(false);
    expect(stderr).toContain('E_AUDIT_WRITE');
    // mid-session: the start record got in, the first command's did not, and the agent was stopped
    const lines = readFileSync(s.audit, 'utf8').split('\n');
    expect(lines.some((l) => l.includes('"layer":"session"') && l.includes('session started'))).toBe(true);
    expect(stderr).toContain('so the agent was stopped');
    // the one Fix line of E_AUDIT_WRITE (src/audit/write-error.ts), as at a session's start
    expect(stderr).toContain(`\nFix: ${auditWriteFix(s.audit)}`);
    const first = readFileSync(s.audit, 'utf8')
      .split('\n')
      .find((l) => l.includes('one-yyy'));
    expect(first === undefined || !first.endsWith('}')).toBe(true); // never a whole "allow" record
    expect(code).not.toBe(0);
  });

  it.each([
    ['renamed (logrotate)', (f: string) => renameSync(f, f + '.1')],
    ['deleted', (f: string) => rmSync(f)],
  ])('a log %s mid-session is reopened, with a record saying so', async (how, act) => {
    s = scratch();
    const out = path.join(s.root, 'out.json');
    const flag = path.join(s.root, 'moved');
    // The agent waits for the test to move the log after the first command.
    const a = agent(
      out,
      ['echo first', 'echo second'],
      `while (!(await import('node:fs')).existsSync(${JSON.stringify(flag)})) await new Promise((r) => setTimeout(r, 50));`,
    );
    const run = headless(s, nodeAgent(a), SESSION());
    for (let i = 0; i < 600 && !existsSync(out); i++) await new Promise((r) => setTimeout(r, 50));
    act(s.audit);
    writeFileSync(flag, '');
    const r = await run;
    expect(r.code).toBe(0);
    const recs = auditRecords(s.audit);
    expect(recs[0]).toMatchObject({ layer: 'session' });
    expect(recs[0].reason).toContain(how.split(' ')[0]);
    expect(recs.some((x) => x.command.includes('echo second'))).toBe(true);
    expect(verifyAuditFile(s.audit)).toMatchObject({ ok: true });
  });

  it('two sessions sharing one log keep a single linear chain', async () => {
    s = scratch();
    const cmds = Array.from({ length: 40 }, (_, i) => `echo n-${i}`);
    const runs = [0, 1].map((k) =>
      headless(s, nodeAgent(agent(path.join(s.root, `o${k}.json`), cmds)), SESSION()),
    );
    for (const r of await Promise.all(runs)) expect(r.code).toBe(0);
    expect(auditRecords(s.audit).length).toBeGreaterThanOrEqual(80);
    expect(verifyAuditFile(s.audit)).toMatchObject({ ok: true });
  });

  it('a deleted .head is reported by verify', async () => {
    s = scratch();
    const r = await headless(s, nodeAgent(agent(path.join(s.root, 'o.json'), ['echo a'])), SESSION());
    expect(r.code).toBe(0);
    expect(verifyAuditFile(s.audit)).toMatchObject({ ok: true });
    rmSync(s.audit + '.head');
    const v = await cli(['log', '--verify', '--audit', s.audit], { env: cliEnv(s), cwd: s.ws });
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('head file');
  });
});
