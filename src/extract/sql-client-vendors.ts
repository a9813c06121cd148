/**
 * Command-line clients of enterprise and analytical databases, read like psql: Teradata's
 * `bteq` (a script on stdin, its dot commands such as `.LOGON` and `.RUN FILE=…` not SQL), SAP
 * HANA's `hdbsql` (the statement as an operand, `-I file`), Exasol's `exaplus -sql`, MonetDB's
 * `mclient -s` (and SQL files as operands), CrateDB's `crash -c`, sqlline (`-e`, `-f`), Apache
 * Derby's `ij` (script files as operands), Informix `dbaccess DB FILE`, Db2's `clpplus`
 * (stdin), TDengine's `taos -s`, YDB's `ydb sql -s` and the `isql` of Firebird and Sybase
 * (`isql-fb -user U -i wipe.sql host:/db.fdb`, `isql -S srv -U sa -i x.sql`) and Databend's
 * `bendsql --query` (its dsn names the database), ksqlDB's `ksql -e|-f` (a Kafka stream or
 * table dropped, its topic too with `DELETE TOPIC`), and OrientDB's console (`console.sh
 * "CONNECT …; DROP DATABASE"`, or a script file). What they run reaches the database rules
 * as SQL statements.
 */
import type { ClientSpec } from './sql-client-table.js';

/** OrientDB's console: every operand is its commands, or a script file of them. */
const ORIENTDB: ClientSpec = {
  tool: 'orientdb console',
  dialect: 'postgresql',
  sql: [],
  file: [],
  db: [],
  withArg: [],
  allPositionalSql: true,
  scripts: /\.(osql|sql|txt)$/i,
};

/**
 * A CLI's own `sql` subcommand on its internal database: LXD's `lxd sql local|global QUERY`
 * and Incus's `incus admin sql local|global QUERY` (the cluster's instances, projects and
 * images are rows; `-` reads the query from stdin), microcluster tools' `microceph|microovn
 * cluster sql QUERY`.
 */
const INTERNAL_SQL: ClientSpec = {
  tool: 'lxd sql',
  dialect: 'sqlite',
  sub: ['sql'],
  sql: [],
  file: [],
  db: [],
  withArg: ['--format', '-f'],
  positionalSql: true,
};
const MICROCLUSTER_SQL: ClientSpec = {
  ...INTERNAL_SQL,
  sub: ['cluster sql'],
  allPositionalSql: true,
  positionalSql: false,
};

/** Enterprise and analytical database clients → where they take SQL (ClientSpec, read like psql). */
export const VENDOR_CLIENTS: Record<string, ClientSpec> = {
  lxd: INTERNAL_SQL,
  incus: { ...INTERNAL_SQL, tool: 'incus admin sql', sub: ['admin sql'] },
  microceph: { ...MICROCLUSTER_SQL, tool: 'microceph cluster sql' },
  microovn: { ...MICROCLUSTER_SQL, tool: 'microovn cluster sql' },
  // Teradata: `bteq < script.bteq`, `bteq <<EOF … EOF`; there is no option that carries SQL.
  bteq: { tool: 'bteq', dialect: 'postgresql', sql: [], file: [], db: [], withArg: ['-c', '-e'] },
  // SAP HANA: `hdbsql -n host:port -u USER -p PW "DROP SCHEMA S CASCADE"`; each operand is one statement.
  hdbsql: {
    tool: 'hdbsql',
    dialect: 'postgresql',
    sql: [],
    file: ['-I'],
    db: ['-d'],
    withArg: [
      ...['-n', '-i', '-u', '-p', '-U', '-o', '-c', '-V', '-F', '-g', '-b', '-E', '-S', '-t', '-l'],
      ...['-sslprovider', '-sslkeystore', '-ssltruststore', '-sslhostnameincert', '-sslcryptoprovider'],
    ],
    flags: ['-sslcreatecert', '-sslvalidatecertificate'],
    allPositionalSql: true,
  },
  // Exasol: `exaplus -c host:8563 -u sys -p PW -sql "DROP SCHEMA s CASCADE;"`, `-f file.sql`.
  exaplus: {
    tool: 'exaplus',
    dialect: 'postgresql',
    sql: ['-sql'],
    file: ['-f'],
    db: ['-s'],
    withArg: [
      '-c',
      '-u',
      '-p',
      '-init',
      '-encoding',
      '-autocommit',
      '-lang',
      '-retry',
      '-retryDelay',
      '-profile',
    ],
    flags: ['-q', '-x', '-L', '-recoverConnection', '-jdbcparam'],
  },
  // MonetDB: `mclient -d db -s "DROP TABLE t"`; operands are SQL files.
  mclient: {
    tool: 'mclient',
    dialect: 'postgresql',
    sql: ['-s', '--statement'],
    file: [],
    db: ['-d', '--database'],
    withArg: ['-h', '--host', '-p', '--port', '-u', '--user', '-f', '--format', '-l', '--language'],
    positionalFiles: 'all',
  },
  // CrateDB's shell: `crash --hosts h -c "DROP TABLE t"`.
  crash: {
    tool: 'crash',
    dialect: 'postgresql',
    sql: ['-c', '--command'],
    file: [],
    db: ['--hosts', '--host'],
    withArg: ['-U', '--username', '--format', '--schema', '--history', '--config', '--timeout'],
  },
  // sqlline (Drill, Calcite, Phoenix): `sqlline -u jdbc:… -e "SQL"`, `-f file`, `--run=file`.
  sqlline: {
    tool: 'sqlline',
    dialect: 'postgresql',
    sql: ['-e'],
    file: ['-f', '--run'],
    db: ['-u'],
    withArg: ['-n', '-p', '-d', '-ac', '-ch', '--propertiesFile'],
  },
  // Hazelcast: `hz-cli -t dev@h sql` reads SQL on stdin (an operand is read as SQL too).
  'hz-cli': {
    tool: 'hz-cli sql',
    dialect: 'postgresql',
    sub: ['sql'],
    sql: [],
    file: [],
    db: ['-t', '--targets'],
    withArg: ['-f', '--config', '-o', '--output-format'],
    allPositionalSql: true,
  },
  // Apache Ignite 3 (GridGain 9 the same): `ignite sql [--jdbc-url URL] "SQL"`, `--file F`.
  ignite: {
    tool: 'ignite sql',
    dialect: 'postgresql',
    sub: ['sql'],
    sql: [],
    file: ['--file', '--script-file'],
    db: ['--jdbc-url', '-u', '--url'],
    withArg: ['--profile', '--page-size'],
    flags: ['--plain'],
    allPositionalSql: true,
  },
  // Apache Derby's ij: `ij drop.sql`; every operand is a script.
  ij: {
    tool: 'ij',
    dialect: 'postgresql',
    sql: [],
    file: [],
    db: [],
    withArg: ['-p'],
    positionalFiles: 'all',
  },
  // Informix: `dbaccess DB FILE.sql` (`-` is stdin).
  dbaccess: {
    tool: 'dbaccess',
    dialect: 'postgresql',
    sql: [],
    file: [],
    db: [],
    withArg: ['-X'],
    positionalFiles: 'afterFirst',
  },
  // Db2's CLPPlus: statements on stdin (like SQL*Plus).
  clpplus: { tool: 'clpplus', dialect: 'postgresql', sql: [], file: [], db: [], withArg: [] },
  // TDengine: `taos -h HOST -s "DROP DATABASE power;"`, `-f file.sql`; the password is attached (`-pPW`).
  taos: {
    tool: 'taos',
    dialect: 'mysql',
    sql: ['-s', '--commands'],
    file: ['-f', '--file'],
    db: ['-d', '--database'],
    withArg: [
      '-h',
      '--host',
      '-P',
      '--port',
      '-u',
      '--user',
      '-c',
      '--config-dir',
      '-a',
      '--auth',
      '-E',
      '--dsn',
    ],
    attachedOnly: ['-p'],
  },
  // Firebird's isql (Debian names it isql-fb): `-i FILE` runs a script, else SQL on stdin. Its
  // single-dash long options may be abbreviated; Sybase's isql shares `-i` and takes -U/-P/-S/-D.
  'isql-fb': {
    tool: 'isql-fb',
    dialect: 'postgresql',
    sql: [],
    file: ['-i', '-in', '-inp', '-input'],
    db: ['-D'],
    withArg: [
      ...[
        '-u',
        '-user',
        '-p',
        '-pas',
        '-password',
        '-r',
        '-role',
        '-ch',
        '-charset',
        '-o',
        '-out',
        '-output',
      ],
      ...[
        '-t',
        '-term',
        '-terminator',
        '-pag',
        '-page',
        '-c',
        '-cache',
        '-s',
        '-sqldialect',
        '-fetch_password',
      ],
      ...['-U', '-P', '-S', '-H', '-J', '-w', '-I'],
    ],
    flags: [
      ...['-a', '-all', '-b', '-bail', '-e', '-echo', '-ex', '-extract', '-x', '-m', '-merge', '-m2', '-q'],
      ...['-quiet', '-n', '-noautocommit', '-now', '-nowarnings', '-nod', '-nodbtriggers', '-z'],
    ],
  },
  // YDB: `ydb -e ENDPOINT -d DB sql -s 'DROP TABLE t'` (also `yql -s`, `scripting yql -s`, `table query execute -q`).
  ydb: {
    tool: 'ydb',
    dialect: 'postgresql',
    sub: ['sql', 'yql', 'scripting', 'table'],
    sql: ['-s', '--script', '-q', '--query'],
    file: ['-f', '--file', '--script-file'],
    db: ['-d', '--database'],
    withArg: [
      ...['-e', '--endpoint', '-p', '--profile', '--ca-file', '--iam-token-file', '--sa-key-file', '--user'],
      ...['--password-file', '--token-file', '--format', '--stats', '--syntax', '-t', '--type', '--timeout'],
    ],
  },
  // Databend: `bendsql --dsn DSN --query 'DROP DATABASE a'`, or SQL on stdin.
  bendsql: {
    tool: 'bendsql',
    dialect: 'mysql',
    sql: ['-q', '--query'],
    file: [],
    db: ['--dsn', '-D', '--database'],
    withArg: [
      ...['-h', '--host', '-P', '--port', '-u', '--user', '-p', '--password', '-o', '--output'],
      ...['--set', '-s', '--data', '--format', '--quote-style', '--prompt'],
    ],
  },
  // OrientDB's console: `console.sh "CONNECT remote:h/db U PW; DROP CLASS C UNSAFE"` (its
  // commands joined by `;`, as one operand) or `console.sh drop.osql` (a script file).
  'console.sh': ORIENTDB,
  'orientdb-console': ORIENTDB,
  // ksqlDB: `ksql URL -e "DROP STREAM s DELETE TOPIC;"`, `-f script.sql`; the server URL is an
  // operand. KingbaseES ships a psql fork of the same name (`ksql -d DB -c SQL`): read too.
  ksql: {
    tool: 'ksql',
    dialect: 'postgresql',
    sql: ['-e', '--execute', '-c', '--command'],
    file: ['-f', '--file'],
    db: ['-d', '--dbname'],
    withArg: [
      ...['-u', '--user', '-p', '--password', '--config-file', '--define', '--output', '--query-row-limit'],
      ...['--query-timeout', '-h', '--host', '-U', '--username', '-o', '-v', '--set', '--variable'],
    ],
  },
};
