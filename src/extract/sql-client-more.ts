/**
 * More vendors' SQL command-line clients, read like psql: SAP SQL Anywhere's `dbisql` and its
 * older character-mode `dbisqlc` (`dbisql -c "UID=dba;PWD=…;Host=h" "DROP TABLE t"`: each
 * operand is a statement, or a script file `wipe.sql`; with none, statements on stdin), SAP
 * IQ's Sybase-style `iqisql` (`-i FILE` or stdin), and SQream's `sqream sql` and its legacy
 * `ClientCmd` (`-c|--command 'SQL'`, `-f|--file FILE`), Sybase's `sqsh` (`-C 'SQL'`, `-i FILE`,
 * else stdin), Cloud Spanner's `spanner-cli` and its fork `spanner-mycli` (`-e|--execute SQL`,
 * `-f|--file FILE`) and Sqoop's `sqoop eval --query|-e SQL` (run on the `--connect` database).
 * What they run reaches the database rules as SQL statements.
 */
import type { ClientSpec } from './sql-client-table.js';

/** SQL Anywhere's interactive SQL: options are single-dash words; operands are statements or script files. */
const DBISQL: ClientSpec = {
  tool: 'dbisql',
  dialect: 'postgresql',
  sql: [],
  file: [],
  db: ['-c'],
  withArg: ['-codepage', '-d', '-onerror', '-host', '-port', '-datasource'],
  flags: ['-nogui', '-q', '-x', '-d1', '-ul', '-jConsole', '-nosplash', '-version'],
  allPositionalSql: true,
  scripts: /\.(sql|isql|txt)$/i,
};

/** SQream's client: `sqream sql --host=H -d DB -c 'SQL'`; without -c/-f the SQL comes on stdin. */
const SQREAM: ClientSpec = {
  tool: 'sqream sql',
  dialect: 'postgresql',
  sub: ['sql'],
  sql: ['-c', '--command'],
  file: ['-f', '--file'],
  db: ['-d', '--database', '--databasename'],
  withArg: [
    ...['--host', '-h', '--port', '-p', '--username', '-u', '--password', '-w', '--service'],
    ...['--delimiter', '--results-only', '--clustered', '--ssl', '--timeout'],
  ],
};

/** Cloud Spanner's shell: `spanner-cli -p PROJECT -i INSTANCE -d DATABASE -e 'SQL'`; without -e/-f, SQL on stdin. */
const SPANNER_CLI: ClientSpec = {
  tool: 'spanner-cli',
  dialect: 'mysql',
  sql: ['-e', '--execute', '--sql'],
  file: ['-f', '--file', '--source'],
  db: ['-d', '--database'],
  withArg: [
    ...['-p', '--project', '-i', '--instance', '--credential', '--role', '--priority', '--endpoint'],
    ...['--directed-read', '--proto-descriptor-file', '--database-role', '--prompt', '--set'],
  ],
  flags: ['-t', '--table', '-v', '--verbose', '--skip-tls-verify'],
};

/** Client → where it takes SQL (ClientSpec), merged into the SQL client table. */
export const MORE_CLIENTS: Record<string, ClientSpec> = {
  dbisql: DBISQL,
  dbisqlc: { ...DBISQL, tool: 'dbisqlc' },
  dbisqlg: { ...DBISQL, tool: 'dbisqlg' },
  sqream: SQREAM,
  ClientCmd: { ...SQREAM, tool: 'ClientCmd', sub: undefined },
  clientcmd: { ...SQREAM, tool: 'ClientCmd', sub: undefined },
  // SAP IQ's isql: Sybase options, `-i FILE`, else SQL on stdin.
  iqisql: {
    tool: 'iqisql',
    dialect: 'postgresql',
    sql: [],
    file: ['-i'],
    db: ['-D'],
    withArg: ['-U', '-P', '-S', '-H', '-J', '-w', '-I', '-o', '-s', '-t', '-c', '-m', '-z', '-A', '-a'],
  },
  // Sybase's sqsh: `-C SQL` runs one batch; `-i FILE` a script; else SQL on stdin.
  sqsh: {
    tool: 'sqsh',
    dialect: 'postgresql',
    sql: ['-C'],
    file: ['-i'],
    db: ['-D'],
    withArg: [
      ...['-S', '-U', '-P', '-A', '-a', '-E', '-G', '-H', '-I', '-J', '-k', '-L', '-l', '-m', '-N'],
      ...['-n', '-o', '-Q', '-R', '-r', '-s', '-T', '-t', '-w', '-y', '-z', '-Z'],
    ],
  },
  'spanner-cli': SPANNER_CLI,
  'spanner-mycli': { ...SPANNER_CLI, tool: 'spanner-mycli' },
  // `sqoop eval --connect JDBC-URL --query SQL` runs the statement on that database.
  sqoop: {
    tool: 'sqoop eval',
    dialect: 'postgresql',
    sub: ['eval'],
    sql: ['--query', '-e'],
    file: [],
    db: ['--connect'],
    withArg: [
      ...['--username', '--password', '--password-file', '--password-alias', '--driver'],
      ...['--connection-manager', '--connection-param-file', '--hadoop-home', '--hadoop-mapred-home'],
      ...['--fetch-size', '-conf', '-D', '-fs', '-jt', '-files', '-libjars', '-archives'],
    ],
    flags: ['-P', '--verbose', '--relaxed-isolation', '--skip-dist-cache'],
  },
};
