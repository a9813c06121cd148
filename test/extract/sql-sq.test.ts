/**
 * sq (src/extract/sql-sq.ts): `sq sql` runs its operands as SQL on the source (judged as psql's
 * `-c` is), `sq tbl drop|truncate` drops or empties tables; sq's own queries, inspection, source
 * list changes and copies stay allowed. Through the real pipeline with the databases pack, and
 * the `tbl` reader directly.
 */
import { describe, expect, it } from 'vitest';
import { command, packVerdict } from '../helpers/command.js';
import { parseSqTables } from '../../src/extract/sql-sq.js';

const verdict = await packVerdict('databases');

describe('sq tbl', () => {
  it.each<[string[], { target: string; stmts: string[][] } | undefined]>([
    [
      ['sq', 'tbl', 'drop', '@prod_pg.users', '@prod_pg.orders'],
      {
        target: '@prod_pg',
        stmts: [
          ['DROP', 'users'],
          ['DROP', 'orders'],
        ],
      },
    ],
    [['sq', '--json', 'tbl', 'truncate', '@pg.events'], { target: '@pg', stmts: [['TRUNCATE', 'events']] }],
    [['sq', 'tbl', 'copy', '@pg.a', '@pg.b'], { target: '@pg', stmts: [] }],
    [['sq', 'tbl', 'drop', '--help'], { target: '', stmts: [] }],
    [['sq', 'inspect', '@pg'], undefined],
    [['psql', 'tbl', 'drop'], undefined],
  ])('%j', (argv, want) => {
    const ops = parseSqTables(command(argv));
    expect(ops && { target: ops.target, stmts: ops.stmts.map((s) => [s.statement, s.name]) }).toEqual(want);
  });
});

describe('sq (databases pack)', () => {
  it.each<[string, string]>([
    ["sq sql --src @prod_pg 'DROP TABLE users'", 'ask databases/drop-table'],
    ["sq sql --src=@prod_pg 'TRUNCATE orders'", 'ask databases/truncate'],
    ["sq sql 'DELETE FROM customers' --src @prod_mysql", 'ask databases/unfiltered-delete-or-update'],
    ["sq sql --json --src @prod_pg 'SELECT 1; DROP DATABASE billing'", 'ask databases/drop-database'],
    ['sq sql --src @prod_pg "$Q"', 'ask databases/unreadable-sql'],
    ['sq tbl drop @prod_pg.users', 'ask databases/drop-table'],
    ['sq tbl truncate @prod_pg.users', 'ask databases/truncate'],
    ["sq sql --src @dev_pg 'SELECT 1'", 'allow'],
    ["sq sql --src @prod_pg -o out.csv --csv 'SELECT * FROM users'", 'allow'],
    ["sq '@prod_pg | .users | .[0:10]'", 'allow'],
    ['sq inspect @prod_pg', 'allow'],
    ['sq tbl copy @prod_pg.users @prod_pg.users_bak', 'allow'],
    ['sq ls', 'allow'],
  ])('%s → %s', (cmd, want) => {
    expect(verdict(cmd)).toBe(want);
  });
});
