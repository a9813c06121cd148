/**
 * SQL that arrives on a database connection (the sandbox's declared host services,
 * src/gates/proxy/services/) → the same `sql` facts the shell gate makes for `psql -c '…'`, so
 * the same rules judge both. Pure.
 */
import type { Fact } from '../engine/types.js';
import { fromStore, invocationFacts } from './sql.js';
import type { SqlDialect } from './sql-statements.js';
import { luaStatements } from './sql-redis-lua.js';

export interface WireSql {
  /** Client program name for the facts (`psql`); empty = the protocol's name. */
  tool: string;
  dialect: SqlDialect;
  /** The statement text as sent; undefined = unreadable (fail closed: an UNKNOWN statement). */
  text: string | undefined;
  /** How it was sent, for evidence: `query` (simple query), `parse` (extended protocol). */
  label: string;
  /** Where it goes (`postgres://app@127.0.0.1:5432/shop`, no password). */
  target: string;
}

export function wireSqlFacts(w: WireSql): Fact[] {
  const tool = w.tool || (w.dialect === 'postgresql' ? 'postgres' : w.dialect);
  return invocationFacts({
    tool,
    dialect: w.dialect,
    sources: [{ text: w.text, label: w.label }],
    target: w.target,
  }).map((f) => ({ ...f, command: 0 }) as Fact);
}

/**
 * One Redis command as sent on the wire (`["FLUSHALL", "ASYNC"]`) → the facts `redis-cli
 * FLUSHALL ASYNC` makes. `target` as in WireSql.
 */
export function wireRedisFacts(words: string[], target: string): Fact[] {
  if (!words.length) return [];
  const statement = words[0].toUpperCase();
  // `EVAL script numkeys …` runs the commands its Lua script calls.
  const stmts =
    statement === 'EVAL'
      ? luaStatements(words[1] ?? '').map((s) => ({ ...s, label: 'EVAL' }))
      : [{ statement, object: '', name: words.slice(1).join(' '), where: true, label: 'command' }];
  return fromStore({ tool: 'redis', target, stmts }).map((f) => ({ ...f, command: 0 }) as Fact);
}
