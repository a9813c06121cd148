/**
 * SDK sessions a program mocks, so that its calls touch nothing real: Ruby's fog after
 * `Fog.mock!` (its objects' `destroy` then acts on fog's in-memory store), Ruby's AWS SDK with
 * `stub_responses` set for every client, and Python's moto (`with mock_aws():`, `@mock_aws`,
 * `mock_aws().start()`, also the per-service `mock_s3`…). Only where the mock is unambiguous:
 * - fog: `Fog.mock!` before any fog service is made, never `Fog.unmock!`, and the program loads
 *   no other library that could reach a store (only fog and Ruby's standard helpers);
 * - moto: every boto3 client or resource is made inside the mock (an indented line of a `with
 *   mock_…():` block or of a function decorated `@mock_…`), or after `.start()` of one with no
 *   `.stop()`;
 * - Ruby AWS SDK: `Aws.config[:stub_responses] = true` (or `update(stub_responses: true)`) before
 *   any client is made.
 * The result names the SDK tools whose calls are mocked (`fog`, `boto3`, `aws-sdk`); empty = none.
 * Pure; reads the code's text.
 */

/** Libraries a fog-mocked Ruby program may load and still reach no store. */
const RUBY_HELPERS = /^(?:fog(?:[-/][\w/-]+)?|json|securerandom|logger|pp|set|time|date|yaml|digest|base64)$/;
/** Ruby code that reaches a store by another library. */
const RUBY_STORES =
  /\b(?:ActiveRecord|Sequel|Mongoid|Redis|PG\.connect|Mysql2|Aws::|Net::HTTP|Faraday|HTTParty|RestClient|Rails)\b/;

function fogMocked(code: string): boolean {
  const mock = code.search(/\bFog\.mock!/);
  if (mock < 0 || /\bFog\.unmock!/.test(code)) return false;
  const firstService = code.search(/\bFog::\w+(?:::\w+)*\.new\b/);
  if (firstService >= 0 && firstService < mock) return false;
  const libs = [
    ...[...code.matchAll(/\brequire\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]),
    ...[...code.matchAll(/(?:^|\s)-r\s*([\w/-]+)/g)].map((m) => m[1]),
  ];
  return libs.every((l) => RUBY_HELPERS.test(l)) && !RUBY_STORES.test(code);
}

/** Whether line `i` of `lines` is inside the indented block opened at line `open`. */
function inBlock(lines: string[], open: number, i: number): boolean {
  if (i <= open) return false;
  const base = /^\s*/.exec(lines[open])?.[0].length ?? 0;
  for (let j = open + 1; j <= i; j++) {
    if (!lines[j].trim()) continue;
    if ((/^\s*/.exec(lines[j])?.[0].length ?? 0) <= base) return false;
  }
  return true;
}

function motoMocked(code: string): boolean {
  if (!/^\s*(?:from\s+moto\b|import\s+(?:[\w.]+\s*,\s*)*moto\b)/m.test(code)) return false;
  const lines = code.split('\n');
  const opens = lines.flatMap((l, i) =>
    /^\s*(?:async\s+)?with\b.*\bmock_\w+\s*\(/.test(l) || /^\s*@\s*(?:moto\.)?mock_\w+/.test(l) ? [i] : [],
  );
  // a decorator opens the block of the function below it
  const blocks = opens.map((o) => (/^\s*@/.test(lines[o]) ? o + 1 : o));
  // `mock_aws().start()`, or `m = mock_aws()` … `m.start()`
  const started = lines.findIndex((l) => {
    const named = /^\s*(\w+)\.start\s*\(\s*\)/.exec(l)?.[1];
    return (
      /\bmock_\w+\s*\([^)]*\)\s*\.start\s*\(/.test(l) ||
      (named !== undefined && new RegExp(`\\b${named}\\s*=\\s*(?:moto\\.)?mock_\\w+\\s*\\(`).test(code))
    );
  });
  const stopped = /\.stop\s*\(\s*\)/.test(code);
  const makes = lines.flatMap((l, i) => (/\.\s*(?:client|resource)\s*\(/.test(l) ? [i] : []));
  if (!makes.length) return false;
  return makes.every(
    (i) => blocks.some((b) => inBlock(lines, b, i)) || (started >= 0 && !stopped && i > started),
  );
}

function awsStubbed(code: string): boolean {
  const stub = code.search(
    /\bAws\.config(?:\[:stub_responses\]\s*=\s*true|\.update\(\s*\{?\s*stub_responses:\s*true)/,
  );
  if (stub < 0) return false;
  const first = code.search(/\bAws::\w+::Client\.new\b/);
  return first < 0 || first > stub;
}

/** The SDK tools whose calls `code` mocks (see the header). */
export function mockedTools(code: string): Set<string> {
  const out = new Set<string>();
  if (fogMocked(code)) out.add('fog');
  if (motoMocked(code)) out.add('boto3');
  if (awsStubbed(code)) out.add('aws-sdk');
  return out;
}
