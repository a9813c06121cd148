/**
 * GRANT statements (sql-statements.ts): what is granted and how widely. A grant of every
 * privilege (`ALL [PRIVILEGES]`, MySQL's `SUPER`) is wide when it covers every database
 * (`ON *.*`), or goes to an account at any host (`'app'@'%'`) or to everyone (`TO PUBLIC`); such a
 * grant reads as object `ALL`. Narrower grants (`GRANT SELECT ON shop.* TO 'ro'@'localhost'`,
 * `GRANT ALL ON DATABASE app TO app`) read with no object.
 */
import type { SqlToken } from './sql-tokenize.js';
import type { SqlStmt } from './sql-statements.js';

/** The GRANT statement `tokens` is (its first word GRANT); undefined = not a GRANT. */
export function grantOf(tokens: SqlToken[]): SqlStmt | undefined {
  if (tokens[0]?.text !== 'GRANT') return undefined;
  const words = tokens.filter((t) => t.depth === 0);
  const on = words.findIndex((t) => t.type === 'word' && t.text === 'ON');
  const to = words.findIndex((t) => t.type === 'word' && t.text === 'TO');
  const privileges = words.slice(1, on > 0 ? on : to > 0 ? to : words.length);
  const all = privileges.some((t) => t.type === 'word' && (t.text === 'ALL' || t.text === 'SUPER'));
  const target = on > 0 ? words.slice(on + 1, to > 0 ? to : words.length) : [];
  const everything = target.map((t) => t.raw).join('') === '*.*';
  const grantees = to > 0 ? words.slice(to + 1) : [];
  const end = grantees.findIndex((t) => t.type === 'word' && (t.text === 'WITH' || t.text === 'IDENTIFIED'));
  const who = end < 0 ? grantees : grantees.slice(0, end);
  const anyHost = who.some((t, i) => t.text === '@' && who[i + 1]?.raw === '%');
  const everyone = who.some((t) => t.type === 'word' && t.text === 'PUBLIC');
  const name = who.map((t) => (t.type === 'string' ? `'${t.raw}'` : t.raw)).join('');
  return {
    statement: 'GRANT',
    object: all && (everything || anyHost || everyone) ? 'ALL' : '',
    name,
    where: true,
  };
}
