/**
 * PostgreSQL's server controls, read as data-store statements:
 *
 * - `pg_ctl [opts] stop|restart|kill|promote [-D DIR] [-m smart|fast|immediate]`: `stop` and
 *   `restart` take the server down whatever the mode (`fast` rolls back every session's work,
 *   `immediate` skips the shutdown checkpoint: crash recovery at the next start), `kill
 *   TERM|INT|QUIT|KILL|ABRT PID` does the same by signal (SHUTDOWN INSTANCE); `promote` makes a
 *   standby the primary (FAILOVER DATABASE). `status`, `start`, `reload`, `logrotate`, `init`
 *   and `kill HUP|USR1|USR2` make none. A data directory in the workspace or the temp space is
 *   a project's own server (a test run's): none either; no `-D` (PGDATA, unknown here) or one
 *   only known at run time is read as a server's (fail closed).
 * - Debian's `pg_ctlcluster [opts] VERSION CLUSTER stop|restart|promote` (also `VERSION/CLUSTER`),
 *   read as pg_ctl's; `status`, `start`, `reload` make none.
 * - Greenplum's `gpstop`: the whole cluster stopped (`-r` restarts it, `-m` the coordinator
 *   only, still an outage) unless `-u` (only reloads the configuration) or `--version`.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { targetOf } from './fs-paths.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';

/** pg_ctl's options that take a value (short and long). */
const PG_CTL_VALUED = /^(-D|--pgdata|-m|--mode|-t|--timeout|-o|--options|-l|--log|-p|-N|-P|-U|-e|-S)$/;
/** Signals by which `pg_ctl kill` stops the server (the others reload or rotate). */
const STOPPING_SIGNAL = /^(SIG)?(TERM|INT|QUIT|KILL|ABRT)$/i;

/** The value of an option given as `-X V`, `-XV`, `--long V` or `--long=V`; undefined = absent. */
function optionValue(args: string[], short: string, long: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === short || a === long) return args[i + 1] ?? '';
    if (a.startsWith(`${long}=`)) return a.slice(long.length + 1);
    if (a.startsWith(short) && a.length > short.length && !a.startsWith('--')) return a.slice(short.length);
  }
  return undefined;
}

/** True when the data directory is the project's own or a test run's (workspace or temp space). */
function ownDataDir(dir: string | undefined, cmd: NormalizedCommand, ctx: AnalyzeContext): boolean {
  if (!dir) return false;
  const at = cmd.argv.indexOf(dir);
  const t = targetOf(dir, cmd, ctx, at >= 0 && cmd.dynamicArgs.includes(at));
  return t.class === 'inside-workspace' || t.class === 'tmp';
}

/** What a pg_ctl command line stops or promotes; undefined = not pg_ctl. */
export function parsePgCtl(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps | undefined {
  if (cmd.program !== 'pg_ctl') return undefined;
  const args = cmd.argv.slice(1);
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (PG_CTL_VALUED.test(a)) i++;
    else if (!a.startsWith('-')) pos.push(a);
  }
  const dir = optionValue(args, '-D', '--pgdata');
  const ops: StoreOps = { tool: 'pg_ctl', target: dir ?? '', stmts: [] };
  const mode = optionValue(args, '-m', '--mode');
  const label = `${pos[0] ?? ''}${mode ? ` -m ${mode}` : ''}`;
  const verb = pos[0] ?? '';
  if (ownDataDir(dir, cmd, ctx)) return ops;
  if (verb === 'stop' || verb === 'restart' || (verb === 'kill' && STOPPING_SIGNAL.test(pos[1] ?? '')))
    ops.stmts.push(storeStmt('SHUTDOWN', 'INSTANCE', dir ?? pos[2] ?? '', true, label));
  else if (verb === 'promote') ops.stmts.push(storeStmt('FAILOVER', 'DATABASE', dir ?? '', true, label));
  return ops;
}

/** pg_ctlcluster's options that take a value. */
const PG_CTLCLUSTER_VALUED = /^(-o|--options|-m|--mode)$/;

/** What a pg_ctlcluster command line stops or promotes; undefined = not pg_ctlcluster. */
export function parsePgCtlcluster(cmd: NormalizedCommand): StoreOps | undefined {
  if (cmd.program !== 'pg_ctlcluster') return undefined;
  const args = cmd.argv.slice(1);
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') break;
    if (PG_CTLCLUSTER_VALUED.test(args[i])) i++;
    else if (!args[i].startsWith('-')) pos.push(args[i]);
  }
  const at = pos.findIndex((w) => /^(start|stop|restart|reload|status|promote)$/.test(w));
  const cluster = pos.slice(0, Math.max(at, 0)).join('/');
  const ops: StoreOps = { tool: 'pg_ctlcluster', target: cluster, stmts: [] };
  const verb = pos[at] ?? '';
  if (verb === 'stop' || verb === 'restart')
    ops.stmts.push(storeStmt('SHUTDOWN', 'INSTANCE', cluster, true, verb));
  else if (verb === 'promote') ops.stmts.push(storeStmt('FAILOVER', 'DATABASE', cluster, true, verb));
  return ops;
}

/** What a gpstop command line stops; undefined = not gpstop. */
export function parseGpstop(cmd: NormalizedCommand): StoreOps | undefined {
  if (cmd.program !== 'gpstop') return undefined;
  const args = cmd.argv.slice(1);
  const ops: StoreOps = {
    tool: 'gpstop',
    target: optionValue(args, '-d', '--coordinator_data_directory') ?? '',
    stmts: [],
  };
  if (args.some((a) => /^(-u|--version|-\?|-h)$/.test(a))) return ops;
  const label = args.includes('-r') ? 'restart' : 'stop';
  ops.stmts.push(storeStmt('SHUTDOWN', 'CLUSTER', ops.target || 'cluster', true, label));
  return ops;
}
