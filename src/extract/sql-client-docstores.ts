/**
 * Document and key-value stores whose clients run a SQL dialect given in an option or as
 * arguments: Couchbase's `cbq -s 'SQL++'` (also `-f file`, stdin) and `cbc n1ql 'SQL++'`,
 * Aerospike's `aql -c 'TRUNCATE ns.set'`. Their statements read as SQL (`DELETE FROM
 * \`orders\`` with no WHERE, `TRUNCATE`, `DROP INDEX`), so the database rules apply as they
 * do to psql or mysql.
 */
import type { ClientSpec } from './sql-client-table.js';

/** Document and key-value store clients → where they take their SQL dialect. */
export const DOC_STORE_CLIENTS: Record<string, ClientSpec> = {
  // cbq takes Go-style options: `-s SQL`, `-script=SQL`, `--script SQL` alike.
  cbq: {
    tool: 'cbq',
    dialect: 'mysql',
    sql: ['-s', '-script', '--script'],
    file: ['-f', '-file', '--file'],
    db: ['-e', '-engine', '--engine'],
    withArg: [
      ...['-u', '-user', '--user', '-p', '-password', '--password', '-c', '-credentials', '--credentials'],
      ...['-o', '-output', '--output', '-t', '-timeout', '--timeout', '-n', '-networkconfig'],
      ...['--networkconfig', '-cacert', '--cacert', '-cert', '--cert', '-key', '--key'],
    ],
    flags: ['-pretty', '-quiet', '-q', '-ne', '-no-engine', '-advise', '-exit-on-error', '-terse', '-batch'],
  },
  // libcouchbase's `cbc n1ql QUERY`: every positional is a statement.
  cbc: {
    tool: 'cbc',
    dialect: 'mysql',
    sub: ['n1ql', 'query'],
    sql: [],
    file: [],
    db: ['-U', '--spec'],
    withArg: ['-u', '--username', '-P', '--password', '-D', '--cparam', '-Q', '--qopt', '-p', '--posparam'],
    allPositionalSql: true,
  },
  // Aerospike's AQL: `-c COMMAND`, `-f FILE`; `DELETE … WHERE PK = …` picks a record, TRUNCATE empties a set.
  aql: {
    tool: 'aql',
    dialect: 'mysql',
    sql: ['-c', '--command'],
    file: ['-f', '--file'],
    db: ['-h', '--host'],
    withArg: ['-p', '--port', '-U', '--user', '-P', '--password', '-o', '--outputmode', '-T', '--timeout'],
  },
};
