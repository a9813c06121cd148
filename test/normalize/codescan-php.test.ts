/**
 * HTTP requests PHP code sends (src/normalize/codescan-php.ts): curl handles and the stream
 * wrappers with a stream context, as synthetic curl commands `METHOD URL [-H …] [BODY]`.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type AnalyzeContext } from '../../src/engine/types.js';
import { normalize } from '../../src/normalize/index.js';
import { parseScript } from '../../src/parse/parse.js';

const ctx: AnalyzeContext = {
  cwd: '/w',
  workspace: '/w',
  home: '/h',
  env: { HOME: '/h' },
  limits: DEFAULT_LIMITS,
};

/** The synthetic requests the code makes, as `METHOD URL [-H H] [BODY]` (`?` marks a dynamic word). */
function requests(script: string): string[] {
  const r = normalize(parseScript(script, ctx.limits), ctx);
  expect(r.issues).toEqual([]);
  return r.commands
    .filter((c) => c.program === 'curl' && c.depth > 0)
    .map((c) =>
      c.argv
        .map((a, i) => (c.dynamicArgs.includes(i) ? `?${a}` : a))
        .slice(2)
        .filter((a) => a !== '-d')
        .join(' '),
    );
}

describe('PHP stream contexts and curl handles', () => {
  it.each<[string, string[]]>([
    [
      `php -r '$ctx = stream_context_create(["http" => ["method" => "POST", "header" => "Content-Type: application/json", "content" => json_encode(["query" => "mutation { deleteStore(id: 12) { id } }"])]]); echo file_get_contents("https://api.example.com/graphql", false, $ctx);'`,
      [
        'POST https://api.example.com/graphql -H Content-Type: application/json {"query":"mutation { deleteStore(id: 12) { id } }"}',
      ],
    ],
    [
      `php -r 'file_get_contents("https://api.example.com/v1/db/1", false, stream_context_create(["http" => ["method" => "DELETE"]]));'`,
      ['DELETE https://api.example.com/v1/db/1'],
    ],
    [
      // over lines, array(), a header array with an override, the body a variable
      `php <<'EOF'\n<?php\n$body = '{"id": 1}';\n$opts = array(\n  'http' => array(\n    'method' => 'POST',\n    'header' => array('X-HTTP-Method-Override: DELETE'),\n    'content' => $body,\n  ),\n);\n$f = fopen('https://api.example.com/v1/a', 'r', false, stream_context_create($opts));\nEOF`,
      ['POST https://api.example.com/v1/a -H X-HTTP-Method-Override: DELETE {"id": 1}'],
    ],
    [
      `php -r 'file_get_contents("https://api.example.com/v1/a", false, stream_context_create(["http" => ["method" => "POST", "content" => http_build_query(["_method" => "DELETE"])]]));'`,
      ['POST https://api.example.com/v1/a _method=DELETE'],
    ],
    [
      `php -r '$c = curl_init("https://api.example.com/v1/a"); curl_setopt($c, CURLOPT_POSTFIELDS, "x=1"); curl_setopt($c, CURLOPT_HTTPHEADER, ["X-HTTP-Method-Override: DELETE"]); curl_exec($c);'`,
      ['POST https://api.example.com/v1/a -H X-HTTP-Method-Override: DELETE x=1'],
    ],
    // fail closed: a context not readable statically leaves the method unknown
    [
      `php -r 'file_get_contents("https://api.example.com/v1/a", false, make_ctx());'`,
      ['DYNAMIC https://api.example.com/v1/a ?(body)'],
    ],
    // a plain GET of a URL
    [
      `php -r 'echo file_get_contents("https://example.com/robots.txt");'`,
      ['GET https://example.com/robots.txt'],
    ],
    // files are not requests
    [`php -r 'echo file_get_contents("composer.json");'`, []],
    [`php -r 'echo file_get_contents($argv[1]);'`, []],
    [`php -r '$f = fopen("out.log", "w", false, stream_context_create([]));'`, []],
  ])('%s', (script, want) => expect(requests(script)).toEqual(want));
});

describe('PHP HTTP client libraries', () => {
  it.each<[string, string[]]>([
    [
      `php -r '$c = new GuzzleHttp\\Client(); $c->post("https://api.example.com/graphql", ["headers" => ["Authorization" => getenv("T")], "json" => ["query" => "mutation { teamDelete(id: 1) { success } }"]]);'`,
      [
        'POST https://api.example.com/graphql -H Authorization: $ {"query":"mutation { teamDelete(id: 1) { success } }"}',
      ],
    ],
    [
      `php -r '$c = new GuzzleHttp\\Client(["base_uri" => "https://api.example.com/v1/"]); $c->request("DELETE", "projects/1");'`,
      ['DELETE https://api.example.com/v1/projects/1'],
    ],
    [
      `php -r '$c = new GuzzleHttp\\Client(); $c->deleteAsync("https://api.example.com/v1/x")->wait();'`,
      ['DELETE https://api.example.com/v1/x'],
    ],
    [
      `php -r 'use Symfony\\Component\\HttpClient\\HttpClient; HttpClient::create()->request("DELETE", "https://api.example.com/v1/x");'`,
      ['DELETE https://api.example.com/v1/x'],
    ],
    [
      `php -r 'Http::withToken(getenv("T"))->post("https://api.example.com/graphql", ["query" => "mutation { a }"]);'`,
      ['POST https://api.example.com/graphql {"query":"mutation { a }"}'],
    ],
    // reads only, and no client library
    [
      `php -r '$c = new GuzzleHttp\\Client(); echo $c->get("https://api.example.com/v1/status")->getStatusCode();'`,
      ['GET https://api.example.com/v1/status'],
    ],
    [`php -r '$u = $repo->delete(); $cache->get("k");'`, []],
  ])('%s', (script, want) => expect(requests(script)).toEqual(want));
});

describe("WordPress's HTTP API", () => {
  it.each<[string, string[]]>([
    [
      `wp eval 'wp_remote_request("https://api.example.com/v1/sites/42", ["method" => "DELETE", "headers" => ["Authorization" => "Bearer " . getenv("T")]]);'`,
      ['DELETE https://api.example.com/v1/sites/42 -H Authorization: $'],
    ],
    [
      `wp eval 'wp_safe_remote_post("https://api.example.com/v1/purge", ["body" => ["all" => 1]]);'`,
      ['POST https://api.example.com/v1/purge {"all":1}'],
    ],
    [
      `wp eval 'wp_remote_request("https://api.example.com/v1/x", ["method" => $m]);'`,
      ['DYNAMIC https://api.example.com/v1/x'],
    ],
    // reads: a GET, and a request without a method
    [
      `wp eval 'wp_remote_get("https://api.example.com/v1/status");'`,
      ['GET https://api.example.com/v1/status'],
    ],
    [
      `wp eval 'wp_remote_request("https://api.example.com/v1/status");'`,
      ['GET https://api.example.com/v1/status'],
    ],
  ])('%s', (script, want) => expect(requests(script)).toEqual(want));
});
