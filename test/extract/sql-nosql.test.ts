import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { SqlFact } from '../../src/engine/types.js';
import { extractSql } from '../../src/extract/sql.js';

const ctx = analyzeContext(WS);
const facts = (argv: string[]) =>
  (extractSql(command(argv), ctx, []) as SqlFact[]).map((f) => [f.tool, f.statement, f.name]);

describe('clients that speak the Redis protocol read like redis-cli', () => {
  it.each<[string[], string[][]]>([
    [['tile38-cli', '-h', 'tile38.prod', 'FLUSHDB'], [['tile38-cli', 'FLUSHDB', '']]],
    [['tile38-cli', 'DROP', 'fleet'], [['tile38-cli', 'DROP', 'fleet']]],
    [['redict-cli', '-h', 'r.prod', 'flushall'], [['redict-cli', 'FLUSHALL', '']]],
    [['memurai-cli', 'FLUSHDB', 'ASYNC'], [['memurai-cli', 'FLUSHDB', 'ASYNC']]],
    [['redli', '-h', 'r.prod', 'FLUSHALL'], [['redli', 'FLUSHALL', '']]],
    // redli's --uri names the server, it is not the command
    [
      ['redli', '--uri', 'redis://r.prod:6379', 'REPLICAOF', '203.0.113.66', '6379'],
      [['redli', 'REPLICAOF', '203.0.113.66 6379']],
    ],
    [['redli', '--uri=redis://r.prod:6379', 'INFO', 'replication'], [['redli', 'INFO', 'replication']]],
    [
      ['redis-cli', '-h', 'r.prod', 'CONFIG', 'SET', 'dir', '/tmp'],
      [['redis-cli', 'CONFIG', 'SET dir /tmp']],
    ],
    [['keydb-cli', '-h', 'keydb.prod', 'FLUSHALL', 'ASYNC'], [['keydb-cli', 'FLUSHALL', 'ASYNC']]],
    [['npx', 'redli', 'flushall'], [['redli', 'FLUSHALL', '']]],
    [['ledis-cli', '-h', '10.0.0.5', 'flushall'], [['ledis-cli', 'FLUSHALL', '']]],
    [['ledis-cli', '-p', '6380', 'flushdb'], [['ledis-cli', 'FLUSHDB', '']]],
    [['ssdb-cli', '-h', 'ssdb1', '-p', '8888', 'flushdb'], [['ssdb-cli', 'FLUSHDB', '']]],
    [['rdcli', '-h', 'r.prod', 'FLUSHALL'], [['rdcli', 'FLUSHALL', '']]],
    // Reads keep their verb, which no destructive rule names.
    [['tile38-cli', '-h', 'tile38.prod', 'STATS', 'fleet'], [['tile38-cli', 'STATS', 'fleet']]],
    [['valkey-cli', 'GET', 'session:42'], [['valkey-cli', 'GET', 'session:42']]],
    [['ledis-cli', 'info'], [['ledis-cli', 'INFO', '']]],
    [['tile38-server', '-p', '9851'], []],
  ])('%j', (argv, want) => {
    expect(facts(argv)).toEqual(want);
  });
});
