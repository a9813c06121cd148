/**
 * curlie, lwp-request (and its GET/HEAD/POST/PUT names) and the httpx CLI read as HTTP
 * requests: method, host, path and whether a GraphQL body is seen.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import type { HttpFact, StdinSource } from '../../src/engine/types.js';
import { extractHttp } from '../../src/extract/http.js';
import { parseSmallClient } from '../../src/extract/http-clients.js';
import { analyzeContext, command, WS } from '../helpers/command.js';

const ctx = analyzeContext(WS, { readFile: () => undefined });
const facts = (line: string, stdin?: StdinSource) => {
  const argv = shellParse(line, (k) => `$${k}`).map(String);
  return extractHttp(command(argv, { span: [0, line.length], ...(stdin ? { stdin } : {}) }), ctx, []);
};
const http = (line: string, stdin?: StdinSource) =>
  facts(line, stdin).filter((f) => f.kind === 'http') as Omit<HttpFact, 'command'>[];

describe('small HTTP clients → method, host, path', () => {
  it.each([
    [
      'curlie DELETE https://api.example.net/v2/databases/d1 "Authorization:Bearer $T"',
      'DELETE',
      'api.example.net',
      '/v2/databases/d1',
    ],
    ['curlie -X DELETE https://api.example.net/v2/x', 'DELETE', 'api.example.net', '/v2/x'],
    ['curlie -s https://api.example.net/v2/x', 'GET', 'api.example.net', '/v2/x'],
    ['curlie https://api.example.net/v2/x name=y', 'POST', 'api.example.net', '/v2/x'],
    ['curlie -d a=1 https://api.example.net/v2/x', 'POST', 'api.example.net', '/v2/x'],
    [
      'lwp-request -m DELETE -H "PRIVATE-TOKEN: $T" https://git.example.net/api/v4/projects/7',
      'DELETE',
      'git.example.net',
      '/api/v4/projects/7',
    ],
    ['lwp-request https://example.net/a', 'GET', 'example.net', '/a'],
    ['HEAD https://example.net/a', 'HEAD', 'example.net', '/a'],
    ['GET -t 10 https://example.net/a', 'GET', 'example.net', '/a'],
    [
      'httpx https://api.example.net/v2/clusters/prod -m DELETE --auth "$U" "$P"',
      'DELETE',
      'api.example.net',
      '/v2/clusters/prod',
    ],
    ['httpx https://api.example.net/v2/x --method=patch -j {}', 'PATCH', 'api.example.net', '/v2/x'],
    ['httpx https://api.example.net/v2/x -h Accept application/json', 'GET', 'api.example.net', '/v2/x'],
    ['httpx https://api.example.net/v2/x -d name y', 'POST', 'api.example.net', '/v2/x'],
    // Mojolicious' `mojo get`: -M / --method, a bare path is the app in this folder
    [
      'mojo get -M DELETE -H "Authorization: Bearer $T" https://api.example.net/v1/buckets/b1',
      'DELETE',
      'api.example.net',
      '/v1/buckets/b1',
    ],
    ['mojo get --method=patch -c {} https://api.example.net/v1/x', 'PATCH', 'api.example.net', '/v1/x'],
    ["mojo get https://example.net 'head > title' text", 'GET', 'example.net', '/'],
    ['mojo get -M DELETE /items/1', 'DELETE', 'localhost', '/items/1'],
  ])('%s → %s %s%s', (line, method, host, path) => {
    const [f] = http(line);
    expect([f.method, f.host, f.path]).toEqual([method, host, path]);
  });

  it('mojo get: commands that are no request, credentials and uploads', () => {
    expect(http('mojo generate app MyApp')).toEqual([]);
    expect(http('mojo get --help')).toEqual([]);
    expect(http('mojo get -M DELETE -H "Authorization: Bearer $T" https://h.example/x')[0].auth).toBe(true);
    expect(http('mojo get -u u:p https://h.example/x')[0].auth).toBe(true);
    // a file uploaded from a form field leaves with the request (parseSmallClient's uploads)
    const argv = ['mojo', 'get', '-M', 'POST', '-f', 'upload=@/ws/a.txt', '-f', 'n=1', 'https://h.example/x'];
    const [req] = parseSmallClient(command(argv), ctx);
    expect([req.method, req.uploads, req.body]).toEqual(['POST', ['/ws/a.txt'], 'n=1']);
  });

  it('curlie and httpx see credentials', () => {
    expect(http('curlie DELETE https://h.example/x "Authorization:Bearer $T"')[0].auth).toBe(true);
    expect(http('httpx https://h.example/x --auth u p')[0].auth).toBe(true);
    expect(http('httpx https://h.example/x')[0].auth).toBe(false);
  });

  it.each<[string, StdinSource | undefined, boolean]>([
    [
      'lwp-request -m POST -c application/json https://h.example/graphql/v2',
      { kind: 'pipe', text: '{"query":"mutation { projectDelete(id: \\"p1\\") }"}' },
      true,
    ],
    ['POST https://h.example/graphql', { kind: 'pipe', text: '{"query":"mutation { wipe { ok } }"}' }, true],
    ['POST https://h.example/graphql', { kind: 'pipe', text: '{"query":"query { me { id } }"}' }, false],
    ['lwp-request -m GET https://h.example/graphql', undefined, false],
  ])('%s reads its GraphQL body from stdin (mutation: %s)', (line, stdin, mutation) => {
    const ops = facts(line, stdin).filter((f) => f.kind === 'graphql' && f.operation === 'mutation');
    expect(ops.length > 0).toBe(mutation);
  });

  it('lwp-request POST with unknown stdin has an unknown body (fail closed)', () => {
    expect(http('POST https://h.example/x', { kind: 'pipe' })[0].bodyUnknown).toBe(true);
  });
});
