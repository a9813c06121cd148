import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { StdinSource } from '../../src/engine/types.js';
import { parseKvAdmin } from '../../src/extract/sql-kv-admin.js';

const ctx = analyzeContext(WS);
const read = (argv: string[], stdin?: StdinSource) =>
  parseKvAdmin(command(argv, { stdin }), ctx)?.stmts.map((s) => [s.statement, s.object, s.name, s.where]);

describe('key-value admin shells: what their text commands delete', () => {
  it.each<[string[], StdinSource | undefined, (string | boolean)[][] | undefined]>([
    [
      ['fdbcli', '-C', '/etc/fdb.cluster', '--exec', 'writemode on; clearrange "" \\xff'],
      undefined,
      [['DELETE', 'KEYS', '"" \\xff', false]],
    ],
    [
      ['fdbcli', '--exec=writemode on; clearrange \\x00 users0'],
      undefined,
      [['DELETE', 'KEYS', '\\x00 users0', false]],
    ],
    [
      ['fdbcli', '--exec', 'writemode on; clearrange users/ users0'],
      undefined,
      [['DELETE', 'KEYS', 'users/ users0', true]],
    ],
    [['fdbcli', '--exec', 'writemode on; clear users/42'], undefined, [['DELETE', 'KEYS', 'users/42', true]]],
    [
      ['fdbcli'],
      { kind: 'pipe', text: 'writemode on\nclearrange "" \\xff\n' } as StdinSource,
      [['DELETE', 'KEYS', '"" \\xff', false]],
    ],
    [['fdbcli'], { kind: 'pipe' } as StdinSource, [['UNKNOWN', '', 'stdin', true]]],
    [
      ['asinfo', '-h', 'aerospike.prod', '-v', 'truncate-namespace:namespace=sessions'],
      undefined,
      [['TRUNCATE', 'TABLE', 'namespace=sessions', true]],
    ],
    [
      ['asinfo', '-v', 'truncate:namespace=test;set=demo'],
      undefined,
      [['TRUNCATE', 'TABLE', 'namespace=test;set=demo', true]],
    ],
    [
      ['asinfo', '-v', 'sindex-delete:ns=test;indexname=idx'],
      undefined,
      [['DROP', 'INDEX', 'ns=test;indexname=idx', true]],
    ],
    [
      ['asadm', '-e', 'enable; manage truncate ns sessions'],
      undefined,
      [['TRUNCATE', 'TABLE', 'truncate ns sessions', true]],
    ],
    // Reads, undo, commands that fail without writemode on: nothing deleted.
    [['fdbcli', '--exec', 'status minimal'], undefined, []],
    [['fdbcli', '--exec', 'clearrange "" \\xff'], undefined, []],
    [['asinfo', '-v', 'namespaces'], undefined, []],
    [['asinfo', '-v', 'truncate-undo:namespace=test;set=demo'], undefined, []],
    [['asadm', '-e', 'manage truncate ns test undo'], undefined, []],
    [['asadm', '-e', 'info namespace'], undefined, []],
    [['redis-cli', 'FLUSHALL'], undefined, undefined],
  ])('%j', (argv, stdin, want) => {
    expect(read(argv, stdin)).toEqual(want);
  });
});
