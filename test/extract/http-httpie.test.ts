import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import { itemPath, parseHttpie } from '../../src/extract/http-httpie.js';

const ctx = analyzeContext(WS, { readFile: () => undefined });

describe('httpie nested item keys', () => {
  it.each<[string, (string | number)[] | undefined]>([
    ['sql', undefined],
    ['args[sql]', ['args', 'sql']],
    ['a[0][b]', ['a', 0, 'b']],
    ['tags[]', ['tags', '']],
    ['odd[key', undefined],
  ])('%s', (key, want) => {
    expect(itemPath(key)).toEqual(want);
  });
});

describe('httpie/xh JSON body built from items', () => {
  it.each<[string[], unknown]>([
    [
      [
        'http',
        'POST',
        'h.example.io/v2/query',
        'type=run_sql',
        'args[sql]=DROP TABLE t',
        'args[source]=default',
      ],
      { type: 'run_sql', args: { sql: 'DROP TABLE t', source: 'default' } },
    ],
    [['xh', 'POST', 'h.example.io/x', 'ids[]=a', 'ids[]=b'], { ids: ['a', 'b'] }],
    [['xh', 'POST', 'h.example.io/x', 'rows[0][id]=1'], { rows: [{ id: '1' }] }],
    [['http', 'POST', 'h.example.io/x', 'n:=3', 'name=x'], { n: 3, name: 'x' }],
  ])('%j', (argv, want) => {
    const [req] = parseHttpie(command(argv), ctx);
    expect(JSON.parse(req.body ?? '')).toEqual(want);
  });
});
