/**
 * Database servers' own control programs and their HA managers, in the order sql.ts tries
 * them: PostgreSQL's (sql-stops-postgres.ts), other vendors' (sql-stops-vendors.ts) and the
 * failover managers (sql-ha-managers.ts). Each returns undefined for a program it does not
 * read, so the chain goes on.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import type { StoreOps } from './sql-nosql.js';
import { parseGpstop, parsePgCtl, parsePgCtlcluster } from './sql-stops-postgres.js';
import {
  parseFbsvcmgr,
  parseGfix,
  parseOnmode,
  parseOnspaces,
  parseOtherStops,
} from './sql-stops-vendors.js';
import { parseHaManager } from './sql-ha-managers.js';
import { optionWord } from './help-words.js';

/** What a server control or HA manager command line stops, fails over or drops; undefined = none of them. */
export function parseServerAdmin(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps | undefined {
  const ops = readAny(cmd, ctx);
  // help and a dry run change nothing (as options, not as a value or after `--`)
  if (ops && optionWord(cmd.argv, (a) => a === '--help' || a === '--dry-run')) return { ...ops, stmts: [] };
  return ops;
}

function readAny(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps | undefined {
  return (
    parsePgCtl(cmd, ctx) ??
    parsePgCtlcluster(cmd) ??
    parseGpstop(cmd) ??
    parseGfix(cmd) ??
    parseFbsvcmgr(cmd) ??
    parseOnmode(cmd) ??
    parseOnspaces(cmd) ??
    parseOtherStops(cmd) ??
    parseHaManager(cmd)
  );
}
