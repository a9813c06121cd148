import { command } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import {
  parseFbsvcmgr,
  parseGfix,
  parseOnmode,
  parseOnspaces,
  parseOtherStops,
} from '../../src/extract/sql-stops-vendors.js';

const read = (argv: string[]) => {
  const cmd = command(argv);
  return (
    parseGfix(cmd) ??
    parseFbsvcmgr(cmd) ??
    parseOnmode(cmd) ??
    parseOnspaces(cmd) ??
    parseOtherStops(cmd)
  )?.stmts.map((s) => [s.statement, s.object, s.name]);
};

describe("Other database servers' controls: what they stop or drop", () => {
  it.each<[string[], string[][] | undefined]>([
    // Firebird: shut down (any mode, shortened or not), shadows killed
    [
      [
        'gfix',
        '-shut',
        'full',
        '-force',
        '0',
        '-user',
        'SYSDBA',
        '-password',
        'fake-pw',
        '/srv/fb/ledger.fdb',
      ],
      [['SHUTDOWN', 'DATABASE', '/srv/fb/ledger.fdb']],
    ],
    [['gfix', '-SH', '-tran', '60', 'erp'], [['SHUTDOWN', 'DATABASE', 'erp']]],
    [['gfix', '-kill', '/data/erp.fdb'], [['DROP', 'SHADOW', '/data/erp.fdb']]],
    [['gfix', '-v', '-full', '-user', 'SYSDBA', '/data/erp.fdb'], []],
    [['gfix', '-online', 'normal', '/data/erp.fdb'], []],
    [['gfix', '-sweep', '/data/erp.fdb'], []],
    [
      [
        'fbsvcmgr',
        'service_mgr',
        'action_properties',
        'dbname',
        '/data/erp.fdb',
        'prp_shutdown_mode',
        'prp_sm_full',
        'prp_force_shutdown',
        '0',
      ],
      [['SHUTDOWN', 'DATABASE', '/data/erp.fdb']],
    ],
    [
      [
        'fbsvcmgr',
        'service_mgr',
        'action_properties',
        'dbname',
        '/data/erp.fdb',
        'prp_db_online',
        'prp_sm_normal',
      ],
      [],
    ],
    // Informix: offline, immediate, graceful; grouped with y or not
    [['onmode', '-ky'], [['SHUTDOWN', 'INSTANCE', '']]],
    [['onmode', '-u', '-y'], [['SHUTDOWN', 'INSTANCE', '']]],
    [['onmode', '-sy'], [['SHUTDOWN', 'INSTANCE', '']]],
    [['onmode', '-d', 'make', 'primary', 'ids_hdr2'], [['FAILOVER', 'INSTANCE', 'ids_hdr2']]],
    [['onmode', '-c'], []],
    [['onmode', '-l'], []],
    [['onspaces', '-d', 'datadbs2', '-y'], [['DROP', 'DBSPACE', 'datadbs2']]],
    [['onspaces', '-d', 'datadbs2', '-p', '/dev/chk2', '-o', '0', '-y'], [['DROP', 'CHUNK', 'datadbs2']]],
    [['onspaces', '-c', '-d', 'datadbs3', '-p', '/dev/chk3', '-o', '0', '-s', '100000'], []],
    [['onspaces', '-a', 'datadbs2', '-p', '/dev/chk4', '-o', '0', '-s', '5000'], []],
    [['onparams', '-d', '-l', '7', '-y'], [['DROP', 'LOGICAL LOG', '7']]],
    [['onparams', '-a', '-d', 'logdbs', '-s', '10000'], []],
    // Db2, MongoDB, SAP, Oracle, Vertica
    [['db2stop', 'force'], [['SHUTDOWN', 'INSTANCE', '']]],
    [['mongod', '--shutdown', '--dbpath', '/var/lib/mongo'], [['SHUTDOWN', 'INSTANCE', '/var/lib/mongo']]],
    [['mongod', '--dbpath', '/var/lib/mongo'], undefined],
    [['sapcontrol', '-nr', '00', '-function', 'StopSystem'], [['SHUTDOWN', 'INSTANCE', '00']]],
    [['sapcontrol', '-nr', '00', '-function', 'GetProcessList'], []],
    [['HDB', 'stop'], [['SHUTDOWN', 'INSTANCE', '']]],
    [['HDB', 'info'], []],
    [['admintools', '-t', 'stop_db', '-d', 'vmart'], [['SHUTDOWN', 'DATABASE', 'vmart']]],
    [['admintools', '-t', 'view_cluster'], undefined],
  ])('%j', (argv, expected) => {
    expect(read(argv)).toEqual(expected);
  });
});
