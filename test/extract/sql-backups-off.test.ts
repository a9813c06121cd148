/**
 * Backups destroyed or no longer kept, in SQL (src/extract/sql-backups-off.ts): binary logs,
 * WAL archiving, replication slots, the log chain, the recycle bin. The SQL reader decides, so
 * every route that reaches it (client options, files, stdin, code drivers) is judged the same.
 */
import { describe, expect, it } from 'vitest';
import { classifySql, type SqlDialect } from '../../src/extract/sql-statements.js';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('databases');

const read = (sql: string, dialect: SqlDialect = 'postgresql') =>
  classifySql(sql, dialect).map((s) => [s.statement, s.object, s.name]);

describe('backupsOff, read as a NOBACKUP statement', () => {
  it.each<[string, SqlDialect, string[][]]>([
    [`PURGE BINARY LOGS BEFORE NOW()`, 'mysql', [['NOBACKUP', 'BINLOG', 'binary logs']]],
    [`purge master logs to 'mysql-bin.000412'`, 'mysql', [['NOBACKUP', 'BINLOG', 'binary logs']]],
    [`RESET MASTER`, 'mysql', [['NOBACKUP', 'BINLOG', 'binary logs']]],
    [`RESET BINARY LOGS AND GTIDS`, 'mysql', [['NOBACKUP', 'BINLOG', 'binary logs']]],
    [`RESET REPLICA ALL`, 'mysql', [['NOBACKUP', 'REPLICA', 'ALL']]],
    [
      `SET PERSIST binlog_expire_logs_seconds = 60`,
      'mysql',
      [['NOBACKUP', 'BINLOG', 'binlog_expire_logs_seconds']],
    ],
    [`SET GLOBAL expire_logs_days = 0.01`, 'mysql', [['NOBACKUP', 'BINLOG', 'expire_logs_days']]],
    [`SET GLOBAL sql_log_bin = OFF`, 'mysql', [['NOBACKUP', 'BINLOG', 'sql_log_bin']]],
    [`ALTER SYSTEM SET archive_command = ''`, 'postgresql', [['NOBACKUP', 'ARCHIVE', 'archive_command']]],
    [
      `ALTER SYSTEM SET archive_command TO 'exit 0'`,
      'postgresql',
      [['NOBACKUP', 'ARCHIVE', 'archive_command']],
    ],
    [`ALTER SYSTEM SET archive_mode = off`, 'postgresql', [['NOBACKUP', 'ARCHIVE', 'archive_mode']]],
    [`ALTER SYSTEM SET wal_level = 'minimal'`, 'postgresql', [['NOBACKUP', 'ARCHIVE', 'wal_level']]],
    [`SELECT pg_drop_replication_slot('standby_1')`, 'postgresql', [['NOBACKUP', 'SLOT', 'standby_1']]],
    [
      `SELECT pg_catalog.pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE NOT active`,
      'postgresql',
      [['NOBACKUP', 'SLOT', 'replication slot']],
    ],
    [`DROP_REPLICATION_SLOT standby_1 WAIT`, 'postgresql', [['NOBACKUP', 'SLOT', 'standby_1']]],
    [
      `DO $$ BEGIN PERFORM pg_drop_replication_slot(slot_name) FROM pg_replication_slots; END $$`,
      'postgresql',
      [['NOBACKUP', 'SLOT', 'replication slot']],
    ],
    [
      `ALTER DATABASE [Shop] SET RECOVERY SIMPLE WITH NO_WAIT`,
      'postgresql',
      [['NOBACKUP', 'LOG CHAIN', 'Shop']],
    ],
    [`BACKUP LOG Shop TO DISK = N'NUL'`, 'postgresql', [['NOBACKUP', 'LOG CHAIN', 'Shop']]],
    [`BACKUP DATABASE Shop TO DISK = '/dev/null'`, 'postgresql', [['NOBACKUP', 'LOG CHAIN', 'Shop']]],
    [`BACKUP LOG Shop WITH TRUNCATE_ONLY`, 'postgresql', [['NOBACKUP', 'LOG CHAIN', 'Shop']]],
    [`ALTER DATABASE NOARCHIVELOG`, 'postgresql', [['NOBACKUP', 'ARCHIVE', 'archivelog']]],
    [`ALTER DATABASE FLASHBACK OFF`, 'postgresql', [['NOBACKUP', 'ARCHIVE', 'flashback']]],
    [`PURGE DBA_RECYCLEBIN`, 'postgresql', [['NOBACKUP', 'RECYCLEBIN', 'recyclebin']]],
    [`PURGE TENANT prod_tenant`, 'mysql', [['NOBACKUP', 'RECYCLEBIN', 'prod_tenant']]],
    // Snowflake's Time Travel off, at any level and anywhere in the SET list
    [
      `ALTER DATABASE ANALYTICS SET DATA_RETENTION_TIME_IN_DAYS = 0`,
      'postgresql',
      [['NOBACKUP', 'TIME TRAVEL', 'ANALYTICS']],
    ],
    [
      `alter account set data_retention_time_in_days=0`,
      'postgresql',
      [['NOBACKUP', 'TIME TRAVEL', 'account']],
    ],
    [
      `ALTER SCHEMA s1 SET COMMENT = 'x', DATA_RETENTION_TIME_IN_DAYS = 0`,
      'postgresql',
      [['NOBACKUP', 'TIME TRAVEL', 's1']],
    ],
    [
      `ALTER TABLE IF EXISTS orders SET DATA_RETENTION_TIME_IN_DAYS = 0`,
      'postgresql',
      [['NOBACKUP', 'TIME TRAVEL', 'orders']],
    ],
  ])('%s', (sql, dialect, want) => expect(read(sql, dialect)).toEqual(want));

  it.each<[string, SqlDialect]>([
    // reading them, keeping them longer, archiving for real, restoring a session setting
    [`SHOW BINARY LOGS`, 'mysql'],
    [`SHOW MASTER STATUS`, 'mysql'],
    [`SET GLOBAL binlog_expire_logs_seconds = 604800`, 'mysql'],
    [`SET GLOBAL binlog_expire_logs_seconds = 0`, 'mysql'],
    [`SET GLOBAL expire_logs_days = 7`, 'mysql'],
    [`SET sql_log_bin = 0`, 'mysql'],
    [`SET SESSION sql_mode = 'STRICT_TRANS_TABLES'`, 'mysql'],
    [`RESET QUERY CACHE`, 'mysql'],
    [`SHOW archive_command`, 'postgresql'],
    [`SELECT * FROM pg_replication_slots`, 'postgresql'],
    [`ALTER SYSTEM SET archive_command = 'pgbackrest --stanza=main archive-push %p'`, 'postgresql'],
    [`ALTER SYSTEM SET archive_mode = on`, 'postgresql'],
    [`ALTER SYSTEM SET work_mem = '64MB'`, 'postgresql'],
    [`RESET search_path`, 'postgresql'],
    [`SELECT 'PURGE BINARY LOGS BEFORE NOW()'`, 'mysql'],
    [`ALTER DATABASE Shop SET RECOVERY FULL`, 'postgresql'],
    [`BACKUP LOG Shop TO DISK = N'NUL' WITH COPY_ONLY`, 'postgresql'],
    [`BACKUP DATABASE Shop TO DISK = N'/var/opt/mssql/backup/shop.bak'`, 'postgresql'],
    [`ALTER DATABASE ANALYTICS SET DATA_RETENTION_TIME_IN_DAYS = 30`, 'postgresql'],
    [`SHOW PARAMETERS LIKE 'DATA_RETENTION_TIME_IN_DAYS' IN DATABASE ANALYTICS`, 'postgresql'],
    [`CREATE TRANSIENT TABLE staging_rows (id INT) DATA_RETENTION_TIME_IN_DAYS = 0`, 'postgresql'],
  ])('not: %s', (sql, dialect) => expect(read(sql, dialect).filter(([s]) => s === 'NOBACKUP')).toEqual([]));
});

describe('every route the SQL reader is reached by judges them the same', () => {
  it.each<[string, string]>([
    [
      `mysql -h db.example.internal -u admin -e "PURGE BINARY LOGS BEFORE NOW()"`,
      'ask databases/backups-off',
    ],
    [
      `obclient -h ob.example.internal -P2881 -uroot@sys --execute='RESET MASTER'`,
      'ask databases/backups-off',
    ],
    [`mariadb -u root <<'SQL'\nSET GLOBAL expire_logs_days = 0.01;\nSQL`, 'ask databases/backups-off'],
    [`sudo -u postgres psql -c "ALTER SYSTEM SET archive_command = ''"`, 'ask databases/backups-off'],
    [
      `printf '%s\\n' "ALTER SYSTEM SET archive_mode = off;" > /tmp/off.sql && psql -U postgres -f /tmp/off.sql`,
      'ask databases/backups-off',
    ],
    [
      `python3 -c "import psycopg2; psycopg2.connect('dbname=prod').cursor().execute(\\"SELECT pg_drop_replication_slot('s1')\\")"`,
      'ask databases/backups-off',
    ],
    [`sqlcmd -S prod-sql -Q "BACKUP LOG [Shop] TO DISK = N'NUL'"`, 'ask databases/backups-off'],
    [
      `snowsql -c prod -q "ALTER DATABASE A SET DATA_RETENTION_TIME_IN_DAYS = 0; ALTER SCHEMA A.CORE SET DATA_RETENTION_TIME_IN_DAYS = 0;"`,
      'ask databases/backups-off',
    ],
    [
      `cat > r.sql <<'EOF'\nALTER ACCOUNT SET DATA_RETENTION_TIME_IN_DAYS = 0;\nEOF\nsnowsql -c admin -f r.sql`,
      'ask databases/backups-off',
    ],
    [`snow sql -q "alter table t set data_retention_time_in_days = 0"`, 'ask databases/backups-off'],
    [`snowsql -c prod -q "ALTER DATABASE A SET DATA_RETENTION_TIME_IN_DAYS = 90"`, 'allow'],
    [`mysql -h db.example.internal -e 'SHOW BINARY LOGS'`, 'allow'],
    [`psql -c 'SELECT slot_name, active FROM pg_replication_slots'`, 'allow'],
    [`psql -c 'RESET ALL'`, 'allow'],
  ])('%s', (script, want) => expect(verdict(script)).toBe(want));
});
