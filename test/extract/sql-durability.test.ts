/**
 * A database's crash safety switched off (src/extract/sql-durability.ts): PostgreSQL's fsync and
 * full page writes, MySQL's commit flushing, Redis's persistence. Reading or switching them back
 * on, and a session's own setting, stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { classifySql, type SqlDialect } from '../../src/extract/sql-statements.js';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('databases');

const read = (sql: string, dialect: SqlDialect = 'postgresql') =>
  classifySql(sql, dialect).map((s) => [s.statement, s.object, s.name]);

describe('durabilityOff, read as a NOBACKUP statement of object DURABILITY', () => {
  it.each<[string, SqlDialect, string[][]]>([
    [`ALTER SYSTEM SET fsync = off`, 'postgresql', [['NOBACKUP', 'DURABILITY', 'fsync']]],
    [`alter system set fsync='off'`, 'postgresql', [['NOBACKUP', 'DURABILITY', 'fsync']]],
    [
      `ALTER SYSTEM SET full_page_writes TO false`,
      'postgresql',
      [['NOBACKUP', 'DURABILITY', 'full_page_writes']],
    ],
    [
      `ALTER SYSTEM SET synchronous_commit TO off`,
      'postgresql',
      [['NOBACKUP', 'DURABILITY', 'synchronous_commit']],
    ],
    [
      `SET GLOBAL innodb_flush_log_at_trx_commit=0`,
      'mysql',
      [['NOBACKUP', 'DURABILITY', 'innodb_flush_log_at_trx_commit']],
    ],
    [
      `SET @@GLOBAL.innodb_flush_log_at_trx_commit = 2`,
      'mysql',
      [['NOBACKUP', 'DURABILITY', 'innodb_flush_log_at_trx_commit']],
    ],
    [`SET GLOBAL sync_binlog = 0`, 'mysql', [['NOBACKUP', 'DURABILITY', 'sync_binlog']]],
    [`SET PERSIST innodb_doublewrite = OFF`, 'mysql', [['NOBACKUP', 'DURABILITY', 'innodb_doublewrite']]],
  ])('%s', (sql, dialect, want) => expect(read(sql, dialect)).toEqual(want));

  it.each<[string, SqlDialect]>([
    [`SHOW fsync`, 'postgresql'],
    [`ALTER SYSTEM SET fsync = on`, 'postgresql'],
    [`SET synchronous_commit = off`, 'postgresql'],
    [`ALTER SYSTEM SET work_mem = '64MB'`, 'postgresql'],
    [`SET GLOBAL innodb_flush_log_at_trx_commit = 1`, 'mysql'],
    [`SET GLOBAL sync_binlog = 1`, 'mysql'],
  ])('%s: no durability statement', (sql, dialect) =>
    expect(read(sql, dialect).filter((s) => s[1] === 'DURABILITY')).toEqual([]),
  );
});

describe('durability-off rule', () => {
  it.each([
    [
      `psql "$PROD_DATABASE_URL" -c "ALTER SYSTEM SET fsync = off" -c "SELECT pg_reload_conf()"`,
      'ask databases/durability-off',
    ],
    [`sudo -u postgres psql -c "ALTER SYSTEM SET full_page_writes = off"`, 'ask databases/durability-off'],
    [
      `mariadb -u root <<'SQL'\nSET GLOBAL innodb_flush_log_at_trx_commit = 0;\nSQL`,
      'ask databases/durability-off',
    ],
    [`redis-cli -h cache.prod.acme.internal CONFIG SET appendonly no`, 'ask databases/durability-off'],
    [`redis-cli -h r1 config set appendfsync no`, 'ask databases/durability-off'],
    [`redis-cli CONFIG SET save ""`, 'ask databases/durability-off'],
    [`keydb-cli config set save ''`, 'ask databases/durability-off'],
    [`valkey-cli CONFIG SET maxmemory 2gb appendonly no`, 'ask databases/durability-off'],
    [`redis-cli CONFIG SET stop-writes-on-bgsave-error no`, 'ask databases/durability-off'],
    [`printf 'CONFIG SET appendonly no\\n' | redis-cli -h cache`, 'ask databases/durability-off'],
    [`psql -c "SHOW fsync"`, 'allow'],
    [`psql -c "ALTER SYSTEM SET fsync = on"`, 'allow'],
    [`mysql -e "SELECT @@innodb_flush_log_at_trx_commit"`, 'allow'],
    [`redis-cli CONFIG GET appendonly`, 'allow'],
    [`redis-cli CONFIG SET appendonly yes`, 'allow'],
    [`redis-cli CONFIG SET save "900 1 300 10"`, 'allow'],
    [`redis-cli INFO persistence`, 'allow'],
  ])('%s', (script, want) => expect(verdict(script)).toBe(want));
});
