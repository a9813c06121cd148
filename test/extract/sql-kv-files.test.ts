import { command } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import { parseKvFiles } from '../../src/extract/sql-kv-files.js';

const read = (argv: string[]) =>
  parseKvFiles(command(argv))?.stmts.map((s) => [s.statement, s.object, s.name, s.where]);

describe('managers of embedded key-value database files: what they delete', () => {
  it.each<[string[], (string | boolean)[][] | undefined]>([
    // Kyoto Cabinet: clear empties the file, remove deletes the keys named, -otr truncates on open
    [
      ['kctreemgr', 'clear', '/var/lib/app/casket.kct'],
      [['TRUNCATE', 'TABLE', '/var/lib/app/casket.kct', true]],
    ],
    [['kchashmgr', 'remove', '/data/cache.kch', 'user:42'], [['DELETE', 'TABLE', '/data/cache.kch', true]]],
    [['kcpolymgr', 'set', '-otr', 'casket.kch', 'k', 'v'], [['TRUNCATE', 'TABLE', 'casket.kch', true]]],
    // Tokyo Cabinet and Tyrant: vanish empties, out deletes a key, a table search with -rm deletes what it matches
    [['tcamgr', 'vanish', 'casket.tch'], [['TRUNCATE', 'TABLE', 'casket.tch', true]]],
    [['tcrmgr', 'vanish', 'cache1.internal'], [['TRUNCATE', 'TABLE', 'cache1.internal', true]]],
    [['tchmgr', 'out', '/data/store.tch', 'session:1'], [['DELETE', 'TABLE', '/data/store.tch', true]]],
    [['tctmgr', 'search', '-rm', '/data/users.tct'], [['DELETE', 'TABLE', '/data/users.tct', false]]],
    [
      ['tctmgr', 'search', '-rm', '-m', '10', '/data/users.tct', 'name', 'STREQ', 'bob'],
      [['DELETE', 'TABLE', '/data/users.tct', true]],
    ],
    // LMDB: mdb_drop empties, -d deletes
    [['mdb_drop', '/var/lib/app/data.mdb'], [['TRUNCATE', 'TABLE', '/var/lib/app/data.mdb', true]]],
    [['mdb_drop', '-d', '-s', 'sessions', '/var/lib/app/data.mdb'], [['DROP', 'TABLE', 'sessions', true]]],
    // reads and writes that keep data; other programs
    [['kctreemgr', 'list', '/var/lib/app/casket.kct'], []],
    [['kchashmgr', 'get', '/data/cache.kch', 'user:42'], []],
    [['tchmgr', 'inform', '/data/store.tch'], []],
    [['tctmgr', 'search', '/data/users.tct', 'name', 'STREQ', 'bob'], []],
    [['mdb_stat', '-a', '/var/lib/app/data.mdb'], undefined],
    [['kcat', '-b', 'broker:9092', '-L'], undefined],
  ])('%j', (argv, want) => {
    expect(read(argv)).toEqual(want);
  });
});
