/**
 * Managers of embedded key-value database files, whose subcommand is the operation and whose
 * operands name the file: Kyoto Cabinet (`kchashmgr`, `kctreemgr`, `kcpolymgr` and the other
 * `kc*mgr`), Tokyo Cabinet (`tchmgr`, `tcbmgr`, `tcfmgr`, `tctmgr`, `tcamgr`) and Tokyo
 * Tyrant's remote manager (`tcrmgr`), and LMDB's `mdb_drop`. What they delete reads as SQL
 * statements, so the database rules apply: a database emptied (`clear`, `vanish`, a file
 * opened with truncation `-otr`, `mdb_drop ENV`) a TRUNCATE, a database removed (`mdb_drop -d`)
 * a DROP, the records a table query matches removed (`tctmgr search -rm PATH [COND…]`) a
 * DELETE filtered by its conditions, and the keys named (`remove`, `out`) a filtered DELETE.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { maskTarget } from './sql-clients.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';

/** Kyoto Cabinet's managers (`kchashmgr` … `kclangcmgr`), Tokyo Cabinet's and Tokyo Tyrant's. */
const KYOTO = /^kc[a-z]+mgr$/;
const TOKYO = /^tc[hbftar]mgr$/;

/** Options of `tctmgr search` that take values, with how many. */
const SEARCH_WITH_ARG: Record<string, number> = { '-ord': 2, '-m': 1, '-sk': 1, '-ms': 1, '-bt': 1 };

/** The operands of argv after the subcommand (options and the values `withArg` names skipped). */
function operands(args: string[], withArg: Record<string, number> = {}): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('-')) i += withArg[args[i]] ?? 0;
    else out.push(args[i]);
  }
  return out;
}

function managerStatements(sub: string, args: string[], file: string): StoreOps['stmts'] {
  // `-otr`: the database is opened with truncation, whatever the subcommand then does.
  if (args.includes('-otr')) return [storeStmt('TRUNCATE', 'TABLE', file, true, `${sub} -otr`)];
  if (sub === 'clear' || sub === 'vanish') return [storeStmt('TRUNCATE', 'TABLE', file, true, sub)];
  if (sub === 'remove' || sub === 'removebulk' || sub === 'out')
    return [storeStmt('DELETE', 'TABLE', file, true, sub)];
  if (sub === 'search' && args.includes('-rm')) {
    // conditions follow the path as `name op expr`; none = every record
    const conds = operands(args, SEARCH_WITH_ARG).slice(1);
    return [storeStmt('DELETE', 'TABLE', file, conds.length > 0, `${sub} -rm`)];
  }
  return [];
}

/** `mdb_drop [-d] [-s SUBDB] ENV`: empties the database, or deletes it with `-d`. */
function mdbDrop(args: string[]): StoreOps {
  const sub = args.findIndex((a) => a === '-s');
  const env = operands(args.filter((_, i) => i !== sub + 1 || sub < 0))[0] ?? '';
  const name = sub >= 0 ? (args[sub + 1] ?? '') : env;
  const stmt = args.includes('-d')
    ? storeStmt('DROP', 'TABLE', name, true, 'mdb_drop -d')
    : storeStmt('TRUNCATE', 'TABLE', name, true, 'mdb_drop');
  return { tool: 'mdb_drop', target: env, stmts: [stmt] };
}

/** What a key-value file manager deletes; undefined = not such a program. */
export function parseKvFiles(cmd: NormalizedCommand): StoreOps | undefined {
  const args = cmd.argv.slice(1);
  if (cmd.program === 'mdb_drop') return mdbDrop(args);
  if (!KYOTO.test(cmd.program) && !TOKYO.test(cmd.program)) return undefined;
  const at = args.findIndex((a) => !a.startsWith('-'));
  const sub = at >= 0 ? args[at] : '';
  const rest = args.slice(at + 1);
  const file = operands(rest, sub === 'search' ? SEARCH_WITH_ARG : {})[0] ?? '';
  return { tool: cmd.program, target: maskTarget(file), stmts: managerStatements(sub, rest, file) };
}
