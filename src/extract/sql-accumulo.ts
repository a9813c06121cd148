/**
 * The Apache Accumulo shell (`accumulo shell [-u U] [-p P] -e CMD`, `-f|--execute-file FILE`,
 * commands on stdin otherwise). What it deletes reads as SQL statements, so the database rules
 * apply: a table dropped (`deletetable`/`droptable`, by name or `-p REGEX`) is a DROP TABLE, a
 * namespace a DROP DATABASE, a user a DROP USER; `deleterows` and `deletemany` without a row
 * range (`-b`/`-e`) or column (`-c`) remove every row: an unfiltered DELETE; `delete ROW CF CQ`
 * one cell. Other commands (scan, tables, config…) delete nothing.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import { readStdinDeep } from './sql-clients.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';

type Stmt = StoreOps['stmts'][number];

/** Shell commands that drop an object: command → [statement, object]. */
const DROPS: Record<string, [string, string]> = {
  deletetable: ['DROP', 'TABLE'],
  droptable: ['DROP', 'TABLE'],
  deletenamespace: ['DROP', 'DATABASE'],
  dropnamespace: ['DROP', 'DATABASE'],
  deleteuser: ['DROP', 'USER'],
  dropuser: ['DROP', 'USER'],
};

/** Options of the shell's own commands that take a value (the table, a pattern, a range). */
const WITH_VALUE =
  /^(-t|--table|-p|--pattern|-b|--begin-row|-e|--end-row|-c|--columns|-ns|--namespace|-s|--scan-authorizations)$/;

/** `-t T` / `--table=T` / positional: the object a command names ('' = the current table). */
function named(args: string[]): string {
  for (let i = 0; i < args.length; i++) {
    const eq = /^--(table|pattern|namespace)=(.*)$/.exec(args[i]);
    if (eq) return eq[2];
    if (WITH_VALUE.test(args[i])) {
      if (/^(-t|--table|-p|--pattern|-ns|--namespace)$/.test(args[i])) return args[i + 1] ?? '';
      i++;
    } else if (!args[i].startsWith('-')) return args[i];
  }
  return '';
}

/** The statements of Accumulo shell text: one command a line, its words split on blanks (quotes kept together). */
export function accumuloStatements(text: string, label: string): Stmt[] {
  const out: Stmt[] = [];
  for (const line of text.split('\n')) {
    const words = [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
    const [verb = '', ...args] = words;
    const v = verb.toLowerCase();
    const drop = Object.hasOwn(DROPS, v) ? DROPS[v] : undefined;
    if (drop) out.push(storeStmt(drop[0], drop[1], named(args), true, label));
    else if (v === 'deleterows' || v === 'deletemany') {
      // a row range or a column picks part of the table; without them every row goes
      const picks = args.some((a) => /^(-b|--begin-row|-e|--end-row|-c|--columns)(=|$)/.test(a));
      out.push(storeStmt('DELETE', 'TABLE', named(args), picks, label));
    } else if (v === 'delete') out.push(storeStmt('DELETE', 'TABLE', '', true, label));
  }
  return out;
}

/** The shell's own options with a value (`-u`, `-p`, `-zi`, `-zh`, `--config-file`…), skipped when looking for the command. */
const SHELL_VALUE =
  /^(-u|--user|-p|--password|-zi|--zooKeeperInstanceName|-zh|--zooKeeperHosts|-z|--zooKeeperInstance|--config-file|--auth-timeout|-l|--tokenProperty|-tc|--tokenClass|--keytab)$/;

/** What `accumulo shell …` deletes; undefined = not the Accumulo shell. */
export function parseAccumulo(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps | undefined {
  const shellAt = cmd.program === 'accumulo' ? cmd.argv.indexOf('shell') : -1;
  if (shellAt !== 1) return undefined;
  const ops: StoreOps = { tool: 'accumulo shell', target: '', stmts: [] };
  const args = cmd.argv.slice(shellAt + 1);
  let given = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-e' || a === '--execute-command') {
      given = true;
      ops.stmts.push(...accumuloStatements(args[++i] ?? '', '-e'));
    } else if (a === '-f' || a === '--execute-file' || a === '-fv' || a === '--execute-file-verbose') {
      given = true;
      const f = readPayloadFile(args[++i] ?? '', cmd, ctx);
      // fail closed: a script that cannot be read may delete anything
      if (f.text === undefined) ops.stmts.push(storeStmt('UNKNOWN', '', f.file || 'script', true, 'script'));
      else ops.stmts.push(...accumuloStatements(f.text, 'script'));
    } else if (SHELL_VALUE.test(a)) i++;
  }
  if (!given && cmd.stdin) {
    const text = readStdinDeep(cmd, ctx).text;
    // fail closed: commands piped from a source not known here may delete anything
    if (text === undefined) ops.stmts.push(storeStmt('UNKNOWN', '', 'stdin', true, 'stdin'));
    else ops.stmts.push(...accumuloStatements(text, 'stdin'));
  }
  return ops;
}
