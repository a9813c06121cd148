/** Apache Pinot's admin tool (src/extract/sql-pinot.ts): the statements its commands amount to. */
import { command } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import { parsePinotAdmin } from '../../src/extract/sql-pinot.js';

const read = (argv: string[]) =>
  parsePinotAdmin(command(argv))?.stmts.map((s) => [s.statement, s.object, s.name]);

const HOST = ['-controllerHost', 'pinot-controller.example.internal', '-controllerPort', '9000'];

describe('pinot-admin commands that drop or take a table offline', () => {
  it.each<[string[], string[][] | undefined]>([
    [
      ['pinot-admin.sh', 'ChangeTableState', ...HOST, '-tableName', 'orders_OFFLINE', '-state', 'drop'],
      [['DROP', 'TABLE', 'orders_OFFLINE']],
    ],
    [
      ['pinot-admin', 'changetablestate', '-tablename', 't', '-state', 'DISABLE'],
      [['SHUTDOWN', 'TABLE', 't']],
    ],
    [
      ['pinot-admin.sh', 'DeleteTable', '-tableName', 'orders', '-type', 'OFFLINE', ...HOST, '-exec'],
      [['DROP', 'TABLE', 'orders']],
    ],
    [
      ['pinot-admin.sh', 'DeleteClusterCommand', '-clusterName', 'PinotCluster'],
      [['DROP', 'DATABASE', 'PinotCluster']],
    ],
    // allowed: enabling, a delete without -exec (only said), other commands, other programs
    [['pinot-admin.sh', 'ChangeTableState', '-tableName', 't', '-state', 'enable'], []],
    [['pinot-admin.sh', 'DeleteTable', '-tableName', 'orders', '-type', 'OFFLINE'], []],
    [['pinot-admin.sh', 'AddTable', '-tableConfigFile', 't.json', '-exec'], []],
    [['pinot-admin.sh', 'PostQuery', '-query', 'select count(*) from t'], []],
    [['pinot-server', 'ChangeTableState', '-state', 'drop'], undefined],
  ])('%j', (argv, want) => expect(read(argv)).toEqual(want));
});
