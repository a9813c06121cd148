/**
 * Database client command lines → the SQL they will run: psql, mysql/mariadb, sqlite3,
 * cockroach sql, clickhouse-client, duckdb, cqlsh, sqlcmd. SQL comes from flags (`-c`,
 * `-e`, `--execute=`), files (`-f`, `.read`, `< file`, through ctx.readFile) or stdin.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile, readStdin, type Payload } from './http-body.js';
import { CLIENTS, type ClientSpec } from './sql-client-table.js';
import { WAREHOUSE } from './sql-shells.js';
import { PWSH_CLIENTS } from './sql-client-pwsh.js';
import { shellEscape } from './sql-client-shell.js';
import type { SqlDialect } from './sql-statements.js';

/** One piece of SQL a client will execute. */
export interface SqlSource {
  /** SQL text; undefined = not known statically (unreadable file, unknown stdin). */
  text?: string;
  /** Where it came from, for evidence: `-c`, `-f wipe.sql`, `stdin`. */
  label: string;
  /** True when the rows the text returns are run as SQL (psql `\gexec`); absent = the text is run. */
  runsOutput?: boolean;
  /** A shell command the client runs on this machine (`\\! CMD`, `.shell CMD`); absent = the source is SQL. */
  shell?: string;
  /** True when the text holds pieces the shell fills in at run time (`-c "$q"`); absent = all literal. */
  dynamic?: boolean;
}

export interface SqlInvocation {
  tool: string;
  dialect: SqlDialect;
  sources: SqlSource[];
  /** Database/target as given, credentials masked; empty = default. */
  target: string;
}

/** Masks the password in a connection URL (`postgres://u:pw@h/db` → `postgres://u:***@h/db`). */
export function maskTarget(t: string): string {
  return t
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]+):[^@/\s]*@/i, '$1:***@')
    .replace(/([?&]password=)[^&]*/gi, '$1***');
}

/** Parses a client command line; undefined when the program is not a known SQL client. */
export function parseSqlClient(
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  given?: ClientSpec,
): SqlInvocation | undefined {
  const spec =
    given ??
    (Object.hasOwn(CLIENTS, cmd.program) ? CLIENTS[cmd.program] : undefined) ??
    (Object.hasOwn(WAREHOUSE, cmd.program) ? WAREHOUSE[cmd.program] : undefined) ??
    (Object.hasOwn(PWSH_CLIENTS, cmd.program.toLowerCase())
      ? PWSH_CLIENTS[cmd.program.toLowerCase()]
      : undefined);
  if (!spec) return undefined;
  let args = cmd.argv.slice(1);
  /** argv index of each of args. */
  let at = args.map((_, i) => i + 1);
  if (spec.caseless) {
    // PowerShell: `-Query:'SQL'` is `-Query 'SQL'`, and parameter names have no case
    const split = args.flatMap((a, i) => {
      const m = /^(-[A-Za-z]+):(.*)$/s.exec(a);
      return m
        ? [
            [m[1].toLowerCase(), at[i]],
            [m[2], at[i]],
          ]
        : [[a.startsWith('-') ? a.toLowerCase() : a, at[i]]];
    }) as [string, number][];
    args = split.map(([a]) => a);
    at = split.map(([, i]) => i);
  }
  const takes = (o: string) =>
    spec.sql.includes(o) || spec.file.includes(o) || spec.db.includes(o) || spec.withArg.includes(o);
  if (spec.sub) {
    // Global options may come first, with their values (`ydb -e ENDPOINT -d DB sql -s SQL`).
    const i = args.findIndex((a, j) => !a.startsWith('-') && !(j > 0 && takes(args[j - 1])));
    // a sub of several words (`incus admin sql`) matches them in a row
    const n =
      i < 0
        ? 0
        : (spec.sub.map((s) => s.split(' ')).find((ws) => ws.every((w, k) => args[i + k] === w))?.length ??
          0);
    if (!n) return undefined;
    args = [...args.slice(0, i), ...args.slice(i + n)];
    at = [...at.slice(0, i), ...at.slice(i + n)];
  }
  const dynamicAt = (i: number) => cmd.dynamicArgs.includes(at[i]);
  /** The sources of SQL given as an argument (args[i]); one the shell fills in at run time is marked dynamic. */
  const sqlArg = (text: string, label: string, i: number): SqlSource[] =>
    splitDotCommands(text, label, cmd, ctx).map((s) =>
      dynamicAt(i) && s.label === label ? { ...s, dynamic: true } : s,
    );
  const inv: SqlInvocation = { tool: spec.tool, dialect: spec.dialect, sources: [], target: '' };
  /** Positionals with their index in args. */
  const positionals: [string, number][] = [];
  const onOpt = (name: string, value: string, i: number) => {
    if (spec.sql.includes(name)) inv.sources.push(...sqlArg(value, name, i));
    else if (spec.file.includes(name))
      inv.sources.push(...fromPayload(readPayloadFile(value, cmd, ctx), `${name} ${value}`, cmd, ctx));
    else if (spec.db.includes(name)) inv.target = maskTarget(value);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      for (let j = i + 1; j < args.length; j++) positionals.push([args[j], j]);
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positionals.push([a, i]);
      continue;
    }
    const eq = a.indexOf('=');
    // `--execute=SQL`, and Go-style single-dash long options (`-script=SQL`) the client knows.
    if (eq > 0 && (a.startsWith('--') || takes(a.slice(0, eq)))) {
      onOpt(a.slice(0, eq), a.slice(eq + 1), i);
      continue;
    }
    if (takes(a)) {
      onOpt(a, args[i + 1] ?? '', i + 1);
      i++;
      continue;
    }
    if (spec.attachedOnly?.some((o) => a.startsWith(o)) || spec.flags?.includes(a)) continue;
    // Combined short flags: `-qAtc SQL`, `-tAc`, `-cSELECT` (the last letter that takes a value ends the group).
    if (!a.startsWith('--') && a.length > 2) {
      for (let j = 1; j < a.length; j++) {
        const o = `-${a[j]}`;
        if (takes(o)) {
          const rest = a.slice(j + 1);
          if (rest) onOpt(o, rest, i);
          else {
            onOpt(o, args[i + 1] ?? '', i + 1);
            i++;
          }
          break;
        }
      }
    }
  }
  const script = spec.atFiles ? positionals.findIndex(([p]) => /^@@?[^@]/.test(p)) : -1;
  if (script >= 0) {
    const name = positionals[script][0].replace(/^@@?/, '');
    const file = /\.\w+$/.test(name) ? name : `${name}.sql`;
    inv.sources.push(...fromPayload(readPayloadFile(file, cmd, ctx), `@${file}`, cmd, ctx));
    positionals.splice(script);
  }
  if (spec.allPositionalSql) {
    // one command of several words: dynamic when any of them is
    const joined: [string, number][] = [
      [
        positionals.map(([w]) => w).join(' '),
        (positionals.find(([, i]) => dynamicAt(i)) ?? positionals[0])?.[1],
      ],
    ];
    for (const [sql, i] of spec.joinPositionals && positionals.length > 1 ? joined : positionals)
      inv.sources.push(
        ...(spec.scripts?.test(sql)
          ? fromPayload(readPayloadFile(sql, cmd, ctx), sql, cmd, ctx)
          : sqlArg(sql, 'argument', i)),
      );
  } else if (spec.positionalSql) {
    if (positionals.length) inv.target = maskTarget(positionals[0][0]);
    // `-`: the SQL is read from stdin (below)
    for (const [sql, i] of positionals.slice(1))
      if (sql !== '-') inv.sources.push(...sqlArg(sql, 'argument', i));
  } else if (spec.positionalFiles) {
    const files = spec.positionalFiles === 'afterFirst' ? positionals.slice(1) : positionals;
    if (files !== positionals && positionals.length) inv.target = maskTarget(positionals[0][0]);
    for (const [name] of files)
      if (name !== '-') inv.sources.push(...fromPayload(readPayloadFile(name, cmd, ctx), name, cmd, ctx));
  } else if (positionals.length && !inv.target) inv.target = maskTarget(positionals[0][0]);
  if (!inv.sources.length && cmd.stdin)
    inv.sources.push(...fromPayload(readStdinDeep(cmd, ctx), 'stdin', cmd, ctx));
  return inv;
}

/** The SQL of a file or stdin; each file it includes stays its own source (an unreadable one stays unknown). */
function fromPayload(p: Payload, label: string, cmd: NormalizedCommand, ctx: AnalyzeContext): SqlSource[] {
  if (p.text === undefined) return [{ label }];
  return splitDotCommands(p.text, label, cmd, ctx);
}

/**
 * A line that is a client meta-command rather than SQL (`.read f`, `\i f`, `source f`, `\dt`),
 * or sends its SQL with one (`… \gexec`, `SELECT 1 \gset`, `… \G`).
 */
const META_LINE = /^\s*(?:[.\\]\w|\\\.|source\s)|\\(?:g\w*|watch|crosstabview|G)\b/im;
/**
 * A meta-command after SQL on its line that sends the statement before it (psql's `\g`,
 * `\gx`, `\gset`, `\gdesc`, `\watch`, `\crosstabview`; the mysql client's `\g`, `\G`): the
 * statement ends there and the rest of the line is the command's own words, so the next
 * lines are the next statement.
 */
const SEND_META = /\\(?:g|gx|gset|gdesc|watch|crosstabview|G)\b/;

/**
 * `line` with a statement-sending meta-command after its SQL read as the statement's end
 * (the rest of the line dropped). Only where it stands outside quotes: an odd number of `'`
 * or `"` before it means it is inside a string literal (`'C:\go'`), which keeps the line.
 */
function endAtSend(line: string): string {
  const m = SEND_META.exec(line);
  if (!m) return line;
  const before = line.slice(0, m.index);
  const odd = (q: string) => (before.split(q).length - 1) % 2 === 1;
  return odd("'") || odd('"') ? line : `${before};`;
}
/** psql's `\gexec`: the query before it runs, then every value it returns runs as a statement. */
const GEXEC = /\\gexec\b/;

/**
 * Client meta-commands: `.read FILE` (sqlite3, duckdb), `.RUN FILE=F` (bteq), `\i FILE` / `\ir` / `\include`
 * (psql), `source FILE` / `\. FILE` (mysql) pull in a file, read through ctx.readFile; other
 * meta lines are dropped. Returns the remaining SQL plus one source per included file.
 */
function splitDotCommands(
  text: string,
  label: string,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  depth = 0,
): SqlSource[] {
  const lines = text.split(/\r?\n/);
  if (!META_LINE.test(text) && !lines.some((l) => shellEscape(l))) return [{ text, label }];
  const sql: string[] = [];
  const out: SqlSource[] = [];
  let query = 0;
  for (const whole of lines) {
    let line = whole;
    const g = GEXEC.exec(line);
    if (g) {
      sql.push(line.slice(0, g.index));
      out.push({ text: sql.slice(query).join('\n'), label: `${label} \\gexec`, runsOutput: true });
      query = sql.length;
      line = line.slice(g.index + g[0].length);
    }
    // `\! CMD`, `.shell CMD`, `system CMD`, `\o |CMD`: a command for the shell, not SQL.
    const esc = shellEscape(line);
    if (esc) {
      sql.push(line.slice(0, esc.at));
      out.push({ label: `${label} shell escape`, shell: esc.command });
      continue;
    }
    // bteq's `.RUN FILE=path` reads like `.read path`.
    const m =
      /^\s*(\.read|\.run(?=\s+file\s*=)|\\i|\\ir|\\include|\\include_relative|\\\.|source)(?:\s+(?:file\s*=\s*)?(.*))?$/i.exec(
        line,
      );
    if (!m) {
      // Other client meta-commands (`.tables`, `\dt`, `\c db`) are not SQL.
      if (!/^\s*[.\\]\w/.test(line)) sql.push(endAtSend(line));
      continue;
    }
    const name = (m[2] ?? '')
      .trim()
      .replace(/;$/, '')
      .replace(/^['"]|['"]$/g, '');
    const p = name ? readPayloadFile(name, cmd, ctx) : undefined;
    // fail closed: an included file that cannot be read is unknown SQL.
    if (!p || p.text === undefined || depth > 3) out.push({ label: `${m[1]} ${name}` });
    else out.push(...splitDotCommands(p.text, `${m[1]} ${name}`, cmd, ctx, depth + 1));
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
