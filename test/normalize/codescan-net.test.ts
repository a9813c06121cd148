/** Python's urllib Request read as the request it sends (src/normalize/codescan-net.ts `urllibRequest`). */
import { describe, expect, it } from 'vitest';
import { scanCode } from '../../src/normalize/codescan.js';

/** The requests the code sends, as `METHOD URL [body]`. */
const requests = (code: string) =>
  scanCode(code, 'python', '/h').flatMap((e) =>
    e.kind === 'http'
      ? [`${e.method} ${e.url.text} ${e.body ?? (e.bodyUnknown ? '(body)' : '')}`.trim()]
      : [],
  );

describe('urllib.request.Request, its arguments by position or by name', () => {
  it.each<[string, string]>([
    // data by position (a POST), whatever the module is called
    [
      "import json, urllib.request as u; q = {'query': 'mutation { environmentDelete(id: 1) }'}; u.urlopen(u.Request('https://b.example/graphql', json.dumps(q).encode(), {'A': 'b'}))",
      'POST https://b.example/graphql {"query":"mutation { environmentDelete(id: 1) }"}',
    ],
    [
      "from urllib.request import Request, urlopen; urlopen(Request('https://b.example/x', data=b))",
      'POST https://b.example/x (body)',
    ],
    [
      "import urllib.request as u; u.Request('https://b.example/x', None, {}, None, False, 'DELETE')",
      'DELETE https://b.example/x',
    ],
    ["import urllib.request as u; u.Request('https://b.example/x', method=m)", 'DYNAMIC https://b.example/x'],
    // no data: a GET
    [
      "import urllib.request as u; u.urlopen(u.Request('https://b.example/status'))",
      'GET https://b.example/status',
    ],
    [
      "import urllib.request as u; u.Request('https://b.example/x', None, {'A': 'b'})",
      'GET https://b.example/x',
    ],
  ])('%s', (code, want) => expect(requests(code)).toContain(want));
});
