/**
 * Online schema change and archiving tools that run SQL given in pieces through options:
 * `gh-ost --table t --alter "DROP COLUMN c" --execute`, `pt-online-schema-change --alter "…"
 * D=db,t=table --execute`, `spirit --table t --alter "…"` (or `--statement 'ALTER TABLE …'`),
 * each read as `ALTER TABLE t …`; `pt-archiver --source D=db,t=table --where W` deletes the
 * rows W picks (unless `--no-delete`), read as `DELETE FROM t WHERE W`. A run that only
 * checks (gh-ost without `--execute`, pt-osc without it or with `--dry-run`) runs nothing.
 * Reads the argv only.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { SqlInvocation, SqlSource } from './sql-clients.js';

interface SchemaTool {
  /** Options whose value is the body of an ALTER TABLE on the tool's table. Empty = none. */
  alter: string[];
  /** Options whose value is a whole statement. Empty = none. */
  statement: string[];
  /** Option that must be given for the change to run; undefined = it always runs. */
  runsWith?: string;
}

const TOOLS: Record<string, SchemaTool> = {
  'gh-ost': { alter: ['alter'], statement: [], runsWith: 'execute' },
  'pt-online-schema-change': { alter: ['alter'], statement: [], runsWith: 'execute' },
  spirit: { alter: ['alter'], statement: ['statement'] },
};

/** Options these tools read whose value is the next word when not attached with `=`. */
const WITH_VALUE = new Set(['alter', 'statement', 'table', 'database', 'host', 'source', 'where', 'dest']);

interface Option {
  value: string;
  /** argv index of the value. */
  at: number;
}

/** Options by name (dashes dropped; Go tools take `-x` and `--x` alike), and the positionals. */
function readArgs(argv: string[]): { opts: Map<string, Option>; positionals: string[] } {
  const opts = new Map<string, Option>();
  const positionals: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = (eq > 0 ? a.slice(0, eq) : a).replace(/^--?/, '');
    if (eq > 0) opts.set(name, { value: a.slice(eq + 1), at: i });
    else if (WITH_VALUE.has(name) && i + 1 < argv.length) {
      opts.set(name, { value: argv[i + 1], at: i + 1 });
      i++;
    } else opts.set(name, { value: '', at: i });
  }
  return { opts, positionals };
}

/** The `KEY=` part of a Percona DSN (`h=host,D=db,t=table`); empty when absent. */
function dsnPart(dsn: string, key: string): string {
  return new RegExp(`(?:^|,)${key}=([^,]*)`).exec(dsn)?.[1] ?? '';
}

/** The SQL an online schema change or archiving run executes; undefined = not such a tool, or a run that changes nothing. */
export function schemaChangeInvocation(cmd: NormalizedCommand): SqlInvocation | undefined {
  const { opts, positionals } = readArgs(cmd.argv);
  const source = (text: string, label: string, at: number): SqlSource => ({
    text,
    label,
    ...(cmd.dynamicArgs.includes(at) ? { dynamic: true } : {}),
  });
  if (cmd.program === 'pt-archiver') {
    const dsn = opts.get('source')?.value ?? '';
    const where = opts.get('where');
    if (opts.has('no-delete') || opts.has('dry-run') || !where) return undefined;
    const table = dsnPart(dsn, 't') || 'unknown_table';
    return {
      tool: 'pt-archiver',
      dialect: 'mysql',
      sources: [source(`DELETE FROM ${table} WHERE ${where.value}`, '--where', where.at)],
      target: dsnPart(dsn, 'D'),
    };
  }
  const tool = Object.hasOwn(TOOLS, cmd.program) ? TOOLS[cmd.program] : undefined;
  if (!tool || (tool.runsWith && !opts.has(tool.runsWith)) || opts.has('dry-run')) return undefined;
  const dsn = positionals.find((p) => /(?:^|,)t=/.test(p)) ?? '';
  const table = opts.get('table')?.value || dsnPart(dsn, 't') || 'unknown_table';
  const sources: SqlSource[] = [];
  for (const name of tool.alter) {
    const o = opts.get(name);
    if (o) sources.push(source(`ALTER TABLE ${table} ${o.value}`, `--${name}`, o.at));
  }
  for (const name of tool.statement) {
    const o = opts.get(name);
    if (o) sources.push(source(o.value, `--${name}`, o.at));
  }
  const target = opts.get('database')?.value || dsnPart(dsn, 'D');
  return sources.length ? { tool: cmd.program, dialect: 'mysql', sources, target } : undefined;
}
