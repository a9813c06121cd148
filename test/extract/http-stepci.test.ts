/**
 * Step CI workflows read as HTTP requests (src/extract/http-stepci.ts): each http step's
 * method, URL and body (a GraphQL step's document), and an unknown request for a workflow
 * not readable here.
 */
import { describe, expect, it } from 'vitest';
import type { HttpFact } from '../../src/engine/types.js';
import { extractHttp } from '../../src/extract/http.js';
import { analyzeContext, command, WS } from '../helpers/command.js';

const FILES: Record<string, string> = {
  [`${WS}/wipe.yml`]: [
    'version: "1.1"',
    'tests:',
    '  wipe:',
    '    steps:',
    '      - name: delete all orders',
    '        http:',
    '          url: https://hasura.example.net/v1/graphql',
    '          method: POST',
    '          graphql:',
    '            query: |',
    '              mutation { delete_orders(where: {}) { affected_rows } }',
    '',
  ].join('\n'),
  [`${WS}/workflow.yml`]: [
    'version: "1.1"',
    'tests:',
    '  health:',
    '    steps:',
    '      - http:',
    '          url: http://localhost:3000/healthz',
    '          check:',
    '            status: 200',
    '      - http:',
    '          url: https://api.example.net/v1/items/1',
    '          method: DELETE',
    '',
  ].join('\n'),
  [`${WS}/broken.yml`]: 'tests: [\n',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const facts = (argv: string[]) => extractHttp(command(argv, { span: [0, 1] }), ctx, []);
const requests = (argv: string[]) =>
  (facts(argv).filter((f) => f.kind === 'http') as Omit<HttpFact, 'command'>[]).map(
    (f) => `${f.method} ${f.host}${f.path}`,
  );

describe('stepci → the requests of its workflow', () => {
  it.each<[string[], string[]]>([
    [['stepci', 'run', 'wipe.yml', '--env', 'X=1'], ['POST hasura.example.net/v1/graphql']],
    [
      ['stepci', 'run'],
      ['GET localhost/healthz', 'DELETE api.example.net/v1/items/1'],
    ],
    // fail closed: a workflow that cannot be parsed or read
    [['stepci', 'run', 'broken.yml'], ['UNKNOWN ']],
    [['stepci', 'run', 'missing.yml'], ['UNKNOWN ']],
    // not a run
    [['stepci', 'init'], []],
  ])('%j', (argv, want) => expect(requests(argv)).toEqual(want));

  it('reads the GraphQL operation of a step', () => {
    expect(facts(['stepci', 'run', 'wipe.yml']).some((x) => x.kind === 'graphql')).toBe(true);
  });
});
