/**
 * The approval memory: what an earlier human approval covers. Real parse + normalize,
 * real /proc process tree (this test process stands in for the approved script).
 */
import { describe, expect, it } from 'vitest';
import { ApprovedMemory } from '../../src/supervisor/approved.js';
import { commandsOf } from '../../src/supervisor/commands-of.js';

const CWD = '/home/dev/project';
const memory = () => new ApprovedMemory((script, cwd) => commandsOf(script, cwd, CWD));
const tool = (argv: string[]) => ({ layer: 'tool' as const, argv, cwd: CWD, pid: process.pid });
const shell = (script: string) => ({
  layer: 'shell' as const,
  argv: ['bash', '-c', script],
  script,
  cwd: CWD,
  pid: process.pid,
});

describe('ApprovedMemory', () => {
  it.each([
    [
      "once: the approved script's own tool call, with its variable expanded",
      'once',
      'rm -rf "$BUILD"',
      tool(['rm', '-rf', '/home/dev/project/build']),
      'tui',
    ],
    [
      'once: a different program is not covered',
      'once',
      'rm -rf "$BUILD"',
      tool(['curl', '-X', 'DELETE', 'https://x']),
      undefined,
    ],
    [
      'session: the same script again is covered',
      'session',
      'rm -rf "$BUILD"',
      shell('rm -rf "$BUILD"'),
      'tui',
    ],
    [
      'session: never a pattern — a variable does not match any value',
      'session',
      'rm -rf "$BUILD"',
      tool(['rm', '-rf', '/home/dev/projects']),
      undefined,
    ],
    [
      'session: another script with a literal path is not covered',
      'session',
      'rm -rf "$BUILD"',
      shell('rm -rf ~/projects'),
      undefined,
    ],
    [
      'session: the exact literal command is covered',
      'session',
      'rm -rf build',
      tool(['rm', '-rf', 'build']),
      'tui',
    ],
  ] as const)('%s', (_name, scope, approved, req, want) => {
    const m = memory();
    m.remember(approved, CWD, { pid: process.pid, approver: 'tui', scope });
    expect(m.coveredBy(req)).toBe(want);
  });
});
