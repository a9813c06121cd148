/**
 * The Accumulo shell (src/extract/sql-accumulo.ts): tables, namespaces and users dropped, rows
 * deleted with or without a range, given with -e, in a script or on stdin; reads and listings
 * delete nothing. Words through the reader, whole commands through the real pipeline.
 */
import { analyzeContext, command, packVerdict, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { StdinSource } from '../../src/engine/types.js';
import { parseAccumulo } from '../../src/extract/sql-accumulo.js';

const ctx = analyzeContext(WS, { readFile: () => undefined });
const read = (argv: string[], stdin?: StdinSource) =>
  parseAccumulo(command(argv, { stdin }), ctx)?.stmts.map((s) => [s.statement, s.object, s.name, s.where]);
const pipe = (text?: string) => ({ kind: 'pipe', text }) as StdinSource;

describe('what the Accumulo shell deletes', () => {
  it.each<[string[], StdinSource | undefined, (string | boolean)[][] | undefined]>([
    [
      ['accumulo', 'shell', '-u', 'root', '-p', 'x', '-e', 'deletetable -f events_prod'],
      undefined,
      [['DROP', 'TABLE', 'events_prod', true]],
    ],
    [['accumulo', 'shell', '-e', 'droptable -t events'], undefined, [['DROP', 'TABLE', 'events', true]]],
    [['accumulo', 'shell', '-e', 'deletetable -p tmp_.* -f'], undefined, [['DROP', 'TABLE', 'tmp_.*', true]]],
    [
      ['accumulo', 'shell', '-e', 'deletenamespace -f analytics'],
      undefined,
      [['DROP', 'DATABASE', 'analytics', true]],
    ],
    [['accumulo', 'shell', '-e', 'dropuser etl'], undefined, [['DROP', 'USER', 'etl', true]]],
    [
      ['accumulo', 'shell', '-e', 'deleterows -t events -f'],
      undefined,
      [['DELETE', 'TABLE', 'events', false]],
    ],
    [
      ['accumulo', 'shell', '-e', 'deletemany -t events -f'],
      undefined,
      [['DELETE', 'TABLE', 'events', false]],
    ],
    [
      ['accumulo', 'shell', '-e', 'deleterows -t events -b a -e m -f'],
      undefined,
      [['DELETE', 'TABLE', 'events', true]],
    ],
    [
      ['accumulo', 'shell', '-u', 'root'],
      pipe('table events\ndeletemany -f\n'),
      [['DELETE', 'TABLE', '', false]],
    ],
    // fail closed: a script or stdin not known here
    [['accumulo', 'shell', '-f', '/srv/missing.txt'], undefined, [['UNKNOWN', '', '/srv/missing.txt', true]]],
    [['accumulo', 'shell'], pipe(undefined), [['UNKNOWN', '', 'stdin', true]]],
    // reads and listings
    [['accumulo', 'shell', '-e', 'tables'], undefined, []],
    [['accumulo', 'shell', '-e', 'scan -t events_prod -np'], undefined, []],
    [['accumulo', 'shell', '-u', 'root'], undefined, []],
    [['accumulo', 'init'], undefined, undefined],
    [['accumulo', 'tserver'], undefined, undefined],
  ])('%j', (argv, stdin, want) => {
    expect(read(argv, stdin)).toEqual(want);
  });
});

describe('the Accumulo shell and CUBRID through the pipeline', () => {
  const verdict = packVerdict('databases');
  it.each<[string, string]>([
    [
      'accumulo shell -u root -p "$ACCUMULO_ROOT_PW" -e "deletetable -f events_prod"',
      'ask databases/drop-table',
    ],
    [
      'printf \'deletetable -f metrics\\n\' > /tmp/cmds.txt; accumulo shell -u root -p "$PW" -f /tmp/cmds.txt',
      'ask databases/drop-table',
    ],
    [
      `ssh acc1.example.com 'accumulo shell -u root -p "$PW" -e "deleterows -t events -f"'`,
      'ask databases/unfiltered-delete-or-update',
    ],
    [
      "ssh cubrid@db3.example.com 'cubrid server stop billing && cubrid deletedb billing'",
      'ask databases/drop-database',
    ],
    ['sudo -u cubrid cubrid deletedb --delete-backup demodb', 'ask databases/drop-database'],
    ['accumulo shell -u reader -p "$PW" -e "scan -t events_prod -np"', 'allow'],
    ["ssh cubrid@db3.example.com 'cubrid checkdb billing'", 'allow'],
  ])('%s', async (cmd, want) => {
    expect((await verdict)(cmd)).toBe(want);
  });
});
