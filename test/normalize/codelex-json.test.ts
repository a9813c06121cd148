/**
 * The JSON a data literal written in code stands for (src/normalize/codelex-json.ts): each
 * language's object, array and scalar spellings, the encoders around them, and names assigned
 * once read through; anything not known makes the whole value unknown.
 */
import { describe, expect, it } from 'vitest';
import { lex, type Lang } from '../../src/normalize/codelex.js';
import { dataJson } from '../../src/normalize/codelex-json.js';

/** The JSON of the last line's expression, the lines before it being the code around it. */
function json(lang: Lang, code: string): string | undefined {
  const lx = lex(code, lang);
  const lines = lx.skel.split('\n');
  return dataJson(lines[lines.length - 1], lx);
}

describe('data literals as JSON', () => {
  it.each<[Lang, string, string | undefined]>([
    [
      'ruby',
      `{ 'query' => 'mutation { a }', :vars => { id: 1 } }.to_json`,
      '{"query":"mutation { a }","vars":{"id":1}}',
    ],
    ['ruby', `q = 'mutation { a }'\nJSON.generate({ query: q })`, '{"query":"mutation { a }"}'],
    [
      'elixir',
      `Jason.encode!(%{"query" => "m", variables: %{id: "x", n: nil, ok: true}})`,
      '{"query":"m","variables":{"id":"x","n":null,"ok":true}}',
    ],
    ['elixir', `@q "mutation { a }"\n%{query: @q}`, '{"query":"mutation { a }"}'],
    [
      'r',
      `m <- "mutation { a }"\nlist(query = m, variables = list(ids = c("a", "b"), all = TRUE))`,
      '{"query":"mutation { a }","variables":{"ids":["a","b"],"all":true}}',
    ],
    ['r', `jsonlite::toJSON(list(query = "q"), auto_unbox = TRUE)`, '{"query":"q"}'],
    [
      'rust',
      `const M: &str = "mutation { a }";\n&serde_json::json!({ "query": M, "variables": { "id": 4 } })`,
      '{"query":"mutation { a }","variables":{"id":4}}',
    ],
    ['rust', `let body = json!({ "q": [1, 2] });\nserde_json::to_string(&body).unwrap()`, '{"q":[1,2]}'],
    ['julia', `Dict("query" => "m")`, '{"query":"m"}'],
    // not known: an interpolated string, a name bound twice or never, a call
    ['ruby', `{ query: "mutation { a(id: #{id}) }" }.to_json`, undefined],
    ['elixir', `%{query: File.read!("q.graphql")}`, undefined],
    ['python', `q = 'a'\nq = 'b'\n{'query': q}`, undefined],
    ['r', `list(query = readLines(f))`, undefined],
  ])('%s: %s', (lang, code, want) => expect(json(lang, code)).toBe(want));
});
