import { command } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import { parseHaManager } from '../../src/extract/sql-ha-managers.js';

const read = (argv: string[]) => parseHaManager(command(argv))?.stmts.map((s) => [s.statement, s.object]);

describe('HA managers: failovers, stops, rebuilt nodes and failover turned off', () => {
  it.each<[string[], string[][] | undefined]>([
    [
      ['pcp_detach_node', '-h', 'pgpool', '-p', '9898', '-U', 'pgpool', '-w', '-n', '0'],
      [['FAILOVER', 'INSTANCE']],
    ],
    [['pcp_promote_node', '-h', 'pgpool', '-n', '1'], [['FAILOVER', 'INSTANCE']]],
    [['pcp_stop_pgpool', '-h', 'pgpool', '-m', 'fast'], [['SHUTDOWN', 'CLUSTER']]],
    [['pcp_recovery_node', '-h', 'pgpool', '-n', '2'], [['DROP', 'DATABASE']]],
    [['pcp_node_info', '-h', 'pgpool', '-n', '0'], []],
    [['pcp_attach_node', '-h', 'pgpool', '-n', '0'], []],
    [
      ['orchestrator-client', '-c', 'force-master-failover', '-alias', 'prod-mysql'],
      [['FAILOVER', 'CLUSTER']],
    ],
    [['orchestrator', '-c', 'recover', '-i', 'db3:3306'], [['FAILOVER', 'CLUSTER']]],
    [['orchestrator-client', '-c', 'reset-replica', '-i', 'db3:3306'], [['FAILOVER', 'INSTANCE']]],
    [['orchestrator-client', '-c', 'disable-global-recoveries'], [['NOFAILOVER', 'CLUSTER']]],
    [
      ['orchestrator-client', '-c', 'graceful-master-takeover-auto', '-alias', 'prod'],
      [['SWITCHOVER', 'CLUSTER']],
    ],
    [['orchestrator-client', '-c', 'topology', '-alias', 'prod'], []],
    [['repmgr', '-f', '/etc/repmgr.conf', 'standby', 'promote'], [['FAILOVER', 'CLUSTER']]],
    [['repmgr', 'node', 'rejoin', '-d', 'host=pg1', '--force-rewind'], [['FAILOVER', 'CLUSTER']]],
    [['repmgr', 'standby', 'clone', '-h', 'pg1', '-D', '/srv/pg', '--force'], [['DROP', 'DATABASE']]],
    [['repmgr', 'node', 'service', '--action=stop'], [['SHUTDOWN', 'INSTANCE']]],
    [['repmgr', 'daemon', 'pause'], [['NOFAILOVER', 'CLUSTER']]],
    [['repmgr', 'standby', 'unregister', '--node-id', '3'], [['DROP', 'CLUSTER NODE']]],
    [['repmgr', 'standby', 'switchover', '--siblings-follow'], [['SWITCHOVER', 'CLUSTER']]],
    [['repmgr', 'cluster', 'show'], []],
    [['repmgr', 'standby', 'clone', '-h', 'pg1', '--dry-run'], []],
    [
      ['patronictl', '-c', '/etc/patroni.yml', 'failover', '--candidate', 'pg2', '--force'],
      [['FAILOVER', 'CLUSTER']],
    ],
    [['patronictl', 'restart', 'prod', '--force'], [['SHUTDOWN', 'CLUSTER']]],
    [['patronictl', 'pause', 'prod'], [['NOFAILOVER', 'CLUSTER']]],
    [['patronictl', 'switchover', 'prod', '--candidate', 'pg2', '--force'], [['SWITCHOVER', 'CLUSTER']]],
    [['patronictl', 'list'], []],
    [['patronictl', 'resume', 'prod'], []],
    [['pg_autoctl', 'perform', 'failover', '--formation', 'default'], [['FAILOVER', 'CLUSTER']]],
    [['pg_autoctl', 'drop', 'node', '--destroy', '--pgdata', '/srv/pg'], [['DROP', 'DATABASE']]],
    [['pg_autoctl', 'show', 'state'], []],
    [['stolonctl', 'failkeeper', 'keeper1'], [['FAILOVER', 'CLUSTER']]],
    [['mysqlrpladmin', '--master=root@db1', 'failover'], [['FAILOVER', 'CLUSTER']]],
    [['maxctrl', 'call', 'command', 'mariadbmon', 'failover', 'MariaDB-Monitor'], [['FAILOVER', 'CLUSTER']]],
    [['maxctrl', 'list', 'servers'], undefined],
    [['psql'], undefined],
  ])('%j', (argv, expected) => {
    expect(read(argv)).toEqual(expected);
  });
});
