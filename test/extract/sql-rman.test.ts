import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { StdinSource } from '../../src/engine/types.js';
import { parseRman } from '../../src/extract/sql-rman.js';

const FILES: Record<string, string> = {
  '/ws/purge.rcv': 'CROSSCHECK BACKUP;\nDELETE NOPROMPT ARCHIVELOG ALL;\n',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const read = (argv: string[], stdin?: StdinSource) =>
  parseRman(command(argv, { stdin }), ctx)?.stmts.map((s) => [s.statement, s.object]);
const pipe = (text: string): StdinSource => ({ kind: 'pipe', text });

describe('Oracle RMAN: what its commands destroy', () => {
  it.each<[string[], StdinSource | undefined, string[][] | undefined]>([
    [
      ['rman', 'target', '/'],
      pipe('DELETE NOPROMPT BACKUP;\nDELETE NOPROMPT ARCHIVELOG ALL;\n'),
      [
        ['NOBACKUP', 'BACKUP'],
        ['NOBACKUP', 'ARCHIVELOG'],
      ],
    ],
    [['rman', 'target', '/'], pipe('delete force noprompt backupset 12;'), [['NOBACKUP', 'BACKUPSET']]],
    [['rman', 'target', '/'], pipe('DROP DATABASE INCLUDING BACKUPS NOPROMPT;'), [['DROP', 'DATABASE']]],
    [['rman', 'target', '/', 'cmdfile=purge.rcv'], undefined, [['NOBACKUP', 'ARCHIVELOG']]],
    [['rman', 'target', '/', '@purge.rcv'], undefined, [['NOBACKUP', 'ARCHIVELOG']]],
    // fail closed: a command file or stdin not read
    [['rman', 'target', '/', 'cmdfile=missing.rcv'], undefined, [['UNKNOWN', '']]],
    [['rman', 'target', '/'], { kind: 'file', path: '/ws/missing.rcv' }, [['UNKNOWN', '']]],
    // upkeep of what the retention policy no longer needs, listing, reporting, taking backups
    [['rman', 'target', '/'], pipe('DELETE NOPROMPT OBSOLETE;\nDELETE EXPIRED BACKUP;'), []],
    [['rman', 'target', '/'], pipe('LIST BACKUP SUMMARY;\nREPORT OBSOLETE;'), []],
    [['rman', 'target', '/'], pipe('BACKUP DATABASE PLUS ARCHIVELOG;'), []],
    [['rman', 'target', '/'], undefined, []],
    [['sqlplus', '/', 'as', 'sysdba'], undefined, undefined],
  ])('%j %j', (argv, stdin, want) => {
    expect(read(argv, stdin)).toEqual(want);
  });
});
