/**
 * HTTP requests of Rust code (`rust-script`, a crate `cargo run` builds: project-code.ts):
 * reqwest and ureq, read as the request their builder chain sends. The verb
 * (`client.delete(url)`, `ureq::post(url)`, `client.request(Method::DELETE, url)`), the URL, and
 * the body set anywhere in the statement's chain, over as many lines as it takes (`.json(&json!({
 * "query": "mutation { … }" }))`, `.body(text)`, `.send_string(s)`, `.send_json(v)`, `.form(&f)`),
 * read as data through names assigned once (`let body = json!({…}); ….json(&body)`).
 * graphql_client's `post_graphql(&client, url, vars)` sends a document kept in a `.graphql` file
 * not read here: an unknown GraphQL body.
 */
import { callArgs, literalOf, type Lexed } from './codelex.js';
import { post } from './codescan-graphql-clients.js';
import { statementFrom } from './call-args.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';

/** The body a builder chain sets (`.json(&x)`, `.body(x)`, `.send_string(x)`); undefined = none. */
function chainBody(stmt: string): string | undefined {
  const at = /\.(?:body|json|form|send_string|send_json|send_bytes|send_form)\s*\(/.exec(stmt);
  return at ? callArgs(stmt, at.index + at[0].length).args[0] : undefined;
}

/** The verb of `Method::DELETE` / `reqwest::Method::POST` / `"DELETE"`; 'DYNAMIC' when not known. */
function methodOf(expr: string | undefined, lx: Lexed): string {
  const c = /^\s*(?:\w+::)*Method::([A-Z]+)\s*$/.exec(expr ?? '');
  if (c) return c[1];
  const l = literalOf(expr ?? '', lx);
  return l && !l.dynamic ? l.value.toUpperCase() : 'DYNAMIC';
}

export function rustHttpPatterns(h: Helpers): Pattern[] {
  const send = (method: string, url: string, m: RegExpExecArray, lx: Lexed, home: string): Effect[] => {
    const body = chainBody(statementFrom(lx.skel, m.index));
    return h.http(method, [url, ...(body !== undefined ? [`body: ${body}`] : [])], lx, home, 'rust');
  };
  return [
    // reqwest / ureq: `client.delete(url).send()`, `ureq::post(url).send_string(body)`
    {
      re: /(?:\bureq::|\breqwest::(?:blocking::)?|\.)(get|post|put|patch|delete|head)\s*\(/g,
      handle: (a, lx, home, m) =>
        /\b(?:reqwest|ureq)\b/.test(lx.skel) ? send(m[1], a[0] ?? '', m, lx, home) : [],
    },
    // `client.request(Method::DELETE, url)`, ureq's `ureq::request("DELETE", url)`
    {
      re: /(?:\bureq::|\.)request\s*\(/g,
      handle: (a, lx, home, m) =>
        /\b(?:reqwest|ureq)\b/.test(lx.skel) && a.length >= 2
          ? send(methodOf(a[0], lx), a[1], m, lx, home)
          : [],
    },
    {
      re: /\bpost_graphql(?:_blocking)?\s*(?:::\s*<[^>]*>\s*)?\(/g,
      // fail closed: the document is in a .graphql file the derive macro reads at build time
      handle: (a, lx, home) => [post(h.valueOf(a[1] ?? '', lx, home), undefined)],
    },
  ];
}
