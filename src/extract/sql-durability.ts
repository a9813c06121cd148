/**
 * Settings that switch a database's crash safety off, so that what it acknowledged as written
 * can be lost or its files corrupted by the next crash or power cut: PostgreSQL's `fsync`,
 * `full_page_writes` and server-wide `synchronous_commit` off; MySQL's
 * `innodb_flush_log_at_trx_commit` other than 1, `sync_binlog = 0`, `innodb_doublewrite` off;
 * Redis's (and its forks') append-only file off (`CONFIG SET appendonly no`), never synced
 * (`appendfsync no`), its snapshots off (`CONFIG SET save ""`) or writes accepted while they
 * fail (`stop-writes-on-bgsave-error no`). Each reads as a statement of
 * kind NOBACKUP whose object is DURABILITY (the log the database recovers from is no longer
 * kept safe). Reading them (`SHOW fsync`, `CONFIG GET appendonly`), switching them back on, and
 * a session's own `SET synchronous_commit = off` (its own transactions only) are not.
 */
import type { SqlStmt } from './sql-statements.js';
import type { SqlSetting } from './sql-settings.js';

const OFF = /^(?:off|false|no|0)$/i;
const stmt = (name: string): SqlStmt => ({ statement: 'NOBACKUP', object: 'DURABILITY', name, where: true });

/** An SQL setting that switches crash safety off (server, database or role wide); undefined = it does not. */
export function durabilityOff(s: SqlSetting): SqlStmt | undefined {
  // a plain SET changes the caller's own session only
  if (s.scope === 'session') return undefined;
  const v = s.value.trim();
  switch (s.name) {
    case 'fsync':
    case 'full_page_writes':
    case 'synchronous_commit':
    case 'sync_binlog':
    case 'innodb_doublewrite':
      return OFF.test(v) ? stmt(s.name) : undefined;
    case 'innodb_flush_log_at_trx_commit':
      // 1 flushes at every commit; 0 and 2 lose up to a second of commits
      return /^[02]$/.test(v) ? stmt(s.name) : undefined;
    default:
      return undefined;
  }
}

/** An empty value as a word (`""`, `''` when read from a line) or an argument. */
const EMPTY = /^(?:|""|'')$/;

/**
 * Redis `CONFIG SET name value [name value …]` that switches persistence off: `appendonly
 * no`, `appendfsync no`, `save ""`. `command` is upper-case, `rest` its words; undefined = not such a command.
 */
export function redisDurabilityOff(command: string, rest: string[]): SqlStmt | undefined {
  if (command !== 'CONFIG' || rest[0]?.toUpperCase() !== 'SET') return undefined;
  for (let i = 1; i + 1 < rest.length; i += 2) {
    const name = rest[i].toLowerCase();
    const value = rest[i + 1];
    if (name === 'appendonly' && OFF.test(value)) return stmt(name);
    if (name === 'appendfsync' && /^no$/i.test(value)) return stmt(name);
    if (name === 'save' && EMPTY.test(value)) return stmt(name);
    // writes keep being accepted while snapshots fail
    if (name === 'stop-writes-on-bgsave-error' && OFF.test(value)) return stmt(name);
  }
  return undefined;
}
