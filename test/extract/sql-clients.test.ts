import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { ShellFact, SqlFact, StdinSource } from '../../src/engine/types.js';
import { extractSql } from '../../src/extract/sql.js';

const FILES: Record<string, string> = {
  '/ws/admin.sql': 'SELECT 1;\n\\! rm -rf /srv/data\n',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const facts = (argv: string[], dynamicArgs: number[] = [], stdin?: StdinSource) =>
  extractSql(command(argv, { dynamicArgs, stdin }), ctx, []).map((f) =>
    f.kind === 'shell'
      ? ['shell', (f as ShellFact).hazard, (f as ShellFact).source]
      : [(f as SqlFact).statement, (f as SqlFact).object, (f as SqlFact).name, (f as SqlFact).where],
  );

describe('a client shell escape is a shell command, not SQL', () => {
  it.each<[string[], StdinSource | undefined, (string | boolean)[][]]>([
    [['sqlite3', 'app.db', '.shell rm -rf ~'], undefined, [['shell', 'sql-client-shell', 'rm -rf ~']]],
    [['sqlite3', 'app.db', '.system rm -rf ~'], undefined, [['shell', 'sql-client-shell', 'rm -rf ~']]],
    [['duckdb', '-c', '.shell rm -rf ~'], undefined, [['shell', 'sql-client-shell', 'rm -rf ~']]],
    [['psql', '-c', '\\! rm -rf ~'], undefined, [['shell', 'sql-client-shell', 'rm -rf ~']]],
    [['mysql', '-e', 'system rm -rf ~'], undefined, [['shell', 'sql-client-shell', 'rm -rf ~']]],
    [
      ['mysql', '-e', 'SELECT 1;\\! rm -rf ~'],
      undefined,
      [
        ['SELECT', '', '', true],
        ['shell', 'sql-client-shell', 'rm -rf ~'],
      ],
    ],
    [['mariadb', '--execute=\\! rm -rf ~'], undefined, [['shell', 'sql-client-shell', 'rm -rf ~']]],
    [['sqlcmd', '-Q', '!! del C:\\data'], undefined, [['shell', 'sql-client-shell', 'del C:\\data']]],
    [
      ['sqlite3', 'app.db'],
      { kind: 'pipe', text: '.shell rm -rf ~\n' },
      [['shell', 'sql-client-shell', 'rm -rf ~']],
    ],
    [
      ['psql', '-f', 'admin.sql'],
      undefined,
      [
        ['SELECT', '', '', true],
        ['shell', 'sql-client-shell', 'rm -rf /srv/data'],
      ],
    ],
    // Not shell escapes: meta-commands that list or write a file, and SQL naming a column `system`.
    [['sqlite3', 'app.db', '.tables'], undefined, []],
    [['psql', '-c', '\\dt'], undefined, []],
    [['mysql', '-e', 'SELECT system FROM hosts'], undefined, [['SELECT', '', '', true]]],
  ])('%j', (argv, stdin, want) => {
    expect(facts(argv, [], stdin)).toEqual(want);
  });
});

describe('SQL the shell fills in at run time is read as a template', () => {
  it.each<[string[], number[], (string | boolean)[][]]>([
    // fail closed: the whole statement comes from a variable.
    [['psql', '$DATABASE_URL', '-c', '$q'], [1, 3], [['UNKNOWN', '', 'SQL built at run time', true]]],
    [['mysql', '-e', '$(cat q.sql)'], [2], [['UNKNOWN', '', 'SQL built at run time', true]]],
    [['sqlite3', 'app.db', '${SQL}'], [2], [['UNKNOWN', '', 'SQL built at run time', true]]],
    [['psql', '-c', 'DELETE FROM $t'], [2], [['DELETE', '', '*', false]]],
    [['psql', '--command=DROP TABLE ${t}'], [1], [['DROP', 'TABLE', '*', true]]],
    // The literal parts decide: a read stays a read.
    [['psql', '-c', 'SELECT count(*) FROM users WHERE id = $ID'], [2], [['SELECT', '', '', true]]],
    [['psql', '$DATABASE_URL', '-c', 'SELECT 1'], [1], [['SELECT', '', '', true]]],
    // Not dynamic: `$1` in a literal argument is SQL's own placeholder.
    [['psql', '-c', 'SELECT $1'], [], [['SELECT', '', '', true]]],
  ])('%j', (argv, dynamicArgs, want) => {
    expect(facts(argv, dynamicArgs)).toEqual(want);
  });
});
