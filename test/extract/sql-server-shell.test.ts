/**
 * SQL that has the database server run a command (src/extract/sql-server-shell.ts): the command
 * (COPY … PROGRAM, xp_cmdshell, sys_exec) and the switch that allows it (sp_configure,
 * a sys_exec function created).
 */
import { describe, expect, it } from 'vitest';
import { serverCommands, shellEnabled } from '../../src/extract/sql-server-shell.js';
import { classifySql, type SqlDialect } from '../../src/extract/sql-statements.js';
import { packVerdict } from '../helpers/command.js';

const databases = await packVerdict('databases');
import { splitSql } from '../../src/extract/sql-tokenize.js';

describe('serverCommands', () => {
  const read = (sql: string, d: SqlDialect = 'postgresql') =>
    serverCommands(sql, d).map((c) => `${c.via}${c.windows ? ' (cmd)' : ''}: ${c.dynamic ? '?' : c.text}`);
  it.each<[string, SqlDialect, string[]]>([
    ["COPY (SELECT 1) TO PROGRAM 'rm -rf /var/lib/pg'", 'postgresql', ['COPY … PROGRAM: rm -rf /var/lib/pg']],
    [
      "copy t from program 'curl -s https://x.example/a.csv' csv",
      'postgresql',
      ['COPY … PROGRAM: curl -s https://x.example/a.csv'],
    ],
    [
      "COPY t TO PROGRAM 'echo ''quoted'' > /tmp/x'",
      'postgresql',
      ["COPY … PROGRAM: echo 'quoted' > /tmp/x"],
    ],
    ["COPY t TO PROGRAM E'rm -rf /srv\\\\data'", 'postgresql', ['COPY … PROGRAM: rm -rf /srv\\data']],
    [
      "EXEC master..xp_cmdshell 'rmdir /s /q D:\\Backups'",
      'postgresql',
      ['xp_cmdshell (cmd): rmdir /s /q D:\\Backups'],
    ],
    ["EXEC xp_cmdshell N'del C:\\x\\'", 'postgresql', ['xp_cmdshell (cmd): del C:\\x\\']],
    ["SELECT sys_exec('rm -rf /var/lib/mysql')", 'mysql', ['sys_exec: rm -rf /var/lib/mysql']],
    // fail closed: a command given by a variable or a client variable
    ['EXEC xp_cmdshell @cmd', 'postgresql', ['xp_cmdshell (cmd): ?']],
    ["COPY t TO PROGRAM :'cmd'", 'postgresql', ['COPY … PROGRAM: ?']],
    // no command: a file, stdout, a string that mentions one
    ["COPY t TO '/tmp/t.csv'", 'postgresql', []],
    ['COPY t TO STDOUT WITH CSV', 'postgresql', []],
    ["SELECT 'COPY t TO PROGRAM ''rm -rf /'''", 'postgresql', []],
    ["SELECT program FROM jobs WHERE kind = 'xp'", 'postgresql', []],
  ])('%s', (sql, d, want) => expect(read(sql, d)).toEqual(want));
});

describe('shellEnabled', () => {
  const read = (sql: string) => splitSql(sql).map((c) => shellEnabled(c.tokens)?.name);
  it.each<[string, (string | undefined)[]]>([
    ["EXEC sp_configure 'xp_cmdshell', 1", ['xp_cmdshell']],
    ["sp_configure 'Ole Automation Procedures', 1; RECONFIGURE", ['Ole Automation Procedures', undefined]],
    [
      "EXEC sys.sp_configure @configname = 'external scripts enabled', @configvalue = 1",
      ['external scripts enabled'],
    ],
    ["CREATE FUNCTION sys_exec RETURNS INTEGER SONAME 'lib_mysqludf_sys.so'", ['sys_exec']],
    // reads, switched off, other settings
    ["EXEC sp_configure 'xp_cmdshell'", [undefined]],
    ["EXEC sp_configure 'xp_cmdshell', 0", [undefined]],
    ["EXEC sp_configure 'show advanced options', 1", [undefined]],
    ['EXEC sp_configure', [undefined]],
  ])('%s', (sql, want) => expect(read(sql)).toEqual(want));
});

describe('a command the server runs, as a statement', () => {
  it.each<[string, string[]]>([
    ["COPY t TO PROGRAM 'rm -rf /srv'", ['rm -rf /srv']],
    ["EXEC xp_cmdshell 'dir C:\\'", ['dir C:\\']],
    ['COPY t TO STDOUT', []],
  ])('%s', (sql, want) =>
    expect(
      classifySql(sql, 'postgresql')
        .filter((s) => s.statement === 'SHELL')
        .map((s) => s.name),
    ).toEqual(want),
  );

  // SQL in code is not walked: its command asks; a client's is walked as the server's (its own rules judge it)
  it.each<[string, string]>([
    [
      `python3 -c "import psycopg2; psycopg2.connect('dbname=a').cursor().execute(\\"COPY t TO PROGRAM 'gzip > /tmp/x'\\")"`,
      'ask databases/server-command-unread',
    ],
    [
      `ruby -e 'require "pg"; PG.connect(dbname: "a").exec("SELECT sys_exec(%q(id))")'`,
      'ask databases/server-command-unread',
    ],
    [`psql -h db -c "COPY t TO PROGRAM 'gzip > /tmp/x'"`, 'allow'],
    [
      `python3 -c "import psycopg2; psycopg2.connect('dbname=a').cursor().execute('COPY t TO STDOUT')"`,
      'allow',
    ],
  ])('%s → %s', (script, want) => expect(databases(script)).toBe(want));
});
