/**
 * A stopped (SIGSTOP) supervisor: connect() still succeeds into the listen backlog, so
 * without a keep-alive the client waited the whole approval time (330 s) per command.
 * Now the broker says `WAIT` at once and the client refuses after a few seconds of
 * silence. After SIGCONT the audit log must say what really happened: the command was
 * refused (it did not run), never `allow`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, headless, nodeAgent, writeAgent } from '../e2e/run-helpers.js';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';

let s: Scratch;
beforeAll(() => ensureBuilt());
afterEach(() => s?.cleanup());

// Stops its supervisor, runs two harmless commands (C client through bash, and the
// BASH_ENV path), resumes the supervisor, runs one more, and records everything.
const AGENT = (out: string, mark: string) => `
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
let pid = process.ppid;
for (let i = 0; i < 10 && pid > 1; i++) {
  if (readFileSync('/proc/' + pid + '/cmdline', 'utf8').includes('bin/agentfw')) break;
  pid = Number(readFileSync('/proc/' + pid + '/stat', 'utf8').split(') ')[1].split(' ')[1]);
}
const run = (f, a) => {
  const r = spawnSync(f, a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
process.kill(pid, 'SIGSTOP');
const stopped = [run('bash', ['-c', 'echo stopped-1 > ${mark}']), run('/bin/bash', ['-c', 'echo stopped-2 >> ${mark}'])];
process.kill(pid, 'SIGCONT');
const after = run('bash', ['-c', 'echo resumed-$((40+2))']);
writeFileSync(${JSON.stringify(out)}, JSON.stringify({ stopped, after }));
`;

describe('a stopped supervisor', () => {
  it('costs seconds per command, not the approval time, and the log does not say allow', async () => {
    s = scratch();
    const out = path.join(s.root, 'out.json');
    const mark = path.join(s.ws, 'ran.txt');
    const agent = writeAgent(s, AGENT(out, mark));
    // Without the keep-alive each stopped command waits 330 s: this test would time out.
    const r = await headless(s, nodeAgent(agent), { sandbox: false, audit: s.audit, timeoutMs: 60_000 });
    expect(r.code).toBe(0);
    const res = JSON.parse(readFileSync(out, 'utf8')) as {
      stopped: { code: number; stderr: string }[];
      after: { code: number; stdout: string };
    };
    for (const c of res.stopped) {
      // Refused by the gate client (126, its message) or, before it, by the exec gate, which
      // also refuses after the same silence (the spawn fails: no exit status).
      expect([126, null]).toContain(c.code);
      if (c.code === 126) expect(c.stderr).toContain('stopped or hung');
    }
    expect(() => readFileSync(mark)).toThrow();
    expect(res.after).toMatchObject({ code: 0, stdout: 'resumed-42\n' });
    const recs = readFileSync(s.audit, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { command: string; decision: string; reason: string });
    const stoppedRecs = recs.filter((x) => x.command.includes('stopped-'));
    expect(stoppedRecs.length).toBeGreaterThan(0);
    for (const x of stoppedRecs) {
      expect(x.decision).toBe('deny');
      expect(x.reason).toContain('stopped waiting');
    }
    expect(recs.find((x) => x.command.includes('resumed-'))?.decision).toBe('allow');
  }, 90_000);
});
