/**
 * Table formats' maintenance that throws a table's history away: the snapshots or versions it
 * could be rolled back or read "as of" from, and the files no snapshot names any more. Iceberg's
 * and Paimon's procedures (`CALL cat.system.expire_snapshots(…)`, `remove_orphan_files`,
 * `delete_orphan_files`; Trino's `ALTER TABLE t EXECUTE expire_snapshots(…)`), Hudi's
 * (`CALL run_clean(…)`, `delete_savepoint`), and Delta's `VACUUM t RETAIN n HOURS` below the
 * seven days Delta keeps by default. Each reads as a NOBACKUP statement of object HISTORY, named
 * by its table when the call names one literally. A dry run (`dry_run => true`, `VACUUM … DRY
 * RUN`), a compaction (`rewrite_data_files`), a read of the snapshots table, and a VACUUM that
 * keeps the default retention or longer are not.
 */
import type { SqlStmt } from './sql-statements.js';
import { isWord, type SqlToken } from './sql-tokenize.js';

/** Procedures that drop history, by their last name segment (upper-cased as tokens are). */
const DROPS_HISTORY =
  /(?:^|\.)(?:EXPIRE_SNAPSHOTS|REMOVE_ORPHAN_FILES|DELETE_ORPHAN_FILES|RUN_CLEAN|DELETE_SAVEPOINT|EXPIRE_PARTITIONS|EXPIRE_TAGS)$/;
/** Hours of history Delta keeps by default (`delta.deletedFileRetentionDuration`, 7 days). */
const DELTA_DEFAULT_HOURS = 168;

/** How SQL that drops history starts, for finding it in a program's string literals (sql-orm.ts). */
export const HISTORY_SQL_SHAPE =
  'CALL\\s+[\\w.`]*(?:expire_snapshots|remove_orphan_files|delete_orphan_files|run_clean|delete_savepoint)|ALTER\\s+TABLE\\s+[\\w."`]+\\s+EXECUTE\\s+(?:expire_snapshots|remove_orphan_files)';

const history = (name: string): SqlStmt => ({ statement: 'NOBACKUP', object: 'HISTORY', name, where: true });

/** The table a procedure call names (`table => 'db.t'`, or its first string argument); '' = none. */
function tableArg(tokens: SqlToken[], open: number): string {
  // the `(` is at the depth of the arguments
  const depth = tokens[open]?.depth ?? 1;
  let first = '';
  for (let j = open + 1; j < tokens.length && tokens[j].depth >= depth; j++) {
    const t = tokens[j];
    if (t.depth !== depth) continue;
    if (isWord(t, 'TABLE') && tokens[j + 1]?.text === '=' && tokens[j + 3]?.type === 'string')
      return tokens[j + 3].raw;
    if (!first && t.type === 'string') first = t.raw;
  }
  return first;
}

/** Whether the call at `open` is told to only report (`dry_run => true`). */
function dryRun(tokens: SqlToken[], open: number): boolean {
  return tokens.some(
    (t, j) => j > open && isWord(t, 'DRY_RUN') && /^(?:TRUE|1|'TRUE')$/i.test(tokens[j + 3]?.text ?? ''),
  );
}

/** The history the statement `tokens` throws away (see the header); undefined = none. */
export function historyDropped(tokens: SqlToken[]): SqlStmt | undefined {
  const call = tokens.findIndex(
    (t, i) =>
      t.type === 'word' &&
      DROPS_HISTORY.test(t.text) &&
      tokens[i + 1]?.text === '(' &&
      isWord(tokens[i - 1], 'CALL', 'EXECUTE'),
  );
  // Trino names the table before EXECUTE (`ALTER TABLE t EXECUTE expire_snapshots(…)`)
  const altered = isWord(tokens[0], 'ALTER') && isWord(tokens[1], 'TABLE') ? (tokens[2]?.raw ?? '') : '';
  if (call >= 0) return dryRun(tokens, call + 1) ? undefined : history(altered || tableArg(tokens, call + 1));
  if (!isWord(tokens[0], 'VACUUM')) return undefined;
  const retain = tokens.findIndex((t) => isWord(t, 'RETAIN'));
  if (retain < 0 || tokens.some((t, i) => isWord(t, 'DRY') && isWord(tokens[i + 1], 'RUN'))) return undefined;
  const hours = Number(tokens[retain + 1]?.text);
  // fail closed: a retention that is not a number read here may be none
  if (Number.isFinite(hours) && hours >= DELTA_DEFAULT_HOURS) return undefined;
  return history(
    tokens
      .slice(1, retain)
      .map((t) => t.raw)
      .join(''),
  );
}
