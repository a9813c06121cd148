/**
 * MySQL Shell (`mysqlsh`) running JavaScript or Python: the AdminAPI and X DevAPI calls that
 * take a database cluster apart or drop data, and the SQL its sessions are handed.
 * - `dba.getCluster(…).dissolve(…)`, `clusterset.removeCluster(…)`: the InnoDB Cluster (or
 *   ClusterSet member) is dissolved (DROP CLUSTER); `dba.dropMetadataSchema()` drops the
 *   cluster's metadata schema (DROP SCHEMA); `cluster.removeInstance(URI, …)` and the
 *   ReplicaSet's take a server out of the topology (DROP INSTANCE). Python spells them
 *   `dissolve`, `drop_metadata_schema`, `remove_instance`, `remove_cluster`; the command-line
 *   integration `mysqlsh URI -- cluster dissolve --force` is read the same way.
 * - `session.dropSchema('s')` / `drop_schema`, `schema.dropCollection('c')` /
 *   `drop_collection`: DROP SCHEMA, DROP COLLECTION.
 * - `session.runSql('SQL')`, `session.sql('SQL')`, `run_sql`: the SQL is classified like a
 *   client's; one given by a value not known here is unknown SQL (fail closed).
 * The code comes from `-e`/`--execute`, `-f`/`--file` (read through ctx.readFile) or stdin. The
 * mode is `--js`/`--javascript`, `--py`/`--python` or the file's extension; with `--sql*` or a
 * `.sql` file the shell runs SQL and the client table (sql-client-table.ts) reads it alone. With no
 * mode given the shell's default (JavaScript unless configured otherwise) is not known, so the
 * text is read both ways.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import { readStdinDeep } from './sql-clients.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';
import { classifySql } from './sql-statements.js';

type Stmt = StoreOps['stmts'][number];

/** Options that set the mode: SQL, or code. */
const SQL_MODE = /^--(sql|sqlc|sqlx)$/;
const CODE_MODE = /^--(js|javascript|py|python)$/;
/** mysqlsh options that take the next word (mirrors the client table's, plus the code sources). */
const VALUED = new Set(
  '-e --execute -f --file -h --host -P --port -u --user --uri -S --socket -D --schema --database --ssl-mode --log-level'.split(
    ' ',
  ),
);

/** A quoted literal: its text; undefined = not a literal. */
const literal = (s: string) => /^\s*(['"`])([\s\S]*?)\1\s*$/.exec(s)?.[2];

/** The first argument of the call whose `(` is at `open` in `code`, up to its closing parenthesis or top-level comma. */
function firstArg(code: string, open: number): string {
  let depth = 0;
  let quote = '';
  for (let i = open + 1; i < code.length; i++) {
    const c = code[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if ((c === ')' || c === ',') && depth === 0) return code.slice(open + 1, i);
  }
  return code.slice(open + 1);
}

/** AdminAPI and DevAPI methods (camelCase and snake_case) → what they drop. */
const CALLS: [RegExp, string, string][] = [
  [/\.\s*dissolve\s*\(/g, 'DROP', 'CLUSTER'],
  [/\.\s*remove_?[cC]luster\s*\(/g, 'DROP', 'CLUSTER'],
  [/\.\s*drop_?[mM]etadata_?[sS]chema\s*\(/g, 'DROP', 'SCHEMA'],
  [/\.\s*remove_?[iI]nstance\s*\(/g, 'DROP', 'INSTANCE'],
  [/\.\s*drop_?[sS]chema\s*\(/g, 'DROP', 'SCHEMA'],
  [/\.\s*drop_?[cC]ollection\s*\(/g, 'DROP', 'COLLECTION'],
];
/** Calls that hand SQL to the session. */
const RUNS_SQL = /\.\s*(runSql|run_sql|sql)\s*\(/g;

/** What JavaScript or Python for MySQL Shell drops (`label`: where the code came from). */
export function shellCodeStatements(code: string, label: string): Stmt[] {
  const out: Stmt[] = [];
  const cluster = /get_?[cC]luster\s*\(\s*['"]([^'"]+)['"]/.exec(code)?.[1] ?? '';
  for (const [re, statement, object] of CALLS)
    for (const m of code.matchAll(re)) {
      const arg = literal(firstArg(code, m.index + m[0].length - 1)) ?? '';
      const name =
        object === 'CLUSTER'
          ? arg || cluster
          : object === 'SCHEMA' && !arg
            ? 'mysql_innodb_cluster_metadata'
            : arg;
      out.push(storeStmt(statement, object, name, true, label));
    }
  for (const m of code.matchAll(RUNS_SQL)) {
    const sql = literal(firstArg(code, m.index + m[0].length - 1));
    // fail closed: SQL held in a variable or built at run time may be any statement
    if (sql === undefined) out.push(storeStmt('UNKNOWN', '', `${label} ${m[1]}()`, true, label));
    else for (const s of classifySql(sql, 'mysql')) out.push({ ...s, label: `${label} ${m[1]}()` });
  }
  return out;
}

/** `mysqlsh … -- cluster dissolve --force`: the API command after `--`, as the call it stands for. */
function apiCommand(words: string[]): string {
  const [object, method, ...rest] = words;
  if (!object || !method) return '';
  const camel = method.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const arg = rest.find((w) => !w.startsWith('-'));
  return `${object}.${camel}(${arg === undefined ? '' : JSON.stringify(arg)})`;
}

/**
 * What a `mysqlsh` command's JavaScript or Python drops; undefined when it is not mysqlsh or
 * runs SQL only (the SQL client table reads that). `both` is true when the mode is not known,
 * so the same text is also read as SQL.
 */
export function parseMysqlShell(
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
): { ops: StoreOps; both: boolean } | undefined {
  if (cmd.program !== 'mysqlsh') return undefined;
  const args = cmd.argv.slice(1);
  const dd = args.indexOf('--');
  const opts = dd >= 0 ? args.slice(0, dd) : args;
  if (opts.some((a) => SQL_MODE.test(a))) return undefined;
  let code = opts.some((a) => CODE_MODE.test(a));
  const ops: StoreOps = { tool: 'mysqlsh', target: '', stmts: [] };
  const add = (text: string | undefined, label: string) => {
    // fail closed: code that cannot be read may do anything
    if (text === undefined) ops.stmts.push(storeStmt('UNKNOWN', '', label, true, label));
    else ops.stmts.push(...shellCodeStatements(text, label));
  };
  let sources = 0;
  for (let i = 0; i < opts.length; i++) {
    const a = opts[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!VALUED.has(name)) continue;
    const value = eq > 0 ? a.slice(eq + 1) : (opts[++i] ?? '');
    if (name === '-e' || name === '--execute') {
      sources++;
      add(value, name);
    } else if (name === '-f' || name === '--file') {
      sources++;
      if (/\.sql$/i.test(value)) continue;
      if (/\.(js|py)$/i.test(value)) code = true;
      add(readPayloadFile(value, cmd, ctx).text, `--file ${value}`);
    }
  }
  if (dd >= 0) {
    sources++;
    add(apiCommand(args.slice(dd + 1)), '--');
    code = true;
  }
  if (!sources && cmd.stdin) add(readStdinDeep(cmd, ctx).text, 'stdin');
  if (!ops.stmts.length && code) return { ops, both: false };
  return ops.stmts.length ? { ops, both: !code } : undefined;
}
