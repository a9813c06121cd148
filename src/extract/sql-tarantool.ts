/**
 * What Tarantool's Lua (and its SQL) deletes, as SQL statements: `box.space.users:truncate()`
 * a TRUNCATE, `box.space.s:drop()` a DROP TABLE (`….index.i:drop()` a DROP INDEX),
 * `box.schema.user.drop('u')` a DROP of that object, `box.space.s:delete{1}` a DELETE of the
 * keys named (unfiltered when it runs in a loop over every tuple, `for _, t in
 * box.space.s:pairs() do … end`), and the SQL of `box.execute([[DROP TABLE t]])` or of console
 * lines after `\set language sql` read as SQL. A space named at run time (`box.space[name]`)
 * reads as `*`.
 */
import { classifySql } from './sql-statements.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';

type Stmt = StoreOps['stmts'][number];

/** `box.space.NAME`, `box.space['NAME']` or `box.space[expr]`, an `.index.I` of it, then the method called. */
const SPACE_CALL =
  /\bbox\.space(?:\.([A-Za-z_]\w*)|\[\s*(?:(['"])([^'"\]]+)\2|[^\]]*)\s*\])((?:\.index(?:\.[A-Za-z_]\w*|\[[^\]]*\]))?)\s*[:.]\s*(truncate|drop|delete)\s*[({'"]/g;

/** `box.schema.KIND.drop('name')` and `box.sequence.NAME:drop()`: the object each drops. */
const SCHEMA_DROP =
  /\bbox\.(?:schema\.(user|role|func|sequence|space)\.drop\s*\(\s*(?:(['"])([^'"]*)\2)?|sequence\.([A-Za-z_]\w*)\s*:\s*drop\s*\()/g;
const SCHEMA_OBJECT: Record<string, string> = {
  user: 'USER',
  role: 'ROLE',
  func: 'FUNCTION',
  sequence: 'SEQUENCE',
  space: 'TABLE',
};

/** A loop over every tuple of a space (`:pairs()`, `:select()`, `:select{}`): a delete in it is unfiltered. */
const EVERY_TUPLE = /\bbox\.space\b[^\n;]*?[:.]\s*(?:pairs|select)\s*(?:\(\s*(?:\{\s*\}|nil)?\s*\)|\{\s*\})/;

/** The SQL text of `box.execute(...)` (also the older `box.sql.execute`): a long bracket or quoted string. */
const EXECUTE =
  /\bbox\.(?:sql\.)?execute\s*\(?\s*(?:\[(=*)\[([\s\S]*?)\]\1\]|(['"])((?:\\.|(?!\3)[^\\])*)\3)/g;

/** The statements of Lua text. */
function luaStatements(lua: string, label: string): Stmt[] {
  const out: Stmt[] = [];
  const unfiltered = EVERY_TUPLE.test(lua);
  for (const m of lua.matchAll(SPACE_CALL)) {
    const space = m[1] ?? m[3] ?? '*';
    const index = m[4] ? (/\.index(?:\.(\w+)|\[\s*['"]?([^'"\]]*))/.exec(m[4]) ?? []) : undefined;
    if (m[5] === 'truncate') out.push(storeStmt('TRUNCATE', 'TABLE', space, true, label));
    else if (m[5] === 'drop' && index)
      out.push(storeStmt('DROP', 'INDEX', index[1] ?? index[2] ?? '', true, label));
    else if (m[5] === 'drop') out.push(storeStmt('DROP', 'TABLE', space, true, label));
    else out.push(storeStmt('DELETE', 'TABLE', space, !unfiltered, label));
  }
  for (const m of lua.matchAll(SCHEMA_DROP))
    out.push(storeStmt('DROP', m[4] ? 'SEQUENCE' : SCHEMA_OBJECT[m[1]], m[4] ?? m[3] ?? '*', true, label));
  for (const m of lua.matchAll(EXECUTE))
    for (const s of classifySql(m[2] ?? m[4] ?? '', 'postgresql'))
      out.push({ ...s, label: `${label} box.execute` });
  return out;
}

/** `\set language sql|lua` (the console's own command, `\set language`'s value). */
const SET_LANGUAGE = /^\s*\\set\s+language\s+(sql|lua)\b/i;

/**
 * The statements of text sent to a Tarantool console or interpreter: Lua, or SQL after
 * `\set language sql` (from the start when `sql` is true: `tt connect --language sql`).
 */
export function tarantoolStatements(text: string, label: string, sql = false): Stmt[] {
  const out: Stmt[] = [];
  let lua: string[] = [];
  let query: string[] = [];
  const flush = () => {
    if (lua.length) out.push(...luaStatements(lua.join('\n'), label));
    for (const s of query.length ? classifySql(query.join('\n'), 'postgresql') : [])
      out.push({ ...s, label });
    lua = [];
    query = [];
  };
  let inSql = sql;
  for (const line of text.split(/\r?\n/)) {
    const set = SET_LANGUAGE.exec(line);
    if (set) {
      flush();
      inSql = set[1].toLowerCase() === 'sql';
    } else if (!/^\s*\\/.test(line)) (inSql ? query : lua).push(line);
  }
  flush();
  return out;
}
