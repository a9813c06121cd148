/**
 * Tools that kill the sessions of a database server in bulk, read as KILL SESSIONS (or KILL
 * QUERIES) statements: `pt-kill --kill|--kill-query --match-all` kills every connection or
 * running query the server has (that no `--ignore-*` option spares), again and again for as long
 * as it runs. With narrower matches (`--busy-time 600`, `--match-user report`) it is a routine
 * clean-up and makes none; `--print` alone only lists, `--test-matching` reads snapshots from
 * files and kills nothing.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';

/** What a pt-kill command line kills; undefined = not pt-kill. */
export function parsePtKill(cmd: NormalizedCommand): StoreOps | undefined {
  if (cmd.program !== 'pt-kill') return undefined;
  const args = cmd.argv.slice(1);
  const has = (re: RegExp) => args.some((a) => re.test(a));
  const at = args.findIndex((a) => a === '--host' || a === '-h');
  const host =
    (at >= 0 ? args[at + 1] : undefined) ??
    /^--host=(.*)$/.exec(args.find((a) => a.startsWith('--host=')) ?? '')?.[1] ??
    /(?:^|,)h=([^,]*)/.exec(args.find((a) => /(^|,)h=/.test(a)) ?? '')?.[1] ??
    '';
  const ops: StoreOps = { tool: 'pt-kill', target: host, stmts: [] };
  const kills = has(/^--kill$/) ? 'SESSIONS' : has(/^--kill-query$/) ? 'QUERIES' : '';
  if (!kills || has(/^--test-matching(=|$)/) || !has(/^--match-all$/)) return ops;
  ops.stmts.push(storeStmt('KILL', kills, '*', false, '--match-all'));
  return ops;
}
