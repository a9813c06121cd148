/**
 * TigerGraph's `gsql` shell: `gsql [-u U] [-p PW] [-g GRAPH] [-ip HOST] 'COMMAND'` runs GSQL
 * given as an operand, from a `.gsql` file operand, or on stdin; `gsql --reset` empties the
 * whole database. Reads the statements that destroy: `DROP ALL` (every graph, its schema and
 * data), `DROP GRAPH g`, `CLEAR GRAPH STORE` (all data), `DROP VERTEX|EDGE t` (a type and its
 * data) and `DELETE … FROM …` (with or without a WHERE), as the statement shapes of
 * sql-nosql.ts so the database rules judge them.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import { maskTarget, readStdinDeep } from './sql-clients.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';

type Stmt = StoreOps['stmts'][number];

/** gsql options that take a value. */
const WITH_ARG = /^(-u|-p|-g|-ip|--cacert|-s|--secret|-t|--token)$/;

/** `text` with the contents of its string literals emptied (`"drop all"` is a value, not a command). */
const unquoted = (text: string) => text.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");

/** The destructive GSQL statements of `text` (one script or command line). */
export function gsqlStatements(text: string, label: string): Stmt[] {
  const out: Stmt[] = [];
  const t = unquoted(text);
  if (/\bdrop\s+all\b/i.test(t)) out.push(storeStmt('DROP', 'DATABASE', 'ALL', false, label));
  for (const m of t.matchAll(/\bdrop\s+graph\s+(\w+)/gi))
    out.push(storeStmt('DROP', 'DATABASE', m[1], true, label));
  if (/\bclear\s+graph\s+store\b/i.test(t)) out.push(storeStmt('TRUNCATE', 'DATABASE', 'ALL', false, label));
  for (const m of t.matchAll(/\bdrop\s+(?:vertex|edge|directed\s+edge|undirected\s+edge)\s+([\w, ]+)/gi))
    out.push(storeStmt('DROP', 'TABLE', m[1].trim(), true, label));
  for (const m of t.matchAll(/\bdelete\s+\w*\s*from\b([^;}]*)/gi))
    out.push(storeStmt('DELETE', '', '', /\bwhere\b/i.test(m[1]), label));
  return out;
}

/** Options only openGauss / GaussDB's gsql (a psql fork) takes: its SQL, file, database, user, host, password. */
const OPENGAUSS = /^(?:-[cfdUWh]|--(?:command|file|dbname|username|host|password)(?:=|$))/;

/** The statements `gsql` runs; undefined = not TigerGraph's gsql (openGauss's is read as a SQL client). */
export function parseGsql(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps | undefined {
  if (cmd.program !== 'gsql' || cmd.argv.slice(1).some((a) => OPENGAUSS.test(a))) return undefined;
  const ops: StoreOps = { tool: 'gsql', target: '', stmts: [] };
  const args = cmd.argv.slice(1);
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--reset') ops.stmts.push(storeStmt('DROP', 'DATABASE', 'ALL', false, '--reset'));
    else if (WITH_ARG.test(a)) {
      if (a === '-ip') ops.target = maskTarget(args[i + 1] ?? '');
      i++;
    } else if (!a.startsWith('-')) operands.push(a);
  }
  for (const op of operands) {
    // a file of GSQL (`gsql schema.gsql`), else the command itself (`gsql 'DROP ALL'`)
    const looksFile = /\.gsql$/i.test(op) || (/^[\w./~-]+$/.test(op) && op.includes('/'));
    if (looksFile) {
      const file = readPayloadFile(op, cmd, ctx);
      // fail closed: a script that cannot be read may drop anything
      if (file.text === undefined) ops.stmts.push(storeStmt('UNKNOWN', '', op, true, 'file'));
      else ops.stmts.push(...gsqlStatements(file.text, 'file'));
    } else ops.stmts.push(...gsqlStatements(op, 'argument'));
  }
  if (!operands.length && cmd.stdin) {
    const text = readStdinDeep(cmd, ctx).text;
    // fail closed: GSQL on stdin that cannot be read may drop anything
    ops.stmts.push(
      ...(text === undefined
        ? [storeStmt('UNKNOWN', '', 'stdin', true, 'stdin')]
        : gsqlStatements(text, 'stdin')),
    );
  }
  return ops;
}
