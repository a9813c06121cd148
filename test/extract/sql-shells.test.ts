import { analyzeContext, command, packVerdict, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { SqlFact, StdinSource } from '../../src/engine/types.js';
import { extractSql } from '../../src/extract/sql.js';

const ctx = analyzeContext(WS, { readFile: () => undefined });
const sql = (argv: string[], stdin?: StdinSource) =>
  (extractSql(command(argv, { stdin }), ctx, []) as SqlFact[]).map((f) => [
    f.tool,
    f.statement,
    f.object,
    f.name,
    f.where,
  ]);

describe('warehouse, platform and framework commands that run the SQL they are given', () => {
  it.each<[string[], StdinSource | undefined, (string | boolean)[][]]>([
    [
      ['snow', 'sql', '-q', 'DROP SCHEMA ANALYTICS.RAW CASCADE', '--connection', 'prod'],
      undefined,
      [['snow', 'DROP', 'SCHEMA', 'ANALYTICS.RAW', true]],
    ],
    [
      ['snow', 'sql', '--query=TRUNCATE TABLE raw.events'],
      undefined,
      [['snow', 'TRUNCATE', 'TABLE', 'raw.events', true]],
    ],
    [['snow', 'sql', '-f', 'missing.sql'], undefined, [['snow', 'UNKNOWN', '', '-f missing.sql', true]]],
    [
      ['snow', 'sql', '-q', 'SHOW TABLES IN SCHEMA ANALYTICS.RAW', '-c', 'prod'],
      undefined,
      [['snow', 'SHOW', '', '', true]],
    ],
    [['snow', 'connection', 'list'], undefined, []],
    [['dolt', 'sql', '-q', 'DELETE FROM users'], undefined, [['dolt', 'DELETE', '', 'users', false]]],
    [['dolt', 'status'], undefined, []],
    [
      ['presto-cli', '--server', 'https://presto.example:8443', '--execute', 'DROP TABLE orders_2024'],
      undefined,
      [['presto-cli', 'DROP', 'TABLE', 'orders_2024', true]],
    ],
    [['trino-cli', '--execute', 'SHOW TABLES'], undefined, [['trino-cli', 'SHOW', '', '', true]]],
    [['presto-cli', '--version'], undefined, []],
    [
      ['sqlite-utils', 'query', 'app.db', 'DROP TABLE t'],
      undefined,
      [['sqlite-utils', 'DROP', 'TABLE', 't', true]],
    ],
    [
      ['platform', 'sql', '-e', 'main', 'TRUNCATE cache'],
      undefined,
      [['platform sql', 'TRUNCATE', 'TABLE', 'cache', true]],
    ],
    [
      ['upsun', 'db:sql'],
      { kind: 'heredoc', text: 'DROP TABLE t;' },
      [['upsun sql', 'DROP', 'TABLE', 't', true]],
    ],
    [
      ['npx', 'typeorm', 'query', 'TRUNCATE TABLE orders CASCADE', '-d', 'dist/data-source.js'],
      undefined,
      [['typeorm query', 'TRUNCATE', 'TABLE', 'orders', true]],
    ],
    [
      ['npx', 'typeorm-ts-node-commonjs', 'query', 'SELECT 1', '-d', 'src/ds.ts'],
      undefined,
      [['typeorm query', 'SELECT', '', '', true]],
    ],
    [['npx', 'typeorm', 'migration:run', '-d', 'dist/ds.js'], undefined, []],
    [
      ['php', 'bin/console', 'dbal:run-sql', 'DELETE FROM sessions'],
      undefined,
      [['doctrine run-sql', 'DELETE', '', 'sessions', false]],
    ],
    [
      ['symfony', 'console', 'doctrine:query:sql', 'SELECT * FROM users LIMIT 3'],
      undefined,
      [['doctrine run-sql', 'SELECT', '', '', true]],
    ],
    [
      ['drush', '@prod', 'sql:query', 'TRUNCATE cache_render'],
      undefined,
      [['drush sql:query', 'TRUNCATE', 'TABLE', 'cache_render', true]],
    ],
    [
      ['drush', 'sqlc'],
      { kind: 'heredoc', text: 'DROP TABLE users;' },
      [['drush sql:cli', 'DROP', 'TABLE', 'users', true]],
    ],
    [
      ['wp', 'db', 'query', 'DELETE FROM wp_posts'],
      undefined,
      [['wp db query', 'DELETE', '', 'wp_posts', false]],
    ],
    [
      ['wp', 'db', 'query', 'SELECT ID FROM wp_posts LIMIT 1'],
      undefined,
      [['wp db query', 'SELECT', '', '', true]],
    ],
    [['ddev', 'mysql', '-e', 'DROP DATABASE db'], undefined, [['mysql', 'DROP', 'DATABASE', 'db', true]]],
    [['lando', 'psql', '-c', 'TRUNCATE t'], undefined, [['psql', 'TRUNCATE', 'TABLE', 't', true]]],
    [['ddev', 'start'], undefined, []],
    [
      ['gcloud', 'sql', 'connect', 'prod-db', '--user=postgres'],
      { kind: 'heredoc', text: 'DROP TABLE t;' },
      [['gcloud sql connect', 'DROP', 'TABLE', 't', true]],
    ],
    [
      [
        'az',
        'postgres',
        'flexible-server',
        'execute',
        '-n',
        'pg',
        '-u',
        'admin',
        '-d',
        'shop',
        '--querytext',
        'DELETE FROM orders',
      ],
      undefined,
      [['az flexible-server execute', 'DELETE', '', 'orders', false]],
    ],
    [
      ['liquibase', 'execute-sql', '--sql=DROP TABLE audit'],
      undefined,
      [['liquibase execute-sql', 'DROP', 'TABLE', 'audit', true]],
    ],
    // Db2's command line: statements as operands, or a script with -f (its letters grouped: -tvf)
    [['db2', 'DROP TABLE orders'], undefined, [['db2', 'DROP', 'TABLE', 'orders', true]]],
    [['db2', '-tvf', 'drop_all.sql'], undefined, [['db2', 'UNKNOWN', '', '-f drop_all.sql', true]]],
    [
      ['db2', '-z', 'out.log', 'SELECT COUNT(*) FROM SYSCAT.TABLES'],
      undefined,
      [['db2', 'SELECT', '', '', true]],
    ],
    // SQL*Plus: statements on stdin
    [
      ['sqlplus', '-s', '/', 'as', 'sysdba'],
      { kind: 'pipe', text: 'GRANT DBA TO app_owner;' },
      [['sqlplus', 'GRANT', 'ADMIN', 'app_owner', true]],
    ],
  ])('%j', (argv, stdin, want) => {
    expect(sql(argv, stdin)).toEqual(want);
  });
});

describe("Db2's command line: its words are one command, quoted or not", () => {
  const verdict = packVerdict('databases');
  it.each<[string, string]>([
    ['db2 drop table orders', 'ask databases/drop-table'],
    ['db2 "DROP DATABASE SALES"', 'ask databases/drop-database'],
    ['db2 -v drop database SALES', 'ask databases/drop-database'],
    ['db2 connect to SALES && db2 "DROP TABLESPACE ts_orders"', 'ask databases/drop-schema-object'],
    [
      "cat > /tmp/drop.sql <<'EOF'\nDROP TABLE payroll;\nEOF\ndb2 -tvf /tmp/drop.sql",
      'ask databases/drop-table',
    ],
    // fail closed: a statement the shell fills in, a script that cannot be read
    ['db2 "$STMT"', 'ask databases/unreadable-sql'],
    ['db2 -tvf /srv/db2/missing.sql', 'ask databases/unreadable-sql'],
    // a password the shell fills in does not make the connect unknown
    ['db2 connect to SALES user db2inst1 using "$DB2_PW"', 'allow'],
    ['db2 list history backup all for SALES', 'allow'],
    ['db2 "select count(*) from syscat.tables"', 'allow'],
  ])('%s', async (cmd, want) => {
    expect((await verdict)(cmd)).toBe(want);
  });
});

describe('Oracle SQLcl (`sql`): a login, then statements on stdin or from @script', () => {
  const verdict = packVerdict('databases');
  it.each<[string, string]>([
    [
      'sql -S admin/"$ORA_PW"@prod_high <<\'SQL\'\nDROP USER billing CASCADE;\nEXIT\nSQL',
      'ask databases/drop-schema-object',
    ],
    [
      'sql -S admin/"$ORA_PW"@prod_high <<\'SQL\'\nDROP TABLE billing.invoices PURGE;\nSQL',
      'ask databases/drop-table',
    ],
    ['echo \'PURGE DBA_RECYCLEBIN;\' | sql -S admin/"$ORA_PW"@prod_high', 'ask databases/backups-off'],
    [
      'cat > drop.sql <<\'EOF\'\nDROP USER app CASCADE;\nexit\nEOF\nsql -s sys/"$PW"@db1 as sysdba @drop.sql',
      'ask databases/drop-schema-object',
    ],
    // fail closed: a script that cannot be read
    ['sql -S admin/"$PW"@db1 @/srv/ops/missing.sql', 'ask databases/unreadable-sql'],
    ['sql -S admin/"$ORA_PW"@prod_high <<\'SQL\'\nSELECT username FROM dba_users;\nEXIT\nSQL', 'allow'],
    ['sql -S -cloudconfig wallet.zip admin/"$PW"@adb_low <<<"SELECT 1 FROM dual;"', 'allow'],
  ])('%s', async (cmd, want) => {
    expect((await verdict)(cmd)).toBe(want);
  });
});
