/**
 * Bruno request files run by `bru run` (src/extract/http-bruno.ts): each request's method, host
 * and path, a GraphQL body reaching the GraphQL reader, variables from the environment and
 * --env-var. Files the script wrote are read as written; a project's own file or folder that
 * cannot be read is not judged; a written file whose content is unknown is an unknown request.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import type { GraphqlFact, HttpFact } from '../../src/engine/types.js';
import { bruBlocks } from '../../src/extract/http-bruno.js';
import { extractHttp } from '../../src/extract/http.js';
import { analyzeContext, command, WS } from '../helpers/command.js';

const bru = (...lines: string[]) => lines.join('\n');

const DROP_TENANT = bru(
  'meta {',
  '  name: drop-tenant',
  '  type: graphql',
  '  seq: 1',
  '}',
  'post {',
  '  url: {{baseUrl}}/graphql',
  '  body: graphql',
  '  auth: bearer',
  '}',
  'auth:bearer {',
  '  token: {{token}}',
  '}',
  'body:graphql {',
  '  mutation {',
  '    dropTenant(id: "t_1") { id }',
  '  }',
  '}',
);

const DELETE_USER = bru(
  'delete {',
  '  url: https://api.example.net/v1/users/:id',
  '  body: none',
  '  auth: none',
  '}',
  'params:path {',
  '  id: u_1',
  '}',
  'headers {',
  '  X-Api-Key: {{process.env.API_KEY}}',
  '  ~X-Debug: 1',
  '}',
);

const LIST = bru(
  'get {',
  '  url: https://api.example.net/v1/users?limit=5',
  '}',
  'script:post-response {',
  '  delete {',
  '    url: nope',
  '  }',
  '}',
);

const JSON_QUERY = bru(
  'post {',
  '  url: https://graph.example.net/graphql',
  '  body: json',
  '}',
  'body:json {',
  '  {"query": "mutation { deleteProject(id: 7) { id } }"}',
  '}',
);

const written = {
  [`${WS}/ops/drop-tenant.bru`]: DROP_TENANT,
  [`${WS}/ops/environments/prod.bru`]: bru('vars {', '  baseUrl: https://api.example.net', '}'),
  [`${WS}/ops/folder.bru`]: bru('meta {', '  name: ops', '}'),
  [`${WS}/ops/users/delete-user.bru`]: DELETE_USER,
  [`${WS}/ops/users/list.bru`]: LIST,
  [`${WS}/ops/gql/project.bru`]: JSON_QUERY,
  [`${WS}/ops/fetched.bru`]: null,
  [`${WS}/later/opencollection.yml`]: 'opencollection: 1.0.0',
  [`${WS}/later/req.yml`]: 'info:\n  name: r',
};
const ctx = analyzeContext(WS, { readFile: () => undefined });
const facts = (line: string, cwd = `${WS}/ops`) => {
  const argv = shellParse(line, (k) => `$${k}`).map(String);
  return extractHttp(command(argv, { files: written, cwd }), ctx, []);
};
const https = (line: string, cwd?: string) =>
  (facts(line, cwd).filter((f) => f.kind === 'http') as Omit<HttpFact, 'command'>[]).map(
    (f) => `${f.method} ${f.host} ${f.path}`,
  );

describe('bru run → each request of the files named', () => {
  it.each<[string, string[], string?]>([
    ['bru run drop-tenant.bru --env prod', ['POST api.example.net /graphql']],
    [
      'bru run drop-tenant.bru --env-var baseUrl=https://staging.example.net',
      ['POST staging.example.net /graphql'],
    ],
    ['bru run users/delete-user.bru', ['DELETE api.example.net /v1/users/u_1']],
    // a folder: the request files in it (with -r or no path: every level); folder.bru and
    // environments/ are not requests
    ['bru run users', ['DELETE api.example.net /v1/users/u_1', 'GET api.example.net /v1/users']],
    ['bru run . --env prod', ['POST api.example.net /graphql', 'UNKNOWN  ']],
    [
      'bru run . -r --env prod',
      [
        'POST api.example.net /graphql',
        'DELETE api.example.net /v1/users/u_1',
        'GET api.example.net /v1/users',
        'POST graph.example.net /graphql',
        'UNKNOWN  ',
      ],
    ],
    [
      'bru run --env prod',
      [
        'POST api.example.net /graphql',
        'DELETE api.example.net /v1/users/u_1',
        'GET api.example.net /v1/users',
        'POST graph.example.net /graphql',
        'UNKNOWN  ',
      ],
    ],
    // a project's own file or folder that cannot be read here is not judged
    ['bru run collections/health --env local', []],
    ['bru run smoke.bru', []],
    ['bru --version', []],
    ['bru import openapi --source spec.yaml', []],
    // fail closed: a request file the script wrote with content not known
    ['bru run fetched.bru', ['UNKNOWN  ']],
    // fail closed: a request in Bruno's YAML format, not read here
    ['bru run', ['UNKNOWN  '], `${WS}/later`],
  ])('%s', (line, want, cwd) => {
    expect(https(line, cwd)).toEqual(want);
  });

  it.each<[string, string[]]>([
    ['bru run drop-tenant.bru --env prod', ['dropTenant']],
    ['bru run gql/project.bru', ['deleteProject']],
    ['bru run users', []],
  ])('%s → GraphQL mutations', (line, fields) => {
    const got = facts(line).filter((f) => f.kind === 'graphql') as Omit<GraphqlFact, 'command'>[];
    expect(got.map((f) => f.field)).toEqual(fields);
  });

  it.each<[string, boolean[]]>([
    ['bru run drop-tenant.bru', [true]],
    ['bru run users/delete-user.bru', [true]],
    ['bru run users/list.bru', [false]],
  ])('%s → credentials sent', (line, want) => {
    const got = facts(line).filter((f) => f.kind === 'http') as Omit<HttpFact, 'command'>[];
    expect(got.map((f) => f.auth)).toEqual(want);
  });
});

describe('.bru blocks', () => {
  it.each<[string, string, string[]]>([
    ['graphql request', DROP_TENANT, ['meta', 'post', 'auth:bearer', 'body:graphql']],
    // the text of a block is not read for blocks
    ['script with braces', LIST, ['get', 'script:post-response']],
  ])('%s: block names', (_, text, names) => {
    expect(bruBlocks(text).map((b) => b.name)).toEqual(names);
  });

  it.each<[string, string, string]>([
    ['body:graphql', DROP_TENANT, 'mutation {\n  dropTenant(id: "t_1") { id }\n}'],
    ['post', DROP_TENANT, 'url={{baseUrl}}/graphql;body=graphql;auth=bearer'],
    // disabled entries (~name) are left out
    ['headers', DELETE_USER, 'X-Api-Key={{process.env.API_KEY}}'],
  ])('%s', (name, text, want) => {
    const b = bruBlocks(text).find((x) => x.name === name);
    const got = name.startsWith('body:')
      ? b?.text
      : [...(b?.dict ?? [])].map(([k, v]) => `${k}=${v}`).join(';');
    expect(got).toBe(want);
  });
});
