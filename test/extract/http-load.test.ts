/**
 * Load testers read as HTTP requests (src/extract/http-load.ts): ab, hey, oha, h2load …: method,
 * host, path, and the body they send (a file's through ctx.readFile; unknown when it cannot
 * be read).
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import type { HttpFact } from '../../src/engine/types.js';
import { extractHttp } from '../../src/extract/http.js';
import { analyzeContext, command, WS } from '../helpers/command.js';

const FILES: Record<string, string> = {
  [`${WS}/post.lua`]:
    'wrk.method = "POST"\nwrk.headers["Authorization"] = "Bearer " .. os.getenv("T")\nwrk.body = io.open("missing.json"):read("*a")\n',
  [`${WS}/del.lua`]: 'request = function()\n  return wrk.format("DELETE", nil, nil, nil)\nend\n',
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
    // web fuzzers: one request per wordlist entry, with the method given
    [
      'ffuf -X DELETE -u https://api.example.net/v1/users/FUZZ -w list.txt -mc 200,204',
      'DELETE',
      'api.example.net',
      '/v1/users/FUZZ',
      false,
    ],
    ['ffuf -u https://api.example.net/FUZZ -w words.txt -ac -c', 'GET', 'api.example.net', '/FUZZ', false],
    [
      'ffuf -w w.txt -u https://api.example.net/login -d user=FUZZ',
      'POST',
      'api.example.net',
      '/login',
      false,
    ],
    [
      'wfuzz -c -z file,w.txt -X DELETE https://api.example.net/v1/FUZZ',
      'DELETE',
      'api.example.net',
      '/v1/FUZZ',
      false,
    ],
    ['wfuzz -w w.txt --hc 404 https://api.example.net/FUZZ', 'GET', 'api.example.net', '/FUZZ', false],
    [
      'feroxbuster -u https://api.example.net -m GET,DELETE -w w.txt',
      'DELETE',
      'api.example.net',
      '/',
      false,
    ],
    ['feroxbuster --url https://api.example.net/app -w w.txt', 'GET', 'api.example.net', '/app', false],
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
    [
      'bombardier -n 1 -m POST -f missing.json https://api.example.net/graphql',
      'POST',
      'api.example.net',
      '/graphql',
      true,
    ],
    ['bombardier -m DELETE https://api.example.net/v1/x', 'DELETE', 'api.example.net', '/v1/x', false],
    ['bombardier -c 10 -d 5s http://localhost:8080/healthz', 'GET', 'localhost', '/healthz', false],
    [
      'bombardier --method=PUT --body={} https://api.example.net/v1/x',
      'PUT',
      'api.example.net',
      '/v1/x',
      false,
    ],
    [
      'w3m -post missing.json -dump https://api.example.net/graphql',
      'POST',
      'api.example.net',
      '/graphql',
      true,
    ],
    ['w3m -dump https://example.net/docs', 'GET', 'example.net', '/docs', false],
    ['lynx -post_data -dump https://api.example.net/graphql', 'POST', 'api.example.net', '/graphql', true],
    ['lynx -dump https://example.net/docs', 'GET', 'example.net', '/docs', false],
    ['wrk -t4 -c64 -d30s http://localhost:8080/api/health', 'GET', 'localhost', '/api/health', false],
    ['wrk -t1 -s post.lua https://api.example.net/graphql', 'POST', 'api.example.net', '/graphql', true],
    ['wrk -t1 -s del.lua https://api.example.net/v1/x', 'DELETE', 'api.example.net', '/v1/x', false],
    ['wrk -t1 -s missing.lua https://api.example.net/v1/x', 'GET', 'api.example.net', '/v1/x', false],
    ['h2load -n 1000 -c 10 http://localhost:8080/', 'GET', 'localhost', '/', false],
    [
      'h2load -n 1 -d missing.json https://api.example.net/graphql',
      'POST',
      'api.example.net',
      '/graphql',
      true,
    ],
    [
      'h2load -n 1 --data=delete.json https://api.example.net/graphql',
      'POST',
      'api.example.net',
      '/graphql',
      false,
    ],
    ['h2load -n 10 -H "accept: */*" -t 2 https://example.net/docs', 'GET', 'example.net', '/docs', false],
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

describe('vegeta attack → its targets', () => {
  const vegeta = (line: string, stdin?: string) => {
    const argv = shellParse(line, (k) => `$${k}`).map(String);
    const dynamicArgs = argv.flatMap((a, i) => (a.startsWith('$') ? [i] : []));
    const cmd = command(argv, {
      dynamicArgs,
      ...(stdin === undefined ? {} : { stdin: { kind: 'pipe', text: stdin } }),
    });
    return extractHttp(cmd, ctx, []).filter((f) => f.kind === 'http') as Omit<HttpFact, 'command'>[];
  };
  it.each<[string, string | undefined, string[]]>([
    [
      'vegeta attack -duration=5s -rate=50',
      'GET http://localhost:8080/api/products\n',
      ['GET localhost false'],
    ],
    [
      'vegeta attack -body missing.json -rate 1/s',
      'POST https://api.example.net/graphql\n',
      ['POST api.example.net true'],
    ],
    [
      'vegeta attack -body=delete.json',
      'POST https://api.example.net/graphql\n',
      ['POST api.example.net false'],
    ],
    [
      'vegeta attack -format json',
      '{"method":"DELETE","url":"https://api.example.net/v1/x"}\n{"method":"GET","url":"http://localhost/"}\n',
      ['DELETE api.example.net false', 'GET localhost false'],
    ],
    [
      'vegeta attack -rate 1/s',
      'DELETE https://api.example.net/v1/a\n\nGET https://api.example.net/v1/b\n',
      ['DELETE api.example.net false', 'GET api.example.net false'],
    ],
    // fail closed: targets on a standard input that cannot be read
    ['vegeta attack -rate 1/s', undefined, ['UNKNOWN  true']],
    // a project's own targets file that cannot be read here
    ['vegeta attack -targets targets.txt', undefined, []],
    // fail closed: a targets file named at run time (its word is dynamic)
    ['vegeta attack -targets $TARGETS', undefined, ['UNKNOWN  true']],
    ['vegeta report', undefined, []],
  ])('%s', (line, stdin, want) => {
    expect(vegeta(line, stdin).map((f) => `${f.method} ${f.host} ${f.bodyUnknown}`)).toEqual(want);
  });
});
