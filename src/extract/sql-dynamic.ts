/**
 * SQL that runs a statement it builds at run time: PL/pgSQL and Oracle `EXECUTE [IMMEDIATE]
 * expr`, T-SQL `EXEC(expr)`, `sp_executesql`, `sp_MSforeachtable 'cmd ?'`, MySQL `PREPARE s
 * FROM expr`, and the rows psql's `\gexec` runs (the select list of the query before it).
 * The expression is folded into a template: string literals, `||`, `+`, `format()`,
 * `concat()`, variables assigned earlier in the same text (`SET @q = …`, `q := …`); every
 * piece known only at run time (a column, `quote_ident(t)`, `%I`, `?`) becomes the
 * placeholder word DYN. The template is then read as SQL by the caller: `DROP TABLE DYN`
 * is a DROP TABLE of some table; a template whose verb is not known is unknown SQL.
 */
import type { SqlToken } from './sql-tokenize.js';
import type { SqlStmt } from './sql-statements.js';

/** The word that stands for a piece of a built statement known only at run time. */
export const DYN = '__agentfw_dynamic__';

/** Variables assigned earlier in the same SQL text: lower-case name (no `@`) → folded value. */
export type SqlVars = Map<string, string>;

/** Functions that build statement text, so `EXECUTE format(…)` at top level is dynamic SQL (not a prepared statement). */
const BUILDERS = new Set(['FORMAT', 'CONCAT', 'CONCAT_WS', 'REPLACE']);
/** T-SQL system procedures that run SQL given as text; for each, the argument names that carry it. */
const SQL_PROCS: Record<string, { names: RegExp; positions: number[] }> = {
  SP_EXECUTESQL: { names: /^STMT$/, positions: [0] },
  SP_SQLEXEC: { names: /^$/, positions: [0] },
  // `?` stands for each table (database); @command1..3, @precommand, @postcommand are SQL.
  SP_MSFOREACHTABLE: { names: /^(COMMAND[123]|PRECOMMAND|POSTCOMMAND)$/, positions: [0, 2, 3, 5, 6] },
  SP_MSFOREACHDB: { names: /^(COMMAND[123]|PRECOMMAND|POSTCOMMAND)$/, positions: [0, 2, 3, 5, 6] },
};
/** Words that end the statement expression of EXECUTE (`EXECUTE q INTO r USING x`). */
const EXPR_END = new Set(['INTO', 'USING']);

const isPunct = (t: SqlToken | undefined, c: string) => t !== undefined && t.type === 'punct' && t.text === c;

/** Index of the `)` closing the `(` at `open` (the lexer gives `(` the depth inside, `)` the depth outside); tokens.length when unclosed. */
function closing(tokens: SqlToken[], open: number): number {
  const d = tokens[open].depth - 1;
  for (let i = open + 1; i < tokens.length; i++)
    if (isPunct(tokens[i], ')') && tokens[i].depth === d) return i;
  return tokens.length;
}

/** Splits at top-level (the least depth) punctuation `sep`; a `||` pair counts as one separator for `|`. */
function splitTop(tokens: SqlToken[], sep: string): SqlToken[][] {
  const base = tokens.reduce((m, t) => Math.min(m, t.depth), Infinity);
  const parts: SqlToken[][] = [[]];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.depth === base && isPunct(t, sep)) {
      if (sep === '|' && isPunct(tokens[i + 1], '|')) i++;
      parts.push([]);
    } else parts[parts.length - 1].push(t);
  }
  return parts.filter((p) => p.length);
}

/** `format()`'s template: `%I`, `%L`, `%s`, `%1$I` are filled at run time, `%%` is a percent sign. */
function formatTemplate(s: string): string {
  return s.replace(/%%|%(?:\d+\$)?-?\d*[sIL]/g, (m) => (m === '%%' ? '%' : DYN));
}

/** A variable reference (`@q`, `q`, `:q`): its lower-case name; undefined otherwise. */
function varName(p: SqlToken[]): string | undefined {
  if (p.length === 1 && p[0].type === 'word' && !p[0].text.includes('.')) return p[0].text.toLowerCase();
  if (p.length === 2 && (isPunct(p[0], '@') || isPunct(p[0], ':')) && p[1].type === 'word')
    return p[1].text.toLowerCase();
  return undefined;
}

/** Folds one operand: a literal, a call of a text builder, a parenthesised expression or a known variable. */
function operand(p: SqlToken[], vars: SqlVars, depth: number): string {
  // N'…' (T-SQL), E'…' (PostgreSQL) string prefixes.
  const q = p.length === 2 && p[0].type === 'word' && /^[NE]$/.test(p[0].text) ? p.slice(1) : p;
  if (q.length === 1 && q[0].type === 'string') return q[0].text;
  if (isPunct(q[0], '(') && closing(q, 0) === q.length - 1) return fold(q.slice(1, -1), vars, depth + 1);
  const name = varName(q);
  if (name !== undefined) return vars.get(name) ?? DYN;
  if (q[0]?.type === 'word' && isPunct(q[1], '(') && closing(q, 1) === q.length - 1) {
    const args = splitTop(q.slice(2, -1), ',').map((a) => fold(a, vars, depth + 1));
    switch (q[0].text) {
      case 'FORMAT':
        return formatTemplate(args[0] ?? DYN);
      case 'CONCAT':
        return args.join('');
      case 'CONCAT_WS':
        return args.slice(1).join(args[0] ?? '');
      case 'REPLACE':
        return args.length === 3 ? args[0].split(args[1]).join(args[2]) : DYN;
    }
  }
  return DYN;
}

/** Folds a text expression (`'DROP TABLE ' || quote_ident(t)`) into a template. */
export function fold(tokens: SqlToken[], vars: SqlVars, depth = 0): string {
  if (depth > 8 || !tokens.length) return DYN;
  const bars = splitTop(tokens, '|');
  const parts = bars.length > 1 ? bars : splitTop(tokens, '+');
  return parts.map((p) => operand(p, vars, depth)).join('');
}

/**
 * Records an assignment of a variable (`SET @q = …`, `DECLARE @q nvarchar(max) = …`,
 * `SELECT @q = @q + …`, `q := …`, `DECLARE q text := …`) in `vars`; true when the chunk is one.
 */
export function recordAssignment(tokens: SqlToken[], vars: SqlVars): boolean {
  const head = tokens[0]?.type === 'word' ? tokens[0].text : '';
  const keyword = head === 'SET' || head === 'DECLARE' || head === 'SELECT';
  const at = keyword ? 1 : 0;
  const nameAt = isPunct(tokens[at], '@') ? at + 1 : at;
  const nameTok = tokens[nameAt];
  if (nameTok?.type !== 'word' || (head === 'SELECT' && nameAt === at)) return false;
  let op = -1;
  for (let i = nameAt + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.depth !== tokens[0].depth) continue;
    if (isPunct(t, '=') || (isPunct(t, ':') && isPunct(tokens[i + 1], '='))) {
      op = i;
      break;
    }
    const appendOp = (isPunct(t, '+') || isPunct(t, '|')) && isPunct(tokens[i + 1], '=');
    if (t.type !== 'word' && t.type !== 'number' && !isPunct(t, '(') && !isPunct(t, ')') && !appendOp)
      return false;
  }
  if (op < 0 || (!keyword && !isPunct(tokens[op], ':'))) return false;
  const name = nameTok.text.toLowerCase();
  const append = isPunct(tokens[op - 1], '+') || isPunct(tokens[op - 1], '|');
  let expr = tokens.slice(isPunct(tokens[op], ':') ? op + 2 : op + 1);
  if (head === 'SELECT') {
    const from = expr.findIndex((t) => t.depth === tokens[0].depth && t.type === 'word' && t.text === 'FROM');
    if (from >= 0) expr = expr.slice(0, from);
  }
  // `SET @q = @q + '…'` before @q has a value starts from empty text.
  const before = vars.get(name);
  if (before === undefined) vars.set(name, '');
  const value = fold(expr, vars);
  vars.set(name, append ? (before ?? '') + value : value);
  return true;
}

/**
 * The statements a chunk builds and runs, as templates ('' = nothing of it can be read);
 * undefined when the chunk does not run built SQL. `procedural`: inside a DO body or a
 * BEGIN … END block, where `EXECUTE q` runs the text in variable q (at top level it runs a
 * prepared statement or procedure by name, read where it was prepared).
 */
export function builtStatements(
  tokens: SqlToken[],
  vars: SqlVars,
  procedural: boolean,
): string[] | undefined {
  const [a, b] = tokens;
  if (a?.type !== 'word') return undefined;
  if (a.text === 'PREPARE') {
    const from = tokens.findIndex(
      (t, i) => i > 1 && t.depth === a.depth && t.type === 'word' && t.text === 'FROM',
    );
    return from > 0 ? [fold(tokens.slice(from + 1), vars)] : undefined;
  }
  if (a.text !== 'EXECUTE' && a.text !== 'EXEC') return undefined;
  if (!b) return undefined;
  const proc = b.type === 'word' ? (b.text.split('.').pop() ?? '') : '';
  if (Object.hasOwn(SQL_PROCS, proc)) return procArguments(tokens.slice(2), SQL_PROCS[proc], vars, proc);
  const end = tokens.findIndex(
    (t, i) => i > 0 && t.depth === a.depth && t.type === 'word' && EXPR_END.has(t.text),
  );
  const expr = tokens.slice(b.type === 'word' && b.text === 'IMMEDIATE' ? 2 : 1, end < 0 ? undefined : end);
  const builder = b.type === 'word' && BUILDERS.has(b.text) && isPunct(tokens[2], '(');
  const literal =
    b.type === 'string' || (b.type === 'word' && /^[NE]$/.test(b.text) && tokens[2]?.type === 'string');
  if (b.text === 'IMMEDIATE' || isPunct(b, '(') || literal || builder || procedural)
    return [fold(expr, vars)];
  return undefined;
}

/** The SQL-text arguments of a T-SQL system procedure (`@command1 = N'…'` or by position); `?` is each table. */
function procArguments(
  args: SqlToken[],
  spec: (typeof SQL_PROCS)[string],
  vars: SqlVars,
  proc: string,
): string[] {
  const out: string[] = [];
  splitTop(args, ',').forEach((arg, i) => {
    const named = isPunct(arg[0], '@') && arg[1]?.type === 'word' && isPunct(arg[2], '=');
    if (named ? !spec.names.test(arg[1].text) : !spec.positions.includes(i)) return;
    const text = fold(named ? arg.slice(3) : arg, vars);
    out.push(proc.startsWith('SP_MSFOREACH') ? text.replaceAll('?', DYN) : text);
  });
  return out.length ? out : [''];
}

/**
 * Templates of the statements the rows of a query are: one per column of its select list
 * (`SELECT format('DROP TABLE %I', tablename) FROM pg_tables` → `DROP TABLE DYN`). A query
 * that is not a SELECT, or a column that is not built from text, gives '' (not readable).
 */
export function selectListTemplates(tokens: SqlToken[], vars: SqlVars): string[] {
  const base = tokens[0]?.depth ?? 0;
  const sel = tokens.findIndex((t) => t.depth === base && t.type === 'word' && t.text === 'SELECT');
  if (sel < 0) return [''];
  let i = sel + 1;
  while (tokens[i]?.type === 'word' && (tokens[i].text === 'DISTINCT' || tokens[i].text === 'ALL')) i++;
  const stop = new Set(['FROM', 'WHERE', 'GROUP', 'ORDER', 'LIMIT', 'UNION', 'HAVING', 'WINDOW', 'INTO']);
  let end = i;
  while (
    end < tokens.length &&
    !(tokens[end].depth === base && tokens[end].type === 'word' && stop.has(tokens[end].text))
  )
    end++;
  return splitTop(tokens.slice(i, end), ',').map((col) => {
    const as = col.findIndex((t) => t.depth === base && t.type === 'word' && t.text === 'AS');
    const text = fold(as >= 0 ? col.slice(0, as) : col, vars);
    return text === DYN ? '' : text;
  });
}

/**
 * Reads templates with `classify`: a template that is not readable, or whose statement is
 * itself built (`EXECUTE DYN`, `DYN TABLE x`), is UNKNOWN; a name known only at run time is `*`.
 */
export function templateStatements(templates: string[], classify: (sql: string) => SqlStmt[]): SqlStmt[] {
  // fail closed: a statement built from pieces known only at run time may be anything.
  const unknown: SqlStmt = { statement: 'UNKNOWN', object: '', name: 'SQL built at run time', where: true };
  const out: SqlStmt[] = [];
  for (const t of templates) {
    const stmts = t.trim() === '' || t.trim() === DYN ? [] : classify(t);
    if (!stmts.length) out.push(unknown);
    for (const s of stmts) {
      if (s.statement.includes(DYN.toUpperCase()) || s.object.includes(DYN.toUpperCase())) out.push(unknown);
      else out.push({ ...s, name: s.name.replaceAll(DYN, '*') });
    }
  }
  return out;
}
