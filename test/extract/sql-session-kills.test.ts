import { command } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import { parsePtKill } from '../../src/extract/sql-session-kills.js';

const read = (argv: string[]) => {
  const ops = parsePtKill(command(argv));
  return ops && { target: ops.target, stmts: ops.stmts.map((s) => [s.statement, s.object]) };
};

describe('pt-kill: every session or query of a server killed', () => {
  it.each<[string[], { target: string; stmts: string[][] } | undefined]>([
    [
      ['pt-kill', '--host', 'db1.prod', '--match-all', '--victims', 'all', '--kill', '--run-time', '1m'],
      { target: 'db1.prod', stmts: [['KILL', 'SESSIONS']] },
    ],
    [
      ['pt-kill', 'h=db2,u=root', '--match-all', '--kill-query'],
      { target: 'db2', stmts: [['KILL', 'QUERIES']] },
    ],
    [
      ['pt-kill', '--host=db3', '--match-all', '--kill', '--print'],
      { target: 'db3', stmts: [['KILL', 'SESSIONS']] },
    ],
    // kept: only printing, narrower matches, snapshots read from files
    [['pt-kill', '--host', 'db1', '--match-all', '--print'], { target: 'db1', stmts: [] }],
    [
      ['pt-kill', '--host', 'db1', '--busy-time', '600', '--match-user', 'report', '--kill'],
      { target: 'db1', stmts: [] },
    ],
    [['pt-kill', '--test-matching', 'snap.txt', '--match-all', '--kill'], { target: '', stmts: [] }],
    [['pt-query-digest', 'slow.log'], undefined],
  ])('%j', (argv, want) => {
    expect(read(argv)).toEqual(want);
  });
});
