/**
 * The audit of one `python3` call through a pyenv shim (a faithful copy): one record for
 * the judged real command, one for the manager's first internal script (saying the rest
 * are summarised), and, once that run has ended, one summary record with the number of
 * internal scripts passed under the trusted manager — not one record per internal script.
 * The summary is there also when the call is the last thing the agent does (the session
 * writes what is left when it ends).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { installFakePyenv } from './fake-pyenv.js';
import { cli, cliEnv, ensureBuilt } from './run-helpers.js';

let s: Scratch;
let shims: string;
beforeAll(() => {
  ensureBuilt();
  s = scratch();
  shims = installFakePyenv(path.join(s.home, '.pyenv'));
});
afterAll(() => s?.cleanup());

interface Rec {
  layer: string;
  command: string;
  decision: string;
  reason: string;
}

const CASES: [string, string][] = [
  // A later request is when an ended run's summary is written during the session...
  ['with a later command', `python3 -c 'print(6*7)'; bash -c true`],
  // ...and the session's end, when the call was the agent's last.
  ['as the last thing the agent does', `python3 -c 'print(6*7)'`],
];

describe('pyenv internals in the audit', () => {
  it.each(CASES)(
    'one python3 call %s: the real command, the first internal script, one summary with the count',
    async (_n, script) => {
      const audit = path.join(s.root, `audit-${_n.replace(/\W+/g, '-')}.jsonl`);
      const env = cliEnv(s, { PATH: `${shims}:${process.env.PATH}` });
      const r = await cli(
        ['run', '--headless', '--on-ask', 'deny', '--audit', audit, '--', 'bash', '-c', script],
        { env, cwd: s.ws },
      );
      expect(r.stdout).toContain('42');
      const recs = readFileSync(audit, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Rec)
        .filter((x) => x.command !== undefined);
      const internal = recs.filter((x) => x.reason.includes('internal script of the trusted manager'));
      const summary = recs.filter((x) =>
        /internal scripts of .*passed under the trusted manager/.test(x.reason),
      );
      // The shim's record is the real command (as the tool it runs), judged once.
      const real = recs.filter((x) => x.layer === 'shell' && /^python3 -c print/.test(x.command));
      expect(real.map((x) => x.decision)).toEqual(['allow', 'allow']); // the call, and the summary
      expect(internal.length).toBe(1);
      expect(summary.length).toBe(1);
      const n = Number(/^(\d+) internal scripts/.exec(summary[0].reason)?.[1]);
      expect(n).toBeGreaterThan(1);
      expect(summary[0].command).toBe(real[0].command);
    },
  );
});
