import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { SqlFact, StdinSource } from '../../src/engine/types.js';
import { extractSql } from '../../src/extract/sql.js';
import { luaStatements } from '../../src/extract/sql-redis-lua.js';
import { wireRedisFacts } from '../../src/extract/sql-wire.js';

const FILES: Record<string, string> = {
  '/ws/purge.lua': "for _, k in ipairs(ARGV) do redis.call('UNLINK', k) end",
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const facts = (argv: string[], stdin?: StdinSource) =>
  (extractSql(command(argv, { stdin }), ctx, []) as SqlFact[]).map((f) => [f.statement, f.name, f.where]);

const LOOP = "for _,k in ipairs(redis.call('KEYS','*')) do redis.call('DEL',k) end return 1";

describe('commands a Redis Lua script calls', () => {
  it.each<[string, (string | boolean)[][]]>([
    [
      LOOP,
      [
        ['KEYS', '*', true],
        ['DEL', '*', false],
      ],
    ],
    ["redis.call('FLUSHALL')", [['FLUSHALL', '', true]]],
    ["return redis.pcall('flushdb', 'async')", [['FLUSHDB', 'async', true]]],
    ["server.call('UNLINK', KEYS[1])", [['UNLINK', 'KEYS[1]', true]]],
    ["redis.call('DEL', 'session:42')", [['DEL', 'session:42', true]]],
    ['local c = ARGV[1]; redis.call(c, KEYS[1])', [['UNKNOWN', 'a Redis command chosen at run time', true]]],
    ["-- redis.call('FLUSHALL')\nreturn redis.call('GET', KEYS[1])", [['GET', 'KEYS[1]', true]]],
    ['return 1', []],
  ])('%s', (script, want) => {
    expect(luaStatements(script).map((s) => [s.statement, s.name, s.where])).toEqual(want);
  });
});

describe('redis-cli EVAL and --eval', () => {
  it.each<[string[], StdinSource | undefined, (string | boolean)[][]]>([
    [
      ['redis-cli', '-h', 'cache.prod', 'EVAL', LOOP, '0'],
      undefined,
      [
        ['KEYS', '*', true],
        ['DEL', '*', false],
      ],
    ],
    [['valkey-cli', 'eval', "return redis.call('FLUSHALL')", '0'], undefined, [['FLUSHALL', '', true]]],
    [['redis-cli', '--eval', 'purge.lua', 'a', ',', 'b'], undefined, [['UNLINK', '*', false]]],
    [['redis-cli', '--eval', 'gone.lua'], undefined, [['UNKNOWN', '--eval gone.lua', true]]],
    [
      ['redis-cli'],
      { kind: 'heredoc', text: `EVAL "${LOOP}" 0\n` },
      [
        ['KEYS', '*', true],
        ['DEL', '*', false],
      ],
    ],
    [
      ['redis-cli', 'EVAL', "return redis.call('GET', KEYS[1])", '1', 'user:1'],
      undefined,
      [['GET', 'KEYS[1]', true]],
    ],
    [['redis-cli', 'EVALSHA', 'abc123', '0'], undefined, [['EVALSHA', 'abc123 0', true]]],
  ])('%j', (argv, stdin, want) => {
    expect(facts(argv, stdin)).toEqual(want);
  });
  it('EVAL on the wire reads the script too', () => {
    const fs = wireRedisFacts(['EVAL', "redis.call('FLUSHDB')", '0'], 'redis://127.0.0.1:6379');
    expect(fs.map((f) => (f as SqlFact).statement)).toEqual(['FLUSHDB']);
  });
});
