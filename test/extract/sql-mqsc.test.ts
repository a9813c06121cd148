import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { StdinSource } from '../../src/engine/types.js';
import { parseMqsc } from '../../src/extract/sql-mqsc.js';

const ctx = analyzeContext(WS, { readFile: () => undefined });
const read = (argv: string[], stdin?: StdinSource) =>
  parseMqsc(command(argv, { stdin }), ctx)?.stmts.map((s) => [s.statement, s.object, s.name]);
const pipe = (text: string): StdinSource => ({ kind: 'pipe', text });

describe('IBM MQ runmqsc: what its commands delete', () => {
  it.each<[string[], StdinSource | undefined, string[][] | undefined]>([
    [['runmqsc', 'QM1'], pipe('CLEAR QLOCAL(ORDERS.IN)\n'), [['TRUNCATE', 'QUEUE', 'ORDERS.IN']]],
    [['runmqsc', 'QM1'], pipe('clear ql(orders.in)'), [['TRUNCATE', 'QUEUE', 'orders.in']]],
    [['runmqsc', 'QM1'], pipe('DELETE QLOCAL(ORDERS.IN) PURGE'), [['DROP', 'QUEUE', 'ORDERS.IN']]],
    [['runmqsc', '-e', 'QM1'], pipe('DELETE CHANNEL(TO.QM2)'), [['DROP', 'CHANNEL', 'TO.QM2']]],
    [['runmqsc', 'QM1'], pipe("CLEAR TOPICSTR('prices/#')"), [['TRUNCATE', 'TOPIC', 'prices/#']]],
    // continuation lines and comments
    [
      ['runmqsc', 'QM1'],
      pipe('* tidy up\nALTER QLOCAL(A) +\n  MAXDEPTH(5000)\nDELETE +\n  QLOCAL(B)\n'),
      [['DROP', 'QUEUE', 'B']],
    ],
    // fail closed: commands from a file that cannot be read
    [['runmqsc', 'QM1'], { kind: 'file', path: '/ws/missing.mqsc' }, [['UNKNOWN', '', 'stdin']]],
    // Reads, definitions, verification only (-v), an interactive session, another program.
    [['runmqsc', 'QM1'], pipe('DISPLAY QLOCAL(ORDERS.IN) CURDEPTH'), []],
    [['runmqsc', 'QM1'], pipe('DEFINE QLOCAL(ORDERS.DLQ) REPLACE'), []],
    [['runmqsc', '-v', 'QM1'], pipe('DELETE QLOCAL(ORDERS.IN)'), []],
    [['runmqsc', 'QM1'], undefined, []],
    // dltmqm deletes the whole queue manager
    [['dltmqm', 'QM1'], undefined, [['DROP', 'QUEUE MANAGER', 'QM1']]],
    [['dltmqm', '-z', 'QM1'], undefined, [['DROP', 'QUEUE MANAGER', 'QM1']]],
    [['dspmq'], undefined, undefined],
  ])('%j %j', (argv, stdin, want) => {
    expect(read(argv, stdin)).toEqual(want);
  });
});
