/**
 * SQL that lifts the access policies deciding which rows (or column values) each user sees:
 * PostgreSQL's `ALTER TABLE t DISABLE ROW LEVEL SECURITY` and `NO FORCE ROW LEVEL SECURITY`,
 * `DROP POLICY p ON t`, a policy that lets anyone write every row (`CREATE POLICY … FOR ALL TO
 * anon USING (true)`), a role exempted (`ALTER ROLE r BYPASSRLS`); Snowflake's row access and
 * masking policies dropped or unset; SQL Server's security policy switched off or dropped;
 * Oracle's VPD policies dropped or disabled (`DBMS_RLS.DROP_POLICY`, `ENABLE_POLICY(…, FALSE)`)
 * and `GRANT EXEMPT ACCESS POLICY`. Each reads as a statement of kind NOSECURITY whose object
 * says what: RLS (a table's row security off), POLICY (a policy dropped, off or opened to
 * everyone), BYPASS (a role exempted). Turning them on, and policies that filter, are not.
 */
import type { SqlStmt } from './sql-statements.js';
import { isWord, wordsAt, type SqlToken } from './sql-tokenize.js';
import { roleAttributes } from './sql-grant.js';

/** Index of the first top-level run of `w` in tokens; -1 when none. */
const findWords = (tokens: SqlToken[], ...w: string[]) =>
  tokens.findIndex((t, i) => t.depth === 0 && wordsAt(tokens, i, ...w));
const stmt = (object: string, name: string): SqlStmt => ({
  statement: 'NOSECURITY',
  object,
  name,
  where: true,
});

const NAME_NOISE = new Set(['IF', 'EXISTS', 'ONLY', 'NOT']);
/** The first name at or after `at`, skipping `IF EXISTS`, `ONLY` and SQL Server's `[…]`. */
function nameFrom(tokens: SqlToken[], at: number): string {
  for (let i = at; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.text === '[' || (t.type === 'word' && NAME_NOISE.has(t.text))) continue;
    return t.type === 'word' || t.type === 'ident' ? t.raw : '';
  }
  return '';
}

/** Roles that stand for everyone: PostgreSQL's PUBLIC, and the roles of a hosted API's anonymous and signed-up callers. */
const EVERYONE = new Set(['PUBLIC', 'ANON', 'AUTHENTICATED']);

/** The tokens inside the parentheses opened at `open` (the lexer gives `(` its inner depth, `)` the outer one). */
function inside(tokens: SqlToken[], open: number): SqlToken[] {
  const out: SqlToken[] = [];
  const depth = tokens[open]?.depth ?? 0;
  for (let i = open + 1; i < tokens.length; i++) {
    if (tokens[i].text === ')' && tokens[i].depth === depth - 1) break;
    out.push(tokens[i]);
  }
  return out;
}

/** `(true)` or `(1 = 1)` right after `at`: an expression that holds for every row. */
function alwaysTrueAt(tokens: SqlToken[], at: number): boolean {
  if (tokens[at]?.text !== '(') return false;
  const e = inside(tokens, at)
    .map((t) => t.text)
    .join(' ');
  return e === 'TRUE' || e === '1 = 1';
}

/** `CREATE|ALTER POLICY p ON t …` that lets everyone change every row (reads stay a policy's own business). */
function openPolicy(tokens: SqlToken[]): SqlStmt | undefined {
  if (!isWord(tokens[0], 'CREATE', 'ALTER') || !isWord(tokens[1], 'POLICY')) return undefined;
  if (findWords(tokens, 'AS', 'RESTRICTIVE') >= 0) return undefined;
  const forAt = findWords(tokens, 'FOR');
  if (forAt >= 0 && isWord(tokens[forAt + 1], 'SELECT')) return undefined;
  const to = findWords(tokens, 'TO');
  if (to >= 0) {
    const end = tokens.findIndex((t, i) => i > to && isWord(t, 'USING', 'WITH'));
    const roles = tokens.slice(to + 1, end < 0 ? tokens.length : end).filter((t) => t.text !== ',');
    if (!roles.every((t) => EVERYONE.has(t.text.toUpperCase()))) return undefined;
  }
  const using = findWords(tokens, 'USING');
  const check = findWords(tokens, 'WITH', 'CHECK');
  const open =
    (using >= 0 && alwaysTrueAt(tokens, using + 1)) || (check >= 0 && alwaysTrueAt(tokens, check + 2));
  return open ? stmt('POLICY', nameFrom(tokens, 2)) : undefined;
}

/** Oracle's `DBMS_RLS.DROP_POLICY(…)`, `DBMS_RLS.ENABLE_POLICY(…, FALSE)` anywhere in the statement. */
function oracleVpd(tokens: SqlToken[]): SqlStmt | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const m = /(?:^|\.)DBMS_RLS\.(DROP_POLICY|DROP_GROUPED_POLICY|ENABLE_POLICY|ENABLE_GROUPED_POLICY)$/.exec(
      tokens[i].text,
    );
    if (!m || tokens[i + 1]?.text !== '(') continue;
    const args = inside(tokens, i + 1);
    const strings = args.filter((t) => t.type === 'string').map((t) => t.raw);
    const name = strings[2] ?? strings[1] ?? '';
    if (m[1].startsWith('DROP') || args.some((t) => isWord(t, 'FALSE'))) return stmt('POLICY', name);
  }
  return undefined;
}

/** The access policies the statement `tokens` lifts, as a NOSECURITY statement; undefined = none. */
export function securityOff(tokens: SqlToken[]): SqlStmt | undefined {
  const [a, b] = tokens;
  if (isWord(a, 'ALTER') && isWord(b, 'TABLE', 'VIEW', 'MATERIALIZED')) {
    const table = nameFrom(tokens, isWord(b, 'MATERIALIZED') ? 3 : 2);
    const rls = ['ROW', 'LEVEL', 'SECURITY'];
    if (findWords(tokens, 'DISABLE', ...rls) >= 0 || findWords(tokens, 'NO', 'FORCE', ...rls) >= 0)
      return stmt('RLS', table);
    // Snowflake: `DROP ROW ACCESS POLICY p`, `DROP ALL ROW ACCESS POLICIES`, `… COLUMN c UNSET MASKING POLICY`
    const drop = findWords(tokens, 'DROP', 'ROW', 'ACCESS', 'POLICY');
    if (drop >= 0) return stmt('POLICY', nameFrom(tokens, drop + 4));
    if (findWords(tokens, 'DROP', 'ALL', 'ROW', 'ACCESS', 'POLICIES') >= 0) return stmt('POLICY', table);
    if (findWords(tokens, 'UNSET', 'MASKING', 'POLICY') >= 0) return stmt('POLICY', table);
  }
  if (isWord(a, 'DROP')) {
    if (isWord(b, 'POLICY')) return stmt('POLICY', nameFrom(tokens, 2));
    if (wordsAt(tokens, 1, 'ROW', 'ACCESS', 'POLICY')) return stmt('POLICY', nameFrom(tokens, 4));
    if (wordsAt(tokens, 1, 'MASKING', 'POLICY') || wordsAt(tokens, 1, 'SECURITY', 'POLICY'))
      return stmt('POLICY', nameFrom(tokens, 3));
  }
  // SQL Server: `ALTER SECURITY POLICY p WITH (STATE = OFF)`, `… DROP FILTER|BLOCK PREDICATE …`
  if (isWord(a, 'ALTER') && wordsAt(tokens, 1, 'SECURITY', 'POLICY')) {
    const off = tokens.some(
      (t, i) => isWord(t, 'STATE') && tokens[i + 1]?.text === '=' && isWord(tokens[i + 2], 'OFF'),
    );
    const dropped = tokens.some((t, i) => isWord(t, 'DROP') && isWord(tokens[i + 1], 'FILTER', 'BLOCK'));
    if (off || dropped) return stmt('POLICY', nameFrom(tokens, 3));
  }
  if (roleAttributes(tokens).some((t) => isWord(t, 'BYPASSRLS'))) return stmt('BYPASS', nameFrom(tokens, 2));
  if (isWord(a, 'GRANT') && findWords(tokens, 'EXEMPT', 'ACCESS', 'POLICY') >= 0) {
    const to = findWords(tokens, 'TO');
    return stmt('BYPASS', to > 0 ? nameFrom(tokens, to + 1) : '');
  }
  return openPolicy(tokens) ?? oracleVpd(tokens);
}
