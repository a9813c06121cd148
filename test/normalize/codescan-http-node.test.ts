/**
 * More Node HTTP client libraries (src/normalize/codescan-http-node.ts), read as the requests
 * they send: method, URL (`?` when not known statically) and body.
 */
import { describe, expect, it } from 'vitest';
import { codeRequests } from '../helpers/code-requests.js';

/** Each request as `METHOD URL [body | <unknown body>]`. */
const requests = (code: string) => codeRequests(code, 'node');

describe('Node HTTP client libraries read by the shape of their calls', () => {
  it.each<[string, string[]]>([
    // bent: the method among the factory's arguments, the base URL joined with the path
    [
      "const bent = require('bent'); const del = bent('https://api.example.com', 'DELETE', 'json', 204); del('/v1/pages/p1')",
      ['DELETE https://api.example.com/v1/pages/p1'],
    ],
    [
      "require('bent')('DELETE', 204)('https://api.example.com/v1/pages/p1')",
      ['DELETE https://api.example.com/v1/pages/p1'],
    ],
    [
      "const bent = require('bent'); const post = bent('POST', 'json'); post('https://api.example.com/graphql', {query: 'mutation { a }'})",
      ['POST https://api.example.com/graphql {"query":"mutation { a }"}'],
    ],
    [
      "const bent = require('bent'); bent('json')('https://api.example.com/v1/pages')",
      ['GET https://api.example.com/v1/pages'],
    ],
    // fail closed: a factory argument not known statically may be the method
    [
      "const bent = require('bent'); bent(process.argv[2])('https://api.example.com/v1/pages')",
      ['DYNAMIC https://api.example.com/v1/pages'],
    ],
    // phin and the request family: an options object or a URL first
    [
      "require('phin')({url: 'https://api.example.com/v2/contacts/4/hard_delete', method: 'DELETE'})",
      ['DELETE https://api.example.com/v2/contacts/4/hard_delete'],
    ],
    [
      "const p = require('phin'); p({url: 'https://api.example.com/v2/contacts', parse: 'json'})",
      ['GET https://api.example.com/v2/contacts'],
    ],
    ["const p = require('phin'); p(opts)", ['DYNAMIC ?opts']],
    [
      "const request = require('request'); request.del('https://api.example.com/v1/buckets/b1', cb)",
      ['DELETE https://api.example.com/v1/buckets/b1'],
    ],
    [
      "const rp = require('request-promise'); rp({uri: 'https://api.example.com/v1/buckets/b1', method: 'DELETE'})",
      ['DELETE https://api.example.com/v1/buckets/b1'],
    ],
    [
      "const request = require('request'); request.post('https://api.example.com/v1/x', {json: {a: 1}})",
      ['POST https://api.example.com/v1/x {"a":1}'],
    ],
    // fetch-shaped
    [
      "const fetch = require('node-fetch'); fetch('https://api.example.com/v1/apps/a', {method: 'DELETE'})",
      ['DELETE https://api.example.com/v1/apps/a'],
    ],
    [
      "const fetch = require('make-fetch-happen'); fetch('https://api.example.com/v1/apps/a', {method: 'DELETE'})",
      ['DELETE https://api.example.com/v1/apps/a'],
    ],
    [
      "import { $fetch } from 'ofetch'; await $fetch('https://api.example.com/v1/apps/a', {method: 'DELETE'})",
      ['DELETE https://api.example.com/v1/apps/a'],
    ],
    [
      "const axios = require('redaxios'); axios.delete('https://api.example.com/v1/apps/a')",
      ['DELETE https://api.example.com/v1/apps/a'],
    ],
    [
      "require('got')('https://api.example.com/v1/apps/a', {method: 'DELETE'})",
      ['DELETE https://api.example.com/v1/apps/a'],
    ],
    [
      "const centra = require('centra'); centra('https://api.example.com/v1/apps/a', 'DELETE').send()",
      ['DELETE https://api.example.com/v1/apps/a'],
    ],
    // instances with a base URL
    [
      "const got = require('got'); const api = got.extend({prefixUrl: 'https://api.example.com'}); api.delete('v1/sites/9')",
      ['DELETE https://api.example.com/v1/sites/9'],
    ],
    [
      "const got = require('got'); const api = got.extend({prefixUrl: 'https://api.example.com'}); api('v1/sites/9', {method: 'DELETE'})",
      ['DELETE https://api.example.com/v1/sites/9'],
    ],
    [
      "import ky from 'ky'; await ky.create({prefixUrl: 'https://api.example.com'}).get('v1/sites')",
      ['GET https://api.example.com/v1/sites'],
    ],
    // reads stay GETs; a local function of the same name is not the library
    [
      "const fetch = require('cross-fetch'); fetch('https://api.example.com/v1/apps')",
      ['GET https://api.example.com/v1/apps'],
    ],
    ["function request(u) { return u } request('https://api.example.com/v1/apps/a', {method: 'DELETE'})", []],
    ["const phin = (o) => o; phin({url: 'https://api.example.com/v1/apps/a', method: 'DELETE'})", []],
    // a string equal to a module's name is not an import of it (an event name, a log label)
    [
      "server.on('request', h); const request = {del: (u) => u}; request.del('https://api.example.com/v1/items/1')",
      [],
    ],
    ["log('phin'); const phin = (o) => o; phin({url: 'https://api.example.com/v1/a', method: 'DELETE'})", []],
    // import forms: import … from, a dynamic import()
    [
      "import request from 'request'; function request2() {} request.del('https://api.example.com/v1/items/1')",
      ['DELETE https://api.example.com/v1/items/1'],
    ],
    [
      "const { default: phin } = await import('phin'); phin({url: 'https://api.example.com/v1/a', method: 'DELETE'})",
      ['DELETE https://api.example.com/v1/a'],
    ],
  ])('%s', (code, want) => {
    expect(requests(code)).toEqual(want);
  });
});
