/**
 * The agent's PTY: no output is lost at exit (node-pty drops the tail without the held
 * slave fd), exit codes and signals come back as the session's exit code.
 */
import { describe, expect, it } from 'vitest';
import { spawnAgent } from '../../src/supervisor/pty.js';

function runIn(script: string): Promise<{ out: string; code: number }> {
  const a = spawnAgent({
    file: '/bin/sh',
    args: ['-c', script],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'dumb' },
    cwd: '/',
    cols: 80,
    rows: 24,
  });
  let out = '';
  a.terminal.onData((d) => (out += d));
  return a.exited.then((code) => ({ out, code }));
}

describe('agent pty', () => {
  it.each([1, 2, 3, 4, 5])('delivers all of 200 KB printed right before exit (run %i)', async () => {
    const n = 200 * 1024;
    const { out, code } = await runIn(
      `stty -echo -onlcr; head -c ${n} /dev/zero | tr '\\0' x; printf END; exit 0`,
    );
    expect(code).toBe(0);
    expect(out.length).toBe(n + 3);
    expect(out.endsWith('xEND')).toBe(true);
  });

  it.each([
    ['exit 0', 0],
    ['exit 7', 7],
    ['exit 126', 126],
    ['kill -TERM $$', 128 + 15],
    ['kill -KILL $$', 128 + 9],
  ])('`%s` gives exit code %i', async (script, want) => {
    expect((await runIn(script)).code).toBe(want);
  });

  it('passes keystrokes through: Ctrl-C reaches the agent as SIGINT', async () => {
    const a = spawnAgent({
      file: '/bin/bash',
      args: ['--norc', '-c', 'trap "echo got-int; exit 5" INT; echo ready; while :; do sleep 0.05; done'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'dumb' },
      cwd: '/',
      cols: 80,
      rows: 24,
    });
    let out = '';
    a.terminal.onData((d) => {
      out += d;
      if (d.includes('ready')) a.terminal.write('\x03');
    });
    expect(await a.exited).toBe(5);
    expect(out).toContain('got-int');
  });
});
