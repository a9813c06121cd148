import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { NormalizedCommand, SqlFact, StdinSource } from '../../src/engine/types.js';
import { extractSql } from '../../src/extract/sql.js';
import { classifySql } from '../../src/extract/sql-statements.js';
import { peelRunner } from '../../src/extract/sql-frameworks.js';

const FILES: Record<string, string> = {
  '/ws/scripts/wipe.sql': 'BEGIN;\nDROP TABLE users;\nDROP TABLE orders;\nCOMMIT;\n',
  '/ws/seed.sql': "INSERT INTO t VALUES ('DROP TABLE x');\n",
  '/ws/cleanup.js': 'db.sessions.deleteMany({})\n',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });

const cmd = (argv: string[], stdin?: StdinSource): NormalizedCommand => command(argv, { stdin });
const sql = (argv: string[], stdin?: StdinSource) =>
  (extractSql(cmd(argv, stdin), ctx, []) as Omit<SqlFact, 'command'>[]).map((f) => [
    f.tool,
    f.statement,
    f.object,
    f.name,
    f.where,
  ]);

describe('statement classification (parser, then lexer fallback)', () => {
  it.each<[string, 'postgresql' | 'mysql' | 'sqlite', (string | boolean)[][]]>([
    ['DROP DATABASE production;', 'postgresql', [['DROP', 'DATABASE', 'production', true]]],
    ['drop schema if exists prod cascade', 'postgresql', [['DROP', 'SCHEMA', 'prod', true]]],
    ['DROP TABLE IF EXISTS a, b CASCADE', 'postgresql', [['DROP', 'TABLE', 'a, b', true]]],
    ['DROP MATERIALIZED VIEW mv', 'postgresql', [['DROP', 'VIEW', 'mv', true]]],
    ['DROP INDEX CONCURRENTLY idx_a', 'postgresql', [['DROP', 'INDEX', 'idx_a', true]]],
    [
      'TRUNCATE orders, payments RESTART IDENTITY',
      'postgresql',
      [['TRUNCATE', 'TABLE', 'orders, payments', true]],
    ],
    ['DELETE FROM users', 'postgresql', [['DELETE', '', 'users', false]]],
    // SurrealQL: REMOVE is its DROP; DELETE takes the table without FROM.
    ['REMOVE TABLE orders;', 'postgresql', [['DROP', 'TABLE', 'orders', true]]],
    ['REMOVE DATABASE IF EXISTS shop', 'postgresql', [['DROP', 'DATABASE', 'shop', true]]],
    // what holds databases, and object kinds of two words
    ['DROP TENANT IF EXISTS prod_tenant FORCE', 'mysql', [['DROP', 'TENANT', 'prod_tenant', true]]],
    ['DROP CATALOG main CASCADE', 'postgresql', [['DROP', 'CATALOG', 'main', true]]],
    ['DROP RESOURCE POOL prod_pool', 'mysql', [['DROP', 'RESOURCE POOL', 'prod_pool', true]]],
    // H2's DROP ALL OBJECTS empties the whole database
    ['DROP ALL OBJECTS', 'postgresql', [['DROP', 'DATABASE', 'ALL OBJECTS', true]]],
    ['DROP ALL OBJECTS DELETE FILES', 'postgresql', [['DROP', 'DATABASE', 'ALL OBJECTS', true]]],
    // restoring a session setting is no statement of its own
    ['RESET search_path', 'postgresql', []],
    ['RESET QUERY CACHE', 'mysql', []],
    ['REMOVE NS acme', 'postgresql', [['DROP', 'DATABASE', 'acme', true]]],
    ['REMOVE FIELD email ON TABLE user', 'postgresql', [['DROP', 'FIELD', 'email', true]]],
    ['DELETE orders', 'postgresql', [['DELETE', '', 'orders', false]]],
    ['DELETE FROM sessions WHERE expires < now()', 'postgresql', [['DELETE', '', 'sessions', true]]],
    ['UPDATE accounts SET balance = 0', 'mysql', [['UPDATE', '', 'accounts', false]]],
    ['UPDATE accounts SET balance = 0 WHERE id = 4', 'mysql', [['UPDATE', '', 'accounts', true]]],
    ['WITH old AS (SELECT id FROM t) DELETE FROM t USING old', 'postgresql', [['DELETE', '', 't', false]]],
    ['DELETE FROM users WHERE 1=1', 'postgresql', [['DELETE', '', 'users', false]]],
    ['DELETE FROM users WHERE true', 'mysql', [['DELETE', '', 'users', false]]],
    ["DELETE FROM users WHERE 'a'='a'", 'sqlite', [['DELETE', '', 'users', false]]],
    // every row, and every account made an administrator (privilege-app-admin.ts)
    [
      'UPDATE users SET admin = 1 WHERE 1',
      'mysql',
      [
        ['GRANT', 'ADMIN', 'users.admin of 1', true],
        ['UPDATE', '', 'users', false],
      ],
    ],
    ['DELETE FROM users WHERE id = 7 OR 2 > 1', 'postgresql', [['DELETE', '', 'users', false]]],
    ['UPDATE users SET a = 1 WHERE id = id', 'postgresql', [['UPDATE', '', 'users', false]]],
    ['DELETE FROM users WHERE NOT false', 'postgresql', [['DELETE', '', 'users', false]]],
    ['DELETE FROM users WHERE id = 7 AND 1=1', 'postgresql', [['DELETE', '', 'users', true]]],
    ['DELETE FROM users WHERE 1=0 OR id = 3', 'postgresql', [['DELETE', '', 'users', true]]],
    [
      'WITH d AS (DELETE FROM users RETURNING *) SELECT count(*) FROM d',
      'postgresql',
      [
        ['SELECT', '', '', true],
        ['DELETE', '', 'users', false],
      ],
    ],
    [
      'WITH u AS (UPDATE t SET x = 1 WHERE (1 = 1) RETURNING id) SELECT 1',
      'postgresql',
      [
        ['SELECT', '', '', true],
        ['UPDATE', '', 't', false],
      ],
    ],
    [
      'WITH d AS (DELETE FROM users WHERE id IN (SELECT id FROM gone) RETURNING *) SELECT 1',
      'postgresql',
      [
        ['SELECT', '', '', true],
        ['DELETE', '', 'users', true],
      ],
    ],
    ['ALTER TABLE users DROP COLUMN email', 'postgresql', [['ALTER', 'COLUMN', 'users', true]]],
    ['ALTER TABLE users ADD COLUMN age int', 'postgresql', [['ALTER', '', 'users', true]]],
    ['BEGIN;\nDROP TABLE audit_log;\nCOMMIT;', 'postgresql', [['DROP', 'TABLE', 'audit_log', true]]],
    ['SELECT count(*) FROM users', 'postgresql', [['SELECT', '', '', true]]],
    ['SHOW TABLES', 'mysql', [['SHOW', '', '', true]]],
    ["SELECT 'DROP TABLE users'", 'postgresql', [['SELECT', '', '', true]]],
    ['-- DROP TABLE users\nSELECT 1', 'postgresql', [['SELECT', '', '', true]]],
    ['/* DROP /* nested */ TABLE users; */ SELECT 1', 'postgresql', [['SELECT', '', '', true]]],
    ['# DROP TABLE users\nSELECT 1', 'mysql', [['SELECT', '', '', true]]],
    ["INSERT INTO log VALUES ('a; DROP TABLE users')", 'sqlite', [['INSERT', '', '', true]]],
    ['SELECT $$ DROP TABLE x; $$', 'postgresql', [['SELECT', '', '', true]]],
    ['DO $$ BEGIN DROP TABLE x; END $$', 'postgresql', [['DROP', 'TABLE', 'x', true]]],
    [
      'SELECT 1; DROP TABLE t2',
      'sqlite',
      [
        ['SELECT', '', '', true],
        ['DROP', 'TABLE', 't2', true],
      ],
    ],
  ])('%s', (text, dialect, want) => {
    expect(classifySql(text, dialect).map((s) => [s.statement, s.object, s.name, s.where])).toEqual(want);
  });
});

describe('clients', () => {
  it.each<[string, string[], StdinSource | undefined, (string | boolean)[][]]>([
    [
      'surreal sql on stdin',
      ['surreal', 'sql', '--endpoint', 'http://surreal.example:8000', '--ns', 'acme', '--db', 'shop'],
      { kind: 'pipe', text: 'REMOVE TABLE orders;' },
      [['surreal', 'DROP', 'TABLE', 'orders', true]],
    ],
    [
      'surreal sql read',
      ['surreal', 'sql', '-e', 'ws://localhost:8000', '-u', 'root', '-p', 'x'],
      { kind: 'heredoc', text: 'SELECT * FROM orders LIMIT 5;' },
      [['surreal', 'SELECT', '', '', true]],
    ],
    ['surreal start is no client', ['surreal', 'start', 'memory'], undefined, []],
    [
      'psql -c',
      ['psql', '$DATABASE_URL', '-c', 'DROP DATABASE production;'],
      undefined,
      [['psql', 'DROP', 'DATABASE', 'production', true]],
    ],
    [
      'psql -c repeated',
      ['psql', '-c', 'SELECT 1', '-c', 'TRUNCATE t'],
      undefined,
      [
        ['psql', 'SELECT', '', '', true],
        ['psql', 'TRUNCATE', 'TABLE', 't', true],
      ],
    ],
    [
      'psql combined -tAc',
      ['psql', '-tAc', 'DELETE FROM t'],
      undefined,
      [['psql', 'DELETE', '', 't', false]],
    ],
    [
      'psql --command=',
      ['psql', '--command=DROP SCHEMA s'],
      undefined,
      [['psql', 'DROP', 'SCHEMA', 's', true]],
    ],
    [
      'psql -f file',
      ['psql', '-f', 'scripts/wipe.sql'],
      undefined,
      [
        ['psql', 'DROP', 'TABLE', 'users', true],
        ['psql', 'DROP', 'TABLE', 'orders', true],
      ],
    ],
    [
      'psql -f unreadable',
      ['psql', '-f', 'nope.sql'],
      undefined,
      [['psql', 'UNKNOWN', '', '-f nope.sql', true]],
    ],
    ['psql -f string literal', ['psql', '-f', 'seed.sql'], undefined, [['psql', 'INSERT', '', '', true]]],
    [
      'psql heredoc',
      ['psql', '$DATABASE_URL'],
      { kind: 'heredoc', text: 'BEGIN;\nDROP TABLE audit_log;\nCOMMIT;\n' },
      [['psql', 'DROP', 'TABLE', 'audit_log', true]],
    ],
    [
      'psql < file',
      ['psql'],
      { kind: 'file', path: '/ws/scripts/wipe.sql' },
      [
        ['psql', 'DROP', 'TABLE', 'users', true],
        ['psql', 'DROP', 'TABLE', 'orders', true],
      ],
    ],
    ['psql from unknown pipe', ['psql'], { kind: 'pipe' }, [['psql', 'UNKNOWN', '', 'stdin', true]]],
    [
      'psql from cat FILE',
      ['psql'],
      { kind: 'pipe', from: cmd(['cat', 'scripts/wipe.sql']) },
      [
        ['psql', 'DROP', 'TABLE', 'users', true],
        ['psql', 'DROP', 'TABLE', 'orders', true],
      ],
    ],
    [
      'mysql -e',
      ['mysql', '-u', 'root', '-p$PW', '-e', 'DROP SCHEMA prod'],
      undefined,
      [['mysql', 'DROP', 'SCHEMA', 'prod', true]],
    ],
    [
      'mysql --execute=',
      ['mysql', '--execute=SHOW TABLES', 'app'],
      undefined,
      [['mysql', 'SHOW', '', '', true]],
    ],
    [
      'mariadb stdin',
      ['mariadb', 'app'],
      { kind: 'herestring', text: 'TRUNCATE TABLE logs' },
      [['mariadb', 'TRUNCATE', 'TABLE', 'logs', true]],
    ],
    [
      'sqlite3 positional SQL',
      ['sqlite3', 'app.db', 'DROP TABLE accounts;'],
      undefined,
      [['sqlite3', 'DROP', 'TABLE', 'accounts', true]],
    ],
    [
      'sqlite3 .read',
      ['sqlite3', 'app.db', '.read scripts/wipe.sql'],
      undefined,
      [
        ['sqlite3', 'DROP', 'TABLE', 'users', true],
        ['sqlite3', 'DROP', 'TABLE', 'orders', true],
      ],
    ],
    [
      'mysql source FILE',
      ['mysql', '-e', 'source scripts/wipe.sql'],
      undefined,
      [
        ['mysql', 'DROP', 'TABLE', 'users', true],
        ['mysql', 'DROP', 'TABLE', 'orders', true],
      ],
    ],
    [
      'psql \\i FILE from a heredoc',
      ['psql'],
      { kind: 'heredoc', text: '\\set ON_ERROR_STOP on\n\\i scripts/wipe.sql\n' },
      [
        ['psql', 'DROP', 'TABLE', 'users', true],
        ['psql', 'DROP', 'TABLE', 'orders', true],
      ],
    ],
    [
      'psql \\i unreadable',
      ['psql', '-c', '\\i nope.sql'],
      undefined,
      [['psql', 'UNKNOWN', '', '\\i nope.sql', true]],
    ],
    ['sqlite3 dot command only', ['sqlite3', 'app.db', '.tables'], undefined, []],
    [
      'cockroach sql -e',
      ['cockroach', 'sql', '--insecure', '-e', 'DROP DATABASE bank CASCADE'],
      undefined,
      [['cockroach', 'DROP', 'DATABASE', 'bank', true]],
    ],
    [
      'clickhouse-client -q',
      ['clickhouse-client', '-q', 'TRUNCATE TABLE events'],
      undefined,
      [['clickhouse', 'TRUNCATE', 'TABLE', 'events', true]],
    ],
    [
      'clickhouse ALTER TABLE … DELETE WHERE 1=1 (a mutation of every row)',
      ['clickhouse-client', '--query', 'ALTER TABLE analytics.events DELETE WHERE 1=1'],
      undefined,
      [['clickhouse', 'DELETE', '', 'analytics.events', false]],
    ],
    [
      'clickhouse ALTER TABLE … DELETE with a filter',
      ['clickhouse-client', '--query', 'ALTER TABLE events DELETE WHERE ts < 5'],
      undefined,
      [['clickhouse', 'DELETE', '', 'events', true]],
    ],
    [
      'mysqlsh --sql -e',
      ['mysqlsh', '--sql', '-u', 'root', '-h', 'db.prod', '-e', 'DROP DATABASE billing'],
      undefined,
      [['mysqlsh', 'DROP', 'DATABASE', 'billing', true]],
    ],
    [
      'duckdb -c',
      ['duckdb', 'x.duckdb', '-c', 'DELETE FROM t'],
      undefined,
      [['duckdb', 'DELETE', '', 't', false]],
    ],
    [
      'mycli -e (its -p takes a value)',
      ['mycli', '-h', 'db.prod', '-u', 'root', '-p', 'pw', '-e', 'DROP DATABASE shop'],
      undefined,
      [['mycli', 'DROP', 'DATABASE', 'shop', true]],
    ],
    [
      'litecli DB -e',
      ['litecli', 'app.db', '-e', 'DELETE FROM sessions'],
      undefined,
      [['litecli', 'DELETE', '', 'sessions', false]],
    ],
    [
      'influx (1.x) -execute, InfluxQL',
      ['influx', '-host', 'influx.prod', '-execute', 'DROP DATABASE metrics'],
      undefined,
      [['influx', 'DROP', 'DATABASE', 'metrics', true]],
    ],
    ['influx (2.x) subcommand: not SQL', ['influx', 'bucket', 'list'], undefined, []],
    [
      'npx-prefixed client',
      ['npx', 'psql', '-c', 'DROP TABLE t'],
      undefined,
      [['psql', 'DROP', 'TABLE', 't', true]],
    ],
  ])('%s', (_n, argv, stdin, want) => {
    expect(sql(argv, stdin)).toEqual(want);
  });
});

describe('mongo and redis', () => {
  it.each<[string, string[], StdinSource | undefined, (string | boolean)[][]]>([
    [
      'dropDatabase',
      ['mongosh', '$MONGO_URL', '--eval', 'db.dropDatabase()'],
      undefined,
      [['mongosh', 'DROP', 'DATABASE', '', true]],
    ],
    [
      'database named by the URL',
      ['mongosh', 'mongodb://db.example/shop', '--eval', 'db.dropDatabase()'],
      undefined,
      [['mongosh', 'DROP', 'DATABASE', 'shop', true]],
    ],
    [
      'sibling db',
      ['mongosh', '--eval', "db.getSiblingDB('prod').dropDatabase()"],
      undefined,
      [['mongosh', 'DROP', 'DATABASE', 'prod', true]],
    ],
    [
      'collection drop',
      ['mongosh', '--eval', 'db.orders.drop()'],
      undefined,
      [['mongosh', 'DROP', 'COLLECTION', 'orders', true]],
    ],
    [
      'getCollection',
      ['mongo', '--eval', 'db.getCollection("a-b").drop()'],
      undefined,
      [['mongosh', 'DROP', 'COLLECTION', 'a-b', true]],
    ],
    [
      'a collection named at run time is any',
      ['mongosh', '--eval', 'db.getCollectionNames().forEach(c => db[c].drop())'],
      undefined,
      [['mongosh', 'DROP', 'COLLECTION', '*', true]],
    ],
    [
      'getCollection of a variable',
      ['mongosh', '--eval', 'db.getCollection(name).deleteMany({})'],
      undefined,
      [['mongosh', 'DELETE', 'COLLECTION', '*', false]],
    ],
    [
      'deleteMany empty',
      ['mongosh', '--eval', 'db.users.deleteMany({})'],
      undefined,
      [['mongosh', 'DELETE', 'COLLECTION', 'users', false]],
    ],
    [
      'deleteMany filter',
      ['mongosh', '--eval', "db.users.deleteMany({ status: 'gone' })"],
      undefined,
      [['mongosh', 'DELETE', 'COLLECTION', 'users', true]],
    ],
    [
      'remove empty',
      ['mongosh', '--eval', 'db.logs.remove({})'],
      undefined,
      [['mongosh', 'DELETE', 'COLLECTION', 'logs', false]],
    ],
    ['find', ['mongosh', '--eval', 'db.users.find().limit(5)'], undefined, []],
    ['commented out', ['mongosh', '--eval', '// db.dropDatabase()\ndb.users.find()'], undefined, []],
    [
      'script file',
      ['mongosh', 'cleanup.js'],
      undefined,
      [['mongosh', 'DELETE', 'COLLECTION', 'sessions', false]],
    ],
    [
      'unreadable script',
      ['mongosh', 'missing.js'],
      undefined,
      [['mongosh', 'UNKNOWN', '', 'missing.js', true]],
    ],
    [
      'stdin',
      ['mongosh'],
      { kind: 'heredoc', text: 'use shop\ndb.dropDatabase()\n' },
      [['mongosh', 'DROP', 'DATABASE', '', true]],
    ],
    [
      'FLUSHALL',
      ['redis-cli', '-h', 'cache.internal', 'FLUSHALL'],
      undefined,
      [['redis-cli', 'FLUSHALL', '', '', true]],
    ],
    [
      'flushdb with -n',
      ['redis-cli', '-n', '2', 'flushdb', 'ASYNC'],
      undefined,
      [['redis-cli', 'FLUSHDB', '', 'ASYNC', true]],
    ],
    ['GET', ['redis-cli', 'GET', 'k'], undefined, [['redis-cli', 'GET', '', 'k', true]]],
    [
      'XTRIM to MAXLEN 0 empties the stream',
      ['redis-cli', '-u', 'redis://h', 'XTRIM', 'orders:events', 'MAXLEN', '0'],
      undefined,
      [['redis-cli', 'DELETE', 'TABLE', 'orders:events', false]],
    ],
    [
      'XTRIM MAXLEN ~ 0',
      ['redis-cli', 'xtrim', 's', 'MAXLEN', '~', '0'],
      undefined,
      [['redis-cli', 'DELETE', 'TABLE', 's', false]],
    ],
    [
      'XTRIM keeping the newest entries',
      ['redis-cli', 'XTRIM', 's', 'MAXLEN', '~', '1000'],
      undefined,
      [['redis-cli', 'XTRIM', '', 's MAXLEN ~ 1000', true]],
    ],
    [
      'ZREMRANGEBYRANK of every rank',
      ['redis-cli', 'ZREMRANGEBYRANK', 'board', '0', '-1'],
      undefined,
      [['redis-cli', 'DELETE', 'TABLE', 'board', false]],
    ],
    [
      'FT.DROPINDEX with DD deletes the documents',
      ['redis-cli', '-h', 'search.prod', 'FT.DROPINDEX', 'products', 'DD'],
      undefined,
      [['redis-cli', 'DROP', 'COLLECTION', 'products', true]],
    ],
    [
      'FT.DROPINDEX alone drops the index only',
      ['redis-cli', 'ft.dropindex', 'products'],
      undefined,
      [['redis-cli', 'DROP', 'INDEX', 'products', true]],
    ],
    [
      'FT.DROP deletes the documents unless KEEPDOCS',
      ['redis-cli', 'FT.DROP', 'products'],
      undefined,
      [['redis-cli', 'DROP', 'COLLECTION', 'products', true]],
    ],
    [
      'FT.DROP KEEPDOCS',
      ['redis-cli', 'FT.DROP', 'products', 'KEEPDOCS'],
      undefined,
      [['redis-cli', 'DROP', 'INDEX', 'products', true]],
    ],
    [
      'GRAPH.DELETE',
      ['redis-cli', 'GRAPH.DELETE', 'social'],
      undefined,
      [['redis-cli', 'DROP', 'GRAPH', 'social', true]],
    ],
    [
      'FT.INFO',
      ['redis-cli', 'FT.INFO', 'products'],
      undefined,
      [['redis-cli', 'FT.INFO', '', 'products', true]],
    ],
    [
      'cluster call runs the command on every node',
      ['redis-cli', '--cluster', 'call', 'redis-0:6379', 'FLUSHALL'],
      undefined,
      [['redis-cli', 'FLUSHALL', '', '', true]],
    ],
    [
      'cluster call with node options after the command',
      ['redis-cli', '-a', 'x', '--cluster', 'call', '10.0.0.1:6379', 'flushdb', '--cluster-only-masters'],
      undefined,
      [['redis-cli', 'FLUSHDB', '', '', true]],
    ],
    [
      'cluster call of a read',
      ['redis-cli', '--cluster', 'call', 'redis-0:6379', 'INFO', 'memory'],
      undefined,
      [['redis-cli', 'INFO', '', 'memory', true]],
    ],
    ['cluster check runs no command', ['redis-cli', '--cluster', 'check', 'redis-0:6379'], undefined, []],
    [
      'DEL of a named key',
      ['redis-cli', '-h', 'c', 'DEL', 'k'],
      undefined,
      [['redis-cli', 'DEL', '', 'k', true]],
    ],
    [
      'stdin lines',
      ['redis-cli'],
      { kind: 'herestring', text: 'SELECT 1\nFLUSHDB' },
      [
        ['redis-cli', 'SELECT', '', '1', true],
        ['redis-cli', 'FLUSHDB', '', '', true],
      ],
    ],
    // memcached's tools, and a cache's text protocol typed into a raw socket
    [
      'memcached-tool flush_all',
      ['memcached-tool', 'cache:11211', 'flush_all'],
      undefined,
      [['memcached-tool', 'FLUSHALL', '', '', true]],
    ],
    ['memcached-tool stats', ['memcached-tool', 'cache:11211', 'stats'], undefined, []],
    ['memcflush', ['memcflush', '--servers=c1:11211'], undefined, [['memcflush', 'FLUSHALL', '', '', true]]],
    [
      'flush_all into nc',
      ['nc', 'cache', '11211'],
      { kind: 'herestring', text: 'flush_all 0\r\nquit' },
      [['nc', 'FLUSHALL', '', '', true]],
    ],
    [
      'FLUSHDB into socat',
      ['socat', '-', 'TCP:redis:6379'],
      { kind: 'herestring', text: 'SELECT 2\nFLUSHDB\n' },
      [
        ['socat', 'SELECT', '', '2', true],
        ['socat', 'FLUSHDB', '', '', true],
      ],
    ],
    ['a read into nc', ['nc', 'cache', '11211'], { kind: 'herestring', text: 'get user:1\r\n' }, []],
    ['an unknown input into nc is not a cache', ['nc', 'cache', '11211'], { kind: 'pipe' }, []],
  ])('%s', (_n, argv, stdin, want) => {
    expect(sql(argv, stdin)).toEqual(want);
  });
});

describe('frameworks', () => {
  it.each<[string[], (string | boolean)[][]]>([
    [['npx', 'prisma', 'migrate', 'reset', '--force'], [['prisma', 'RESET', 'DATABASE', '', true]]],
    [['pnpm', 'exec', 'prisma', 'db', 'push', '--force-reset'], [['prisma', 'RESET', 'DATABASE', '', true]]],
    [['npx', 'prisma', 'migrate', 'dev', '--name', 'add_users'], []],
    [['bunx', 'prisma@5.1.0', 'migrate', 'reset'], [['prisma', 'RESET', 'DATABASE', '', true]]],
    [['rails', 'db:drop', 'DISABLE_DATABASE_ENVIRONMENT_CHECK=1'], [['rails', 'DROP', 'DATABASE', '', true]]],
    [['bundle', 'exec', 'rake', 'db:schema:load'], [['rake', 'RESET', 'DATABASE', '', true]]],
    [['bin/rake', 'jobs:clear'], [['rake', 'TRUNCATE', 'TABLE', '', true]]],
    [['bin/rake', 'jobs:work'], []],
    [['rails', 'db:migrate'], []],
    [['python3', 'manage.py', 'flush', '--noinput'], [['django', 'TRUNCATE', 'TABLE', '*', true]]],
    [['./manage.py', 'reset_db'], [['django', 'RESET', 'DATABASE', '', true]]],
    [['python', 'manage.py', 'migrate'], []],
    [['supabase', 'db', 'reset', '--linked'], [['supabase', 'RESET', 'DATABASE', '', true]]],
    [['npx', 'knex', 'migrate:rollback', '--all'], [['knex', 'RESET', 'DATABASE', '', true]]],
    [['npx', 'sequelize-cli', 'db:drop'], [['sequelize', 'DROP', 'DATABASE', '', true]]],
    [
      ['dropdb', '-h', 'db.internal', '-U', 'admin', 'orders'],
      [['dropdb', 'DROP', 'DATABASE', 'orders', true]],
    ],
    [['pg_dropcluster', '15', 'main', '--stop'], [['pg_dropcluster', 'DROP', 'DATABASE', '15/main', true]]],
    [['pg_dropcluster', '--help'], []],
    // CUBRID's utility: deletedb removes the database's volumes
    [['cubrid', 'deletedb', 'billing'], [['cubrid', 'DROP', 'DATABASE', 'billing', true]]],
    [
      ['cubrid', 'deletedb', '-o', 'out.log', '-d', 'demodb'],
      [['cubrid', 'DROP', 'DATABASE', 'demodb', true]],
    ],
    [['cubrid', 'checkdb', 'billing'], []],
    [['cubrid', 'backupdb', '-D', '/backup', 'billing'], []],
    [['cubrid', 'server', 'stop', 'billing'], []],
  ])('%j', (argv, want) => {
    expect(sql(argv)).toEqual(want);
  });
  it('supabase db reset --linked targets the linked project', () => {
    const [f] = extractSql(cmd(['supabase', 'db', 'reset', '--linked']), ctx, []) as SqlFact[];
    expect(f.target).toBe('linked');
  });
  it.each([
    [
      ['npx', '-y', 'prisma@5', 'migrate', 'reset'],
      ['prisma', 'migrate', 'reset'],
    ],
    [
      ['yarn', 'dlx', 'knex', 'migrate:latest'],
      ['knex', 'migrate:latest'],
    ],
    [
      ['npm', 'exec', '--', 'prisma', 'generate'],
      ['prisma', 'generate'],
    ],
    [
      ['ls', '-la'],
      ['ls', '-la'],
    ],
  ])('peelRunner %j', (argv, want) => {
    expect(peelRunner(argv)).toEqual(want);
  });
  it('echo of SQL into a file is not a statement', () => {
    expect(sql(['echo', 'DROP TABLE users'])).toEqual([]);
  });
});

describe('redis deletes of keys known only at run time (xargs input) are unbounded', () => {
  it.each<[string[], number[], boolean]>([
    [['redis-cli', 'del', '{xargs-input}'], [2], false],
    [['redis-cli', '-h', 'c', 'UNLINK', '{xargs-input}'], [4], false],
    [['redis-cli', 'del', 'session:1'], [], true],
    [['redis-cli', 'ttl', '{xargs-input}'], [2], true],
    [['redis-cli', '-h', '$HOST', 'DEL', 'session:1'], [2], true],
  ])('%j (dynamic %j) → where %s', (argv, dynamicArgs, where) => {
    const [f] = extractSql(command(argv, { dynamicArgs }), ctx, []) as SqlFact[];
    expect(f.where).toBe(where);
  });
});

describe('graph and multi-model databases, and more SQL command lines', () => {
  it.each<[string, string[], StdinSource | undefined, (string | boolean)[][]]>([
    [
      'cypher: all nodes',
      ['cypher-shell', '-a', 'bolt://g:7687', 'MATCH (n) DETACH DELETE n'],
      undefined,
      [['cypher-shell', 'DELETE', '', '', false]],
    ],
    [
      'cypher: nodes by property',
      ['cypher-shell', 'MATCH (u:User {id: 1}) DELETE u'],
      undefined,
      [['cypher-shell', 'DELETE', '', '', true]],
    ],
    [
      'cypher: nodes by WHERE',
      ['cypher-shell', 'MATCH (n) WHERE n.t = 1 DELETE n'],
      undefined,
      [['cypher-shell', 'DELETE', '', '', true]],
    ],
    ['cypher: a read', ['cypher-shell', 'MATCH (n) RETURN count(n)'], undefined, []],
    [
      'cypher: delete as a value',
      ['cypher-shell', "MATCH (t:Task) SET t.state = 'delete' RETURN t"],
      undefined,
      [],
    ],
    [
      'cypher on stdin',
      ['cypher-shell'],
      { kind: 'herestring', text: 'DROP DATABASE sales;' },
      [['cypher-shell', 'DROP', 'DATABASE', 'sales', true]],
    ],
    [
      'cypher: unknown stdin',
      ['cypher-shell'],
      { kind: 'pipe' },
      [['cypher-shell', 'UNKNOWN', '', 'stdin', true]],
    ],
    [
      'arangosh: a database',
      ['arangosh', '--javascript.execute-string', 'db._dropDatabase("shop")'],
      undefined,
      [['arangosh', 'DROP', 'DATABASE', 'shop', true]],
    ],
    [
      'arangosh: a collection',
      ['arangosh', '--javascript.execute-string=db.orders.drop()'],
      undefined,
      [['arangosh', 'DROP', 'COLLECTION', 'orders', true]],
    ],
    [
      'arangosh: truncate',
      ['arangosh', '--javascript.execute-string', "db._truncate('s')"],
      undefined,
      [['arangosh', 'TRUNCATE', 'TABLE', 's', true]],
    ],
    [
      'edgeql: unfiltered delete',
      ['edgedb', 'query', 'delete User'],
      undefined,
      [['edgedb', 'DELETE', '', '', false]],
    ],
    [
      'edgeql: filtered delete',
      ['gel', 'query', 'delete User filter .id = <uuid>$id'],
      undefined,
      [['gel', 'DELETE', '', '', true]],
    ],
    [
      'edgedb branch drop',
      ['edgedb', 'branch', 'drop', 'main'],
      undefined,
      [['edgedb', 'DROP', 'DATABASE', 'main', true]],
    ],
    ['db2', ['db2', 'DROP TABLE payroll'], undefined, [['db2', 'DROP', 'TABLE', 'payroll', true]]],
    [
      'sqlplus on stdin',
      ['sqlplus', '-s', 'u/p@db'],
      { kind: 'heredoc', text: 'DROP TABLE t;\n' },
      [['sqlplus', 'DROP', 'TABLE', 't', true]],
    ],
    [
      'spanner execute-sql',
      ['gcloud', 'spanner', 'databases', 'execute-sql', 'db', '--instance=p', '--sql=DROP TABLE Orders'],
      undefined,
      [['gcloud spanner execute-sql', 'DROP', 'TABLE', 'Orders', true]],
    ],
  ])('%s', (_n, argv, stdin, want) => {
    expect(sql(argv, stdin)).toEqual(want);
  });
});

describe('client scripts: \\gexec runs the rows of its query, included files stay their own source', () => {
  it.each<[string, string[], StdinSource | undefined, (string | boolean)[][]]>([
    [
      'psql heredoc with \\gexec',
      ['psql', '$DATABASE_URL'],
      {
        kind: 'heredoc',
        text: "SELECT format('DROP TABLE %I', tablename) FROM pg_tables WHERE schemaname = 'public'\n\\gexec\n",
      },
      [
        ['psql', 'SELECT', '', '', true],
        ['psql', 'DROP', 'TABLE', '*', true],
      ],
    ],
    [
      'psql \\gexec on the query line',
      ['psql'],
      { kind: 'heredoc', text: "SELECT 'TRUNCATE ' || relname FROM pg_class \\gexec\n" },
      [
        ['psql', 'SELECT', '', '', true],
        ['psql', 'TRUNCATE', 'TABLE', '*', true],
      ],
    ],
    [
      'psql \\gexec of plain reads',
      ['psql'],
      {
        kind: 'heredoc',
        text: "SELECT format('SELECT count(*) FROM %I', tablename) FROM pg_tables;\n\\gexec\n",
      },
      [
        ['psql', 'SELECT', '', '', true],
        ['psql', 'SELECT', '', '', true],
      ],
    ],
    [
      'psql -c DO block that builds its statement',
      ['psql', '-c', "DO $$ BEGIN EXECUTE 'TRUNC' || 'ATE TABLE payments'; END $$"],
      undefined,
      [['psql', 'TRUNCATE', 'TABLE', 'payments', true]],
    ],
    [
      'an unreadable include on stdin stays unknown',
      ['psql'],
      { kind: 'heredoc', text: 'SELECT 1;\n\\i missing.sql\n' },
      [
        ['psql', 'SELECT', '', '', true],
        ['psql', 'UNKNOWN', '', '\\i missing.sql', true],
      ],
    ],
    [
      'a readable include on stdin',
      ['psql'],
      { kind: 'heredoc', text: '\\i scripts/wipe.sql\n' },
      [
        ['psql', 'DROP', 'TABLE', 'users', true],
        ['psql', 'DROP', 'TABLE', 'orders', true],
      ],
    ],
    [
      'sqlcmd -Q with a procedure that runs SQL on every table',
      ['sqlcmd', '-S', 'prod', '-d', 'Shop', '-Q', "EXEC sp_MSforeachtable 'TRUNCATE TABLE ?'"],
      undefined,
      [['sqlcmd', 'TRUNCATE', 'TABLE', '*', true]],
    ],
    [
      'sqlcmd -Q with a stored procedure called by name',
      ['sqlcmd', '-S', 'prod', '-Q', 'EXEC dbo.nightly_rollup'],
      undefined,
      [['sqlcmd', 'EXEC', '', '', true]],
    ],
    ['ysqlsh -c', ['ysqlsh', '-c', 'DROP TABLE t'], undefined, [['ysqlsh', 'DROP', 'TABLE', 't', true]]],
    [
      'osql -Q',
      ['osql', '-S', 'h', '-Q', 'TRUNCATE TABLE t'],
      undefined,
      [['osql', 'TRUNCATE', 'TABLE', 't', true]],
    ],
    [
      'mssql-cli --query',
      ['mssql-cli', '-S', 'h', '--query', 'DELETE FROM t'],
      undefined,
      [['mssql-cli', 'DELETE', '', 't', false]],
    ],
    [
      'isql on stdin',
      ['isql', '-b', 'prod_dsn', 'app'],
      { kind: 'heredoc', text: 'DROP TABLE t;\n' },
      [['isql', 'DROP', 'TABLE', 't', true]],
    ],
    [
      'tsql on unknown stdin',
      ['tsql', '-S', 'h'],
      { kind: 'pipe' },
      [['tsql', 'UNKNOWN', '', 'stdin', true]],
    ],
  ])('%s', (_n, argv, stdin, want) => {
    expect(sql(argv, stdin)).toEqual(want);
  });
});
