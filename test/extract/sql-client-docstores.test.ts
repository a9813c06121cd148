import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { SqlFact } from '../../src/engine/types.js';
import { extractSql } from '../../src/extract/sql.js';

const ctx = analyzeContext(WS, {
  readFile: (p) => (p === '/ws/purge.n1ql' ? 'DELETE FROM `events`;' : undefined),
});
const facts = (argv: string[]) =>
  (extractSql(command(argv), ctx, []) as SqlFact[]).map((f) => [f.tool, f.statement, f.name, f.where]);

describe('document and key-value stores whose clients run a SQL dialect', () => {
  it.each<[string[], (string | boolean)[][]]>([
    [
      [
        'cbq',
        '-e',
        'couchbase://cb.prod',
        '-u',
        'Administrator',
        '-p',
        '$CB_PASS',
        '-s',
        'DELETE FROM `orders`;',
      ],
      [['cbq', 'DELETE', 'orders', false]],
    ],
    [['cbq', '-engine=couchbase://cb', '-script=DELETE FROM b', '-advise'], [['cbq', 'DELETE', 'b', false]]],
    [['cbq', '--script', 'DROP INDEX `orders`.idx_created'], [['cbq', 'DROP', 'orders', true]]],
    [['cbq', '-f', 'purge.n1ql'], [['cbq', 'DELETE', 'events', false]]],
    [['cbq', '-f', 'missing.n1ql'], [['cbq', 'UNKNOWN', '-f missing.n1ql', true]]],
    [
      ['cbc', 'n1ql', 'DELETE FROM orders', '-U', 'couchbase://cb/shop'],
      [['cbc', 'DELETE', 'orders', false]],
    ],
    [['aql', '-h', 'aerospike.prod', '-c', 'TRUNCATE test.demo'], [['aql', 'TRUNCATE', 'test.demo', true]]],
    // Reads, a targeted delete, grouped value-less options: no destructive statement.
    [
      ['cbq', '-e', 'couchbase://cb', '-s', 'SELECT * FROM `orders` LIMIT 5', '-pretty'],
      [['cbq', 'SELECT', '', true]],
    ],
    [['cbq', '-e', 'couchbase://cb', '-pretty', '-quiet'], []],
    [['cbq', '-s', "DELETE FROM orders WHERE id = 'o-1'"], [['cbq', 'DELETE', 'orders', true]]],
    [['aql', '-c', "DELETE FROM test.demo WHERE PK = 'k1'"], [['aql', 'DELETE', 'test.demo', true]]],
    [['cbc', 'cat', 'user::1'], []],
  ])('%j', (argv, want) => {
    expect(facts(argv)).toEqual(want);
  });
});
