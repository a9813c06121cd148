/**
 * Other database servers' own controls, read as data-store statements (SHUTDOWN, FAILOVER,
 * DROP) so the database rules judge them with the SQL that does the same:
 *
 * - Firebird `gfix [-user U -password P] -shut[down] [full|single|multi] -force|-attach|-tran N
 *   DB` (options may be shortened to `-sh`, any case): the database taken offline, sessions
 *   cut off (SHUTDOWN DATABASE); `-kill` drops its unavailable shadows (DROP SHADOW).
 *   `-v[alidate]`, `-sweep`, `-online`, `-mode`, `-write` make none. Its service manager
 *   `fbsvcmgr … action_properties … prp_shutdown_mode|prp_force_shutdown|prp_attachments_shutdown|
 *   prp_transactions_shutdown|prp_shutdown_db` does the same.
 * - Informix `onmode -k|-u|-s` (also grouped with `-y`, which skips the prompt: `-ky`, `-uy`):
 *   the server taken offline or quiescent, sessions killed (SHUTDOWN INSTANCE); `-d make
 *   primary` makes this server the primary of its pair (FAILOVER). `onspaces -d NAME` drops
 *   a dbspace, blobspace or sbspace with what it holds (a chunk with `-p PATH`) unless `-c`
 *   creates one of that name; `onparams -d -l N` drops a logical log.
 * - Db2 `db2stop [force]`: the instance stopped (SHUTDOWN INSTANCE), `force` rolls back every
 *   application's work.
 * - `mongod --shutdown` (a server's data path), SAP `sapcontrol -function Stop|StopSystem|
 *   RestartSystem|RestartInstance|Shutdown|StopService` and HANA's `HDB stop|restart`, Oracle's
 *   `dbshut`, Vertica's `admintools -t stop_db|stop_node|stop_host`.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';

const ops = (tool: string, target = ''): StoreOps => ({ tool, target, stmts: [] });

/** gfix's options that take a value (at least as shortened as gfix accepts them), lower case. */
const GFIX_VALUED =
  /^-(us|use|user|pa|pas|pass|passw|passwo|passwor|password|fe|fet|fetc|fetch|fetch_password|ro|rol|role|at|att|atta|attac|attach|fo|for|forc|force|tr|tra|tran|ca|cac|cach|cache|bu|buf|buff|buffers|h|ho|hou|hous|housekeeping|mo|mod|mode|di|dia|dial|diale|dialect|o|on|onl|onli|onlin|online|w|wr|wri|writ|write|pr|pro|prom|promp|prompt|com|comm|commit|rol|rollback|two|two_phase)$/;
/** An option that is one of gfix's, written at least `min` letters long (`-sh`, `-shut`, `-shutdown`). */
const gfixOption = (a: string, full: string, min: number) =>
  a.length - 1 >= min && full.startsWith(a.slice(1).toLowerCase());

/** What a gfix command line does to the database; undefined = not gfix. */
export function parseGfix(cmd: NormalizedCommand): StoreOps | undefined {
  if (cmd.program !== 'gfix') return undefined;
  const args = cmd.argv.slice(1);
  const pos: string[] = [];
  let shut = '';
  let kill = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-')) pos.push(a);
    else if (gfixOption(a, 'shutdown', 2)) {
      // the mode (FB 2.5+) follows: full, single, multi; older versions take none
      shut = /^(full|single|multi)$/i.test(args[i + 1] ?? '') ? ` ${args[++i]}` : ' ';
    } else if (gfixOption(a, 'kill', 1)) kill = true;
    else if (GFIX_VALUED.test(a.toLowerCase())) i++;
  }
  const db = pos[pos.length - 1] ?? '';
  const out = ops('gfix', db);
  if (shut) out.stmts.push(storeStmt('SHUTDOWN', 'DATABASE', db, true, `-shut${shut}`.trim()));
  if (kill) out.stmts.push(storeStmt('DROP', 'SHADOW', db, true, '-kill'));
  return out;
}

/** fbsvcmgr's properties that take a database offline. */
const FB_SHUTDOWN =
  /^prp_(shutdown_mode|force_shutdown|attachments_shutdown|transactions_shutdown|shutdown_db)$/i;

/** What an fbsvcmgr command line shuts down; undefined = not fbsvcmgr. */
export function parseFbsvcmgr(cmd: NormalizedCommand): StoreOps | undefined {
  if (cmd.program !== 'fbsvcmgr') return undefined;
  const args = cmd.argv.slice(1);
  const at = args.findIndex((a) => /^dbname$/i.test(a));
  const out = ops('fbsvcmgr', at >= 0 ? (args[at + 1] ?? '') : '');
  const prop = args.find((a) => FB_SHUTDOWN.test(a));
  if (prop && args.some((a) => /^action_properties$/i.test(a)))
    out.stmts.push(storeStmt('SHUTDOWN', 'DATABASE', out.target, true, prop));
  return out;
}

/** What an onmode command line does to the Informix server; undefined = not onmode. */
export function parseOnmode(cmd: NormalizedCommand): StoreOps | undefined {
  if (cmd.program !== 'onmode') return undefined;
  const args = cmd.argv.slice(1);
  const out = ops('onmode', cmd.vars?.INFORMIXSERVER ?? '');
  for (let i = 0; i < args.length; i++) {
    const m = /^-([a-zA-Z]+)$/.exec(args[i]);
    if (!m) continue;
    const letters = m[1];
    // `-d make primary SERVER`: this server becomes the pair's primary
    if (letters === 'd' && /^make$/i.test(args[i + 1] ?? '') && /^primary$/i.test(args[i + 2] ?? ''))
      out.stmts.push(storeStmt('FAILOVER', 'INSTANCE', args[i + 3] ?? '', true, '-d make primary'));
    // -k offline, -u immediate (sessions killed), -s graceful: the letters may be grouped with y
    else if (/^[kusy]+$/.test(letters) && /[kus]/.test(letters))
      out.stmts.push(storeStmt('SHUTDOWN', 'INSTANCE', out.target, true, args[i]));
  }
  return out;
}

/** onspaces options that make `-d` name a space being created or mirrored, not dropped. */
const ONSPACES_NOT_DROP = /^-(c|m|r|ren|f|a|cl)$/;

/** What an onspaces or onparams command line drops; undefined = neither. */
export function parseOnspaces(cmd: NormalizedCommand): StoreOps | undefined {
  if (cmd.program !== 'onspaces' && cmd.program !== 'onparams') return undefined;
  const args = cmd.argv.slice(1);
  const d = args.indexOf('-d');
  if (cmd.program === 'onparams') {
    const out = ops('onparams');
    const l = args.indexOf('-l');
    if (d >= 0 && l >= 0) out.stmts.push(storeStmt('DROP', 'LOGICAL LOG', args[l + 1] ?? '', true, '-d -l'));
    return out;
  }
  const name = d >= 0 ? (args[d + 1] ?? '') : '';
  const out = ops('onspaces', name);
  if (d < 0 || args.some((a) => ONSPACES_NOT_DROP.test(a))) return out;
  const chunk = args.includes('-p');
  out.stmts.push(storeStmt('DROP', chunk ? 'CHUNK' : 'DBSPACE', name, true, '-d'));
  return out;
}

/** sapcontrol functions that stop or restart a system, instance or service. */
const SAP_STOP = /^(stop|stopsystem|restartsystem|restartinstance|shutdown|stopservice|restartservice)$/i;
/** Vertica admintools tools that stop a database, node or host. */
const VERTICA_STOP = /^(stop_db|stop_node|stop_host|kill_node|kill_host)$/;

/** The other servers' stop commands; undefined = none of these programs. */
export function parseOtherStops(cmd: NormalizedCommand): StoreOps | undefined {
  const args = cmd.argv.slice(1);
  const after = (name: RegExp) => {
    const i = args.findIndex((a) => name.test(a));
    return i >= 0 ? (args[i + 1] ?? '') : undefined;
  };
  const stop = (tool: string, object: string, name: string, label: string) => {
    const out = ops(tool, name);
    out.stmts.push(storeStmt('SHUTDOWN', object, name, true, label));
    return out;
  };
  switch (cmd.program) {
    case 'db2stop':
      return args.some((a) => /^(-h|-\?|help)$/i.test(a))
        ? ops('db2stop')
        : stop('db2stop', 'INSTANCE', cmd.vars?.DB2INSTANCE ?? '', args.join(' ') || 'db2stop');
    case 'mongod':
      return args.includes('--shutdown')
        ? stop('mongod', 'INSTANCE', after(/^--dbpath$/) ?? '', '--shutdown')
        : undefined;
    case 'sapcontrol': {
      const fn = after(/^-function$/i) ?? '';
      return SAP_STOP.test(fn)
        ? stop('sapcontrol', 'INSTANCE', after(/^-nr$/i) ?? '', `-function ${fn}`)
        : ops('sapcontrol');
    }
    case 'HDB':
      return /^(stop|restart|kill|kill-9)$/.test(args[0] ?? '')
        ? stop('HDB', 'INSTANCE', '', args[0])
        : ops('HDB');
    case 'dbshut':
      return stop('dbshut', 'DATABASE', args[0] ?? '', 'dbshut');
    case 'admintools': {
      const tool = after(/^(-t|--tool)$/) ?? '';
      return VERTICA_STOP.test(tool)
        ? stop('admintools', 'DATABASE', after(/^(-d|--database)$/) ?? '', `-t ${tool}`)
        : undefined;
    }
    default:
      return undefined;
  }
}
