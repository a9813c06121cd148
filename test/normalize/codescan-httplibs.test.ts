/**
 * HTTP client libraries of Node and Ruby (src/normalize/codescan-httplibs.ts), read as the
 * requests they send: method, URL (`?` when not known statically) and body.
 */
import { describe, expect, it } from 'vitest';
import { codeRequests } from '../helpers/code-requests.js';

/** Each request as `METHOD URL [body | <unknown body>]`. */
const requests = codeRequests;

describe('Node HTTP client libraries', () => {
  it.each<[string, string[]]>([
    [
      "require('undici').request('https://api.example.com/graphql',{method:'POST',body:JSON.stringify({query:'mutation { deleteApp(id: 1) }'})})",
      ['POST https://api.example.com/graphql {"query":"mutation { deleteApp(id: 1) }"}'],
    ],
    [
      "import { request } from 'undici'; await request('https://api.example.com/v1/x', { method: 'DELETE' })",
      ['DELETE https://api.example.com/v1/x'],
    ],
    [
      "const { Client } = require('undici'); const c = new Client('https://api.example.com'); await c.request({ path: '/v1/x', method: 'DELETE' })",
      ['DELETE https://api.example.com/v1/x'],
    ],
    [
      "import got from 'got'; await got.delete('https://api.example.com/v1/sites/1', {headers: {authorization: 'x'}})",
      ['DELETE https://api.example.com/v1/sites/1'],
    ],
    [
      "const got = require('got'); await got.post('https://api.example.com/graphql', {json: {query: 'mutation { a }'}})",
      ['POST https://api.example.com/graphql {"query":"mutation { a }"}'],
    ],
    [
      "import got from 'got'; await got('https://api.example.com/v1/x', {method: 'DELETE'})",
      ['DELETE https://api.example.com/v1/x'],
    ],
    [
      "import ky from 'ky'; await ky.delete('https://api.example.com/v1/x')",
      ['DELETE https://api.example.com/v1/x'],
    ],
    [
      "import { ofetch } from 'ofetch'; await ofetch('https://api.example.com/v1/x', { method: 'DELETE' })",
      ['DELETE https://api.example.com/v1/x'],
    ],
    [
      "const request = require('superagent'); request.del('https://api.example.com/v1/x').set('Authorization', t).end()",
      ['DELETE https://api.example.com/v1/x'],
    ],
    [
      "const superagent = require('superagent'); superagent.post('https://api.example.com/graphql').set('a', 'b').send({query: 'mutation { a }'})",
      ['POST https://api.example.com/graphql {"query":"mutation { a }"}'],
    ],
    [
      "const needle = require('needle'); needle('delete', 'https://api.example.com/v1/x', null, {})",
      ['DELETE https://api.example.com/v1/x'],
    ],
    [
      "const needle = require('needle'); needle.post('https://api.example.com/graphql', {query: 'mutation { a }'}, {json: true})",
      ['POST https://api.example.com/graphql {"query":"mutation { a }"}'],
    ],
    // reads only: GETs
    [
      "import got from 'got'; const r = await got('https://registry.npmjs.org/react').json()",
      ['GET https://registry.npmjs.org/react'],
    ],
    [
      "import ky from 'ky'; await ky.get('http://localhost:3000/health')",
      ['GET http://localhost:3000/health'],
    ],
    // not a client library
    ['const got = items.filter(Boolean); console.log(got.length)', []],
    ["const request = { method: 'DELETE' }; console.log(request)", []],
  ])('%s', (code, want) => expect(requests(code, 'node')).toEqual(want));
});

describe('Ruby HTTP client libraries', () => {
  it.each<[string, string[]]>([
    [
      'HTTParty.post("https://api.example.com/graphql", headers: {"A" => "b"}, body: File.read("q.json"))',
      ['POST https://api.example.com/graphql'],
    ],
    ['HTTParty.delete("https://api.example.com/v1/x")', ['DELETE https://api.example.com/v1/x']],
    [
      'p Faraday.new("https://api.example.com", headers: {"A" => "b"}).delete("/v1/zones/#{ENV["Z"]}").status',
      ['DELETE ?https://api.example.com/v1/zones/#{ENV["Z"]}'],
    ],
    [
      'conn = Faraday.new(url: "https://api.example.com/api"); conn.post("graphql", {query: "mutation { a }"}.to_json)',
      ['POST https://api.example.com/api/graphql {"query":"mutation { a }"}'],
    ],
    ['Faraday.delete("https://api.example.com/v1/x")', ['DELETE https://api.example.com/v1/x']],
    // fail closed: a body set in a block is not read
    [
      'c = Faraday.new("https://api.example.com"); c.post("/graphql") { |req| req.body = q }',
      ['POST https://api.example.com/graphql <unknown body>'],
    ],
    [
      'RestClient.delete("https://api.example.com/v1/x", {Authorization: "t"})',
      ['DELETE https://api.example.com/v1/x'],
    ],
    [
      'RestClient::Request.execute(method: :delete, url: "https://api.example.com/v1/x")',
      ['DELETE https://api.example.com/v1/x'],
    ],
    ['Typhoeus.delete("https://api.example.com/v1/x")', ['DELETE https://api.example.com/v1/x']],
    ['Excon.new("https://api.example.com").delete(path: "/v1/x")', ['DELETE https://api.example.com/v1/x']],
    // reads only
    [
      'puts HTTParty.get("https://api.example.com/v1/status").code',
      ['GET https://api.example.com/v1/status'],
    ],
    [
      'c = Faraday.new("http://localhost:3000"); puts c.get("/health").status',
      ['GET http://localhost:3000/health'],
    ],
    // not a client library
    ['h = {}; h.delete(:a)', []],
  ])('%s', (code, want) => expect(requests(code, 'ruby')).toEqual(want));
});
