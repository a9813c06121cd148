/**
 * siege read as HTTP requests (src/extract/http-siege.ts): each `URL [METHOD] [DATA | < FILE]`
 * spec, given as an operand or as a line of `-f FILE`, with the body file read through ctx.readFile.
 */
import { describe, expect, it } from 'vitest';
import type { HttpFact, NormalizedCommand } from '../../src/engine/types.js';
import { extractHttp } from '../../src/extract/http.js';
import { analyzeContext, command, WS } from '../helpers/command.js';

const FILES: Record<string, string> = {
  [`${WS}/delete.json`]: '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}',
  [`${WS}/urls.txt`]: '# targets\nHOST=example.net\nhttps://api.example.net/v1/a DELETE\nhttp://localhost/\n',
};

describe('siege → the request of each URL spec', () => {
  const sctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
  const siege = (argv: string[]) =>
    (
      extractHttp(command(argv, { span: [0, 1] }), sctx, []).filter((f) => f.kind === 'http') as Omit<
        HttpFact,
        'command'
      >[]
    ).map((f) => `${f.method} ${f.host}${f.path} ${f.bodyUnknown}`);
  it.each<[string[], string[]]>([
    [['siege', '-c', '10', '-t', '30s', 'http://localhost:8080/'], ['GET localhost/ false']],
    [
      ['siege', '-c', '1', 'https://api.example.net/graphql POST < missing.json'],
      ['POST api.example.net/graphql true'],
    ],
    [
      ['siege', '-r', '1', 'https://api.example.net/graphql POST <delete.json'],
      ['POST api.example.net/graphql false'],
    ],
    [['siege', '-r', '1', 'https://api.example.net/v1/x DELETE'], ['DELETE api.example.net/v1/x false']],
    [
      ['siege', '-r', '1', 'https://api.example.net/login POST user=a&pass=b'],
      ['POST api.example.net/login false'],
    ],
    [
      ['siege', '-f', 'urls.txt'],
      ['DELETE api.example.net/v1/a false', 'GET localhost/ false'],
    ],
    // a URL file that cannot be read here: siege fails without it
    [['siege', '-f', 'missing.txt'], []],
  ])('%j', (argv, want) => expect(siege(argv)).toEqual(want));

  // fail closed: a URL file named at run time, or written by the script with content not known
  it.each<[string, string[], Partial<NormalizedCommand>, string[]]>([
    ['named at run time', ['siege', '-f', '$URLS'], { dynamicArgs: [2] }, ['UNKNOWN  true']],
    [
      'written, content unknown',
      ['siege', '--file=gen.txt'],
      { files: { [`${WS}/gen.txt`]: null } },
      ['UNKNOWN  true'],
    ],
    // near misses: written with known content it is read as written; absent here it is not judged
    [
      'written, content known',
      ['siege', '-f', 'gen.txt'],
      { files: { [`${WS}/gen.txt`]: 'http://localhost:3000/\n' } },
      ['GET localhost/ false'],
    ],
    ['absent', ['siege', '-f', 'missing.txt'], {}, []],
  ])('a URL file %s', (_, argv, extra, want) => {
    const f = extractHttp(command(argv, { span: [0, 1], ...extra }), sctx, []).filter(
      (x) => x.kind === 'http',
    );
    expect(
      (f as Omit<HttpFact, 'command'>[]).map((x) => `${x.method} ${x.host}${x.path} ${x.bodyUnknown}`),
    ).toEqual(want);
  });

  it('reads the body file of a POST for its GraphQL operation', () => {
    const f = extractHttp(
      command(['siege', '-r', '1', 'https://api.example.net/graphql POST < delete.json'], { span: [0, 1] }),
      sctx,
      [],
    );
    expect(f.some((x) => x.kind === 'graphql')).toBe(true);
  });
});
