/**
 * High-availability managers of database clusters, read as data-store statements: a forced or
 * manual failover, promotion or detach (FAILOVER: the primary changes, sessions are cut off,
 * the old primary may be left out of the cluster), a planned switchover between two healthy
 * servers (SWITCHOVER, which no rule asks for, as Data Guard's), a node stopped or restarted
 * through the manager (SHUTDOWN), a node rebuilt over its own data (DROP DATABASE of that
 * node's copy), and automatic failover turned off (NOFAILOVER CLUSTER: the next failure is an
 * outage nobody repairs). Listing, status and showing make none.
 *
 * - Pgpool-II's PCP tools: `pcp_detach_node`, `pcp_promote_node` (FAILOVER), `pcp_stop_pgpool`
 *   (SHUTDOWN CLUSTER), `pcp_recovery_node` (the node rebuilt from the primary). `pcp_node_info`,
 *   `pcp_attach_node`, `pcp_pool_status`… make none.
 * - `orchestrator-client -c CMD` (and `orchestrator -c CMD`): `force-master-failover|takeover`,
 *   `recover*`, `make-co-master`, `take-master` (FAILOVER), `graceful-master-takeover*`
 *   (SWITCHOVER), `reset-replica`,
 *   `detach-replica*` (a replica's replication erased or broken: FAILOVER INSTANCE),
 *   `disable-global-recoveries` (NOFAILOVER).
 * - `repmgr [opts] standby promote`, `node rejoin --force-rewind` (FAILOVER), `standby switchover`,
 *   `standby clone --force` (the node's data directory replaced), `node service
 *   --action=stop|restart` (SHUTDOWN), `daemon|service pause`, `daemon stop` (NOFAILOVER),
 *   `primary|standby|witness unregister` (DROP CLUSTER NODE).
 * - `patronictl failover` (FAILOVER), `switchover`, `restart` (SHUTDOWN), `pause` (NOFAILOVER);
 *   `reinit` and `remove` are read by cloud-generic-verbs.ts.
 * - `pg_autoctl perform failover|promotion` (`switchover`), `stop`, `drop node --destroy`;
 *   `stolonctl failkeeper`; MySQL Utilities' `mysqlrpladmin failover`; MHA's
 *   `masterha_master_switch`; `maxctrl call command mariadbmon failover|async-failover|
 *   reset-replication`.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';

const ops = (tool: string, target = ''): StoreOps => ({ tool, target, stmts: [] });

/** The value of `-X V`, `--long V` or `--long=V` for any of `names`; undefined = absent. */
function value(args: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (names.includes(a)) return args[i + 1] ?? '';
    const n = names.find((x) => x.startsWith('--') && a.startsWith(`${x}=`));
    if (n) return a.slice(n.length + 1);
  }
  return undefined;
}

/** Positional words, skipping the values of the options in `valued`. */
function positionals(args: string[], valued: RegExp): string[] {
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (valued.test(args[i])) i++;
    else if (!args[i].startsWith('-')) pos.push(args[i]);
  }
  return pos;
}

/** One statement of a manager's command; `name` is what it acts on ('' = the cluster's). */
function one(tool: string, statement: string, object: string, name: string, label: string): StoreOps {
  const out = ops(tool, name);
  out.stmts.push(storeStmt(statement, object, name, true, label));
  return out;
}

/** The PCP tools: what detaching, promoting, stopping or recovering a node does. */
function pcp(cmd: NormalizedCommand): StoreOps | undefined {
  const args = cmd.argv.slice(1);
  const node = value(args, '-n', '--node_id') ?? '';
  const host = value(args, '-h', '--host') ?? '';
  const name = node ? `${host} node ${node}`.trim() : host;
  const label = cmd.program.replace(/^pcp_/, '').replace(/_/g, ' ');
  switch (cmd.program) {
    case 'pcp_detach_node':
    case 'pcp_promote_node':
      return one(cmd.program, 'FAILOVER', 'INSTANCE', name, label);
    case 'pcp_stop_pgpool':
      return one(cmd.program, 'SHUTDOWN', 'CLUSTER', host, label);
    case 'pcp_recovery_node':
      return one(cmd.program, 'DROP', 'DATABASE', name, 'node rebuilt from the primary');
    default:
      return cmd.program.startsWith('pcp_') ? ops(cmd.program) : undefined;
  }
}

/** orchestrator commands that move the primary role by force or after a failure. */
const ORC_FAILOVER = /^force-master-(failover|takeover)$|^recover(-lite)?$|^(make-co-master|take-master)$/;
/** orchestrator's planned move of the primary role (both servers healthy). */
const ORC_SWITCHOVER = /^graceful-master-takeover(-auto)?$/;
/** orchestrator commands that erase or break a replica's replication. */
const ORC_DETACH = /^(reset-replica|reset-slave|detach-replica.*|detach-slave.*)$/;

function orchestrator(cmd: NormalizedCommand): StoreOps {
  const args = cmd.argv.slice(1);
  const c = value(args, '-c', '--command') ?? '';
  const name = value(args, '-alias', '-a', '-i', '-instance', '--alias', '--instance') ?? '';
  const tool = cmd.program;
  if (ORC_FAILOVER.test(c)) return one(tool, 'FAILOVER', 'CLUSTER', name, `-c ${c}`);
  if (ORC_SWITCHOVER.test(c)) return one(tool, 'SWITCHOVER', 'CLUSTER', name, `-c ${c}`);
  if (ORC_DETACH.test(c)) return one(tool, 'FAILOVER', 'INSTANCE', name, `-c ${c}`);
  if (c === 'disable-global-recoveries') return one(tool, 'NOFAILOVER', 'CLUSTER', '', `-c ${c}`);
  return ops(tool);
}

/** repmgr's options that take a value. */
const REPMGR_VALUED =
  /^(-f|--config-file|-h|--host|-p|--port|-U|--username|-d|--dbname|-D|--pgdata|-L|--log-level|--node-id|--node-name|--siblings-follow-mode)$/;

function repmgr(cmd: NormalizedCommand): StoreOps {
  const args = cmd.argv.slice(1);
  const [kind, verb] = positionals(args, REPMGR_VALUED);
  const words = `${kind ?? ''} ${verb ?? ''}`;
  const force = args.includes('--force') || args.includes('-F');
  const action = value(args, '--action') ?? '';
  const name = value(args, '--node-name', '-h', '--host') ?? '';
  if (words === 'standby promote' || (words === 'node rejoin' && args.includes('--force-rewind')))
    return one('repmgr', 'FAILOVER', 'CLUSTER', name, words);
  if (words === 'standby switchover') return one('repmgr', 'SWITCHOVER', 'CLUSTER', name, words);
  if (words === 'standby clone' && force)
    return one('repmgr', 'DROP', 'DATABASE', value(args, '-D', '--pgdata') ?? '', 'standby clone --force');
  if (words === 'node service' && /^(stop|restart)$/.test(action))
    return one('repmgr', 'SHUTDOWN', 'INSTANCE', name, `node service --action=${action}`);
  if (/^(daemon|service) pause$|^daemon stop$/.test(words))
    return one('repmgr', 'NOFAILOVER', 'CLUSTER', '', words);
  if (/^(primary|master|standby|witness) unregister$/.test(words))
    return one('repmgr', 'DROP', 'CLUSTER NODE', name, words);
  return ops('repmgr');
}

/** patronictl's options (before the command) that take a value. */
const PATRONI_VALUED =
  /^(-c|--config-file|-d|--dcs-url|--dcs|--leader|--master|--primary|--candidate|--scheduled|--group|--role|--member)$/;

function patronictl(cmd: NormalizedCommand): StoreOps {
  const args = cmd.argv.slice(1);
  const [verb, cluster] = positionals(args, PATRONI_VALUED);
  const name = cluster ?? value(args, '--candidate') ?? '';
  if (verb === 'failover') return one('patronictl', 'FAILOVER', 'CLUSTER', name, verb);
  if (verb === 'switchover') return one('patronictl', 'SWITCHOVER', 'CLUSTER', name, verb);
  if (verb === 'restart') return one('patronictl', 'SHUTDOWN', 'CLUSTER', name, 'restart');
  if (verb === 'pause') return one('patronictl', 'NOFAILOVER', 'CLUSTER', name, 'pause');
  return ops('patronictl');
}

function pgAutoctl(cmd: NormalizedCommand): StoreOps {
  const args = cmd.argv.slice(1);
  const [a, b] = positionals(args, /^(--pgdata|--formation|--group|--name|--hostname|--pgport|--monitor)$/);
  const words = `${a ?? ''} ${b ?? ''}`.trim();
  const name = value(args, '--formation', '--pgdata') ?? '';
  if (/^perform (failover|promotion)$/.test(words))
    return one('pg_autoctl', 'FAILOVER', 'CLUSTER', name, words);
  if (words === 'perform switchover') return one('pg_autoctl', 'SWITCHOVER', 'CLUSTER', name, words);
  if (a === 'stop') return one('pg_autoctl', 'SHUTDOWN', 'INSTANCE', name, 'stop');
  if (words === 'drop node' && args.includes('--destroy'))
    return one('pg_autoctl', 'DROP', 'DATABASE', name, 'drop node --destroy');
  return ops('pg_autoctl');
}

/** What an HA manager's command line does; undefined = not one of them. */
export function parseHaManager(cmd: NormalizedCommand): StoreOps | undefined {
  const args = cmd.argv.slice(1);
  const pos = positionals(args, /^(-h|--host|-p|--port|-u|--user|--password|-c|--config)$/);
  switch (cmd.program) {
    case 'orchestrator-client':
    case 'orchestrator':
      return orchestrator(cmd);
    case 'repmgr':
      return repmgr(cmd);
    case 'patronictl':
      return patronictl(cmd);
    case 'pg_autoctl':
      return pgAutoctl(cmd);
    case 'stolonctl':
      return pos[0] === 'failkeeper'
        ? one('stolonctl', 'FAILOVER', 'CLUSTER', pos[1] ?? '', 'failkeeper')
        : undefined;
    case 'mysqlrpladmin':
      return pos.includes('failover')
        ? one('mysqlrpladmin', 'FAILOVER', 'CLUSTER', value(args, '--master') ?? '', 'failover')
        : ops('mysqlrpladmin');
    case 'masterha_master_switch':
      return one(
        'masterha_master_switch',
        'FAILOVER',
        'CLUSTER',
        value(args, '--conf') ?? '',
        'master switch',
      );
    case 'maxctrl': {
      const i = pos.indexOf('mariadbmon');
      const fn = i >= 0 ? (pos[i + 1] ?? '') : '';
      return pos[0] === 'call' && /^(async-)?failover$|^reset-replication$/.test(fn)
        ? one('maxctrl', 'FAILOVER', 'CLUSTER', pos[i + 2] ?? '', `mariadbmon ${fn}`)
        : undefined;
    }
    default:
      return pcp(cmd);
  }
}
