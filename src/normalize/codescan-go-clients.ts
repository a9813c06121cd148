/**
 * Go HTTP and GraphQL client libraries, read as the requests they send:
 * - resty: `client.R()…Delete(url)` (also Put, Patch, Post, Get), in code that imports
 *   `github.com/go-resty/resty`;
 * - machinebox/graphql: `graphql.NewRequest(DOC)` sent by the `graphql.NewClient(URL)` of the
 *   code: a POST of `{"query": DOC}` to URL;
 * - shurcooL/graphql and hasura/go-graphql-client: `client.Mutate(ctx, &m, …)`, whose document
 *   is the `graphql:"field(args)"` struct tags of the code: a POST of `mutation { field(args) }`
 *   to the `graphql.NewClient(URL, …)` of the code.
 * A URL or document not known statically stays dynamic (the request is then asked).
 */
import { callArgs, literalOf, type Lexed } from './codelex.js';
import type { HttpEffect } from './codescan-http.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';
import type { Field } from './state.js';

/** True when the code's literals name the Go module `path` (its import). */
const imports = (lx: Lexed, path: RegExp) => lx.lits.some((l) => path.test(l.value));

/** The URL of the code's first `graphql.NewClient(URL, …)`; dynamic when none is known. */
function clientUrl(lx: Lexed, home: string, h: Helpers): Field {
  const m = /\bgraphql\.NewClient\s*\(/.exec(lx.skel);
  const url = m ? callArgs(lx.skel, m.index + m[0].length).args[0] : undefined;
  // fail closed: a client whose endpoint is not in the code
  return url === undefined ? { text: '(graphql endpoint)', dynamic: true } : h.valueOf(url, lx, home);
}

const post = (url: Field, doc: string | undefined): HttpEffect =>
  doc === undefined
    ? { kind: 'http', method: 'POST', url, bodyUnknown: true }
    : { kind: 'http', method: 'POST', url, body: JSON.stringify({ query: doc }) };

export function goClientPatterns(h: Helpers): Pattern[] {
  return [
    {
      re: /\.\s*(Get|Head|Delete|Put|Patch|Post|Options)\s*\(/g,
      handle: (a, lx, home, m) => {
        if (!imports(lx, /^github\.com\/go-resty\/resty(\/v\d+)?$/)) return [];
        // only a resty request chain: `….R()…Delete(url)`
        const before = lx.skel.slice(Math.max(0, m.index - 600), m.index);
        if (!/\.R\s*\(\s*\)/.test(before)) return [];
        return h.http(m[1].toUpperCase(), [a[0] ?? ''], lx, home, 'go');
      },
    },
    {
      re: /\bgraphql\.NewRequest\s*\(/g,
      handle: (a, lx, home) => {
        if (!imports(lx, /^github\.com\/machinebox\/graphql$/)) return [];
        const l = literalOf(a[0] ?? '', lx);
        return [post(clientUrl(lx, home, h), l && !l.dynamic ? l.value : undefined)];
      },
    },
    {
      re: /\.Mutate\s*\(/g,
      handle: (_a, lx, home) => {
        if (
          !imports(lx, /^github\.com\/(shurcooL|hasura\/go-graphql-client)|^github\.com\/shurcooL\/graphql$/)
        )
          return [];
        const fields = lx.lits.flatMap((l) => [...l.value.matchAll(/\bgraphql:"((?:[^"\\]|\\.)*)"/g)]);
        const doc = fields.length
          ? `mutation { ${fields.map((f) => f[1].replace(/\\"/g, '"')).join(' ')} }`
          : undefined;
        return [post(clientUrl(lx, home, h), doc)] as Effect[];
      },
    },
  ];
}
