/** pycurl, LuaSocket/LuaSec and Julia's HTTP.jl (src/normalize/codescan-http-more.ts), read as the requests they send. */
import { describe, expect, it } from 'vitest';
import { scanCode } from '../../src/normalize/codescan.js';
import type { Lang } from '../../src/normalize/codelex.js';

/** The requests the code sends, as `METHOD URL [body]`. */
const requests = (code: string, lang: Lang) =>
  scanCode(code, lang, '/h')
    .filter((e) => e.kind === 'http')
    .map((e) =>
      e.kind === 'http'
        ? [
            e.method,
            e.url.dynamic ? `<${e.url.text}>` : e.url.text,
            e.body ?? (e.bodyUnknown ? '(body)' : ''),
          ]
            .join(' ')
            .trim()
        : '',
    );

describe('requests through pycurl, LuaSocket/LuaSec and HTTP.jl', () => {
  it.each<[string, Lang, string[]]>([
    [
      "import pycurl, json\nc = pycurl.Curl()\nc.setopt(c.URL, 'https://api.example.com/v2')\nc.setopt(c.POSTFIELDS, json.dumps({'query': 'mutation { delete_board(board_id: 1) { id } }'}))\nc.perform()",
      'python',
      ['POST https://api.example.com/v2 {"query":"mutation { delete_board(board_id: 1) { id } }"}'],
    ],
    [
      "import pycurl\nc = pycurl.Curl()\nc.setopt(pycurl.URL, 'https://api.example.com/v1/x/1')\nc.setopt(pycurl.CUSTOMREQUEST, 'DELETE')\nc.perform()",
      'python',
      ['DELETE https://api.example.com/v1/x/1'],
    ],
    [
      'import pycurl\nc = pycurl.Curl()\nc.setopt(c.URL, u)\nc.setopt(c.CUSTOMREQUEST, verb)\nc.perform()',
      'python',
      ['DYNAMIC <u>'],
    ],
    [
      'local https = require("ssl.https"); local ltn12 = require("ltn12"); local body = [[{"query":"mutation { teamDelete(id: \\"x\\") { success } }"}]]; https.request{url = "https://api.example.com/graphql", method = "POST", source = ltn12.source.string(body)}',
      'lua',
      ['POST https://api.example.com/graphql {"query":"mutation { teamDelete(id: \\"x\\") { success } }"}'],
    ],
    [
      'local http = require("socket.http"); http.request{url = "https://api.example.com/v1/db", method = "DELETE"}',
      'lua',
      ['DELETE https://api.example.com/v1/db'],
    ],
    [
      'local http = require("socket.http"); http.request("https://api.example.com/x", "a=1")',
      'lua',
      ['POST https://api.example.com/x a=1'],
    ],
    [
      'using HTTP, JSON3; HTTP.post("https://api.example.com/graphql/", ["Content-Type" => "application/json"], JSON3.write(Dict("query" => "mutation { productBulkDelete(ids: [1]) { count } }")))',
      'julia',
      [
        'POST https://api.example.com/graphql/ {"query":"mutation { productBulkDelete(ids: [1]) { count } }"}',
      ],
    ],
    [
      'using HTTP; HTTP.request("DELETE", "https://api.example.com/v1/x")',
      'julia',
      ['DELETE https://api.example.com/v1/x'],
    ],
    [
      'using HTTP; HTTP.delete("https://api.example.com/v1/x"; readtimeout=5)',
      'julia',
      ['DELETE https://api.example.com/v1/x'],
    ],
    // reads, and calls that are not these libraries
    [
      'local http = require("socket.http"); print(http.request("https://example.com/"))',
      'lua',
      ['GET https://example.com/'],
    ],
    ['local t = {}; t.request{url = "https://example.com/", method = "DELETE"}', 'lua', []],
    [
      'using HTTP; r = HTTP.get("https://example.com/"); println(r.status)',
      'julia',
      ['GET https://example.com/'],
    ],
    ["import subprocess\nsubprocess.run(['make'])\nproc.perform()", 'python', []],
    // pools and sessions given METHOD, URL
    [
      "import urllib3; r = urllib3.PoolManager().request('DELETE', 'https://api.example.com/v1/instances/prod')",
      'python',
      ['DELETE https://api.example.com/v1/instances/prod'],
    ],
    [
      "import urllib3\nhttp = urllib3.PoolManager()\nhttp.request('POST', 'https://api.example.com/q', body='a=1')",
      'python',
      ['POST https://api.example.com/q a=1'],
    ],
    ["import urllib3; urllib3.request('delete', u)", 'python', ['DELETE <u>']],
    [
      "import aiohttp\nasync def f(s):\n    await s.request('DELETE', 'https://api.example.com/x')",
      'python',
      ['DELETE https://api.example.com/x'],
    ],
    [
      "import urllib3; urllib3.PoolManager().urlopen('GET', 'https://example.com/')",
      'python',
      ['GET https://example.com/'],
    ],
    // not a METHOD, URL request: requests' own (read once), a connection's path, a dynamic URL without a pool library
    [
      "import requests; requests.request('DELETE', 'https://api.example.com/x')",
      'python',
      ['DELETE https://api.example.com/x'],
    ],
    [
      "import http.client\nc = http.client.HTTPSConnection('api.example.com')\nc.request('GET', '/v1')",
      'python',
      ['GET https://api.example.com/v1'],
    ],
    ["q.request('DELETE', key)", 'python', []],
    // fail closed: a method held in a variable, on a pool
    [
      "import urllib3; urllib3.PoolManager().request(verb, 'https://example.com/')",
      'python',
      ['DYNAMIC https://example.com/'],
    ],
    ["q.request(verb, 'https://example.com/')", 'python', []],
  ])('%s', (code, lang, want) => expect(requests(code, lang)).toEqual(want));
});

describe("requests through Julia's Downloads", () => {
  it.each<[string, string[]]>([
    [
      'using Downloads; Downloads.request("https://api.example.com/v1/datasets/prod"; method="DELETE", headers=["Authorization" => "Bearer FAKE"])',
      ['DELETE https://api.example.com/v1/datasets/prod'],
    ],
    [
      'using Downloads: request; request("https://api.example.com/v1/x"; method="DELETE")',
      ['DELETE https://api.example.com/v1/x'],
    ],
    [
      'using Downloads; Downloads.request("https://api.example.com/v1/x"; input=IOBuffer("{}"))',
      ['PUT https://api.example.com/v1/x {}'],
    ],
    [
      'using Downloads; Downloads.request("https://api.example.com/v1/x"; method=m)',
      ['DYNAMIC https://api.example.com/v1/x'],
    ],
    [
      'using Downloads; Downloads.download("https://api.example.com/v1/x", "x.json")',
      ['GET https://api.example.com/v1/x'],
    ],
    // `request` of another module is not Downloads'
    ['request("https://api.example.com/v1/x"; method="DELETE")', []],
  ])('%s', (code, want) => expect(requests(code, 'julia')).toEqual(want));
});
