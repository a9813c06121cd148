import { describe, expect, it } from 'vitest';
import { classifyOutput, classifySql, type SqlDialect } from '../../src/extract/sql-statements.js';
import { fold } from '../../src/extract/sql-dynamic.js';
import { splitSql } from '../../src/extract/sql-tokenize.js';

const read = (stmts: { statement: string; object: string; name: string; where: boolean }[]) =>
  stmts.map((s) => [s.statement, s.object, s.name, s.where]);
const UNKNOWN = ['UNKNOWN', '', 'SQL built at run time', true];

describe('text expressions folded into statement templates', () => {
  it.each<[string, string]>([
    ["'DROP TABLE x'", 'DROP TABLE x'],
    ["'TRUNC' || 'ATE TABLE payments'", 'TRUNCATE TABLE payments'],
    ["N'DELETE FROM ' + QUOTENAME(@t)", 'DELETE FROM __agentfw_dynamic__'],
    ["format('DROP TABLE %I.%I', s, t)", 'DROP TABLE __agentfw_dynamic__.__agentfw_dynamic__'],
    ["format('SELECT 100%%')", 'SELECT 100%'],
    ["concat('TRUNCATE ', 'orders')", 'TRUNCATE orders'],
    ["('DELETE ' + 'FROM t')", 'DELETE FROM t'],
    ['v_sql', '__agentfw_dynamic__'],
  ])('%s', (expr, want) => {
    expect(fold(splitSql(expr)[0].tokens, new Map())).toBe(want);
  });
});

describe('SQL that builds and runs statements', () => {
  it.each<[string, SqlDialect, (string | boolean)[][]]>([
    [
      "DO $$ BEGIN EXECUTE 'TRUNC' || 'ATE TABLE payments'; END $$",
      'postgresql',
      [['TRUNCATE', 'TABLE', 'payments', true]],
    ],
    [
      "DO $$ DECLARE r record; BEGIN FOR r IN SELECT tablename FROM pg_tables LOOP EXECUTE 'DROP TABLE ' || quote_ident(r.tablename); END LOOP; END $$",
      'postgresql',
      [
        ['DECLARE', '', '', true],
        ['DROP', 'TABLE', '*', true],
      ],
    ],
    [
      "DO $$ DECLARE q text := ''; BEGIN q := q || format('DELETE FROM %I;', 'jobs'); EXECUTE q; END $$",
      'postgresql',
      [['DELETE', '', '*', false]],
    ],
    ['DO $$ BEGIN EXECUTE v_sql; END $$', 'postgresql', [UNKNOWN]],
    ["DO $$ BEGIN EXECUTE v_verb || ' TABLE x'; END $$", 'postgresql', [UNKNOWN]],
    ["EXECUTE IMMEDIATE 'DROP TABLE t'", 'postgresql', [['DROP', 'TABLE', 't', true]]],
    ["EXEC sp_MSforeachtable 'TRUNCATE TABLE ?'", 'postgresql', [['TRUNCATE', 'TABLE', '*', true]]],
    ["EXEC sp_MSforeachtable @command1 = N'DELETE FROM ?'", 'postgresql', [['DELETE', '', '*', false]]],
    ["EXEC sys.sp_executesql N'DROP TABLE dbo.t'", 'postgresql', [['DROP', 'TABLE', 'dbo.t', true]]],
    [
      "DECLARE @sql nvarchar(max) = N''; SELECT @sql += N'DROP TABLE ' + QUOTENAME(name) + N';' FROM sys.tables; EXEC sp_executesql @sql;",
      'postgresql',
      [['DROP', 'TABLE', '*', true]],
    ],
    ["EXEC('DELETE FROM ' + @t)", 'postgresql', [['DELETE', '', '*', false]]],
    ['EXEC (@sql)', 'postgresql', [UNKNOWN]],
    [
      "SET @q = CONCAT('TRUNCATE TABLE ', 'orders'); PREPARE s FROM @q; EXECUTE s;",
      'mysql',
      [
        ['TRUNCATE', 'TABLE', 'orders', true],
        ['EXECUTE', '', '', true],
      ],
    ],
    ['PREPARE s FROM @unset; EXECUTE s;', 'mysql', [UNKNOWN, ['EXECUTE', '', '', true]]],
    // Built statements that only read stay readable and allowed; procedures and prepared statements called by name are not built here.
    ["DO $$ BEGIN EXECUTE 'SELECT 1'; END $$", 'postgresql', [['SELECT', '', '', true]]],
    ["EXEC sp_MSforeachtable 'SELECT COUNT(*) FROM ?'", 'postgresql', [['SELECT', '', '', true]]],
    [
      "EXEC sp_executesql N'SELECT * FROM t WHERE id = @id', N'@id int', @id = 5",
      'postgresql',
      [['SELECT', '', '', true]],
    ],
    ['EXEC dbo.refresh_stats @days = 3', 'postgresql', [['EXEC', '', '', true]]],
    [
      'PREPARE p (int) AS SELECT * FROM t WHERE id = $1; EXECUTE p(1);',
      'postgresql',
      [
        ['SELECT', '', '', true],
        ['EXECUTE', '', '', true],
      ],
    ],
    ["SET search_path = 'DROP TABLE x'; SELECT 1", 'postgresql', [['SELECT', '', '', true]]],
  ])('%s (%s)', (text, dialect, want) => {
    expect(read(classifySql(text, dialect))).toEqual(want);
  });
});

describe('the rows of a query run as statements (psql \\gexec)', () => {
  it.each<[string, (string | boolean)[][]]>([
    [
      "SELECT format('DROP TABLE IF EXISTS %I.%I CASCADE', schemaname, tablename) FROM pg_tables WHERE schemaname = 'public'",
      [['DROP', 'TABLE', '*.*', true]],
    ],
    [
      "SELECT 'TRUNCATE ' || quote_ident(relname) || ';' FROM pg_stat_user_tables",
      [['TRUNCATE', 'TABLE', '*', true]],
    ],
    ["SELECT 'DELETE FROM ' || t || ' WHERE created < now()' AS q FROM x", [['DELETE', '', '*', true]]],
    ['SELECT cmd FROM pending_jobs', [UNKNOWN]],
    ['DELETE FROM jobs RETURNING cmd', [UNKNOWN]],
    // Read-only or maintenance statements stay readable.
    ["SELECT 'VACUUM ANALYZE ' || quote_ident(relname) FROM pg_stat_user_tables", [['VACUUM', '', '', true]]],
    ["SELECT format('SELECT count(*) FROM %I', tablename) FROM pg_tables", [['SELECT', '', '', true]]],
  ])('%s', (query, want) => {
    expect(read(classifyOutput(query, 'postgresql'))).toEqual(want);
  });
});
