/** HTTP clients configured by a chain of calls (src/normalize/codescan-http-chains.ts): wretch and http.rb. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const requests = (script: string) =>
  normalizeIn(ctx, script)
    .commands.filter((c) => c.argv[0] === 'curl')
    .map((c) => c.argv.join(' '));

describe('chained HTTP clients', () => {
  it.each<[string, string]>([
    [
      `node --input-type=module -e "import wretch from 'wretch'; await wretch('https://api.example.com/v1/servers/1/action').headers({ a: 1 }).post({ action: 'terminate' }).json()"`,
      'curl -X POST https://api.example.com/v1/servers/1/action',
    ],
    [
      `node -e "const wretch = require('wretch'); wretch('https://api.example.com').url('/v1/sites/s1').auth('Bearer x').delete().res()"`,
      'curl -X DELETE https://api.example.com/v1/sites/s1',
    ],
    [
      `ruby -rhttp -e 'HTTP.auth("Bearer #{ENV.fetch("T")}").delete("https://api.example.com/2.0/folders/1", params: { recursive: true })'`,
      'curl -X DELETE https://api.example.com/2.0/folders/1',
    ],
    [
      `ruby -rhttp -e 'HTTP.headers(accept: "application/json").post("https://api.example.com/x", json: { a: 1 })'`,
      'curl -X POST https://api.example.com/x',
    ],
    [
      `ruby -rhttp -e 'HTTP.request(:delete, "https://api.example.com/y")'`,
      'curl -X DELETE https://api.example.com/y',
    ],
  ])('%s', (script, want) =>
    expect(requests(script).map((r) => r.split(' -H')[0].split(' -d')[0])).toContain(want),
  );

  it.each<[string, string[]]>([
    // a local function named wretch, Net::HTTP, and a chain that never sends
    [`node -e "const wretch = (u) => u; wretch('https://api.example.com').delete()"`, []],
    [`ruby -rhttp -e 'c = HTTP.auth("Bearer x"); puts c'`, []],
  ])('%s sends nothing', (script, want) => expect(requests(script)).toEqual(want));
});
