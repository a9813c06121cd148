/**
 * Where the statement a chunk runs begins, when it does not begin at the chunk's first word:
 * control flow of procedural blocks (`BEGIN`, `IF … THEN`, `FOR … LOOP`, `WHILE … LOOP`,
 * `ELSE`, `EXCEPTION WHEN … THEN`, T-SQL's `IF cond stmt` and `BEGIN TRY`), `EXPLAIN
 * ANALYZE` (which runs the statement it explains; plain EXPLAIN does not) and PostgreSQL's
 * `PREPARE name AS stmt` (the statement EXECUTE will run). Reads tokens of sql-tokenize.ts.
 */
import { isWord, type SqlToken } from './sql-tokenize.js';

/** Words that open a block and are followed directly by a statement. */
const OPENERS = new Set(['BEGIN', 'LOOP', 'ELSE', 'TRY', 'CATCH', 'EXCEPTION', 'ATOMIC', 'REPEAT']);
/** Words that open a condition ended by THEN (or, in T-SQL, by the statement itself). */
const CONDITIONS = new Set(['IF', 'ELSIF', 'ELSEIF', 'WHEN']);
/** Words that open a loop header ended by LOOP (PostgreSQL) or DO (MySQL), or by the statement (T-SQL). */
const LOOPS = new Set(['FOR', 'FOREACH', 'WHILE']);
/** Words that start a statement: where a T-SQL `IF cond` / `WHILE cond` header ends. */
const VERBS = new Set([
  'DROP',
  'TRUNCATE',
  'DELETE',
  'UPDATE',
  'ALTER',
  'INSERT',
  'MERGE',
  'EXEC',
  'EXECUTE',
  'BEGIN',
  'SELECT',
  'SET',
  'PRINT',
  'RETURN',
  'RAISERROR',
  'THROW',
  'CREATE',
  'GRANT',
  'REVOKE',
  'DECLARE',
  'BREAK',
  'CONTINUE',
  'WITH',
  'CALL',
  'PERFORM',
]);
/** Words a statement explained by EXPLAIN starts with. */
const EXPLAINED = new Set([
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'WITH',
  'MERGE',
  'CREATE',
  'EXECUTE',
  'VALUES',
  'TABLE',
  'REPLACE',
]);

/** Index of the first top-level (`depth` = the first token's) word among `words` at or after `from`; -1 when none. */
function findTop(tokens: SqlToken[], words: Set<string>, from: number): number {
  const base = tokens[0]?.depth ?? 0;
  for (let i = from; i < tokens.length; i++)
    if (tokens[i].depth === base && tokens[i].type === 'word' && words.has(tokens[i].text)) return i;
  return -1;
}

/** Strips one control-flow prefix; returns the tokens unchanged when there is none. */
function stripControl(tokens: SqlToken[]): SqlToken[] {
  const [a, b] = tokens;
  // `<<label>>` (PL/pgSQL) and `label:` (MySQL) before a block or loop.
  if (a?.text === '<' && b?.text === '<') {
    const close = tokens.findIndex((t, i) => i > 1 && t.text === '>' && tokens[i + 1]?.text === '>');
    return close > 0 ? tokens.slice(close + 2) : tokens;
  }
  if (
    isWord(a) &&
    b?.text === ':' &&
    tokens[2]?.text !== '=' &&
    isWord(tokens[2], 'BEGIN', 'LOOP', 'WHILE', 'REPEAT', 'FOR')
  )
    return tokens.slice(2);
  if (!a || a.type !== 'word') return tokens;
  if (a.text === 'BEGIN' && isWord(b, 'NOT') && isWord(tokens[2], 'ATOMIC')) return tokens.slice(3);
  if (OPENERS.has(a.text)) return tokens.slice(1);
  if (CONDITIONS.has(a.text) || LOOPS.has(a.text)) {
    const end = findTop(tokens, CONDITIONS.has(a.text) ? new Set(['THEN']) : new Set(['LOOP', 'DO']), 1);
    if (end > 0) return tokens.slice(end + 1);
    // T-SQL: `IF OBJECT_ID('t') IS NOT NULL DROP TABLE t`, `WHILE @@ROWCOUNT > 0 DELETE …`.
    const verb = findTop(tokens, VERBS, 2);
    return verb > 0 ? tokens.slice(verb) : tokens;
  }
  return tokens;
}

/** EXPLAIN's options run the statement: `ANALYZE`/`ANALYSE`, or `(ANALYZE [true|on|1], …)`. */
function explainRuns(tokens: SqlToken[], stmt: number): boolean {
  for (let i = 1; i < stmt; i++) {
    const t = tokens[i];
    if (!isWord(t, 'ANALYZE', 'ANALYSE')) continue;
    const v = tokens[i + 1];
    const off = v !== undefined && v.depth > tokens[0].depth && /^(FALSE|OFF|0)$/i.test(v.text);
    if (!off) return true;
  }
  return false;
}

/**
 * The tokens of the statement a chunk runs: control-flow prefixes stripped (repeatedly: `BEGIN
 * IF x THEN …`), EXPLAIN ANALYZE and PREPARE … AS peeled. Returns `tokens` itself (the same
 * array) when the statement starts at the first word; an empty array when only control words remain.
 */
export function statementTokens(tokens: SqlToken[]): SqlToken[] {
  let cur = tokens;
  for (let guard = 0; guard < 16; guard++) {
    const next = stripControl(cur);
    if (next === cur) break;
    cur = next;
  }
  const head = cur[0];
  if (isWord(head, 'EXPLAIN')) {
    const stmt = findTop(cur, EXPLAINED, 1);
    if (stmt > 0 && explainRuns(cur, stmt)) return cur.slice(stmt);
  }
  if (isWord(head, 'PREPARE')) {
    const as = findTop(cur, new Set(['AS']), 2);
    if (as > 0) return cur.slice(as + 1);
  }
  return cur;
}
