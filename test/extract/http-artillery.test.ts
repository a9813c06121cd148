/**
 * Artillery scripts read as HTTP requests (src/extract/http-artillery.ts): each flow step's
 * method and URL (joined to the target), its body, and nothing for a script not readable here.
 */
import { describe, expect, it } from 'vitest';
import type { HttpFact, NormalizedCommand } from '../../src/engine/types.js';
import { extractHttp } from '../../src/extract/http.js';
import { analyzeContext, command, WS } from '../helpers/command.js';

const FILES: Record<string, string> = {
  [`${WS}/gql.yml`]: [
    'config:',
    '  target: https://api.example.net',
    '  environments:',
    '    staging:',
    '      target: https://staging.example.net',
    'scenarios:',
    '  - flow:',
    '      - post:',
    '          url: /graphql',
    '          headers:',
    '            Authorization: "Bearer {{ $env.API_TOKEN }}"',
    '          json:',
    '            query: \'mutation { projectDelete(id: "p1") }\'',
    '',
  ].join('\n'),
  [`${WS}/load.yml`]: [
    'config:',
    '  target: http://localhost:3000',
    '  phases: [{ duration: 60, arrivalRate: 5 }]',
    'scenarios:',
    '  - name: browse',
    '    flow:',
    '      - get: { url: "/products" }',
    '      - loop:',
    '          - get: { url: "/products/1" }',
    '          - think: 1',
    '        count: 3',
    '  - flow:',
    '      - delete: { url: "https://api.example.net/v1/items/1" }',
    '',
  ].join('\n'),
  [`${WS}/broken.yml`]: 'config: [\n',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const requests = (argv: string[]) =>
  (
    extractHttp(command(argv, { span: [0, 1] }), ctx, []).filter((f) => f.kind === 'http') as Omit<
      HttpFact,
      'command'
    >[]
  ).map((f) => `${f.method} ${f.host}${f.path}`);

describe('artillery → the requests of its scenarios', () => {
  it.each<[string[], string[]]>([
    [['artillery', 'run', 'gql.yml'], ['POST api.example.net/graphql']],
    [['artillery', 'run', '-e', 'staging', 'gql.yml'], ['POST staging.example.net/graphql']],
    [
      ['artillery', 'run', '--target=https://other.example.net', 'gql.yml'],
      ['POST other.example.net/graphql'],
    ],
    [
      ['artillery', 'run', '-o', 'report.json', 'load.yml'],
      ['GET localhost/products', 'GET localhost/products/1', 'DELETE api.example.net/v1/items/1'],
    ],
    [['artillery', 'run-fargate', '--region', 'us-east-1', 'gql.yml'], ['POST api.example.net/graphql']],
    [['artillery', 'quick', '-n', '20', 'http://localhost:3000/'], ['GET localhost/']],
    // fail closed: a script that cannot be parsed
    [['artillery', 'run', 'broken.yml'], ['UNKNOWN ']],
    // not a run, or a script not readable here (artillery fails without it)
    [['artillery', 'report', 'report.json'], []],
    [['artillery', 'run', 'missing.yml'], []],
  ])('%j', (argv, want) => expect(requests(argv)).toEqual(want));

  // fail closed: a script named at run time, or written by the script with content not known
  it.each<[string, string[], Partial<NormalizedCommand>, string[]]>([
    ['named at run time', ['artillery', 'run', '$SCRIPT'], { dynamicArgs: [2] }, ['UNKNOWN ']],
    [
      'written, content unknown',
      ['artillery', 'run', 'gen.yml'],
      { files: { [`${WS}/gen.yml`]: null } },
      ['UNKNOWN '],
    ],
    // near misses: a literal script the script wrote is read as written; one only absent here is not judged
    [
      'written, content known',
      ['artillery', 'run', 'gen.yml'],
      { files: { [`${WS}/gen.yml`]: FILES[`${WS}/gql.yml`] } },
      ['POST api.example.net/graphql'],
    ],
    ['absent', ['artillery', 'run', 'missing.yml'], {}, []],
  ])('a script %s', (_, argv, extra, want) => {
    const f = extractHttp(command(argv, { span: [0, 1], ...extra }), ctx, []).filter(
      (x) => x.kind === 'http',
    );
    expect((f as Omit<HttpFact, 'command'>[]).map((x) => `${x.method} ${x.host}${x.path}`)).toEqual(want);
  });

  it('reads the GraphQL operation of a step', () => {
    const f = extractHttp(command(['artillery', 'run', 'gql.yml'], { span: [0, 1] }), ctx, []);
    expect(f.some((x) => x.kind === 'graphql')).toBe(true);
  });
});
