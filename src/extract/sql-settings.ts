/**
 * Server settings a statement assigns, read from its tokens (sql-tokenize.ts): PostgreSQL's
 * `ALTER SYSTEM SET p = v` (also `TO`), `ALTER DATABASE d SET p = v`, `ALTER ROLE|USER r [IN
 * DATABASE d] SET p = v`, Oracle's `ALTER SYSTEM SET p = v SCOPE = …`, and MySQL's `SET
 * [GLOBAL|PERSIST|PERSIST_ONLY|SESSION|LOCAL] p = v, …` and `SET @@global.p = v`. The readers of
 * settings that switch a safeguard off (sql-audit.ts, sql-backups-off.ts) judge the values.
 */
import { isWord, type SqlToken } from './sql-tokenize.js';

/** One setting a statement assigns. */
export interface SqlSetting {
  /** Lower-case setting name (`archive_command`, `pgaudit.log`, `binlog_expire_logs_seconds`). */
  name: string;
  /** The value as written, quotes removed (`/bin/true`, `off`, `-1`); empty = an empty string was set. */
  value: string;
  /** Who it applies to: `server` (ALTER SYSTEM, SET GLOBAL/PERSIST), `database`, `role`, or `session` (a plain SET). */
  scope: 'server' | 'database' | 'role' | 'session';
}

/** MySQL's scope words before a name, and the `@@scope.` prefixes of a name. */
const SERVER_SCOPES = new Set(['GLOBAL', 'PERSIST', 'PERSIST_ONLY']);
const SESSION_SCOPES = new Set(['SESSION', 'LOCAL']);
const SCOPE_PREFIX = /^(global|persist|persist_only|session|local)\./i;

/** Reads `name (=|TO) value` from `at`; the index after it, or -1 when there is none. */
function assignment(tokens: SqlToken[], at: number, scope: SqlSetting['scope'], out: SqlSetting[]): number {
  let i = at;
  let s = scope;
  // `GLOBAL p = v`, `@@global.p = v`, `@@p = v`
  if (isWord(tokens[i], ...SERVER_SCOPES)) {
    s = 'server';
    i++;
  } else if (isWord(tokens[i], ...SESSION_SCOPES)) i++;
  while (tokens[i]?.text === '@') i++;
  const nameTok = tokens[i];
  if (!nameTok || (nameTok.type !== 'word' && nameTok.type !== 'ident')) return -1;
  let name = nameTok.raw;
  const prefix = SCOPE_PREFIX.exec(name);
  if (prefix) {
    if (SERVER_SCOPES.has(prefix[1].toUpperCase())) s = 'server';
    name = name.slice(prefix[0].length);
  }
  const op = tokens[i + 1];
  if (!(op?.text === '=' || isWord(op, 'TO'))) return -1;
  let v = i + 2;
  // `= -1`: a sign and its number
  const sign = tokens[v]?.text === '-' ? '-' : '';
  if (sign) v++;
  const val = tokens[v];
  if (!val) return -1;
  out.push({ name: name.toLowerCase(), value: sign + val.raw, scope: s });
  return v + 1;
}

/** The settings `tokens` (one statement) assigns; empty = it assigns none. */
export function settingsOf(tokens: SqlToken[]): SqlSetting[] {
  const out: SqlSetting[] = [];
  const [a, b] = tokens;
  if (isWord(a, 'ALTER')) {
    let scope: SqlSetting['scope'];
    if (isWord(b, 'SYSTEM')) scope = 'server';
    else if (isWord(b, 'DATABASE')) scope = 'database';
    else if (isWord(b, 'ROLE', 'USER')) scope = 'role';
    else return out;
    const set = tokens.findIndex((t, i) => i > 1 && t.depth === 0 && isWord(t, 'SET'));
    if (set > 0) assignment(tokens, set + 1, scope, out);
    return out;
  }
  if (!isWord(a, 'SET')) return out;
  // `SET GLOBAL a = 1, b = 2`: a comma-separated list, each with its own scope word
  let i = 1;
  let scope: SqlSetting['scope'] = 'session';
  while (i > 0 && i < tokens.length) {
    if (isWord(tokens[i], ...SERVER_SCOPES)) scope = 'server';
    else if (isWord(tokens[i], ...SESSION_SCOPES)) scope = 'session';
    const next = assignment(tokens, i, scope, out);
    if (next < 0) break;
    const comma = tokens.findIndex((t, j) => j >= next && t.depth === 0 && t.text === ',');
    i = comma < 0 ? -1 : comma + 1;
  }
  return out;
}
