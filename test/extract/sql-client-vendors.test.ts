import { analyzeContext, command, packVerdict, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { SqlFact, StdinSource } from '../../src/engine/types.js';
import { extractSql } from '../../src/extract/sql.js';

const FILES: Record<string, string> = {
  '/ws/drop.sql': 'DROP TABLE orders;',
  '/ws/report.sql': 'SELECT count(*) FROM orders;',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const facts = (argv: string[], stdin?: StdinSource) =>
  (extractSql(command(argv, { stdin }), ctx, []) as SqlFact[]).map((f) => [
    f.tool,
    f.statement,
    f.name,
    f.where,
  ]);
const heredoc = (text: string): StdinSource => ({ kind: 'heredoc', text });

describe('enterprise and analytical database clients', () => {
  it.each<[string[], StdinSource | undefined, (string | boolean)[][]]>([
    // Teradata bteq: the script on stdin, dot commands dropped, `.RUN FILE=` read.
    [
      ['bteq'],
      heredoc('.LOGON tdprod/dbc,pw;\nDROP DATABASE sales_prod;\n.LOGOFF;\n.QUIT;\n'),
      [['bteq', 'DROP', 'sales_prod', true]],
    ],
    [['bteq'], heredoc('.LOGON h/u,pw;\n.RUN FILE=drop.sql;\n'), [['bteq', 'DROP', 'orders', true]]],
    [
      ['bteq'],
      heredoc('.LOGON h/u,pw;\n.RUN FILE = missing.sql;\n'),
      [['bteq', 'UNKNOWN', '.RUN missing.sql', true]],
    ],
    [['bteq'], { kind: 'pipe' }, [['bteq', 'UNKNOWN', 'stdin', true]]],
    // SAP HANA hdbsql: the statement as an operand, or a file.
    [
      ['hdbsql', '-n', 'hana:30015', '-u', 'SYSTEM', '-p', 'pw', 'DROP SCHEMA SALES CASCADE'],
      undefined,
      [['hdbsql', 'DROP', 'SALES', true]],
    ],
    [['hdbsql', '-U', 'KEY', '-I', 'drop.sql'], undefined, [['hdbsql', 'DROP', 'orders', true]]],
    [['hdbsql', '-U', 'KEY'], { kind: 'pipe', text: 'DELETE FROM t' }, [['hdbsql', 'DELETE', 't', false]]],
    [
      ['exaplus', '-c', 'exa:8563', '-u', 'sys', '-p', 'pw', '-sql', 'TRUNCATE TABLE s.t;'],
      undefined,
      [['exaplus', 'TRUNCATE', 's.t', true]],
    ],
    [['mclient', '-d', 'demo', '-s', 'DROP TABLE t'], undefined, [['mclient', 'DROP', 't', true]]],
    [['mclient', '-d', 'demo', 'drop.sql'], undefined, [['mclient', 'DROP', 'orders', true]]],
    [
      ['crash', '--hosts', 'cr:4200', '-c', 'DROP TABLE doc.t'],
      undefined,
      [['crash', 'DROP', 'doc.t', true]],
    ],
    [
      ['sqlline', '-u', 'jdbc:drill:zk=local', '-e', 'DROP TABLE t'],
      undefined,
      [['sqlline', 'DROP', 't', true]],
    ],
    [['ij', 'drop.sql'], undefined, [['ij', 'DROP', 'orders', true]]],
    [['ij', 'missing.sql'], undefined, [['ij', 'UNKNOWN', 'missing.sql', true]]],
    [['dbaccess', 'stores', 'drop.sql'], undefined, [['dbaccess', 'DROP', 'orders', true]]],
    [
      ['clpplus', '-nw', 'db2inst1@h:50000/SAMPLE'],
      heredoc('DROP TABLE t;\n'),
      [['clpplus', 'DROP', 't', true]],
    ],
    // TDengine and YDB: statements from an option, global options before YDB's subcommand.
    [
      ['taos', '-h', 'td.prod', '-s', 'DROP DATABASE IF EXISTS power;'],
      undefined,
      [['taos', 'DROP', 'power', true]],
    ],
    [['taos', '-uroot', '-ptaosdata', '-f', 'drop.sql'], undefined, [['taos', 'DROP', 'orders', true]]],
    [
      ['ydb', '-e', 'grpcs://ydb:2135', '-d', '/ru/db', 'sql', '-s', 'DROP TABLE orders'],
      undefined,
      [['ydb', 'DROP', 'orders', true]],
    ],
    [['ydb', '-p', 'prod', 'yql', '-s', 'DELETE FROM t'], undefined, [['ydb', 'DELETE', 't', false]]],
    [
      ['ydb', '-p', 'prod', 'scripting', 'yql', '-f', 'drop.sql'],
      undefined,
      [['ydb', 'DROP', 'orders', true]],
    ],
    // Reads, and interactive sessions with nothing on stdin.
    [['taos', '-h', 'localhost', '-s', 'SHOW DATABASES;'], undefined, [['taos', 'SHOW', '', true]]],
    [['ydb', '-e', 'grpc://localhost:2136', '-d', '/local', 'scheme', 'ls'], undefined, []],
    [
      ['bendsql', '--dsn', 'databend://u:p@db.prod:8000/a', '--query', 'DROP DATABASE analytics'],
      undefined,
      [['bendsql', 'DROP', 'analytics', true]],
    ],
    [['bendsql', '-q', 'SELECT count(*) FROM orders'], undefined, [['bendsql', 'SELECT', '', true]]],
    [['ydb', '-p', 'prod', 'sql', '-s', 'SELECT 1'], undefined, [['ydb', 'SELECT', '', true]]],
    [
      ['bteq'],
      heredoc('.LOGON h/u,pw;\nSELECT * FROM dbc.tables;\n.QUIT;\n'),
      [['bteq', 'SELECT', '', true]],
    ],
    [
      ['hdbsql', '-n', 'hana:30015', '-u', 'SYSTEM', '-p', 'pw', 'SELECT * FROM M_TABLES'],
      undefined,
      [['hdbsql', 'SELECT', '', true]],
    ],
    [['hdbsql', '-n', 'hana:30015', '-u', 'SYSTEM'], undefined, []],
    [['mclient', '-d', 'demo', 'report.sql'], undefined, [['mclient', 'SELECT', '', true]]],
    [['dbaccess', 'stores', '-'], heredoc('SELECT 1;'), [['dbaccess', 'SELECT', '', true]]],
    [['sqlline', '-u', 'jdbc:drill:zk=local'], undefined, []],
    // ksqlDB: `-e`/`--execute` or a `-f` file; the server URL is an operand. KingbaseES' `ksql -c`.
    [
      ['ksql', 'http://ksqldb.prod:8088', '-e', 'DROP STREAM orders_enriched DELETE TOPIC;'],
      undefined,
      [['ksql', 'DROP', 'orders_enriched', true]],
    ],
    [
      ['ksql', '--execute=DROP TABLE payments DELETE TOPIC;', '--', 'https://ksqldb:8088'],
      undefined,
      [['ksql', 'DROP', 'payments', true]],
    ],
    [
      ['ksql', '-u', 'admin', '-f', 'drop.sql', 'http://ksqldb:8088'],
      undefined,
      [['ksql', 'DROP', 'orders', true]],
    ],
    [['ksql', '-d', 'billing', '-c', 'DROP TABLE invoices'], undefined, [['ksql', 'DROP', 'invoices', true]]],
    [['ksql', 'http://ksqldb:8088', '-e', 'SHOW STREAMS;'], undefined, [['ksql', 'SHOW', '', true]]],
  ])('%j %j', (argv, stdin, want) => {
    expect(facts(argv, stdin)).toEqual(want);
  });
});

describe("Firebird's and Sybase's isql", () => {
  it.each<[string[], StdinSource | undefined, (string | boolean)[][]]>([
    [
      ['isql-fb', '-user', 'SYSDBA', '-password', 'pw', '-i', 'drop.sql', 'fb.prod:/data/erp.fdb'],
      undefined,
      [['isql-fb', 'DROP', 'orders', true]],
    ],
    [['isql-fb', '-bail', '-input', 'drop.sql', 'erp.fdb'], undefined, [['isql-fb', 'DROP', 'orders', true]]],
    [
      ['isql-fb', '-u', 'SYSDBA', '-i', 'missing.sql', 'erp.fdb'],
      undefined,
      [['isql-fb', 'UNKNOWN', '-i missing.sql', true]],
    ],
    [['isql-fb', '-u', 'SYSDBA', 'erp.fdb'], heredoc('DROP TABLE t;'), [['isql-fb', 'DROP', 't', true]]],
    [
      ['isql', '-S', 'prod', '-U', 'sa', '-P', 'pw', '-i', 'drop.sql'],
      undefined,
      [['isql', 'DROP', 'orders', true]],
    ],
    // unixODBC's isql reads stdin only
    [['isql', '-b', 'prod_dsn', 'app'], heredoc('DELETE FROM t'), [['isql', 'DELETE', 't', false]]],
    // reads, and an interactive session
    [
      ['isql-fb', '-user', 'SYSDBA', '-i', 'report.sql', 'erp.fdb'],
      undefined,
      [['isql-fb', 'SELECT', '', true]],
    ],
    [['isql-fb', '-bail', '-quiet', '-user', 'SYSDBA', 'erp.fdb'], undefined, []],
    // data grids' SQL shells: Hazelcast's hz-cli sql (stdin, or an operand), Ignite's `ignite sql`
    [
      ['hz-cli', '-t', 'dev@h1', 'sql'],
      heredoc('DROP MAPPING users;'),
      [['hz-cli sql', 'DROP', 'users', true]],
    ],
    [['hz-cli', 'sql', 'DELETE FROM orders'], undefined, [['hz-cli sql', 'DELETE', 'orders', false]]],
    [
      ['ignite', 'sql', '--jdbc-url', 'jdbc:ignite:thin://db1:10800', 'DROP TABLE accounts'],
      undefined,
      [['ignite sql', 'DROP', 'accounts', true]],
    ],
    [['ignite', 'sql', '--file', 'drop.sql'], undefined, [['ignite sql', 'DROP', 'orders', true]]],
    [
      ['sqlline.sh', '-u', 'jdbc:ignite:thin://h', '-e', 'DROP TABLE t'],
      undefined,
      [['sqlline', 'DROP', 't', true]],
    ],
    [['hz-cli', 'list-jobs'], undefined, []],
    [['ignite', 'node', 'status'], undefined, []],
  ])('%j %j', (argv, stdin, want) => {
    expect(facts(argv, stdin)).toEqual(want);
  });
});

describe("OrientDB's console: its commands as an operand, or a script file", () => {
  const verdict = packVerdict('databases');
  it.each<[string, string]>([
    [
      '/opt/orientdb/bin/console.sh "CONNECT remote:odb-prod.example.internal/crm root $ORIENTDB_ROOT_PASSWORD; DROP DATABASE"',
      'ask databases/drop-database',
    ],
    ['console.sh "DROP DATABASE remote:odb-prod/crm root $ODB_PW"', 'ask databases/drop-database'],
    [
      'orientdb-console "CONNECT remote:odb1/crm admin $ODB_PW; TRUNCATE CLASS Customer UNSAFE"',
      'ask databases/truncate',
    ],
    [
      'console.sh "CONNECT remote:odb1/crm admin $ODB_PW; DELETE VERTEX Customer"',
      'ask databases/unfiltered-delete-or-update',
    ],
    [
      "cat > /tmp/drop.osql <<'EOF'\nCONNECT remote:odb1/crm root $ODB_PW;\nDROP CLASS Invoice UNSAFE;\nEOF\n/opt/orientdb/bin/console.sh /tmp/drop.osql",
      'ask databases/drop-schema-object',
    ],
    // fail closed: a script file that cannot be read
    ['/opt/orientdb/bin/console.sh /srv/odb/missing.osql', 'ask databases/unreadable-sql'],
    // reads
    [
      '/opt/orientdb/bin/console.sh "CONNECT remote:odb1/crm reader $ODB_PW; SELECT count(*) FROM Customer"',
      'allow',
    ],
    ['console.sh "CONNECT remote:odb1/crm admin $ODB_PW; LIST CLASSES"', 'allow'],
  ])('%s', async (cmd, want) => {
    expect((await verdict)(cmd)).toBe(want);
  });
});

describe("a CLI's own sql subcommand on its internal database", () => {
  const verdict = packVerdict('databases');
  it.each<[string[], StdinSource | undefined, (string | boolean)[][]]>([
    [
      ['lxd', 'sql', 'global', 'DELETE FROM instances WHERE project_id = 1'],
      undefined,
      [['lxd sql', 'DELETE', 'instances', true]],
    ],
    [
      ['incus', 'admin', 'sql', 'global', 'DROP TABLE images'],
      undefined,
      [['incus admin sql', 'DROP', 'images', true]],
    ],
    [
      ['lxd', 'sql', 'local', '-'],
      heredoc('DELETE FROM config;\n'),
      [['lxd sql', 'DELETE', 'config', false]],
    ],
    [
      ['microceph', 'cluster', 'sql', 'DELETE FROM disks'],
      undefined,
      [['microceph cluster sql', 'DELETE', 'disks', false]],
    ],
    // other words of these CLIs are not SQL
    [['lxd', 'init', '--auto'], undefined, []],
    [['incus', 'list'], undefined, []],
  ])('%j', (argv, stdin, expected) => {
    expect(facts(argv, stdin)).toEqual(expected);
  });

  it.each([
    [
      'sudo lxd sql global "DELETE FROM instances WHERE project_id = 1"',
      'ask databases/control-plane-database-write',
    ],
    [
      'incus admin sql global "UPDATE config SET value = 1 WHERE key = \'x\'"',
      'ask databases/control-plane-database-write',
    ],
    ['lxd sql global "SELECT * FROM instances"', 'allow'],
    ['incus admin sql local .dump', 'allow'],
  ])('%s', async (cmd, want) => {
    expect((await verdict)(cmd)).toBe(want);
  });
});
