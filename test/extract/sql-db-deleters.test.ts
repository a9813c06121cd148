import { describe, expect, it } from 'vitest';
import { dbDeleterOps } from '../../src/extract/sql-db-deleters.js';
import { packVerdict } from '../helpers/command.js';

describe('database-deleting utilities, read as the statement they amount to', () => {
  it.each<[string[], string[][]]>([
    [['prodel', '/db/prod/sports2000'], [['DROP', 'DATABASE', '/db/prod/sports2000']]],
    [['_dbutil', 'prodel', 'orders'], [['DROP', 'DATABASE', 'orders']]],
    [['destroydb', '-s', 'ledger'], [['DROP', 'DATABASE', 'ledger']]],
    [['dberase', '-y', 'sales.db'], [['DROP', 'DATABASE', 'sales.db']]],
    [['ttDestroy', '-force', 'prod_ds'], [['DROP', 'DATABASE', 'prod_ds']]],
    [['dbmcli', '-d', 'PRD', '-u', 'control,x', 'db_drop'], [['DROP', 'DATABASE', 'PRD']]],
    [['proutil', 'sports', '-C', 'truncate', 'area', 'Customer'], [['TRUNCATE', 'TABLE', 'Customer']]],
    // the before-image log truncated, a database created or copied: nothing deleted
    [['proutil', 'sports', '-C', 'truncate', 'bi'], []],
    [['prodb', 'newdb', 'empty'], []],
    [['dbmcli', '-d', 'PRD', 'db_state'], []],
  ])('%j', (argv, want) => {
    const prog = argv[0];
    expect(dbDeleterOps(prog, argv.slice(1)).map((o) => [o.statement, o.object, o.name])).toEqual(want);
  });
});

describe('database-deleting utilities through the pipeline', () => {
  const verdict = packVerdict('databases');
  it.each<[string, string]>([
    ['prodel /db/prod/sports2000', 'ask databases/drop-database'],
    ['destroydb ledger', 'ask databases/drop-database'],
    ['proutil /db/prod/sports -C truncate area Customer_Data', 'ask databases/truncate'],
    ['prodb /tmp/scratch/newdb empty', 'allow'],
  ])('%s', async (cmd, want) => {
    expect((await verdict)(cmd)).toBe(want);
  });
});
