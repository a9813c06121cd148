/**
 * Apache Pinot's admin tool, `pinot-admin.sh COMMAND -opt value…` (also `pinot-admin`), read as
 * the statements its commands amount to, so the database rules apply:
 * - `ChangeTableState -tableName T -state drop` deletes the table and its segments (DROP TABLE);
 *   `-state disable` takes it offline, every query on it fails (SHUTDOWN TABLE, an outage);
 *   `-state enable` changes nothing lost.
 * - `DeleteTable -tableName T [-type OFFLINE|REALTIME] -exec` deletes it (DROP TABLE); without
 *   `-exec` the tool only says what it would delete.
 * - `DeleteClusterCommand|DeleteCluster -clusterName C` deletes the whole cluster's metadata
 *   (DROP DATABASE).
 * The command name and option names are matched in any case, as the tool does. Other commands
 * (AddTable, StartServer, PostQuery …) make no statement here. Pure.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';

/** Program names of the admin tool. */
const PINOT_ADMIN = /^pinot-admin(\.sh)?$/;

/** The value of `-name V` (any case, also `-name=V`); undefined = absent. */
function value(args: string[], name: string): string | undefined {
  const lower = name.toLowerCase();
  for (let i = 0; i < args.length; i++) {
    const a = args[i].toLowerCase();
    if (a === lower) return args[i + 1] ?? '';
    if (a.startsWith(`${lower}=`)) return args[i].slice(name.length + 1);
  }
  return undefined;
}

/** What `pinot-admin.sh COMMAND …` deletes or takes offline; undefined = not the admin tool. */
export function parsePinotAdmin(cmd: NormalizedCommand): StoreOps | undefined {
  if (!PINOT_ADMIN.test(cmd.program)) return undefined;
  const args = cmd.argv.slice(1);
  const command = (args.find((a) => !a.startsWith('-')) ?? '').toLowerCase();
  const host = value(args, '-controllerHost') ?? '';
  const ops: StoreOps = { tool: cmd.program, target: host, stmts: [] };
  const table = value(args, '-tableName') ?? '';
  const label = (words: string) => `${command} ${words}`.trim();
  if (command === 'changetablestate') {
    const state = (value(args, '-state') ?? '').toLowerCase();
    if (state === 'drop') ops.stmts.push(storeStmt('DROP', 'TABLE', table, true, label('-state drop')));
    if (state === 'disable')
      ops.stmts.push(storeStmt('SHUTDOWN', 'TABLE', table, true, label('-state disable')));
  } else if (command === 'deletetable' && args.some((a) => a.toLowerCase() === '-exec'))
    ops.stmts.push(storeStmt('DROP', 'TABLE', table, true, label('-exec')));
  else if (command === 'deletecluster' || command === 'deleteclustercommand')
    ops.stmts.push(storeStmt('DROP', 'DATABASE', value(args, '-clusterName') ?? '', true, label('')));
  return ops;
}
