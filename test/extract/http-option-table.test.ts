/**
 * nghttp and xidel read from their option tables: method (an option, or HTTP/2's `:method`
 * pseudo-header), host, path, body and credentials.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import type { GraphqlFact, HttpFact, StdinSource } from '../../src/engine/types.js';
import { extractHttp } from '../../src/extract/http.js';
import { analyzeContext, command, WS } from '../helpers/command.js';

const FILES: Record<string, string> = {
  '/ws/delete-volume.json': '{"query":"mutation { volumeDelete(volumeId: \\"3f1c9a\\") }"}\n',
  '/ws/body.json': '{"name":"x"}\n',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const facts = (line: string, stdin?: StdinSource) => {
  const argv = shellParse(line, (k) => `$${k}`).map(String);
  return extractHttp(command(argv, { span: [0, line.length], ...(stdin ? { stdin } : {}) }), ctx, []);
};
const http = (line: string, stdin?: StdinSource) =>
  facts(line, stdin).filter((f) => f.kind === 'http') as Omit<HttpFact, 'command'>[];

describe('nghttp and xidel → method, host, path', () => {
  it.each([
    [
      "nghttp -H ':method: DELETE' https://api.example.net/v9/projects/web",
      'DELETE',
      'api.example.net',
      '/v9/projects/web',
    ],
    ["nghttp --header=':method: put' -d body.json https://h.example/a", 'PUT', 'h.example', '/a'],
    ["nghttp -H':method: PATCH' https://h.example/a", 'PATCH', 'h.example', '/a'],
    ['nghttp -d body.json https://h.example/items', 'POST', 'h.example', '/items'],
    ['nghttp --data=body.json https://h.example/items', 'POST', 'h.example', '/items'],
    ['nghttp -nv -t 5 https://h.example/status', 'GET', 'h.example', '/status'],
    ['nghttp -m 10 -w 16 https://h.example/status', 'GET', 'h.example', '/status'],
    ["nghttp -H 'accept: text/html' https://h.example/", 'GET', 'h.example', '/'],
    [
      "xidel --method=DELETE 'http://es.example.internal:9200/logs-2024.*'",
      'DELETE',
      'es.example.internal',
      '/logs-2024.*',
    ],
    ['xidel --method PUT -d a=1 https://h.example/a', 'PUT', 'h.example', '/a'],
    ['xidel -d a=1 https://h.example/form', 'POST', 'h.example', '/form'],
    ['xidel --post=@body.json https://h.example/form', 'POST', 'h.example', '/form'],
    ['xidel https://example.org -e //title', 'GET', 'example.org', '/'],
    ["xidel https://example.org --follow //a --extract '//title'", 'GET', 'example.org', '/'],
  ])('%s → %s %s%s', (line, method, host, path) => {
    const got = http(line);
    expect(got).toHaveLength(1);
    expect([got[0].method, got[0].host, got[0].path]).toEqual([method, host, path]);
  });

  it.each([
    // a file or an inline document is not a request
    ['xidel page.html -e //title'],
    ["xidel '<a>1</a>' -e //a"],
  ])('%s → no URL requested', (line) => {
    expect(http(line).map((f) => f.host)).toEqual(['']);
  });

  it.each([
    ['nghttp -H "authorization: Bearer $T" https://h.example/a', true],
    ['xidel -H "X-Api-Key: $K" https://h.example/a', true],
    ['nghttp https://h.example/a', false],
    ['xidel https://h.example/a -e .', false],
  ])('%s → auth %s', (line, auth) => {
    expect(http(line)[0].auth).toBe(auth);
  });

  it.each<[string, StdinSource | undefined, boolean]>([
    ['nghttp -d missing.json https://h.example/a', undefined, true],
    ['nghttp -d - https://h.example/a', undefined, true],
    ['nghttp -d - https://h.example/a', { kind: 'herestring', text: '{"a":1}' }, false],
    ['nghttp -d body.json https://h.example/a', undefined, false],
    ['xidel --post=@missing.json https://h.example/a', undefined, true],
  ])('%s → body unknown %s', (line, stdin, unknown) => {
    expect(http(line, stdin)[0].bodyUnknown).toBe(unknown);
  });

  it('nghttp -d FILE posts a GraphQL mutation read from the file', () => {
    const g = facts('nghttp -d delete-volume.json https://backboard.example.app/graphql/v2').filter(
      (f) => f.kind === 'graphql',
    ) as Omit<GraphqlFact, 'command'>[];
    expect(g.map((f) => [f.operation, f.field])).toEqual([['mutation', 'volumeDelete']]);
  });
});
