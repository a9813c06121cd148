/**
 * Caches flushed or commanded over a raw socket (src/extract/sql-cache.ts): flush lines to
 * any port, and every inline command sent to Redis's port read as redis-cli reads stdin.
 */
import { describe, expect, it } from 'vitest';
import type { NormalizedCommand } from '../../src/engine/types.js';
import { parseCacheFlush } from '../../src/extract/sql-cache.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();
const pipe = (text: string): Partial<NormalizedCommand> => ({ stdin: { kind: 'pipe', text } });
const stmts = (argv: string[], extra: Partial<NormalizedCommand>) =>
  parseCacheFlush(command(argv, extra), ctx)?.stmts.map((s) => `${s.statement} ${s.name}`.trim());

describe('raw socket → cache statements', () => {
  it.each<[string, string[], Partial<NormalizedCommand>, string[] | undefined]>([
    ['redis FLUSHALL', ['nc', 'redis', '6379'], pipe('FLUSHALL\r\n'), ['FLUSHALL']],
    ['memcached flush_all', ['nc', 'cache', '11211'], pipe('flush_all\n'), ['FLUSHALL']],
    ['redis SHUTDOWN on its port', ['nc', 'redis', '6379'], pipe('SHUTDOWN NOSAVE\r\n'), ['SHUTDOWN NOSAVE']],
    [
      'redis DEL over socat',
      ['socat', '-', 'TCP:redis:6379'],
      pipe('DEL session:1\r\nQUIT\r\n'),
      ['DEL session:1', 'QUIT'],
    ],
    ['redis PING', ['nc', 'redis', '6379'], pipe('PING\n'), ['PING']],
    // option values are not operands; socat's valued options and address spellings
    ['nc -w 1', ['nc', '-w', '1', 'cache', '6379'], pipe('SHUTDOWN NOSAVE\r\n'), ['SHUTDOWN NOSAVE']],
    ['ncat --wait 2', ['ncat', '--wait', '2', 'cache', '6379'], pipe('FLUSHDB\r\n'), ['FLUSHDB']],
    [
      'socat -t 5 tcp-connect',
      ['socat', '-t', '5', '-', 'tcp-connect:cache:6379'],
      pipe('CONFIG SET dir /tmp\r\n'),
      ['CONFIG SET dir /tmp'],
    ],
    [
      'socat -d -d TCP4-CONNECT',
      ['socat', '-d', '-d', '-', 'TCP4-CONNECT:cache:6379'],
      pipe('SHUTDOWN\r\n'),
      ['SHUTDOWN'],
    ],
    ['socat TCP6', ['socat', '-lf', 'log', '-', 'TCP6:[::1]:6379'], pipe('FLUSHALL\r\n'), ['FLUSHALL']],
    ['nc -w 1 PING', ['nc', '-w', '1', 'cache', '6379'], pipe('PING\r\n'), ['PING']],
    ['nc -w 6379 to another port', ['nc', '-w', '6379', 'cache', '9000'], pipe('SHUTDOWN\r\n'), undefined],
    // not Redis's port and no flush: not a cache's business; HTTP to 6379 is not Redis's
    ['other port', ['nc', 'host', '9000'], pipe('SHUTDOWN\n'), undefined],
    ['HTTP text', ['nc', 'redis', '6379'], pipe('GET / HTTP/1.1\r\n\r\n'), undefined],
    ['text not known', ['nc', 'redis', '6379'], { stdin: { kind: 'pipe' } }, undefined],
  ])('%s', (_name, argv, extra, want) => expect(stmts(argv, extra)).toEqual(want));
});
