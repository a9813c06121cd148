import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import { parseGpstop, parsePgCtl, parsePgCtlcluster } from '../../src/extract/sql-stops-postgres.js';

const ctx = analyzeContext(WS);
const read = (argv: string[], dynamicArgs: number[] = []) => {
  const cmd = command(argv, { dynamicArgs });
  return (parsePgCtl(cmd, ctx) ?? parsePgCtlcluster(cmd) ?? parseGpstop(cmd))?.stmts.map((s) => [
    s.statement,
    s.object,
    s.name,
  ]);
};

describe("PostgreSQL's server controls: what they stop or promote", () => {
  it.each<[string[], string[][] | undefined]>([
    // a server's data directory: stop and restart in any mode, kill by a stopping signal
    [
      ['pg_ctl', '-D', '/var/lib/postgresql/16/main', 'stop', '-m', 'immediate'],
      [['SHUTDOWN', 'INSTANCE', '/var/lib/postgresql/16/main']],
    ],
    [['pg_ctl', 'restart', '--pgdata=/srv/pg/data', '-mfast'], [['SHUTDOWN', 'INSTANCE', '/srv/pg/data']]],
    [['pg_ctl', 'stop'], [['SHUTDOWN', 'INSTANCE', '']]],
    [['pg_ctl', 'kill', 'KILL', '4242'], [['SHUTDOWN', 'INSTANCE', '4242']]],
    [['pg_ctl', 'promote', '-D', '/srv/pg/standby'], [['FAILOVER', 'DATABASE', '/srv/pg/standby']]],
    // fail closed: a data directory only known at run time
    [['pg_ctl', '-D', '$PGDATA', 'stop'], [['SHUTDOWN', 'INSTANCE', '$PGDATA']]],
    // kept: reads, starts, reloads, a signal that only reloads, the project's or a test run's own server
    [['pg_ctl', '-D', '/var/lib/postgresql/16/main', 'status'], []],
    [['pg_ctl', '-D', '/var/lib/postgresql/16/main', '-l', 'log', 'start'], []],
    [['pg_ctl', 'reload', '-D', '/srv/pg/data'], []],
    [['pg_ctl', 'kill', 'HUP', '4242'], []],
    [['pg_ctl', '-D', './.pgdata', 'stop', '-m', 'fast'], []],
    [['pg_ctl', '-D', '/tmp/pgtest', 'stop'], []],
    // Debian's wrapper
    [['pg_ctlcluster', '16', 'main', 'stop', '--force'], [['SHUTDOWN', 'INSTANCE', '16/main']]],
    [['pg_ctlcluster', '-m', 'immediate', '14/main', 'restart'], [['SHUTDOWN', 'INSTANCE', '14/main']]],
    [['pg_ctlcluster', '16', 'main', 'promote'], [['FAILOVER', 'DATABASE', '16/main']]],
    [['pg_ctlcluster', '16', 'main', 'status'], []],
    // Greenplum: the whole cluster, unless -u only reloads its configuration
    [['gpstop', '-M', 'immediate', '-a'], [['SHUTDOWN', 'CLUSTER', 'cluster']]],
    [['gpstop', '-u'], []],
    // not these programs
    [['psql', '-c', 'select 1'], undefined],
  ])('%j', (argv, expected) => {
    expect(read(argv, argv.includes('$PGDATA') ? [argv.indexOf('$PGDATA')] : [])).toEqual(expected);
  });
});
