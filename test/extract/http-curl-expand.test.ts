/** curl 8's --variable and --expand-OPTION. */
import { describe, expect, it } from 'vitest';
import { expandCurl, setCurlVariable, type CurlVars } from '../../src/extract/http-curl-expand.js';
import { extractHttp } from '../../src/extract/http.js';
import type { HttpFact } from '../../src/engine/types.js';
import { analyzeContext, command, WS } from '../helpers/command.js';

const FILES: Record<string, string> = { '/ws/id.txt': ' v-7\n' };
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });

describe('expandCurl', () => {
  const vars = (): CurlVars => {
    const v: CurlVars = new Map();
    for (const s of ['a=x y', '%HOME_TOKEN', 'f@id.txt', 'g@missing.txt'])
      setCurlVariable(v, s, command(['curl'], { span: [0, 1] }), ctx);
    return v;
  };
  it.each([
    ['{{a}}', 'x y', false],
    ['{{a:url}}', 'x%20y', false],
    ['{{a:json}}', 'x y', false],
    ['{{f:trim}}', 'v-7', false],
    ['{{a:b64}}', 'eCB5', false],
    ['Bearer {{HOME_TOKEN}}', 'Bearer $HOME_TOKEN', true],
    ['{{g}}', '$g', true],
    ['{{never}}', '$never', true],
    ['no refs', 'no refs', false],
  ])('%s → %s (unknown %s)', (text, out, unknown) => {
    expect(expandCurl(text, vars())).toEqual({ text: out, unknown });
  });
});

describe('curl --expand-*', () => {
  const run = (argv: string[]) => extractHttp(command(argv, { span: [0, 1] }), ctx, []);
  it('expands the body and URL before reading them', () => {
    const f = run([
      'curl',
      '--variable',
      'vid=3f1c9a',
      '--variable',
      'h=api.example.net',
      '--expand-url',
      'https://{{h}}/graphql',
      '--expand-data',
      '{"query":"mutation { volumeDelete(volumeId: \\"{{vid}}\\") }"}',
    ]);
    const h = f.find((x) => x.kind === 'http') as Omit<HttpFact, 'command'>;
    expect([h.method, h.host, h.bodyUnknown]).toEqual(['POST', 'api.example.net', false]);
    expect(f.some((x) => x.kind === 'graphql' && x.field === 'volumeDelete')).toBe(true);
  });
  it('fail closed: a body with an unknown variable is an unknown body', () => {
    const f = run(['curl', '--variable', '%Q', '--expand-data', '{{Q}}', 'https://h.example/graphql']);
    expect((f.find((x) => x.kind === 'http') as Omit<HttpFact, 'command'>).bodyUnknown).toBe(true);
  });
  it('fail closed: a method from an unknown variable is unknown', () => {
    const f = run(['curl', '--variable', '%M', '--expand-request', '{{M}}', 'https://h.example/x']);
    expect((f.find((x) => x.kind === 'http') as Omit<HttpFact, 'command'>).method).toBe('UNKNOWN');
  });
  it('a header from the environment is not a body', () => {
    const f = run([
      'curl',
      '--variable',
      '%T',
      '--expand-header',
      'Authorization: Bearer {{T}}',
      'https://h.example/x',
    ]);
    const h = f.find((x) => x.kind === 'http') as Omit<HttpFact, 'command'>;
    expect([h.method, h.bodyUnknown, h.auth]).toEqual(['GET', false, true]);
  });
});
