/**
 * Ruby's curb and PHP's static HTTP clients (src/normalize/codescan-http-static.ts), read as
 * the requests they send: method, URL (`?` when not known statically) and body.
 */
import { describe, expect, it } from 'vitest';
import { codeRequests } from '../helpers/code-requests.js';

/** Each request as `METHOD URL [body | <unknown body>]`. */
const requests = codeRequests;

describe('curb', () => {
  it.each<[string, string[]]>([
    [
      'c = Curl::Easy.http_delete("https://api.example.com/projects/p1") { |e| e.verbose = true }',
      ['DELETE https://api.example.com/projects/p1'],
    ],
    ['Curl.delete("https://api.example.com/projects/p1")', ['DELETE https://api.example.com/projects/p1']],
    [
      'Curl.post("https://api.example.com/graphql", "{\\"query\\":\\"mutation { a }\\"}")',
      ['POST https://api.example.com/graphql {"query":"mutation { a }"}'],
    ],
    [
      'Curl.http(:DELETE, "https://api.example.com/projects/p1")',
      ['DELETE https://api.example.com/projects/p1'],
    ],
    [
      'c = Curl::Easy.new("https://api.example.com/projects/p1"); c.http_delete; puts c.response_code',
      ['DELETE https://api.example.com/projects/p1'],
    ],
    [
      'c = Curl::Easy.new("https://api.example.com/projects/p1"); c.http(:delete)',
      ['DELETE https://api.example.com/projects/p1'],
    ],
    [
      'c = Curl::Easy.new; c.url = "https://api.example.com/projects/p1"; c.delete = true; c.perform',
      ['DELETE https://api.example.com/projects/p1'],
    ],
    [
      'Curl::Easy.new("https://api.example.com/projects/p1").http(verb)',
      ['DYNAMIC https://api.example.com/projects/p1'],
    ],
    // reads stay GETs
    ['puts Curl.get("https://api.example.com/projects").body_str', ['GET https://api.example.com/projects']],
    [
      'puts Curl::Easy.perform("https://api.example.com/projects").body_str',
      ['GET https://api.example.com/projects'],
    ],
    [
      'c = Curl::Easy.new("https://api.example.com/projects"); c.perform',
      ['GET https://api.example.com/projects'],
    ],
  ])('%s', (code, want) => {
    expect(requests(code, 'ruby')).toEqual(want);
  });
});

describe('PHP static HTTP clients', () => {
  it.each<[string, string[]]>([
    [
      'echo Unirest\\Request::delete("http://registry.example.com:8081/subjects/s1?permanent=true")->code;',
      ['DELETE http://registry.example.com:8081/subjects/s1?permanent=true'],
    ],
    [
      '\\Unirest\\Request::send("DELETE", "https://api.example.com/v1/s1");',
      ['DELETE https://api.example.com/v1/s1'],
    ],
    [
      'use Unirest\\Request; Request::post("https://api.example.com/graphql", [], "{\\"query\\":\\"mutation { a }\\"}");',
      ['POST https://api.example.com/graphql {"query":"mutation { a }"}'],
    ],
    [
      '\\Httpful\\Request::delete("https://api.example.com/v1/s1")->send();',
      ['DELETE https://api.example.com/v1/s1'],
    ],
    [
      'WpOrg\\Requests\\Requests::delete("https://api.example.com/v1/s1");',
      ['DELETE https://api.example.com/v1/s1'],
    ],
    [
      'Requests::request("https://api.example.com/v1/s1", [], null, Requests::DELETE);',
      ['DELETE https://api.example.com/v1/s1'],
    ],
    [
      'Requests::request("https://api.example.com/v1/s1", [], null, $m);',
      ['DYNAMIC https://api.example.com/v1/s1'],
    ],
    // reads stay GETs; a Request class of no client library sends nothing
    [
      'echo Unirest\\Request::get("https://api.example.com/v1/subjects")->raw_body;',
      ['GET https://api.example.com/v1/subjects'],
    ],
    ['Requests::request("https://api.example.com/v1/s1");', ['GET https://api.example.com/v1/s1']],
    ['echo Request::delete("https://api.example.com/v1/s1");', []],
  ])('%s', (code, want) => {
    expect(requests(code, 'php')).toEqual(want);
  });
});

describe('Perl request objects', () => {
  it.each<[string, string[]]>([
    [
      'LWP::UserAgent->new->request(HTTP::Request->new(DELETE => "https://api.example.com/v1/s1"))',
      ['DELETE https://api.example.com/v1/s1'],
    ],
    [
      'my $r = HTTP::Request->new($m, "https://api.example.com/v1/s1");',
      ['DYNAMIC https://api.example.com/v1/s1'],
    ],
    [
      'my $r = HTTP::Request->new("GET", "https://api.example.com/v1/s1");',
      ['GET https://api.example.com/v1/s1'],
    ],
  ])('%s', (code, want) => {
    expect(requests(code, 'perl')).toEqual(want);
  });
});
