/**
 * .http files and Postman collections run from the command line (src/extract/http-collections.ts):
 * each request's method, host and path, and a GraphQL operation in a body reaching the GraphQL
 * reader. Files the script wrote are read as written; a project's own file that cannot be read
 * is not judged.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import type { GraphqlFact, HttpFact } from '../../src/engine/types.js';
import { extractHttp } from '../../src/extract/http.js';
import { analyzeContext, command, WS } from '../helpers/command.js';

const HTTP_FILE = [
  '@host = https://api.example.net',
  '# list',
  'GET {{host}}/v1/projects',
  '',
  '###',
  'DELETE {{host}}/v1/projects/p1 HTTP/1.1',
  'Authorization: Bearer {{$processEnv TOKEN}}',
  '',
  '### graphql',
  'POST https://graph.example.net/graphql',
  'Content-Type: application/json',
  '',
  '{"query":"mutation { deleteEnvironment(id: \\"e1\\") { id } }"}',
  '',
  '###',
  'POST https://graph.example.net/graphql',
  'X-Request-Type: GraphQL',
  '',
  'mutation { dropTable(name: "t") { ok } }',
].join('\n');

const COLLECTION = JSON.stringify({
  info: { name: 'c' },
  variable: [{ key: 'base', value: 'https://api.example.net' }],
  item: [
    { name: 'list', request: { method: 'GET', url: '{{base}}/v1/dbs' } },
    {
      name: 'folder',
      item: [{ name: 'drop', request: { method: 'DELETE', url: { raw: '{{base}}/v1/dbs/prod' } } }],
    },
    {
      name: 'gql',
      request: {
        method: 'POST',
        url: 'https://graph.example.net/graphql',
        body: { mode: 'graphql', graphql: { query: 'mutation { deleteUser(id: 1) { id } }' } },
      },
    },
  ],
});

const written = {
  [`${WS}/drop.http`]: HTTP_FILE,
  [`${WS}/purge.postman_collection.json`]: COLLECTION,
  [`${WS}/fetched.http`]: null,
};
const ctx = analyzeContext(WS, { readFile: () => undefined });
const facts = (line: string) => {
  const argv = shellParse(line, (k) => `$${k}`).map(String);
  return extractHttp(command(argv, { files: written }), ctx, []);
};

describe('request files and collections → each request', () => {
  it.each<[string, string[]]>([
    [
      'httpyac send drop.http --all',
      [
        'GET api.example.net /v1/projects',
        'DELETE api.example.net /v1/projects/p1',
        'POST graph.example.net /graphql',
        'POST graph.example.net /graphql',
      ],
    ],
    [
      'ijhttp drop.http',
      [
        'GET api.example.net /v1/projects',
        'DELETE api.example.net /v1/projects/p1',
        'POST graph.example.net /graphql',
        'POST graph.example.net /graphql',
      ],
    ],
    [
      'newman run purge.postman_collection.json --env-var token=x',
      [
        'GET api.example.net /v1/dbs',
        'DELETE api.example.net /v1/dbs/prod',
        'POST graph.example.net /graphql',
      ],
    ],
    // a project's own file that cannot be read here is not judged
    ['httpyac send api/list-projects.http --all', []],
    ['newman run tests/api.postman_collection.json -e tests/local.postman_environment.json', []],
    ['newman --version', []],
    // fail closed: a file the script wrote with content not known
    ['httpyac fetched.http', ['UNKNOWN  ']],
  ])('%s', (line, want) => {
    const got = facts(line).filter((f) => f.kind === 'http') as Omit<HttpFact, 'command'>[];
    expect(got.map((f) => `${f.method} ${f.host} ${f.path}`)).toEqual(want);
  });

  it.each<[string, string[]]>([
    ['httpyac send drop.http', ['deleteEnvironment', 'dropTable']],
    ['newman run purge.postman_collection.json', ['deleteUser']],
  ])('%s → GraphQL mutations', (line, fields) => {
    const got = facts(line).filter((f) => f.kind === 'graphql') as Omit<GraphqlFact, 'command'>[];
    expect(got.map((f) => f.field)).toEqual(fields);
  });

  it('reads the credential header of a request', () => {
    const got = facts('httpyac send drop.http').filter((f) => f.kind === 'http') as Omit<
      HttpFact,
      'command'
    >[];
    expect(got.map((f) => f.auth)).toEqual([false, true, false, false]);
  });
});
