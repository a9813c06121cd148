/** hurl files and stdin read as the requests they send. */
import { describe, expect, it } from 'vitest';
import type { HttpFact, StdinSource } from '../../src/engine/types.js';
import { extractHttp } from '../../src/extract/http.js';
import { analyzeContext, command, WS } from '../helpers/command.js';

const FILES: Record<string, string> = {
  '/ws/api.hurl':
    'GET {{base}}/health\nHTTP 200\n\nDELETE {{base}}/v1/items/3\nAuthorization: Bearer {{t}}\nHTTP 204\n',
  '/ws/gql.hurl':
    'POST https://h.example.net/graphql\n```graphql\nmutation {\n  volumeDelete(volumeId: "v1")\n}\n```\nHTTP 200\n',
  '/ws/vars.env': 'base=https://api.example.net\n',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const run = (argv: string[], stdin?: StdinSource) =>
  extractHttp(command(argv, { span: [0, 1], ...(stdin ? { stdin } : {}) }), ctx, []);
const http = (argv: string[], stdin?: StdinSource) =>
  run(argv, stdin)
    .filter((f) => f.kind === 'http')
    .map((f) => {
      const h = f as Omit<HttpFact, 'command'>;
      return `${h.method} ${h.host}${h.path}`;
    });

describe('hurl → requests', () => {
  it.each<[string[], StdinSource | undefined, string[]]>([
    [
      ['hurl', '--variable', 'base=https://api.example.net', 'api.hurl'],
      undefined,
      ['GET api.example.net/health', 'DELETE api.example.net/v1/items/3'],
    ],
    [
      ['hurl', '--variables-file', 'vars.env', '--test', 'api.hurl'],
      undefined,
      ['GET api.example.net/health', 'DELETE api.example.net/v1/items/3'],
    ],
    [
      ['hurl', '--variable', 'key=$K'],
      { kind: 'pipe', text: 'DELETE https://api.example.net/v1/redis/r1\nAuthorization: Bearer {{key}}\n' },
      ['DELETE api.example.net/v1/redis/r1'],
    ],
    [
      ['hurl', '--test'],
      { kind: 'pipe', text: 'GET http://localhost:8080/healthz\nHTTP 200\n' },
      ['GET localhost/healthz'],
    ],
    // fail closed: entries on an unknown stdin
    [['hurl'], { kind: 'pipe' }, ['UNKNOWN ']],
    // a project's test files that cannot be read are not judged
    [['hurl', '--test', 'tests/*.hurl'], undefined, []],
  ])('%j', (argv, stdin, want) => {
    expect(http(argv, stdin)).toEqual(want);
  });

  it('a ```graphql body is sent as a GraphQL request', () => {
    const g = run(['hurl', 'gql.hurl']).filter((f) => f.kind === 'graphql');
    expect(g.map((f) => `${String(f.operation)}:${String(f.field)}`)).toEqual(['mutation:volumeDelete']);
  });
});
