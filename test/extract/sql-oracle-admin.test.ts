import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { StdinSource } from '../../src/engine/types.js';
import { parseOracleAdmin } from '../../src/extract/sql-oracle-admin.js';

const FILES: Record<string, string> = {
  '/ws/replace.par': '# nightly refresh\nDIRECTORY=DP_DIR\nDUMPFILE=hr.dmp\nTABLE_EXISTS_ACTION=REPLACE\n',
  '/ws/skip.par': 'DIRECTORY=DP_DIR\nDUMPFILE=hr.dmp\nSCHEMAS=HR\n',
  '/ws/remove.dgm': 'SHOW CONFIGURATION;\nREMOVE DATABASE stby2;\n',
  '/ws/spaced.par': 'SCHEMAS = HR\nTABLE_EXISTS_ACTION = TRUNCATE\n',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const read = (argv: string[], stdin?: StdinSource) =>
  parseOracleAdmin(command(argv, { stdin }), ctx)?.stmts.map((s) => [s.statement, s.object, s.name]);
const pipe = (text: string): StdinSource => ({ kind: 'pipe', text });

describe('Oracle admin tools: what they replace, remove, stop or fail over', () => {
  it.each<[string[], StdinSource | undefined, string[][] | undefined]>([
    // Data Pump import: replace drops and recreates, truncate empties
    [
      [
        'impdp',
        'system@PRODDB',
        'directory=DP_DIR',
        'dumpfile=hr.dmp',
        'schemas=HR',
        'table_exists_action=replace',
      ],
      undefined,
      [['DROP', 'TABLE', 'HR']],
    ],
    [
      ['impdp', 'admin/x@PROD', 'TABLES=sales.orders', 'TABLE_EXISTS_ACTION=TRUNCATE'],
      undefined,
      [['TRUNCATE', 'TABLE', 'sales.orders']],
    ],
    [
      ['impdp', 'system@PRODDB', 'full=y', 'table_exists_action=REPLACE'],
      undefined,
      [['DROP', 'TABLE', 'FULL']],
    ],
    [['impdp', 'userid=system@PRODDB', 'parfile=replace.par'], undefined, [['DROP', 'TABLE', '*']]],
    // the command line wins over the parameter file
    [['impdp', 'system@PRODDB', 'parfile=replace.par', 'table_exists_action=skip'], undefined, []],
    // fail closed: a parameter file not read
    [['impdp', 'system@PRODDB', 'parfile=missing.par'], undefined, [['UNKNOWN', '', 'missing.par']]],
    // kept: skip (the default), append, DDL written to a file, a parameter file without an action
    [['impdp', 'system@PRODDB', 'dumpfile=hr.dmp', 'table_exists_action=skip'], undefined, []],
    // a parameter file written `KEY = VALUE`; fail closed on an action only known at run time
    [['impdp', 'system@PRODDB', 'parfile=spaced.par'], undefined, [['TRUNCATE', 'TABLE', 'HR']]],
    [
      ['impdp', 'system@PRODDB', 'schemas=HR', 'table_exists_action=$ACT'],
      undefined,
      [['UNKNOWN', 'TABLE', 'HR']],
    ],
    [['impdp', 'system@PRODDB', 'dumpfile=hr.dmp', 'table_exists_action=append'], undefined, []],
    [
      ['impdp', 'system@PRODDB', 'dumpfile=hr.dmp', 'sqlfile=ddl.sql', 'table_exists_action=replace'],
      undefined,
      [],
    ],
    [['impdp', 'system@PRODDB', 'parfile=skip.par'], undefined, []],
    [['expdp', 'system@PRODDB', 'schemas=HR', 'dumpfile=hr.dmp'], undefined, undefined],
    // Data Guard broker
    [
      ['dgmgrl', 'sys/pw@prod_primary', 'REMOVE DATABASE prod_standby;'],
      undefined,
      [['DROP', 'BROKER DATABASE', 'prod_standby']],
    ],
    [['dgmgrl', '/', 'remove configuration'], undefined, [['DROP', 'BROKER CONFIGURATION', '']]],
    [
      ['dgmgrl', '-silent', 'sys@dr', 'failover to dr_site immediate'],
      undefined,
      [['FAILOVER', 'DATABASE', 'dr_site']],
    ],
    [
      ['dgmgrl', 'sys@prod'],
      pipe('SHOW CONFIGURATION;\nFAILOVER TO stby;\n'),
      [['FAILOVER', 'DATABASE', 'stby']],
    ],
    [['dgmgrl', 'sys@prod', '@remove.dgm'], undefined, [['DROP', 'BROKER DATABASE', 'stby2']]],
    // fail closed: a script or stdin not read
    [['dgmgrl', 'sys@prod', '@missing.dgm'], undefined, [['UNKNOWN', '', '@missing.dgm']]],
    [['dgmgrl', 'sys@prod'], { kind: 'file', path: '/ws/missing.dgm' }, [['UNKNOWN', '', 'stdin']]],
    // kept: showing, validating, a planned switchover; the logon alone
    [['dgmgrl', 'sys@prod', 'SHOW CONFIGURATION'], undefined, []],
    [['dgmgrl', '-logfile', 'REMOVE', 'sys@prod', 'VALIDATE DATABASE stby'], undefined, []],
    [['dgmgrl', 'sys@prod', 'SWITCHOVER TO stby'], undefined, []],
    [['dgmgrl', 'REMOVE DATABASE x'], undefined, []],
    // Clusterware: stops of a database, an instance or the stack; removals from its registry
    [
      ['srvctl', 'stop', 'database', '-db', 'PRODDB', '-stopoption', 'ABORT', '-force'],
      undefined,
      [['SHUTDOWN', 'DATABASE', 'PRODDB']],
    ],
    [['srvctl', 'stop', 'database', '-d', 'PRODDB'], undefined, [['SHUTDOWN', 'DATABASE', 'PRODDB']]],
    [
      ['srvctl', 'stop', 'instance', '-db', 'PRODDB', '-instance', 'PRODDB1'],
      undefined,
      [['SHUTDOWN', 'INSTANCE', 'PRODDB']],
    ],
    [['srvctl', 'stop', 'asm', '-force'], undefined, [['SHUTDOWN', 'INSTANCE', '']]],
    [
      ['srvctl', 'remove', 'database', '-db', 'PRODDB', '-noprompt'],
      undefined,
      [['DROP', 'CLUSTER DATABASE', 'PRODDB']],
    ],
    [['crsctl', 'stop', 'cluster', '-all', '-f'], undefined, [['SHUTDOWN', 'CLUSTER', 'cluster']]],
    [['crsctl', 'stop', 'crs'], undefined, [['SHUTDOWN', 'CLUSTER', 'cluster']]],
    [
      ['crsctl', 'delete', 'resource', 'ora.app.vip', '-f'],
      undefined,
      [['DROP', 'CLUSTER RESOURCE', 'ora.app.vip']],
    ],
    // kept: status, configuration, starts, stopping a listener
    [['srvctl', 'status', 'database', '-db', 'PRODDB'], undefined, []],
    [['srvctl', 'config', 'database', '-d', 'PRODDB'], undefined, []],
    [['srvctl', 'start', 'database', '-db', 'PRODDB'], undefined, []],
    [['srvctl', 'stop', 'listener', '-listener', 'LISTENER'], undefined, []],
    [['crsctl', 'stat', 'res', '-t'], undefined, []],
    [['sqlplus', '/', 'as', 'sysdba'], undefined, undefined],
  ])('%j %j', (argv, stdin, want) => {
    expect(read(argv, stdin)).toEqual(want);
  });
});
