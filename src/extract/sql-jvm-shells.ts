/**
 * Database shells that run on the JVM, started by their main class or runnable jar rather
 * than a program of their own: H2's `java -cp h2.jar org.h2.tools.Shell -url … -sql "SQL"` (SQL
 * on stdin without `-sql`), `org.h2.tools.RunScript -script FILE` (`backup.sql` when no script
 * is named) and `org.h2.tools.DeleteDbFiles` (the database's files deleted), Apache Derby's
 * `org.apache.derby.tools.ij` (also `java -jar derbyrun.jar ij`), HSQLDB's SqlTool
 * (`java -jar sqltool.jar --sql "SQL" URLID`, SQL files after the urlid), sqlline's
 * `sqlline.SqlLine`, Ignite's control script class and Hazelcast's CLI class. The JVM's own
 * options are skipped; the shell's arguments are then read as its client's (sql-clients.ts):
 * the SQL reaches the database rules like psql's.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { ClientSpec } from './sql-client-table.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';

/** JVM options that take the next word as their value. */
const JVM_WITH_ARG =
  /^(-cp|-classpath|--class-path|-p|--module-path|--upgrade-module-path|--add-modules|--add-opens|--add-exports|--add-reads|--patch-module|--limit-modules|--source|--enable-native-access)$/;

const H2_CONNECT = ['-user', '-password', '-driver', '-properties'];

/** Clients known only by their main class: their spec. */
const SPECS: Record<string, ClientSpec> = {
  'org.h2.tools.Shell': {
    tool: 'h2 shell',
    dialect: 'postgresql',
    sql: ['-sql'],
    file: [],
    db: ['-url'],
    withArg: H2_CONNECT,
  },
  'org.h2.tools.RunScript': {
    tool: 'h2 runscript',
    dialect: 'postgresql',
    sql: [],
    file: ['-script'],
    db: ['-url'],
    withArg: [...H2_CONNECT, '-options', '-charset'],
    flags: ['-continueOnError', '-showResults', '-checkResults'],
  },
};
const SQLTOOL: ClientSpec = {
  tool: 'sqltool',
  dialect: 'postgresql',
  sql: ['--sql'],
  file: [],
  db: [],
  withArg: ['--rcFile', '--inlineRc', '--driver', '--setVar', '--sqltoolrc'],
  positionalFiles: 'afterFirst',
};

/** Main classes of shells that other readers know by a program name. */
const AS_PROGRAM: Record<string, string> = {
  'org.apache.derby.tools.ij': 'ij',
  'sqlline.SqlLine': 'sqlline',
  'org.apache.ignite.internal.commandline.CommandHandler': 'control.sh',
  'com.hazelcast.client.console.HazelcastCommandLine': 'hz-cli',
};

/** What a JVM command starts: a spec to read its argv with, a program name, or a deletion. */
export type JvmShell =
  | { spec: ClientSpec; cmd: NormalizedCommand }
  | { program: string; cmd: NormalizedCommand }
  | { ops: StoreOps };

/** `cmd` with argv = [program, ...the words after index `at`], dynamic words re-indexed. */
function rebase(
  cmd: NormalizedCommand,
  program: string,
  at: number,
  extra: string[] = [],
): NormalizedCommand {
  const dynamicArgs = cmd.dynamicArgs.filter((i) => i > at).map((i) => i - at);
  return { ...cmd, program, argv: [program, ...cmd.argv.slice(at + 1), ...extra], dynamicArgs };
}

/** `DeleteDbFiles -dir D -db NAME`: that database's files; without `-db`, every database in the folder. */
function deleteDbFiles(args: string[]): StoreOps {
  const value = (o: string) => (args.includes(o) ? (args[args.indexOf(o) + 1] ?? '') : undefined);
  const dir = value('-dir') ?? '.';
  const name = value('-db') ?? '*';
  return { tool: 'h2 deletedbfiles', target: dir, stmts: [storeStmt('DROP', 'DATABASE', name, true, '-db')] };
}

/** The shell a `java` command line starts; undefined = not a database shell this module knows. */
export function jvmShell(cmd: NormalizedCommand): JvmShell | undefined {
  if (cmd.program !== 'java') return undefined;
  const argv = cmd.argv;
  let i = 1;
  while (i < argv.length && argv[i].startsWith('-') && argv[i] !== '-jar' && !/^(-m|--module)$/.test(argv[i]))
    i += JVM_WITH_ARG.test(argv[i]) ? 2 : 1;
  if (i >= argv.length) return undefined;
  if (argv[i] === '-jar') {
    const jar = (argv[i + 1] ?? '').split('/').pop() ?? '';
    // derbyrun.jar's first operand names the tool it runs (`ij`, `sysinfo`, `server`).
    if (/^derbyrun.*\.jar$/.test(jar) && argv[i + 2] === 'ij')
      return { program: 'ij', cmd: rebase(cmd, 'ij', i + 2) };
    if (/^(hsqldb-)?sqltool.*\.jar$/.test(jar))
      return { spec: sqltool(argv), cmd: rebase(cmd, 'sqltool', i + 1) };
    if (/^sqlline.*\.jar$/.test(jar)) return { program: 'sqlline', cmd: rebase(cmd, 'sqlline', i + 1) };
    return undefined;
  }
  const main = /^(-m|--module)$/.test(argv[i]) ? ((argv[i + 1] ?? '').split('/').pop() ?? '') : argv[i];
  const at = /^(-m|--module)$/.test(argv[i]) ? i + 1 : i;
  if (main === 'org.h2.tools.DeleteDbFiles') return { ops: deleteDbFiles(argv.slice(at + 1)) };
  if (main === 'org.hsqldb.cmdline.SqlTool' || main === 'org.hsqldb.util.SqlTool')
    return { spec: sqltool(argv), cmd: rebase(cmd, 'sqltool', at) };
  if (Object.hasOwn(SPECS, main)) {
    // fail closed: RunScript without -script runs backup.sql in the folder it starts in.
    const extra =
      main === 'org.h2.tools.RunScript' && !argv.includes('-script') ? ['-script', 'backup.sql'] : [];
    return { spec: SPECS[main], cmd: rebase(cmd, SPECS[main].tool, at, extra) };
  }
  if (Object.hasOwn(AS_PROGRAM, main))
    return { program: AS_PROGRAM[main], cmd: rebase(cmd, AS_PROGRAM[main], at) };
  return undefined;
}

/** SqlTool's spec: with `--inlineRc` there is no urlid operand, so every operand is a file of SQL. */
function sqltool(argv: string[]): ClientSpec {
  return argv.some((a) => a.startsWith('--inlineRc')) ? { ...SQLTOOL, positionalFiles: 'all' } : SQLTOOL;
}
