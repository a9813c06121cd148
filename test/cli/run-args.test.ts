/**
 * `agentfw run` refuses bad input before starting anything, with a code and a Fix line.
 * Through the real built CLI.
 */
import { execa } from 'execa';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'agentfw');

describe('agentfw run: bad input', () => {
  it.each([
    [[], /E_USAGE no agent command given/],
    [['--on-ask', 'maybe', '--', 'true'], /E_USAGE --on-ask must be deny or allow/],
    [['--approval-timeout', '0', '--', 'true'], /E_USAGE --approval-timeout must be/],
    [
      ['--no-sandbox', '--sandbox-rw', '/tmp', '--', 'true'],
      /E_USAGE --sandbox-rw has no effect with --no-sandbox/,
    ],
    [['--sandbox', '--no-sandbox', '--', 'true'], /E_USAGE --sandbox and --no-sandbox contradict/],
    [
      ['--', 'no-such-agent-xyz'],
      /E_AGENT_NOT_FOUND cannot run "no-such-agent-xyz": no such executable on PATH/,
    ],
    [['--', '/nonexistent/agent'], /E_AGENT_NOT_FOUND cannot run "\/nonexistent\/agent"/],
  ])('run --headless %j → exit 2 with a Fix', async (args, re) => {
    const r = await execa(BIN, ['run', '--headless', ...args], { reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(re);
    expect(r.stderr).toMatch(/\nFix: /);
  });
});
