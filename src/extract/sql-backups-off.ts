/**
 * SQL that destroys what a database is recovered from, or stops keeping it: MySQL's binary
 * logs purged or reset (`PURGE BINARY LOGS …`, `RESET MASTER`, `RESET BINARY LOGS AND GTIDS`),
 * kept for less than a day (`binlog_expire_logs_seconds`, MariaDB's fractional
 * `expire_logs_days`) or no longer written server-wide (`SET GLOBAL sql_log_bin = 0`);
 * PostgreSQL's WAL archiving switched off (`archive_mode = off`, an `archive_command` that does
 * nothing, `wal_level = minimal`) or a replication slot dropped (`pg_drop_replication_slot(…)`,
 * `DROP_REPLICATION_SLOT`); SQL Server's log chain broken (`ALTER DATABASE d SET RECOVERY
 * SIMPLE`, `BACKUP LOG d TO DISK = 'NUL'`, `WITH TRUNCATE_ONLY`); Oracle's archiving or
 * flashback switched off (`ALTER DATABASE NOARCHIVELOG`, `FLASHBACK OFF`) and its recycle bin
 * purged (`PURGE RECYCLEBIN`, `PURGE TABLE t`; OceanBase's `PURGE TENANT t`). Each reads as a
 * statement of kind NOBACKUP whose object says what is lost: BINLOG, ARCHIVE, SLOT, LOG CHAIN,
 * RECYCLEBIN, REPLICA (`RESET REPLICA|SLAVE`: a replica's relay logs and position), TIME TRAVEL
 * (Snowflake's `ALTER ACCOUNT|DATABASE|SCHEMA|TABLE … SET DATA_RETENTION_TIME_IN_DAYS = 0`:
 * dropped or changed data can no longer be undropped or read back in time). Reading them (`SHOW BINARY LOGS`, `SELECT * FROM pg_replication_slots`), a
 * real archive command or longer retention is not. Crash safety switched off (`fsync = off`)
 * is read by sql-durability.ts, as NOBACKUP of object DURABILITY.
 */
import type { SqlStmt } from './sql-statements.js';
import { settingsOf, type SqlSetting } from './sql-settings.js';
import { isWord, wordsAt, type SqlToken } from './sql-tokenize.js';
import { historyDropped } from './sql-table-history.js';
import { durabilityOff } from './sql-durability.js';

const stmt = (object: string, name: string): SqlStmt => ({
  statement: 'NOBACKUP',
  object,
  name,
  where: true,
});

/** An archive command that archives nothing (`''`, `/bin/true`, `:`, `exit 0`, `echo …`). */
const NOOP_COMMAND = /^(?:|:|true|\/(?:usr\/)?bin\/true|exit(?:\s+0)?|cd\s+\.|(?:\/bin\/)?echo\b.*)$/i;
/** PostgreSQL's slot-dropping function, schema-qualified or not. */
const DROP_SLOT = /(?:^|\.)PG_DROP_REPLICATION_SLOT$/;
const OFF = /^(?:off|false|no|0)$/i;
/** Less than a day of binary logs is kept (0 keeps them for ever: automatic purging off). */
const DAY = 86400;

/** What a setting assignment stops keeping; undefined = nothing. */
function settingOff(s: SqlSetting): SqlStmt | undefined {
  const v = s.value.trim();
  const n = Number(v);
  switch (s.name) {
    case 'archive_mode':
      return OFF.test(v) ? stmt('ARCHIVE', s.name) : undefined;
    case 'archive_command':
      return NOOP_COMMAND.test(v) ? stmt('ARCHIVE', s.name) : undefined;
    case 'wal_level':
      return /^minimal$/i.test(v) ? stmt('ARCHIVE', s.name) : undefined;
    case 'binlog_expire_logs_seconds':
      return n > 0 && n < DAY ? stmt('BINLOG', s.name) : undefined;
    case 'expire_logs_days':
      return n > 0 && n < 1 ? stmt('BINLOG', s.name) : undefined;
    case 'sql_log_bin':
    case 'log_bin':
      return s.scope === 'server' && OFF.test(v) ? stmt('BINLOG', s.name) : undefined;
    default:
      return undefined;
  }
}

/** Name after `at` (the word or identifier there, or empty). */
const nameAt = (tokens: SqlToken[], at: number) => {
  // SQL Server's `[name]`
  const t = tokens[at]?.text === '[' ? tokens[at + 1] : tokens[at];
  return t && (t.type === 'word' || t.type === 'ident') ? t.raw : '';
};

/** SQL Server's `BACKUP LOG|DATABASE d TO DISK = 'NUL'` (or `WITH TRUNCATE_ONLY|NO_LOG`): the log chain is thrown away. */
function backupDiscarded(tokens: SqlToken[]): SqlStmt | undefined {
  if (!isWord(tokens[0], 'BACKUP') || !isWord(tokens[1], 'LOG', 'DATABASE')) return undefined;
  const to = tokens.findIndex((t) => isWord(t, 'DISK', 'URL'));
  // `N'NUL'`: SQL Server's Unicode string prefix
  const at = to + (isWord(tokens[to + 2], 'N') ? 3 : 2);
  const dest = to > 0 && tokens[to + 1]?.text === '=' ? tokens[at] : undefined;
  const nul = dest?.type === 'string' && /^(?:nul:?|\/dev\/null)$/i.test(dest.raw.trim());
  const truncate = tokens.some((t) => isWord(t, 'TRUNCATE_ONLY', 'NO_LOG'));
  const copyOnly = tokens.some((t) => isWord(t, 'COPY_ONLY'));
  return (nul && !copyOnly) || truncate ? stmt('LOG CHAIN', nameAt(tokens, 2)) : undefined;
}

/** Snowflake's `ALTER … SET … DATA_RETENTION_TIME_IN_DAYS = 0` (in any place of the SET list): Time Travel off. */
function timeTravelOff(tokens: SqlToken[]): SqlStmt | undefined {
  if (!isWord(tokens[0], 'ALTER')) return undefined;
  const off = tokens.some(
    (t, i) =>
      isWord(t, 'DATA_RETENTION_TIME_IN_DAYS') &&
      tokens[i + 1]?.text === '=' &&
      tokens[i + 2]?.type === 'number' &&
      Number(tokens[i + 2].raw) === 0,
  );
  if (!off) return undefined;
  const at = isWord(tokens[2], 'IF') && isWord(tokens[3], 'EXISTS') ? 4 : 2;
  return stmt('TIME TRAVEL', isWord(tokens[1], 'ACCOUNT') ? 'account' : nameAt(tokens, at));
}

/** The backups the statement `tokens` destroys or stops keeping, as a NOBACKUP statement; undefined = none. */
export function backupsOff(tokens: SqlToken[]): SqlStmt | undefined {
  const [a, b] = tokens;
  if (isWord(a, 'PURGE')) {
    if (isWord(b, 'BINARY', 'MASTER') && isWord(tokens[2], 'LOGS')) return stmt('BINLOG', 'binary logs');
    if (isWord(b, 'RECYCLEBIN', 'DBA_RECYCLEBIN', 'TABLE', 'INDEX', 'TABLESPACE', 'TENANT', 'DATABASE'))
      return stmt('RECYCLEBIN', isWord(b, 'RECYCLEBIN', 'DBA_RECYCLEBIN') ? 'recyclebin' : nameAt(tokens, 2));
  }
  if (isWord(a, 'RESET') && (isWord(b, 'MASTER') || wordsAt(tokens, 1, 'BINARY', 'LOGS')))
    return stmt('BINLOG', 'binary logs');
  // a replica's relay logs and position discarded (`ALL`: its source too): it no longer follows the primary
  if (isWord(a, 'RESET') && isWord(b, 'REPLICA', 'SLAVE')) return stmt('REPLICA', nameAt(tokens, 2));
  if (isWord(a, 'DROP_REPLICATION_SLOT')) return stmt('SLOT', nameAt(tokens, 1));
  // a slot dropped by a function call anywhere in the statement (`SELECT pg_drop_replication_slot(slot_name) FROM …`)
  const call = tokens.findIndex(
    (t, i) => t.type === 'word' && DROP_SLOT.test(t.text) && tokens[i + 1]?.text === '(',
  );
  if (call >= 0) {
    const arg = tokens[call + 2];
    return stmt('SLOT', arg?.type === 'string' ? arg.raw : 'replication slot');
  }
  if (isWord(a, 'ALTER') && isWord(b, 'DATABASE')) {
    // SQL Server: `ALTER DATABASE d SET RECOVERY SIMPLE`; Oracle: `ALTER DATABASE NOARCHIVELOG`, `… FLASHBACK OFF`
    const set = tokens.findIndex((t, i) => isWord(t, 'SET') && wordsAt(tokens, i + 1, 'RECOVERY', 'SIMPLE'));
    if (set > 0) return stmt('LOG CHAIN', nameAt(tokens, 2));
    if (tokens.some((t) => isWord(t, 'NOARCHIVELOG'))) return stmt('ARCHIVE', 'archivelog');
    if (tokens.some((t, i) => isWord(t, 'FLASHBACK') && isWord(tokens[i + 1], 'OFF')))
      return stmt('ARCHIVE', 'flashback');
  }
  // a table format's history: sql-table-history.ts
  const backup = backupDiscarded(tokens) ?? timeTravelOff(tokens) ?? historyDropped(tokens);
  if (backup) return backup;
  for (const s of settingsOf(tokens)) {
    const off = settingOff(s) ?? durabilityOff(s);
    if (off) return off;
  }
  return undefined;
}
