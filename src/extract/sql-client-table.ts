/**
 * One row per SQL client: which options carry SQL, SQL files or the database, which other
 * options take a value, and whether positionals after the database are SQL.
 */
import type { SqlDialect } from './sql-statements.js';
import { DOC_STORE_CLIENTS } from './sql-client-docstores.js';
import { VENDOR_CLIENTS } from './sql-client-vendors.js';
import { MORE_CLIENTS } from './sql-client-more.js';
import { SQ_SQL_CLIENT } from './sql-sq.js';

export interface ClientSpec {
  tool: string;
  dialect: SqlDialect;
  /** argv words after the program that select the SQL mode (`cockroach sql`, `clickhouse client`; several words: `incus admin sql`). */
  sub?: string[];
  /** Options whose value is SQL. */
  sql: string[];
  /** Options whose value is a file of SQL. */
  file: string[];
  /** Options whose value names the database. */
  db: string[];
  /** Other options that take a value (so it is skipped). Short ones as `-x`. */
  withArg: string[];
  /** True when positionals after the database are SQL statements (sqlite3, duckdb). */
  positionalSql?: boolean;
  /** True when every positional is SQL (no database positional: `bq query 'SQL'`). */
  allPositionalSql?: boolean;
  /** With allPositionalSql: operands that name a script file (read as a file of SQL) instead of being SQL; absent = none. */
  scripts?: RegExp;
  /** With allPositionalSql: the operands together are one command (`db2 drop table t`); absent = each is one. */
  joinPositionals?: boolean;
  /** True when the value of `-p` is only ever attached (mysql's password). */
  attachedOnly?: string[];
  /** Single-dash long options that take no value (`-pretty`), so their letters are not read as grouped short options. Empty = none. */
  flags?: string[];
  /** Operands that are files of SQL: every one, or every one after the database; absent = none (`-` is stdin). */
  positionalFiles?: 'all' | 'afterFirst';
  /** True when an operand written `@FILE` (or `@@FILE`) runs that script, `.sql` assumed (SQL*Plus); the operands after it are its parameters. */
  atFiles?: boolean;
  /** True when the program's options are matched without regard to case and `-Opt:VALUE` is `-Opt VALUE` (PowerShell cmdlets); option names in the spec are in lower case. */
  caseless?: boolean;
}

/** `clickhouse-client`, also spelled `clickhouse client`. */
const CLICKHOUSE_CLIENT: ClientSpec = {
  tool: 'clickhouse',
  dialect: 'mysql',
  sql: ['-q', '--query'],
  file: ['--queries-file'],
  db: ['-d', '--database'],
  withArg: ['-h', '--host', '--port', '-u', '--user', '--password', '-f', '--format', '--config-file', '-C'],
};

/** SQL client → where it takes SQL, SQL files and the database (ClientSpec). */
export const CLIENTS: Record<string, ClientSpec> = {
  psql: {
    tool: 'psql',
    dialect: 'postgresql',
    sql: ['-c', '--command'],
    file: ['-f', '--file'],
    db: ['-d', '--dbname'],
    withArg: [
      '-h',
      '--host',
      '-p',
      '--port',
      '-U',
      '--username',
      '-v',
      '--set',
      '--variable',
      '-o',
      '--output',
      '-L',
      '--log-file',
      '-P',
      '--pset',
      '-F',
      '--field-separator',
      '-R',
      '--record-separator',
      '-T',
      '--table-attr',
    ],
  },
  mysql: {
    tool: 'mysql',
    dialect: 'mysql',
    sql: ['-e', '--execute'],
    file: [],
    db: ['-D', '--database'],
    withArg: [
      '-h',
      '--host',
      '-P',
      '--port',
      '-u',
      '--user',
      '-S',
      '--socket',
      '--defaults-file',
      '--defaults-extra-file',
      '--login-path',
      '--protocol',
      '--default-character-set',
      '--ssl-ca',
      '--ssl-cert',
      '--ssl-key',
      '--ssl-mode',
      '--init-command',
    ],
    attachedOnly: ['-p', '--password'],
  },
  sqlite3: {
    tool: 'sqlite3',
    dialect: 'sqlite',
    sql: ['-cmd'],
    file: ['-init'],
    db: [],
    withArg: [
      '-separator',
      '-nullvalue',
      '-newline',
      '-vfs',
      '-mmap',
      '-pagecache',
      '-lookaside',
      '-heap',
      '-maxsize',
    ],
    positionalSql: true,
  },
  cockroach: {
    tool: 'cockroach',
    dialect: 'postgresql',
    sub: ['sql'],
    sql: ['-e', '--execute'],
    file: ['-f', '--file'],
    db: ['-d', '--database', '--url'],
    withArg: ['--host', '--port', '-u', '--user', '--certs-dir', '--format', '--set'],
  },
  'clickhouse-client': CLICKHOUSE_CLIENT,
  clickhouse: { ...CLICKHOUSE_CLIENT, sub: ['client'] },
  duckdb: {
    tool: 'duckdb',
    dialect: 'postgresql',
    sql: ['-c', '-s', '-cmd'],
    file: ['-init', '-f'],
    db: [],
    withArg: ['-separator', '-nullvalue'],
    positionalSql: true,
  },
  cqlsh: {
    tool: 'cqlsh',
    dialect: 'postgresql',
    sql: ['-e', '--execute'],
    file: ['-f', '--file'],
    db: ['-k', '--keyspace'],
    withArg: [
      '-u',
      '--username',
      '-p',
      '--password',
      '--cqlshrc',
      '--connect-timeout',
      '--request-timeout',
      '--encoding',
    ],
  },
  sqlcmd: {
    tool: 'sqlcmd',
    dialect: 'postgresql',
    sql: ['-Q', '-q'],
    file: ['-i'],
    db: ['-d'],
    withArg: ['-S', '-U', '-P', '-o', '-s', '-w', '-h', '-l', '-t', '-v'],
  },
};
// MySQL-protocol servers whose shells are mysql's own client renamed (OceanBase, SingleStore).
for (const tool of ['mariadb', 'obclient', 'memsql', 'singlestore'])
  CLIENTS[tool] = { ...CLIENTS.mysql, tool };
// MySQL Shell: `-e` runs in the shell's mode (`--sql`, or JS/Python): its text is read as SQL
// either way (a JS line holds no SQL statement the rules act on).
CLIENTS.mysqlsh = {
  tool: 'mysqlsh',
  dialect: 'mysql',
  sql: ['-e', '--execute'],
  file: ['-f', '--file'],
  db: ['-D', '--schema', '--database'],
  withArg: [
    '-h',
    '--host',
    '-P',
    '--port',
    '-u',
    '--user',
    '--uri',
    '-S',
    '--socket',
    '--ssl-mode',
    '--log-level',
  ],
  attachedOnly: ['-p'],
};
CLIENTS.pgcli = { ...CLIENTS.psql, tool: 'pgcli', sql: ['-c', '--command'] };
// The interactive MySQL and SQLite clients with one-shot `-e` (mycli's -p takes a value).
CLIENTS.mycli = {
  ...CLIENTS.mysql,
  tool: 'mycli',
  withArg: [
    ...CLIENTS.mysql.withArg,
    '-p',
    '--pass',
    '--password',
    '-R',
    '--prompt',
    '-l',
    '--logfile',
    '--myclirc',
    '-d',
    '--dsn',
  ],
  attachedOnly: [],
};
CLIENTS.litecli = {
  tool: 'litecli',
  dialect: 'sqlite',
  sql: ['-e', '--execute'],
  file: [],
  db: [],
  withArg: ['-R', '--prompt', '-l', '--logfile', '--liteclirc', '-D', '--database'],
};
// InfluxDB 1.x's shell: `influx -execute 'DROP DATABASE metrics'` (InfluxQL). The 2.x CLI's
// subcommands (`influx bucket delete`) are read as a cloud CLI.
CLIENTS.influx = {
  tool: 'influx',
  dialect: 'postgresql',
  sql: ['-execute'],
  file: [],
  db: ['-database'],
  withArg: ['-host', '-port', '-username', '-password', '-format', '-precision', '-path', '-unix-socket'],
};
// psql and cqlsh forks (YugabyteDB, Netezza, Yellowbrick) take the same options.
for (const tool of ['ysqlsh', 'nzsql', 'ybsql']) CLIENTS[tool] = { ...CLIENTS.psql, tool };
// openGauss / GaussDB's gsql is a psql fork whose -W takes the password (TigerGraph's gsql is read in sql-gsql.ts).
CLIENTS.gsql = { ...CLIENTS.psql, tool: 'gsql', withArg: [...CLIENTS.psql.withArg, '-W', '--password'] };
CLIENTS.ycqlsh = { ...CLIENTS.cqlsh, tool: 'ycqlsh' };
// SQL Server: legacy osql reads like sqlcmd; mssql-cli has long spellings too.
CLIENTS.osql = { ...CLIENTS.sqlcmd, tool: 'osql' };
CLIENTS['mssql-cli'] = {
  ...CLIENTS.sqlcmd,
  tool: 'mssql-cli',
  sql: ['-Q', '--query'],
  file: ['-i', '--input-file'],
  db: ['-d', '--database'],
  withArg: ['-S', '--server', '-U', '--username', '-o', '--output-file', '--mssqlclirc', '-l'],
};
// FreeTDS's shell: SQL only on stdin (`tsql -S host < x.sql`); `isql` is set below.
CLIENTS.tsql = {
  tool: 'tsql',
  dialect: 'postgresql',
  sql: [],
  file: [],
  db: ['-D'],
  withArg: ['-S', '-H', '-p', '-U', '-P', '-I', '-o', '-t', '-r'],
};
// SurrealDB's shell reads SurrealQL on stdin (`surreal sql --endpoint … < x.surql`); its
// REMOVE TABLE / DATABASE / NAMESPACE are read as DROP, `DELETE t` as DELETE.
CLIENTS.surreal = {
  tool: 'surreal',
  dialect: 'postgresql',
  sub: ['sql'],
  sql: [],
  file: [],
  db: ['-e', '--endpoint', '--conn'],
  withArg: [
    '--ns',
    '--namespace',
    '--db',
    '--database',
    '-u',
    '--user',
    '--username',
    '-p',
    '--pass',
    '--password',
    '-t',
    '--token',
    '--auth-level',
  ],
};
Object.assign(CLIENTS, DOC_STORE_CLIENTS, VENDOR_CLIENTS, MORE_CLIENTS, { sq: SQ_SQL_CLIENT });
// `isql` is unixODBC's shell (SQL on stdin), Firebird's or Sybase's (`-i FILE` too): read as the latter, which covers both.
CLIENTS.isql = { ...VENDOR_CLIENTS['isql-fb'], tool: 'isql' };
// Launch scripts shipped under their own names (`bin/sqlline.sh`, `bin/ij.sh`, `bin/hz-cli.sh`), and GridGain's renamed Ignite CLI.
for (const name of ['sqlline', 'ij', 'hz-cli']) CLIENTS[`${name}.sh`] = CLIENTS[name];
CLIENTS.gridgain = { ...CLIENTS.ignite, tool: 'gridgain sql' };
