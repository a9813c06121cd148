/**
 * Load testers read as HTTP requests (src/extract/http-load.ts): ab, hey and oha: method,
 * host, path, and the body they send (a file's through ctx.readFile; unknown when it cannot
 * be read).
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import type { HttpFact } from '../../src/engine/types.js';
import { extractHttp } from '../../src/extract/http.js';
import { analyzeContext, command, WS } from '../helpers/command.js';

const FILES: Record<string, string> = {
  [`${WS}/delete.json`]: '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const http = (line: string) => {
  const argv = shellParse(line, (k) => `$${k}`).map(String);
  return extractHttp(command(argv, { span: [0, line.length] }), ctx, []).filter(
    (f) => f.kind === 'http',
  ) as Omit<HttpFact, 'command'>[];
};

describe('load testers → method, host, path, body', () => {
  it.each<[string, string, string, string, boolean]>([
    ['ab -n 200 -c 10 http://localhost:3000/healthz', 'GET', 'localhost', '/healthz', false],
    [
      'ab -n 1 -p missing.json -T application/json https://api.example.net/graphql',
      'POST',
      'api.example.net',
      '/graphql',
      true,
    ],
    ['ab -n 1 -u missing.json https://api.example.net/v1/x', 'PUT', 'api.example.net', '/v1/x', true],
    ['ab -n 5 -m DELETE https://api.example.net/v1/x', 'DELETE', 'api.example.net', '/v1/x', false],
    ['hey -n 10 -m DELETE https://api.example.net/v1/x', 'DELETE', 'api.example.net', '/v1/x', false],
    [
      'hey -n 10 -D missing.json https://api.example.net/graphql',
      'POST',
      'api.example.net',
      '/graphql',
      true,
    ],
    ['oha -n 100 -c 5 http://localhost:8080/healthz', 'GET', 'localhost', '/healthz', false],
    [
      'oha -n 1 -m POST -D missing.json https://api.example.net/graphql',
      'POST',
      'api.example.net',
      '/graphql',
      true,
    ],
    ['oha -n 1 --method=DELETE https://api.example.net/v1/x', 'DELETE', 'api.example.net', '/v1/x', false],
  ])('%s', (line, method, host, path, unknown) => {
    const [f] = http(line);
    expect([f.method, f.host, f.path, f.bodyUnknown]).toEqual([method, host, path, unknown]);
  });

  it('reads a body file for its GraphQL operation', () => {
    const f = extractHttp(
      command(['ab', '-n', '1', '-p', 'delete.json', 'https://api.example.net/graphql'], { span: [0, 1] }),
      ctx,
      [],
    );
    expect(f.some((x) => x.kind === 'graphql')).toBe(true);
  });
});
