/**
 * WHERE clauses that filter nothing: `WHERE 1=1`, `WHERE true`, `WHERE 'a'='a'`, `WHERE 1`,
 * `WHERE id = 5 OR 1=1`, `WHERE col = col`. A DELETE/UPDATE with one of these touches every
 * row, so it counts as a statement without WHERE. Also: data-modifying statements inside a
 * `WITH name AS (DELETE …)` common table expression, which run as part of the outer query.
 */
import type { SqlToken } from './sql-tokenize.js';

type Ast = Record<string, unknown> | null | undefined;

/** A constant's value: number, string, boolean or null. Undefined = not a constant. */
function constant(e: Ast): number | string | boolean | null | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const type = String(e.type ?? '');
  if (type === 'number') return Number(e.value);
  if (type === 'bool' || type === 'boolean') return Boolean(e.value);
  if (type === 'null') return null;
  if (/string$/.test(type)) return String(e.value);
  if (type === 'unary_expr' && String(e.operator).toUpperCase() === 'NOT') {
    const v = constant(e.expr as Ast);
    return v === undefined || v === null ? v : !truthy(v);
  }
  if (type === 'binary_expr') {
    const op = String(e.operator).toUpperCase();
    const l = constant(e.left as Ast);
    const r = constant(e.right as Ast);
    if (l === undefined || r === undefined) return undefined;
    if (l === null || r === null) return op === 'IS' ? l === r : null;
    switch (op) {
      case '=':
      case '==':
      case 'IS':
        return l == r; // SQL compares '1' = 1 loosely
      case '!=':
      case '<>':
      case 'IS NOT':
        return l != r;
      case '<':
        return l < r;
      case '>':
        return l > r;
      case '<=':
        return l <= r;
      case '>=':
        return l >= r;
      case 'AND':
      case '&&':
        return truthy(l) && truthy(r);
      case 'OR':
      case '||':
        return truthy(l) || truthy(r);
      default:
        return undefined;
    }
  }
  return undefined;
}

function truthy(v: number | string | boolean): boolean {
  if (typeof v === 'string') return Number(v) !== 0 && v.trim() !== '' && !Number.isNaN(Number(v));
  return Boolean(v);
}

/** True when the condition holds for every row (as far as it can be told statically). */
export function alwaysTrue(e: Ast): boolean {
  if (!e || typeof e !== 'object') return false;
  const c = constant(e);
  if (c !== undefined) return c !== null && truthy(c);
  if (e.type !== 'binary_expr') return false;
  const op = String(e.operator).toUpperCase();
  if (op === 'OR' || op === '||') return alwaysTrue(e.left as Ast) || alwaysTrue(e.right as Ast);
  if (op === 'AND' || op === '&&') return alwaysTrue(e.left as Ast) && alwaysTrue(e.right as Ast);
  // `col = col`, `col >= col`: true for every row where the column is set.
  if (['=', '>=', '<=', 'IS'].includes(op)) {
    const l = e.left as Ast;
    const r = e.right as Ast;
    return !!l && l.type === 'column_ref' && JSON.stringify(l) === JSON.stringify(r);
  }
  return false;
}

/** Words that end a WHERE clause. */
const WHERE_END = new Set(['RETURNING', 'ORDER', 'LIMIT', 'GROUP', 'OFFSET']);
/** Words allowed in a constant condition. */
const CONST_WORDS = new Set(['TRUE', 'FALSE', 'NULL', 'AND', 'OR', 'NOT', 'IS']);

/**
 * Token fallback (the parser rejected the statement): a WHERE clause with no column, no
 * function and no subquery is constant; a constant condition on a DELETE/UPDATE either
 * filters nothing or matches nothing, and both count as no WHERE. Undefined = no WHERE.
 */
export function constantWhere(tokens: SqlToken[]): boolean | undefined {
  const at = tokens.findIndex((t) => t.type === 'word' && t.text === 'WHERE' && t.depth === 0);
  if (at < 0) return undefined;
  const base = 0;
  const clause: SqlToken[] = [];
  for (const t of tokens.slice(at + 1)) {
    if (t.depth === base && t.type === 'word' && WHERE_END.has(t.text)) break;
    clause.push(t);
  }
  if (clause.length === 0) return false;
  return clause.every(
    (t) =>
      t.type === 'number' ||
      t.type === 'string' ||
      t.type === 'punct' ||
      (t.type === 'word' && CONST_WORDS.has(t.text)),
  );
}

const MODIFYING = new Set(['DELETE', 'UPDATE', 'INSERT', 'MERGE']);

/**
 * Token runs of data-modifying statements inside WITH … AS (…) bodies, depth rebased to 0:
 * `WITH d AS (DELETE FROM users RETURNING *) SELECT 1` → the tokens of `DELETE FROM users RETURNING *`.
 */
export function cteBodies(tokens: SqlToken[]): SqlToken[][] {
  if (tokens[0]?.text !== 'WITH') return [];
  const out: SqlToken[][] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'word' || !MODIFYING.has(t.text) || tokens[i - 1]?.text !== '(') continue;
    const depth = t.depth;
    const body: SqlToken[] = [];
    for (let j = i; j < tokens.length && tokens[j].depth >= depth; j++) {
      body.push({ ...tokens[j], depth: tokens[j].depth - depth });
    }
    out.push(body);
  }
  return out;
}
