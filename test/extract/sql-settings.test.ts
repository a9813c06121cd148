/** Server settings a statement assigns (src/extract/sql-settings.ts): every spelling of SET, its scope and value. */
import { describe, expect, it } from 'vitest';
import { settingsOf } from '../../src/extract/sql-settings.js';
import { splitSql } from '../../src/extract/sql-tokenize.js';

const settings = (sql: string) =>
  settingsOf(splitSql(sql, true)[0]?.tokens ?? []).map((s) => [s.name, s.value, s.scope]);

describe('settingsOf', () => {
  it.each<[string, string[][]]>([
    [`ALTER SYSTEM SET archive_command = '/bin/true'`, [['archive_command', '/bin/true', 'server']]],
    [`alter system set archive_mode to off`, [['archive_mode', 'off', 'server']]],
    [`ALTER SYSTEM SET log_min_duration_statement = -1`, [['log_min_duration_statement', '-1', 'server']]],
    [`ALTER SYSTEM SET audit_trail = NONE SCOPE = SPFILE`, [['audit_trail', 'NONE', 'server']]],
    [`ALTER DATABASE prod SET pgaudit.log = 'none'`, [['pgaudit.log', 'none', 'database']]],
    [`ALTER ROLE app IN DATABASE prod SET work_mem = '64MB'`, [['work_mem', '64MB', 'role']]],
    [`SET GLOBAL binlog_expire_logs_seconds = 60`, [['binlog_expire_logs_seconds', '60', 'server']]],
    [`SET PERSIST_ONLY expire_logs_days = 0.5`, [['expire_logs_days', '0.5', 'server']]],
    [`SET @@GLOBAL.sql_log_bin = OFF`, [['sql_log_bin', 'OFF', 'server']]],
    [`SET @@session.sql_log_bin = 0`, [['sql_log_bin', '0', 'session']]],
    [`SET sql_mode = 'STRICT_TRANS_TABLES'`, [['sql_mode', 'STRICT_TRANS_TABLES', 'session']]],
    [
      `SET GLOBAL max_connections = 500, GLOBAL binlog_expire_logs_seconds = 120`,
      [
        ['max_connections', '500', 'server'],
        ['binlog_expire_logs_seconds', '120', 'server'],
      ],
    ],
    // not assignments
    [`ALTER DATABASE Shop SET RECOVERY SIMPLE`, []],
    [`ALTER TABLE t SET SCHEMA archive`, []],
    [`SHOW archive_command`, []],
    [`SELECT 'SET GLOBAL x = 1'`, []],
  ])('%s', (sql, want) => expect(settings(sql)).toEqual(want));
});
