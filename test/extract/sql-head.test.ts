import { describe, expect, it } from 'vitest';
import { classifySql, type SqlDialect } from '../../src/extract/sql-statements.js';
import { statementTokens } from '../../src/extract/sql-head.js';
import { splitSql } from '../../src/extract/sql-tokenize.js';

const read = (text: string, dialect: SqlDialect = 'postgresql') =>
  classifySql(text, dialect).map((s) => [s.statement, s.object, s.name, s.where]);

describe('where the statement of a chunk begins', () => {
  it.each<[string, string]>([
    ['DROP TABLE t', 'DROP TABLE T'],
    ['BEGIN DROP TABLE t', 'DROP TABLE T'],
    ['IF x > 1 THEN DELETE FROM t', 'DELETE FROM T'],
    ['ELSIF y THEN TRUNCATE t', 'TRUNCATE T'],
    ['FOR r IN SELECT id FROM t LOOP DELETE FROM u', 'DELETE FROM U'],
    ['WHILE @@ROWCOUNT > 0 DELETE TOP (100) FROM t', 'DELETE TOP ( 100 ) FROM T'],
    ["IF OBJECT_ID('dbo.t') IS NOT NULL DROP TABLE dbo.t", 'DROP TABLE DBO.T'],
    ['<<outer>> LOOP DELETE FROM t', 'DELETE FROM T'],
    ['EXCEPTION WHEN others THEN DROP TABLE t', 'DROP TABLE T'],
    ['BEGIN TRY DELETE FROM t', 'DELETE FROM T'],
    ['EXPLAIN ANALYZE DELETE FROM t', 'DELETE FROM T'],
    ['PREPARE p (int) AS DELETE FROM t WHERE id = $1', 'DELETE FROM T WHERE ID = $ 1'],
    // Not peeled: plain EXPLAIN, EXPLAIN (ANALYZE false), a CASE expression inside a statement.
    ['EXPLAIN DELETE FROM t', 'EXPLAIN DELETE FROM T'],
    ['EXPLAIN (ANALYZE false) DELETE FROM t', 'EXPLAIN ( ANALYZE FALSE ) DELETE FROM T'],
    ['UPDATE t SET a = CASE WHEN b THEN 1 ELSE 2 END', 'UPDATE T SET A = CASE WHEN B THEN 1 ELSE 2 END'],
    ['LOOP', ''],
  ])('%s', (text, want) => {
    const [chunk] = splitSql(text);
    expect(
      statementTokens(chunk.tokens)
        .map((t) => t.text)
        .join(' '),
    ).toBe(want);
  });
});

describe('statements run inside control flow, by EXPLAIN ANALYZE and through PREPARE', () => {
  it.each<[string, SqlDialect, (string | boolean)[][]]>([
    ['EXPLAIN ANALYZE DELETE FROM events', 'postgresql', [['DELETE', '', 'events', false]]],
    ['explain analyse update t set a = 1', 'postgresql', [['UPDATE', '', 't', false]]],
    ['EXPLAIN (ANALYZE, BUFFERS) DELETE FROM events', 'postgresql', [['DELETE', '', 'events', false]]],
    ['EXPLAIN (ANALYZE true) TRUNCATE t', 'postgresql', [['EXPLAIN', '', '', true]]],
    ['EXPLAIN ANALYZE DELETE FROM t WHERE id = 3', 'mysql', [['DELETE', '', 't', true]]],
    ['EXPLAIN ANALYZE SELECT * FROM events', 'postgresql', [['SELECT', '', '', true]]],
    ['EXPLAIN DELETE FROM events', 'postgresql', [['EXPLAIN', '', '', true]]],
    ['EXPLAIN (ANALYZE off) DELETE FROM events', 'postgresql', [['EXPLAIN', '', '', true]]],
    ['DO $$ BEGIN IF true THEN DROP TABLE x; END IF; END $$', 'postgresql', [['DROP', 'TABLE', 'x', true]]],
    [
      "IF OBJECT_ID('dbo.audit') IS NOT NULL DROP TABLE dbo.audit",
      'postgresql',
      [['DROP', 'TABLE', 'dbo.audit', true]],
    ],
    [
      'BEGIN TRY DELETE FROM t END TRY BEGIN CATCH SELECT 1 END CATCH',
      'postgresql',
      [['DELETE', '', 't', false]],
    ],
    [
      'PREPARE p AS DELETE FROM carts; EXECUTE p;',
      'postgresql',
      [
        ['DELETE', '', 'carts', false],
        ['EXECUTE', '', '', true],
      ],
    ],
    [
      'UPDATE t SET x = CASE WHEN a THEN 1 ELSE 2 END WHERE id = 4',
      'postgresql',
      [['UPDATE', '', 't', true]],
    ],
    ['BEGIN; DROP TABLE audit_log; COMMIT;', 'postgresql', [['DROP', 'TABLE', 'audit_log', true]]],
    ['BEGIN TRANSACTION; SELECT 1; COMMIT', 'postgresql', [['SELECT', '', '', true]]],
  ])('%s (%s)', (text, dialect, want) => {
    expect(read(text, dialect)).toEqual(want);
  });
});
