/**
 * Database client command lines → the SQL they will run: psql, mysql/mariadb, sqlite3,
 * cockroach sql, clickhouse-client, duckdb, cqlsh, sqlcmd. SQL comes from flags (`-c`,
 * `-e`, `--execute=`), files (`-f`, `.read`, `< file`, through ctx.readFile) or stdin.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile, readStdin, type Payload } from './http-body.js';
import type { SqlDialect } from './sql-statements.js';

/** One piece of SQL a client will execute. */
export interface SqlSource {
  /** SQL text; undefined = not known statically (unreadable file, unknown stdin). */
  text?: string;
  /** Where it came from, for evidence: `-c`, `-f wipe.sql`, `stdin`. */
  label: string;
}

export interface SqlInvocation {
  tool: string;
  dialect: SqlDialect;
  sources: SqlSource[];
  /** Database/target as given, credentials masked; empty = default. */
  target: string;
}

interface ClientSpec {
  tool: string;
  dialect: SqlDialect;
  /** argv words after the program that select the SQL mode (`cockroach sql`, `clickhouse client`). */
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
  /** True when the value of `-p` is only ever attached (mysql's password). */
  attachedOnly?: string[];
}

const CLIENTS: Record<string, ClientSpec> = {
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
  'clickhouse-client': {
    tool: 'clickhouse',
    dialect: 'mysql',
    sql: ['-q', '--query'],
    file: ['--queries-file'],
    db: ['-d', '--database'],
    withArg: [
      '-h',
      '--host',
      '--port',
      '-u',
      '--user',
      '--password',
      '-f',
      '--format',
      '--config-file',
      '-C',
    ],
  },
  clickhouse: {
    tool: 'clickhouse',
    dialect: 'mysql',
    sub: ['client'],
    sql: ['-q', '--query'],
    file: ['--queries-file'],
    db: ['-d', '--database'],
    withArg: [
      '-h',
      '--host',
      '--port',
      '-u',
      '--user',
      '--password',
      '-f',
      '--format',
      '--config-file',
      '-C',
    ],
  },
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
CLIENTS.mariadb = { ...CLIENTS.mysql, tool: 'mariadb' };
CLIENTS.pgcli = { ...CLIENTS.psql, tool: 'pgcli', sql: ['-c', '--command'] };

/** Masks the password in a connection URL (`postgres://u:pw@h/db` → `postgres://u:***@h/db`). */
export function maskTarget(t: string): string {
  return t
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]+):[^@/\s]*@/i, '$1:***@')
    .replace(/([?&]password=)[^&]*/gi, '$1***');
}

/** Parses a client command line; undefined when the program is not a known SQL client. */
export function parseSqlClient(cmd: NormalizedCommand, ctx: AnalyzeContext): SqlInvocation | undefined {
  const spec = CLIENTS[cmd.program];
  if (!spec) return undefined;
  let args = cmd.argv.slice(1);
  if (spec.sub) {
    const i = args.findIndex((a) => !a.startsWith('-'));
    if (i < 0 || !spec.sub.includes(args[i])) return undefined;
    args = [...args.slice(0, i), ...args.slice(i + 1)];
  }
  const inv: SqlInvocation = { tool: spec.tool, dialect: spec.dialect, sources: [], target: '' };
  const positionals: string[] = [];
  const takes = (o: string) =>
    spec.sql.includes(o) || spec.file.includes(o) || spec.db.includes(o) || spec.withArg.includes(o);
  const onOpt = (name: string, value: string) => {
    if (spec.sql.includes(name)) inv.sources.push(...splitDotCommands(value, `${name}`, cmd, ctx));
    else if (spec.file.includes(name))
      inv.sources.push(fromPayload(readPayloadFile(value, cmd, ctx), `${name} ${value}`, cmd, ctx));
    else if (spec.db.includes(name)) inv.target = maskTarget(value);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      onOpt(a.slice(0, eq), a.slice(eq + 1));
      continue;
    }
    if (takes(a)) {
      onOpt(a, args[i + 1] ?? '');
      i++;
      continue;
    }
    if (spec.attachedOnly?.some((o) => a.startsWith(o))) continue;
    // Combined short flags: `-qAtc SQL`, `-tAc`, `-cSELECT` (the last letter that takes a value ends the group).
    if (!a.startsWith('--') && a.length > 2) {
      for (let j = 1; j < a.length; j++) {
        const o = `-${a[j]}`;
        if (takes(o)) {
          const rest = a.slice(j + 1);
          if (rest) onOpt(o, rest);
          else {
            onOpt(o, args[i + 1] ?? '');
            i++;
          }
          break;
        }
      }
    }
  }
  if (spec.positionalSql) {
    if (positionals.length) inv.target = maskTarget(positionals[0]);
    for (const sql of positionals.slice(1)) inv.sources.push(...splitDotCommands(sql, 'argument', cmd, ctx));
  } else if (positionals.length && !inv.target) inv.target = maskTarget(positionals[0]);
  if (!inv.sources.length && cmd.stdin)
    inv.sources.push(fromPayload(readStdinDeep(cmd, ctx), 'stdin', cmd, ctx));
  return inv;
}

function fromPayload(p: Payload, label: string, cmd: NormalizedCommand, ctx: AnalyzeContext): SqlSource {
  if (p.text === undefined) return { label };
  const parts = splitDotCommands(p.text, label, cmd, ctx);
  return parts.length === 1 ? parts[0] : { text: parts.map((s) => s.text ?? '').join(';\n'), label };
}

/**
 * sqlite3/duckdb dot-commands: `.read FILE` pulls in a file; other dot lines are not SQL.
 * Returns the SQL with dot lines removed plus one source per `.read`.
 */
function splitDotCommands(
  text: string,
  label: string,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  depth = 0,
): SqlSource[] {
  if (!/^\s*\./m.test(text)) return [{ text, label }];
  const sql: string[] = [];
  const out: SqlSource[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*\.(\w+)\s*(.*)$/.exec(line);
    if (!m) {
      sql.push(line);
      continue;
    }
    if (m[1] === 'read' && m[2]) {
      const name = m[2].trim().replace(/^['"]|['"]$/g, '');
      const p = readPayloadFile(name, cmd, ctx);
      // fail closed: a file that cannot be read is unknown SQL.
      if (p.text === undefined || depth > 3) out.push({ label: `.read ${name}` });
      else out.push(...splitDotCommands(p.text, `.read ${name}`, cmd, ctx, depth + 1));
    }
  }
  return [{ text: sql.join('\n'), label }, ...out];
}

/** stdin, reading `cat FILE` upstream through ctx.readFile when the pipe text is not known. */
export function readStdinDeep(cmd: NormalizedCommand, ctx: AnalyzeContext): Payload {
  const p = readStdin(cmd, ctx);
  const from = cmd.stdin?.kind === 'pipe' ? cmd.stdin.from : undefined;
  if (p.text !== undefined || !from || from.program !== 'cat' || from.dynamic) return p;
  const files = from.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!files.length) return p;
  const texts = files.map((f) => readPayloadFile(f, from, ctx).text);
  if (texts.some((t) => t === undefined)) return p;
  return { text: texts.join('\n'), unknown: false, file: '', stdin: true };
}
