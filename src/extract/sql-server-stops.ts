/**
 * Statements and client commands that take a database server down or cut every session off,
 * whatever client sends them (`sqlcmd -Q "SHUTDOWN WITH NOWAIT"`, Sybase `isql` fed `shutdown`,
 * `mysql -e SHUTDOWN`, H2/HSQLDB `SHUTDOWN IMMEDIATELY`, `db2 force application all`):
 *
 * - `SHUTDOWN [WITH NOWAIT | ABORT | IMMEDIATE | COMPACT | …] [SERVER]`: the server stops
 *   (SHUTDOWN INSTANCE).
 * - Db2's command processor: `STOP DATABASE MANAGER` / `STOP DBM` (SHUTDOWN INSTANCE),
 *   `DEACTIVATE DATABASE|DB NAME` (SHUTDOWN DATABASE), `QUIESCE INSTANCE|DATABASE|DB`
 *   (SHUTDOWN: only administrators may stay) and `FORCE APPLICATION ALL` (KILL SESSIONS).
 * - PostgreSQL: `SELECT pg_terminate_backend(pid) FROM pg_stat_activity` without a WHERE
 *   (KILL SESSIONS: every session of the server, the caller's too).
 * - SQL Server: `ALTER DATABASE NAME SET OFFLINE` (SHUTDOWN DATABASE) and `… SET
 *   SINGLE_USER WITH ROLLBACK IMMEDIATE` (KILL SESSIONS: every other session is rolled back).
 *
 * The existing server-outage rule (rulesets/databases.yaml) asks for them.
 */
import type { SqlStmt } from './sql-statements.js';
import { isWord, wordsAt, type SqlToken } from './sql-tokenize.js';

const stmt = (statement: string, object: string, name: string): SqlStmt => ({
  statement,
  object,
  name,
  where: true,
});

/** The word after `at` as written ('' = none). */
const nameAt = (tokens: SqlToken[], at: number) =>
  tokens[at] && tokens[at].type !== 'punct' ? tokens[at].raw : '';

/** A dotted name starting at `at`, upper case (`pg_catalog.pg_stat_activity`). */
function nameRun(tokens: SqlToken[], at: number): string {
  let out = tokens[at]?.text ?? '';
  for (let i = at + 1; tokens[i]?.text === '.' && tokens[i + 1]; i += 2) out += `.${tokens[i + 1].text}`;
  return out.toUpperCase();
}

/** What `tokens` (one statement) stops or cuts off; undefined = none of these. */
export function serverStop(tokens: SqlToken[]): SqlStmt | undefined {
  const [a, b] = tokens;
  if (isWord(a, 'SHUTDOWN'))
    return stmt(
      'SHUTDOWN',
      'INSTANCE',
      tokens
        .slice(1)
        .map((t) => t.raw)
        .join(' '),
    );
  if (isWord(a, 'STOP') && (isWord(b, 'DBM') || wordsAt(tokens, 1, 'DATABASE', 'MANAGER')))
    return stmt('SHUTDOWN', 'INSTANCE', 'database manager');
  if (isWord(a, 'DEACTIVATE') && isWord(b, 'DATABASE', 'DB'))
    return stmt('SHUTDOWN', 'DATABASE', nameAt(tokens, 2));
  if (isWord(a, 'QUIESCE') && isWord(b, 'INSTANCE', 'DATABASE', 'DB'))
    return stmt('SHUTDOWN', isWord(b, 'INSTANCE') ? 'INSTANCE' : 'DATABASE', nameAt(tokens, 2));
  if (isWord(a, 'FORCE') && isWord(b, 'APPLICATION', 'APPLICATIONS') && isWord(tokens[2], 'ALL'))
    return stmt('KILL', 'SESSIONS', '*');
  // `SELECT pg_terminate_backend(pid) FROM pg_stat_activity` with no WHERE: every session of the server
  const terminate = tokens.some((t, i) => isWord(t, 'PG_TERMINATE_BACKEND') && tokens[i + 1]?.text === '(');
  const activity = tokens.some(
    (t, i) => isWord(t, 'FROM') && /^(PG_CATALOG\.)?PG_STAT_ACTIVITY$/.test(nameRun(tokens, i + 1)),
  );
  if (terminate && activity && !tokens.some((t) => isWord(t, 'WHERE'))) return stmt('KILL', 'SESSIONS', '*');
  if (isWord(a, 'ALTER') && isWord(b, 'DATABASE')) {
    const set = tokens.findIndex((t, i) => i > 2 && isWord(t, 'SET'));
    if (set < 0) return undefined;
    if (isWord(tokens[set + 1], 'OFFLINE')) return stmt('SHUTDOWN', 'DATABASE', nameAt(tokens, 2));
    if (
      isWord(tokens[set + 1], 'SINGLE_USER') &&
      tokens.some((t, i) => wordsAt(tokens, i, 'ROLLBACK', 'IMMEDIATE'))
    )
      return stmt('KILL', 'SESSIONS', nameAt(tokens, 2));
  }
  return undefined;
}
