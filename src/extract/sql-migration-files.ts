/**
 * Declarative migration files whose operations drop data, read like SQL: pgroll's
 * `pgroll start FILE [--complete]`, FILE a JSON or YAML migration whose `operations` list
 * `drop_table` (a DROP TABLE), `drop_column` / `drop_constraint` /
 * `drop_multicolumn_constraint` (an ALTER that drops them), `drop_index`, and `sql` /
 * `raw_sql` steps whose `up` SQL is classified like a client's. Reads the file through
 * ctx.readFile (or the script's own heredoc); a file that cannot be read or parsed is
 * unknown SQL (fail closed: asked).
 */
import { parse } from 'yaml';
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import type { FrameworkOp } from './sql-frameworks.js';
import { classifySql, type SqlStmt } from './sql-statements.js';

type Operation = Record<string, Record<string, unknown> | undefined>;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The statements one pgroll operation stands for; empty = it drops nothing. */
function operationStmts(op: Operation): SqlStmt[] {
  const [kind, body] = Object.entries(op)[0] ?? ['', undefined];
  const b = body ?? {};
  const table = str(b.table);
  switch (kind) {
    case 'drop_table':
      return [{ statement: 'DROP', object: 'TABLE', name: str(b.name), where: true }];
    case 'drop_index':
      return [{ statement: 'DROP', object: 'INDEX', name: str(b.name), where: true }];
    case 'drop_column':
      return [{ statement: 'ALTER', object: 'COLUMN', name: `${table}.${str(b.column)}`, where: true }];
    case 'drop_constraint':
    case 'drop_multicolumn_constraint':
      return [{ statement: 'ALTER', object: 'CONSTRAINT', name: `${table}.${str(b.name)}`, where: true }];
    case 'sql':
    case 'raw_sql':
      return classifySql(str(b.up), 'postgresql');
    default:
      return [];
  }
}

/** The operations of a migration's text; undefined = not a migration that could be read. */
function operationsOf(text: string): Operation[] | undefined {
  try {
    const doc: unknown = parse(text);
    const ops = (doc as { operations?: unknown } | null)?.operations;
    return Array.isArray(ops) ? (ops as Operation[]).filter((o) => o && typeof o === 'object') : undefined;
  } catch {
    return undefined;
  }
}

/** `pgroll … start FILE`: the statements of FILE's operations. Empty = not such a command. */
export function migrationFileOps(cmd: NormalizedCommand, ctx: AnalyzeContext): FrameworkOp[] {
  if (cmd.program !== 'pgroll') return [];
  const at = cmd.argv.indexOf('start');
  if (at < 1) return [];
  const file = cmd.argv.slice(at + 1).find((a) => !a.startsWith('-'));
  if (file === undefined) return [];
  const base = { tool: 'pgroll', target: '', evidence: `pgroll start ${file}` };
  const text = readPayloadFile(file, cmd, ctx).text;
  const ops = text === undefined ? undefined : operationsOf(text);
  // fail closed: a migration that cannot be read or parsed may drop anything.
  if (ops === undefined) return [{ ...base, statement: 'UNKNOWN', object: '', name: file, where: true }];
  return ops.flatMap((o) => operationStmts(o).map((s) => ({ ...base, ...s })));
}
