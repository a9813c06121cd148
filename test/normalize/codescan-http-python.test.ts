/**
 * Python HTTP session objects and httplib2 (src/normalize/codescan-http-python.ts), and the
 * module functions of grequests and treq, read as the requests they send.
 */
import { describe, expect, it } from 'vitest';
import { codeRequests } from '../helpers/code-requests.js';

/** Each distinct request as `METHOD URL [body | <unknown body>]`. */
const requests = (code: string) => [...new Set(codeRequests(code, 'python'))];

describe('Python HTTP sessions and clients', () => {
  it.each<[string, string[]]>([
    [
      "from requests_futures.sessions import FuturesSession; FuturesSession().post('https://api.example.com/v2/deleteMonitor', data={'id': '1'}).result()",
      ['POST https://api.example.com/v2/deleteMonitor {"id":"1"}'],
    ],
    [
      "from requests_futures.sessions import FuturesSession; fs = FuturesSession(max_workers=4); fs.delete('https://api.example.com/v1/monitors/1')",
      ['DELETE https://api.example.com/v1/monitors/1'],
    ],
    [
      "import grequests; grequests.map([grequests.delete('https://api.example.com/v1/lists/a')])",
      ['DELETE https://api.example.com/v1/lists/a'],
    ],
    [
      "import grequests; grequests.map([grequests.request('DELETE', 'https://api.example.com/v1/lists/a')])",
      ['DELETE https://api.example.com/v1/lists/a'],
    ],
    [
      "import treq; treq.delete('https://api.example.com/v1/zones/z1')",
      ['DELETE https://api.example.com/v1/zones/z1'],
    ],
    [
      "import httpx\nasync def main():\n    async with httpx.AsyncClient(base_url='https://api.example.com/v1') as api:\n        await api.delete('/zones/z1')",
      ['DELETE https://api.example.com/v1/zones/z1'],
    ],
    [
      "import aiohttp\nasync def m():\n    async with aiohttp.ClientSession() as http:\n        await http.request('DELETE', 'https://api.example.com/v1/zones/z1')",
      ['DELETE https://api.example.com/v1/zones/z1'],
    ],
    ['import requests\nwith requests.Session() as sess:\n    sess.delete(u)', ['DELETE ?u']],
    [
      "import httplib2; h = httplib2.Http(); h.request('https://api.example.com/v1/zones/z1', 'DELETE')",
      ['DELETE https://api.example.com/v1/zones/z1'],
    ],
    [
      "import httplib2; httplib2.Http().request('https://api.example.com/v1/zones/z1', method=m)",
      ['DYNAMIC https://api.example.com/v1/zones/z1'],
    ],
    // reads stay GETs
    [
      "import httplib2; h = httplib2.Http(); h.request('https://api.example.com/v1/zones')",
      ['GET https://api.example.com/v1/zones'],
    ],
    [
      "import aiohttp\nasync def m():\n    async with aiohttp.ClientSession() as http:\n        await http.get('https://api.example.com/v1/zones')",
      ['GET https://api.example.com/v1/zones'],
    ],
    ['import httpx; c = httpx.Client(); c.close()', []],
  ])('%s', (code, want) => {
    expect(requests(code)).toEqual(want);
  });
});
