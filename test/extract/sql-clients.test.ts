import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { ShellFact, SqlFact, StdinSource } from '../../src/engine/types.js';
import { extractSql } from '../../src/extract/sql.js';

const FILES: Record<string, string> = {
  '/ws/admin.sql': 'SELECT 1;\n\\! rm -rf /srv/data\n',
  '/ws/cleanup.sql': 'DROP TABLE orders;\n',
  '/ws/report.sql': 'SELECT count(*) FROM orders;\n',
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

describe("other servers' shells read as the client they are a fork or a copy of", () => {
  it.each<[string[], (string | boolean)[][]]>([
    // MySQL's client renamed: OceanBase, SingleStore (and MemSQL before it)
    [
      [
        'obclient',
        '-h10.20.0.5',
        '-P2881',
        '-uroot@sys',
        '-pfake',
        '-Doceanbase',
        '-e',
        'DROP TENANT prod_tenant FORCE',
      ],
      [['DROP', 'TENANT', 'prod_tenant', true]],
    ],
    [['obclient', '--execute=DROP RESOURCE POOL prod_pool'], [['DROP', 'RESOURCE POOL', 'prod_pool', true]]],
    [
      ['memsql', '-h', 'm.internal', '-u', 'root', '-e', 'DROP DATABASE events'],
      [['DROP', 'DATABASE', 'events', true]],
    ],
    [
      ['singlestore', '-P', '3306', '--execute', 'TRUNCATE TABLE orders'],
      [['TRUNCATE', 'TABLE', 'orders', true]],
    ],
    [['singlestore', '-e', 'SHOW DATABASES'], [['SHOW', '', '', true]]],
    // psql's forks: openGauss / GaussDB's gsql (-W takes the password), Yellowbrick's ybsql
    [
      [
        'gsql',
        '-d',
        'postgres',
        '-p',
        '8000',
        '-U',
        'omm',
        '-W',
        'fake',
        '-c',
        'DROP SCHEMA billing CASCADE',
      ],
      [['DROP', 'SCHEMA', 'billing', true]],
    ],
    [['gsql', '-d', 'shop', '-f', 'cleanup.sql'], [['DROP', 'TABLE', 'orders', true]]],
    [['gsql', '-d', 'postgres', '-c', 'SELECT datname FROM pg_database'], [['SELECT', '', '', true]]],
    [['ybsql', '-h', 'yb.internal', '-c', 'DROP DATABASE ledger'], [['DROP', 'DATABASE', 'ledger', true]]],
    // SQL*Plus runs `@script` (`.sql` assumed); fail closed: a script that cannot be read
    [['sqlplus', '-s', 'app/fake@prodhost:1521/ORCL', '@cleanup.sql'], [['DROP', 'TABLE', 'orders', true]]],
    [['sqlplus', '-s', '/', 'as', 'sysdba', '@@cleanup', 'arg1'], [['DROP', 'TABLE', 'orders', true]]],
    [['sqlplus', '-s', 'app/fake@ORCL', '@report.sql'], [['SELECT', '', '', true]]],
    [['sqlplus', '-s', 'app/fake@ORCL', '@/tmp/missing.sql'], [['UNKNOWN', '', '@/tmp/missing.sql', true]]],
  ])('%j', (argv, want) => {
    expect(facts(argv)).toEqual(want);
  });
});

describe('client meta-commands in SQL text end or leave out what psql and mysql do', () => {
  const heredoc = (text: string): StdinSource => ({ kind: 'heredoc', text });
  it.each<[string[], string, (string | boolean)[][]]>([
    // a meta-command line is not SQL: the statement after it is read
    [['psql', '-d', 'app'], '\\c prod\nTRUNCATE t;\n', [['TRUNCATE', 'TABLE', 't', true]]],
    [['psql', '-d', 'app'], '\\timing on\nDELETE FROM users;\n', [['DELETE', '', 'users', false]]],
    // a send (`\gset`, `\g`, mysql's `\G`) ends the statement before it: the next lines are the next one
    [
      ['psql', '-d', 'app'],
      'SELECT 1 \\gset\nTRUNCATE t;\n',
      [
        ['SELECT', '', '', true],
        ['TRUNCATE', 'TABLE', 't', true],
      ],
    ],
    [
      ['mysql', 'app'],
      'SELECT * FROM t\\G\nDELETE FROM users;\n',
      [
        ['SELECT', '', '', true],
        ['DELETE', '', 'users', false],
      ],
    ],
    // inside a string literal it is text: the line stays one statement
    [['psql', '-d', 'app'], "SELECT 'C:\\go';\n", [['SELECT', '', '', true]]],
    // only reads and sends: nothing destructive
    [
      ['psql', '-d', 'app'],
      '\\dt\nSELECT count(*) FROM users \\gset\n\\echo :count\n',
      [['SELECT', '', '', true]],
    ],
  ])('%j with %j', (argv, text, want) => expect(facts(argv, [], heredoc(text))).toEqual(want));
});
