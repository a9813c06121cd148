/**
 * Insomnia exports run by `inso run collection` (src/extract/http-insomnia.ts): each request's
 * method, host and path from v4 (JSON) and v5 (YAML) exports, variables from the environments
 * and --env-var, a GraphQL body reaching the GraphQL reader. Without --workingDir (the app's
 * own data) or with an export that cannot be read, nothing is judged; a written export whose
 * content is unknown is an unknown request.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import type { GraphqlFact, HttpFact } from '../../src/engine/types.js';
import { extractHttp } from '../../src/extract/http.js';
import { analyzeContext, command, WS } from '../helpers/command.js';

const V4 = JSON.stringify({
  _type: 'export',
  __export_format: 4,
  resources: [
    { _id: 'wrk_1', _type: 'workspace', name: 'ops' },
    { _id: 'env_base', _type: 'environment', parentId: 'wrk_1', data: { base: 'https://api.example.net' } },
    {
      _id: 'env_stg',
      _type: 'environment',
      parentId: 'env_base',
      name: 'staging',
      data: { base: 'https://stg.example.net' },
    },
    { _id: 'fld_1', _type: 'request_group', parentId: 'wrk_1', name: 'admin' },
    {
      _id: 'req_1',
      _type: 'request',
      parentId: 'fld_1',
      method: 'DELETE',
      url: '{{ _.base }}/v1/tenants/t_1',
      parameters: [{ name: 'force', value: 'true' }],
      authentication: { type: 'bearer', token: '{{ _.token }}' },
    },
    {
      _id: 'req_2',
      _type: 'request',
      parentId: 'wrk_1',
      method: 'POST',
      url: 'https://graph.example.net/graphql',
      body: {
        mimeType: 'application/graphql',
        text: '{"query":"mutation { purgeCache(all: true) { ok } }"}',
      },
    },
  ],
});

const V5 = [
  'type: collection.insomnia.rest/5.0',
  'name: smoke',
  'collection:',
  '  - name: health',
  '    url: "{{ _.base }}/health"',
  '    method: GET',
  '  - name: folder',
  '    children:',
  '      - name: list',
  '        url: "{{ _.base }}/v1/users"',
  '        method: GET',
  '        headers:',
  '          - name: X-Debug',
  '            value: "1"',
  '            disabled: true',
  'environments:',
  '  name: Base Environment',
  '  data:',
  '    base: https://api.example.net',
].join('\n');

const written = {
  [`${WS}/ops.json`]: V4,
  [`${WS}/smoke.yaml`]: V5,
  [`${WS}/broken.yaml`]: 'collection: [',
  [`${WS}/fetched.yaml`]: null,
  [`${WS}/.insomnia/Request/req_9.yml`]:
    'type: Request\nmethod: PATCH\nurl: https://api.example.net/v1/flags/f1\n',
};
const ctx = analyzeContext(WS, { readFile: () => undefined });
const facts = (line: string) => {
  const argv = shellParse(line, (k) => `$${k}`).map(String);
  return extractHttp(command(argv, { files: written }), ctx, []);
};

describe('inso run collection → each request of the export', () => {
  it.each<[string, string[]]>([
    [
      'inso run collection -w ops.json --ci',
      ['DELETE https://api.example.net/v1/tenants/t_1?force=true', 'POST https://graph.example.net/graphql'],
    ],
    [
      'inso run collection wrk_1 -w ops.json -e staging',
      ['DELETE https://stg.example.net/v1/tenants/t_1?force=true', 'POST https://graph.example.net/graphql'],
    ],
    [
      'inso --workingDir=ops.json run collection --env-var base=https://dev.example.net',
      ['DELETE https://dev.example.net/v1/tenants/t_1?force=true', 'POST https://graph.example.net/graphql'],
    ],
    [
      'inso run collection -w smoke.yaml',
      ['GET https://api.example.net/health', 'GET https://api.example.net/v1/users'],
    ],
    // a git folder: the files this script wrote there
    ['inso run collection -w .insomnia --ci', ['PATCH https://api.example.net/v1/flags/f1']],
    // the app's own data, a project's own export, other subcommands: not judged
    ['inso run collection --ci', []],
    ['inso run collection -w insomnia/export.yaml -e dev', []],
    ['inso lint spec -w smoke.yaml', []],
    ['inso export spec spc_1 -w ops.json', []],
    // fail closed: an export the script wrote with content not known, or that cannot be read
    ['inso run collection -w fetched.yaml', ['UNKNOWN ']],
    ['inso run collection -w broken.yaml', ['UNKNOWN ']],
  ])('%s', (line, want) => {
    const got = facts(line).filter((f) => f.kind === 'http') as Omit<HttpFact, 'command'>[];
    expect(got.map((f) => `${f.method} ${f.url}`)).toEqual(want);
  });

  it.each<[string, string[]]>([
    ['inso run collection -w ops.json', ['purgeCache']],
    ['inso run collection -w smoke.yaml', []],
  ])('%s → GraphQL mutations', (line, fields) => {
    const got = facts(line).filter((f) => f.kind === 'graphql') as Omit<GraphqlFact, 'command'>[];
    expect(got.map((f) => f.field)).toEqual(fields);
  });

  it('reads the authentication of a request', () => {
    const got = facts('inso run collection -w ops.json').filter((f) => f.kind === 'http') as Omit<
      HttpFact,
      'command'
    >[];
    expect(got.map((f) => f.auth)).toEqual([true, false]);
  });
});
