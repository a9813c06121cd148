/**
 * SQL text → statement facts. Each statement (split by the lexer in sql-tokenize.ts, so
 * comments and strings never leak) goes to node-sql-parser for its dialect; when the parser
 * rejects it, the statement's leading keywords are read from its tokens instead.
 */
import { auditOff } from './sql-audit.js';
import { createRequire } from 'node:module';
import { splitSql, type SqlChunk, type SqlToken } from './sql-tokenize.js';
import { alwaysTrue, constantWhere, cteBodies } from './sql-where.js';
import { statementTokens } from './sql-head.js';
import { adminGranted, grantOf } from './sql-grant.js';
import { appAdminSet } from './privilege-app-admin.js';
import { backupsOff } from './sql-backups-off.js';
import { securityOff } from './sql-security-off.js';
import { serverStop } from './sql-server-stops.js';
import { destroyingCalls } from './sql-functions.js';
import { chunkCommands, shellEnabled } from './sql-server-shell.js';
import {
  builtStatements,
  recordAssignment,
  selectListTemplates,
  templateStatements,
  type SqlVars,
} from './sql-dynamic.js';

export type SqlDialect = 'postgresql' | 'mysql' | 'sqlite';

/** What one statement does. */
export interface SqlStmt {
  /**
   * Upper-case kind: DROP, TRUNCATE, DELETE, UPDATE, ALTER, GRANT, REVOKE, SELECT, INSERT, SHOW,
   * NOAUDIT (an audit or statement log switched off, sql-audit.ts), NOBACKUP (backups destroyed or
   * no longer kept, sql-backups-off.ts), NOSECURITY (access policies lifted, sql-security-off.ts),
   * ENABLE and SHELL (the server let run, or told to run, a command: sql-server-shell.ts), …
   */
  statement: string;
  /**
   * For DROP: what is dropped (TABLE, DATABASE, SCHEMA, INDEX, VIEW…); for ALTER: what the ALTER
   * drops (COLUMN, CONSTRAINT…), empty when it drops nothing; for GRANT: ALL when every privilege
   * is granted widely, ADMIN when administrator power is (sql-grant.ts), empty for a narrower
   * grant; for NOBACKUP and NOSECURITY: what is lost or lifted (BINLOG, ARCHIVE, SLOT, RLS,
   * POLICY, BYPASS…); else empty.
   */
  object: string;
  /** Object/table name(s) when literal, comma-separated; empty = none. */
  name: string;
  /** DELETE/UPDATE: a WHERE clause is present. True for statements where it does not apply. */
  where: boolean;
}

interface SqlParser {
  astify(sql: string, opt: { database: string }): unknown;
}
const require = createRequire(import.meta.url);
const parsers = new Map<SqlDialect, SqlParser>();
function parserFor(d: SqlDialect): SqlParser {
  let p = parsers.get(d);
  if (!p) {
    const mod = require(`node-sql-parser/build/${d}.js`) as { Parser: new () => SqlParser };
    p = new mod.Parser();
    parsers.set(d, p);
  }
  return p;
}

/** Statements that only frame a transaction or set (`SET`) or restore (`RESET`) a session setting; they carry no fact. */
const TXN_WORDS = new Set(['TRANSACTION', 'WORK', 'ISOLATION', 'READ', 'DEFERRED', 'IMMEDIATE', 'EXCLUSIVE']);
const FRAMING = new Set([
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'START',
  'END',
  'SAVEPOINT',
  'RELEASE',
  'SET',
  'RESET',
  'TRANSACTION',
]);

/**
 * Reads SQL text as statements. `depth` > 0: inside a procedural body (a DO block or a built
 * statement), where `EXECUTE q` runs the text of variable q. `vars`: variables assigned so far.
 */
export function classifySql(
  sql: string,
  dialect: SqlDialect,
  depth = 0,
  vars: SqlVars = new Map(),
): SqlStmt[] {
  const out: SqlStmt[] = [];
  for (const chunk of splitSql(sql, dialect === 'mysql')) {
    const first = chunk.tokens[0]?.text ?? '';
    const second = chunk.tokens[1];
    const block = first === 'BEGIN' && second?.type === 'word' && !TXN_WORDS.has(second.text);
    // A procedural block (`BEGIN DROP TABLE x; END`, `IF … THEN`, `EXPLAIN ANALYZE`): the statement starts later.
    const tokens = statementTokens(chunk.tokens);
    // the server's audit or statement log switched off (`ALTER SYSTEM SET pgaudit.log = 'none'`, `SET GLOBAL general_log = OFF`)
    const audit = auditOff(chunk.text, tokens);
    if (audit) out.push(audit);
    // a safeguard lifted (backups or archiving, access policies, administrator power), or the server
    // stopped or every session cut off (`SHUTDOWN WITH NOWAIT`): that is what the statement does
    const lifted = backupsOff(tokens) ?? adminGranted(tokens) ?? securityOff(tokens) ?? serverStop(tokens);
    if (lifted) {
      out.push(lifted);
      continue;
    }
    if (!tokens.length || recordAssignment(tokens, vars)) continue;
    // `EXEC sp_configure 'xp_cmdshell', 1`: SQL may now run commands on the server's machine
    const shell = shellEnabled(tokens);
    if (shell) out.push(shell);
    if (FRAMING.has(first) && !block) continue;
    // DO $$ … $$ runs its body at once: read the statements inside.
    if (tokens[0]?.text === 'DO' && depth < 2) {
      const body = tokens.find((t) => t.type === 'string');
      const inner = body ? classifySql(body.text, dialect, depth + 1, vars) : [];
      out.push(...(inner.length ? inner : [{ statement: 'DO', object: '', name: '', where: true }]));
      continue;
    }
    const built = builtStatements(tokens, vars, depth > 0 || block);
    if (built) {
      out.push(...builtSql(built, dialect, depth, vars));
      continue;
    }
    // `UPDATE auth_user SET is_superuser = true`: the rows change, and an account is made an admin
    const app = appAdminSet(tokens);
    if (app) out.push(app);
    const grant = grantOf(tokens);
    const parsed = grant || tokens !== chunk.tokens ? undefined : fromParser(chunk, dialect);
    out.push(...(grant ? [grant] : (parsed ?? [fromTokens(tokens)])));
    // `WITH d AS (DELETE FROM users RETURNING *) SELECT …`: the DELETE runs too.
    for (const body of cteBodies(tokens)) out.push(fromTokens(body));
    // `SELECT pgmq.drop_queue(q) FROM pgmq.list_queues()`: a function that removes what it names
    out.push(...destroyingCalls(tokens));
    // `COPY … TO PROGRAM 'CMD'`, `xp_cmdshell 'CMD'`: the server runs a command (sql-server-shell.ts)
    for (const c of chunkCommands(chunk, dialect === 'mysql'))
      out.push({ statement: 'SHELL', object: '', name: c.text, where: true });
  }
  return out;
}

/** Statements built at run time, read from their templates (fail closed past a few levels of building). */
function builtSql(templates: string[], dialect: SqlDialect, depth: number, vars: SqlVars): SqlStmt[] {
  return templateStatements(depth < 3 ? templates : [''], (t) => classifySql(t, dialect, depth + 1, vars));
}

/** The statements the rows of `query` are, when its output is run as SQL (psql `\gexec`). */
export function classifyOutput(query: string, dialect: SqlDialect): SqlStmt[] {
  const vars: SqlVars = new Map();
  const chunks = splitSql(query, dialect === 'mysql');
  const last = chunks[chunks.length - 1];
  return builtSql(last ? selectListTemplates(statementTokens(last.tokens), vars) : [''], dialect, 0, vars);
}

/** Statements longer than this skip the full parser (its time grows fast on huge inputs); the lexer reads them. */
const MAX_PARSED_STATEMENT = 32 * 1024;

function fromParser(chunk: SqlChunk, dialect: SqlDialect): SqlStmt[] | undefined {
  if (chunk.text.length > MAX_PARSED_STATEMENT) return undefined;
  let ast: unknown;
  try {
    ast = parserFor(dialect).astify(chunk.text, { database: dialect });
  } catch {
    return undefined;
  }
  const list = (Array.isArray(ast) ? ast : [ast]) as Record<string, unknown>[];
  const out: SqlStmt[] = [];
  for (const a of list) {
    if (!a || typeof a !== 'object' || a.type === 'transaction') continue;
    const s = fromAst(a);
    if (!s) return undefined;
    out.push(s);
  }
  return out;
}

function tableNames(v: unknown): string {
  if (typeof v === 'string') return v;
  const arr = Array.isArray(v) ? v : v ? [v] : [];
  return arr
    .map((t) => {
      if (typeof t === 'string') return t;
      const o = t as Record<string, unknown>;
      if (typeof o.table === 'string') return o.db ? `${String(o.db)}.${o.table}` : o.table;
      const col = (o.column as { expr?: { value?: unknown } } | undefined)?.expr?.value;
      if (typeof col === 'string') return col;
      if (typeof o.name === 'string') return o.name;
      return '';
    })
    .filter(Boolean)
    .join(', ');
}

/** A WHERE clause that filters rows: present and not always true (`WHERE 1=1` filters nothing). */
function hasFilter(where: unknown): boolean {
  return where !== null && where !== undefined && !alwaysTrue(where as Record<string, unknown>);
}

function fromAst(a: Record<string, unknown>): SqlStmt | undefined {
  const type = String(a.type ?? '').toUpperCase();
  if (!type) return undefined;
  const base: SqlStmt = { statement: type, object: '', name: '', where: true };
  switch (type) {
    case 'DROP':
      return { ...base, object: String(a.keyword ?? '').toUpperCase(), name: tableNames(a.name) };
    case 'TRUNCATE':
      return { ...base, object: 'TABLE', name: tableNames(a.name) };
    case 'DELETE':
      return {
        ...base,
        name: tableNames(a.from ?? a.table),
        where: hasFilter(a.where),
      };
    case 'UPDATE':
      return { ...base, name: tableNames(a.table), where: hasFilter(a.where) };
    case 'ALTER': {
      const exprs = (Array.isArray(a.expr) ? a.expr : []) as Record<string, unknown>[];
      const drop = exprs.find((e) => String(e.action ?? '').toLowerCase() === 'drop');
      const what = drop ? String(drop.resource ?? drop.keyword ?? 'COLUMN').toUpperCase() : '';
      return { ...base, object: what, name: tableNames(a.table) };
    }
    default:
      return base;
  }
}

const DROP_NOISE = new Set(['TEMPORARY', 'TEMP', 'MATERIALIZED', 'UNLOGGED', 'FOREIGN', 'GLOBAL', 'LOCAL']);
const NAME_NOISE = new Set(['IF', 'EXISTS', 'CONCURRENTLY', 'ONLY', 'TABLE']);
/** Object kinds spelled in two words (`DROP RESOURCE POOL p`: OceanBase, Vertica, SQL Server, Oracle). */
const TWO_WORD_KINDS = /^RESOURCE (?:POOL|UNIT|GROUP|PLAN|MONITOR)$/;

/** Reads a statement's kind from its leading keywords (the parser rejected it). */
export function fromTokens(tokens: SqlToken[]): SqlStmt {
  const words = tokens.filter((t) => t.depth === 0);
  let k = 0;
  // WITH … AS (…) DELETE/UPDATE/INSERT/SELECT: the statement is the first top-level verb.
  if (words[0]?.text === 'WITH') {
    const verb = words.findIndex(
      (t) => t.type === 'word' && ['DELETE', 'UPDATE', 'INSERT', 'SELECT', 'MERGE'].includes(t.text),
    );
    k = verb < 0 ? 0 : verb;
  }
  const head = words[k]?.text ?? '';
  const after = words.slice(k + 1);
  const nameAfter = (from: number) => {
    const rest = after.slice(from).filter((t) => !(t.type === 'word' && NAME_NOISE.has(t.text)));
    const names: string[] = [];
    for (const t of rest) {
      if (t.type === 'word' || t.type === 'ident') names.push(t.raw);
      else if (t.text !== ',') break;
      if (names.length && t.type !== 'punct' && rest[rest.indexOf(t) + 1]?.text !== ',') break;
    }
    return names.join(', ');
  };
  const hasWhere = () =>
    after.some((t) => t.type === 'word' && t.text === 'WHERE') &&
    constantWhere(tokens.slice(tokens.indexOf(words[k]))) !== true;
  switch (head) {
    case 'DROP': {
      let i = 0;
      while (after[i] && DROP_NOISE.has(after[i].text)) i++;
      const two = `${after[i]?.text ?? ''} ${after[i + 1]?.text ?? ''}`;
      // H2's `DROP ALL OBJECTS [DELETE FILES]`: every table, view and sequence of the database.
      if (two === 'ALL OBJECTS')
        return { statement: 'DROP', object: 'DATABASE', name: 'ALL OBJECTS', where: true };
      if (TWO_WORD_KINDS.test(two))
        return { statement: 'DROP', object: two, name: nameAfter(i + 2), where: true };
      return { statement: 'DROP', object: after[i]?.text ?? '', name: nameAfter(i + 1), where: true };
    }
    case 'REMOVE': {
      // SurrealQL's DROP: `REMOVE TABLE t`, `REMOVE DATABASE d`, `REMOVE NS n` (a namespace holds databases).
      const what = after[0]?.text ?? '';
      const object = /^(DB|NS|NAMESPACE)$/.test(what) ? 'DATABASE' : what;
      return { statement: 'DROP', object, name: nameAfter(1), where: true };
    }
    case 'TRUNCATE':
      return { statement: 'TRUNCATE', object: 'TABLE', name: nameAfter(0), where: true };
    case 'DELETE': {
      const from = after[0]?.text === 'FROM' ? 1 : 0;
      return { statement: 'DELETE', object: '', name: nameAfter(from), where: hasWhere() };
    }
    case 'UPDATE':
      return { statement: 'UPDATE', object: '', name: nameAfter(0), where: hasWhere() };
    case 'ALTER': {
      // ClickHouse mutations: `ALTER TABLE t DELETE WHERE …` / `ALTER TABLE t UPDATE c = v
      // WHERE …` change rows as DELETE / UPDATE do.
      const mut = after.findIndex((t) => t.type === 'word' && (t.text === 'DELETE' || t.text === 'UPDATE'));
      if (after[0]?.text === 'TABLE' && mut >= 0)
        return { statement: after[mut].text, object: '', name: nameAfter(1), where: hasWhere() };
      const d = after.findIndex((t) => t.type === 'word' && t.text === 'DROP');
      const next = d >= 0 ? after[d + 1] : undefined;
      const what =
        d < 0 ? '' : next && next.type === 'word' && !['IF'].includes(next.text) ? next.text : 'COLUMN';
      return { statement: 'ALTER', object: what, name: nameAfter(1), where: true };
    }
    default:
      return { statement: head || 'UNKNOWN', object: '', name: '', where: true };
  }
}
