import { describe, expect, it } from 'vitest';
import { tarantoolStatements } from '../../src/extract/sql-tarantool.js';

const read = (text: string, sql = false) =>
  tarantoolStatements(text, 'stdin', sql).map((s) => [s.statement, s.object, s.name, s.where]);

describe("Tarantool's Lua and SQL: what it deletes", () => {
  it.each<[string, boolean, (string | boolean)[][]]>([
    ['box.space.users:truncate()', false, [['TRUNCATE', 'TABLE', 'users', true]]],
    ["box.space['users']:drop()", false, [['DROP', 'TABLE', 'users', true]]],
    ['box.space[name]:truncate()', false, [['TRUNCATE', 'TABLE', '*', true]]],
    ['box.space.users.index.email:drop()', false, [['DROP', 'INDEX', 'email', true]]],
    ['box.space.users:delete{42}', false, [['DELETE', 'TABLE', 'users', true]]],
    [
      'for _, t in box.space.users:pairs() do box.space.users:delete{t[1]} end',
      false,
      [['DELETE', 'TABLE', 'users', false]],
    ],
    ["box.schema.user.drop('reporter')", false, [['DROP', 'USER', 'reporter', true]]],
    ['box.sequence.ids:drop()', false, [['DROP', 'SEQUENCE', 'ids', true]]],
    ['box.execute([[DROP TABLE t]])', false, [['DROP', 'TABLE', 't', true]]],
    ["box.execute('DELETE FROM t')", false, [['DELETE', '', 't', false]]],
    [
      '\\set language sql\nTRUNCATE TABLE t\n\\set language lua\nbox.info()',
      false,
      [['TRUNCATE', 'TABLE', 't', true]],
    ],
    ['DROP TABLE invoices', true, [['DROP', 'TABLE', 'invoices', true]]],
    // reads and writes of single tuples that keep data
    ['box.space.users:select{}', false, []],
    ['print(box.space.users:count())', false, []],
    ['box.space.users:insert{1, "a"}', false, []],
    ['box.execute([[SELECT * FROM t]])', false, [['SELECT', '', '', true]]],
    ['box.snapshot()', false, []],
  ])('%j (sql %s)', (text, sql, want) => {
    expect(read(text, sql)).toEqual(want);
  });
});
