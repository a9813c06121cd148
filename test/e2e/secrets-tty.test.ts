/**
 * Output masking keeps terminal behaviour: `agentfw run --headless` on a real PTY, whose
 * agent runs gated commands on that terminal. A relayed command still sees a terminal on
 * stdout and stderr (with the agent's window size), its output is masked, and a prompt
 * shows before the agent types the answer. Planted values never appear.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { cliEnv, cliPty, ensureBuilt } from './run-helpers.js';
import { leaks, plantWorkspace, type PlantedWorkspace } from './secrets-workspace.js';

let s: Scratch;
let planted: PlantedWorkspace;
beforeAll(() => {
  ensureBuilt();
  s = scratch();
  planted = plantWorkspace(s.ws);
});
afterAll(() => s?.cleanup());

describe('agentfw run on a PTY: relayed commands keep their terminal', () => {
  it("isatty(1) and isatty(2) hold, the size is the agent's, and secrets are masked", async () => {
    // The agent is a gated bash on agentfw's PTY; each inner `bash -c` is relayed again.
    const script = [
      `bash -c '[ -t 1 ] && echo stdout-is-a-tty || echo stdout-not-a-tty'`,
      `bash -c '[ -t 2 ] && echo stderr-is-a-tty >&2 || echo stderr-not-a-tty >&2'`,
      `bash -c 'stty size <&1'`,
      `bash -c 'cat .env config/domains.json; printenv GITHUB_TOKEN'`,
    ].join('; ');
    const r = await cliPty(
      ['run', '--headless', '--audit', path.join(s.root, 'tty.jsonl'), '--', 'bash', '-c', script],
      {
        env: cliEnv(s, planted.env),
        cwd: s.ws,
        timeoutMs: 60_000,
      },
    );
    expect(r.code).toBe(0);
    expect(r.output).toContain('stdout-is-a-tty');
    expect(r.output).toContain('stderr-is-a-tty');
    expect(r.output).toContain('40 120'); // cliPty's rows and columns
    expect(r.output).toContain('STRIPE_SECRET_KEY=agentfw:masked:');
    expect(r.output).toContain('agentfw:masked:GITHUB_TOKEN');
    expect(leaks(r.output, planted.values)).toEqual([]);
  });
});
