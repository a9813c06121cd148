/**
 * `sq`, the data-wrangling CLI over named sources (`@prod_pg`, `@sales.xlsx`):
 * - `sq sql [--src @SRC] 'SQL'…`: each operand is SQL run as-is on the source (the active one
 *   when `--src` is not given), read like psql's `-c` (SQL_CLIENT, merged into the client table);
 * - `sq tbl drop @SRC.TABLE…` drops each table and `sq tbl truncate @SRC.TABLE…` empties it
 *   (parseSqTables, read as DROP TABLE / TRUNCATE TABLE statements);
 * - the default command (`sq '@prod_pg | .users'`) is a query in sq's own jq-like language
 *   and reads only; `sq inspect`, `sq ls`, `sq ping` read; `sq add`/`sq rm @SRC` change the
 *   local list of sources only (no data in the source is touched); `sq tbl copy` makes a new
 *   table. None of those makes a statement.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { ClientSpec } from './sql-client-table.js';
// types only: sql-nosql.js reaches the client table, which imports this file
import type { StoreOps } from './sql-nosql.js';

/** sq's global and `sql` options that take a value (output, logging, config, the schema). */
const SQ_WITH_ARG = [
  '--src.schema',
  '--output',
  '-o',
  '--insert',
  '--config',
  '--log.file',
  '--log.level',
  '--log.format',
  '--format',
  '--arg',
];

/** `sq sql [--src @SRC] 'SQL'…`: every operand is SQL, `--src` names the source. */
export const SQ_SQL_CLIENT: ClientSpec = {
  tool: 'sq sql',
  dialect: 'postgresql',
  sub: ['sql'],
  sql: [],
  file: [],
  db: ['--src'],
  withArg: SQ_WITH_ARG,
  allPositionalSql: true,
};

/** `sq tbl` verbs that lose rows, and the statement each is. */
const TBL_VERBS: Record<string, string> = { drop: 'DROP', truncate: 'TRUNCATE' };

/**
 * `sq [opts] tbl drop|truncate @SRC.TABLE…`: each table dropped or emptied (target: the
 * first table's source). undefined = not sq's `tbl`; empty stmts = a verb that loses nothing
 * (`copy`) or help.
 */
export function parseSqTables(cmd: NormalizedCommand): StoreOps | undefined {
  if (cmd.program !== 'sq') return undefined;
  const args = cmd.argv.slice(1);
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (SQ_WITH_ARG.includes(args[i])) i++;
    else if (!args[i].startsWith('-')) pos.push(args[i]);
  }
  if (pos[0] !== 'tbl') return undefined;
  const verb = TBL_VERBS[pos[1] ?? ''];
  const tables = pos.slice(2);
  const ops: StoreOps = { tool: 'sq tbl', target: /^(@[^.]+)/.exec(tables[0] ?? '')?.[1] ?? '', stmts: [] };
  if (!verb || args.some((a) => a === '--help' || a === '-h')) return ops;
  for (const t of tables)
    ops.stmts.push({
      statement: verb,
      object: 'TABLE',
      name: t.replace(/^@[^.]+\./, ''),
      where: false,
      label: `${pos[1]} ${t}`,
    });
  return ops;
}
