/**
 * Redis Lua scripts (`EVAL script numkeys …`, `redis-cli --eval file.lua`): the commands a
 * script calls through `redis.call` / `redis.pcall` (Valkey's `server.call` too), each read
 * like the same command typed at redis-cli. A key given as a literal or as `KEYS[n]` (named on
 * the command line) is a named key; any other key is computed while the script runs (a loop
 * over `KEYS *`), so a delete of it is as unbounded as keys piped into DEL.
 */
import type { SqlStmt } from './sql-statements.js';

/** `redis.call('DEL', k)`: the command (literal or not) and the first argument. */
const CALL = /\b(?:redis|server)\s*\.\s*p?call\s*\(\s*(?:(['"])([\w.]+)\1|([^,)]*))\s*(?:,\s*([^,)]*))?/g;

/** A key named when the script starts: a string literal or `KEYS[n]`. */
const NAMED_KEY = /^(?:(['"])[^'"]*\1|KEYS\s*\[\s*\d+\s*\])$/;

/** The commands a Lua script runs; a command chosen at run time is UNKNOWN. */
export function luaStatements(script: string): SqlStmt[] {
  const out: SqlStmt[] = [];
  const code = script.replace(/--\[\[[\s\S]*?\]\]|--[^\n]*/g, ' ');
  for (const m of code.matchAll(CALL)) {
    if (m[2] === undefined) {
      // fail closed: the command is a variable, so any command may run.
      out.push({ statement: 'UNKNOWN', object: '', name: 'a Redis command chosen at run time', where: true });
      continue;
    }
    const key = (m[4] ?? '').trim();
    const named = key === '' || NAMED_KEY.test(key);
    out.push({
      statement: m[2].toUpperCase(),
      object: '',
      name: named ? key.replace(/^['"]|['"]$/g, '') : '*',
      where: named,
    });
  }
  return out;
}
