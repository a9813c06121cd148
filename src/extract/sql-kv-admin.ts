/**
 * Key-value stores administered through a shell whose commands are text: FoundationDB's
 * `fdbcli --exec 'writemode on; clearrange "" \xff'` (also commands on stdin), Aerospike's
 * info protocol (`asinfo -v "truncate-namespace:namespace=ns"`) and admin shell (`asadm -e
 * "manage truncate ns sessions"`). What they delete reads as SQL statements, so the database
 * rules apply: a clearrange open at either end of the key space is a DELETE without a filter,
 * a truncate a TRUNCATE, a secondary index or UDF removed a DROP.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { maskTarget, readStdinDeep } from './sql-clients.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';

/** `a; b "x y"` → [['a'], ['b', 'x y']]: fdbcli's commands (split on `;`) and their words (`"…"` quotes one). */
function fdbCommands(text: string): string[][] {
  const out: string[][] = [[]];
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"|(;|\n)|([^\s;"]+)/g)) {
    if (m[2]) out.push([]);
    else out[out.length - 1].push(m[1] ?? m[3]);
  }
  return out.filter((c) => c.length);
}

/** The first key of the database (`""`, `\x00`) or a key in the system space (`\xff…`). */
const FDB_START = /^(|\\x00)$/i;
const FDB_END = /^\\xff/i;

/** What fdbcli's commands delete; clear and clearrange only take effect after `writemode on`. */
function fdbStatements(text: string, label: string): StoreOps['stmts'] {
  const stmts: StoreOps['stmts'] = [];
  let writable = false;
  for (const [verb, ...args] of fdbCommands(text)) {
    const v = verb.toLowerCase();
    if (v === 'writemode') writable = (args[0] ?? '').toLowerCase() === 'on';
    else if (writable && v === 'clearrange') {
      const [begin = '', end = ''] = args;
      const everything = FDB_START.test(begin) || FDB_END.test(end);
      stmts.push(storeStmt('DELETE', 'KEYS', `${begin || '""'} ${end}`, !everything, label));
    } else if (writable && v === 'clear') stmts.push(storeStmt('DELETE', 'KEYS', args[0] ?? '', true, label));
  }
  return stmts;
}

/** fdbcli options that take a value. */
const FDB_WITH_ARG =
  /^(-C|--cluster[-_]file|--timeout|--log-dir|--trace[-_]format|--knob_\S+|--tls_\S+|--memory)$/;

function parseFdbcli(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps {
  const ops: StoreOps = { tool: 'fdbcli', target: '', stmts: [] };
  const args = cmd.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-C' || a === '--cluster-file' || a === '--cluster_file') ops.target = args[i + 1] ?? '';
    if (a === '--exec') {
      ops.stmts.push(...fdbStatements(args[i + 1] ?? '', '--exec'));
      return ops;
    }
    if (a.startsWith('--exec=')) {
      ops.stmts.push(...fdbStatements(a.slice('--exec='.length), '--exec'));
      return ops;
    }
    if (FDB_WITH_ARG.test(a)) i++;
  }
  if (!cmd.stdin) return ops;
  const text = readStdinDeep(cmd, ctx).text;
  // fail closed: commands piped in from an unknown source may clear anything.
  if (text === undefined) ops.stmts.push(storeStmt('UNKNOWN', '', 'stdin', true, 'stdin'));
  else ops.stmts.push(...fdbStatements(text, 'stdin'));
  return ops;
}

/** Aerospike info commands that delete (`NAME:param=v;…`), as [statement, object]; `…-undo` ones restore. */
const INFO_DELETES: [RegExp, string, string][] = [
  [/^truncate(-namespace)?$/, 'TRUNCATE', 'TABLE'],
  [/^sindex-delete$/, 'DROP', 'INDEX'],
  [/^udf-remove$/, 'DROP', 'FUNCTION'],
];

/** asadm's `manage` commands that delete, the same way. */
const ASADM_DELETES: [RegExp, string, string][] = [
  [/^manage\s+truncate\b(?!.*\bundo\b)/i, 'TRUNCATE', 'TABLE'],
  [/^manage\s+sindex\s+delete\b/i, 'DROP', 'INDEX'],
  [/^manage\s+udfs?\s+remove\b/i, 'DROP', 'FUNCTION'],
];

/** Every value of `-x V`, `--long V` or `--long=V` for any of `names`; empty = none given. */
function optionValues(args: string[], names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const eq = args[i].indexOf('=');
    if (names.includes(args[i])) out.push(args[++i] ?? '');
    else if (eq > 0 && names.includes(args[i].slice(0, eq))) out.push(args[i].slice(eq + 1));
  }
  return out;
}

function parseAerospike(cmd: NormalizedCommand): StoreOps {
  const args = cmd.argv.slice(1);
  const ops: StoreOps = {
    tool: cmd.program,
    target: maskTarget(optionValues(args, ['-h', '--host'])[0] ?? ''),
    stmts: [],
  };
  if (cmd.program === 'asinfo')
    for (const v of optionValues(args, ['-v', '--value'])) {
      const [name, params = ''] = v.split(/:(.*)/s);
      const row = INFO_DELETES.find(([re]) => re.test(name.trim()));
      if (row) ops.stmts.push(storeStmt(row[1], row[2], params, true, `-v ${name}`));
    }
  else
    for (const text of optionValues(args, ['-e', '--execute']))
      for (const line of text.split(/;|\n/).map((l) => l.trim())) {
        const row = ASADM_DELETES.find(([re]) => re.test(line));
        if (row) ops.stmts.push(storeStmt(row[1], row[2], line.replace(/^manage\s+/i, ''), true, '-e'));
      }
  return ops;
}

/** What a key-value admin shell deletes; undefined = not such a program. */
export function parseKvAdmin(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps | undefined {
  if (cmd.program === 'fdbcli') return parseFdbcli(cmd, ctx);
  if (cmd.program === 'asinfo' || cmd.program === 'asadm') return parseAerospike(cmd);
  return undefined;
}
