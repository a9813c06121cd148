/**
 * GraphQL client libraries of Node, read as the POST of the document they send (the request
 * effects codescan-http.ts makes, with `{"query": DOCUMENT}` as the body):
 * - Apollo Client: `client.mutate({mutation: gql`…`})` and `client.query({query: gql`…`})`,
 *   sent to the `uri` of the `new HttpLink({uri})` / `new ApolloClient({uri})` in the code;
 * - graphql-request: `request(URL, DOCUMENT)`, and `new GraphQLClient(URL)` whose
 *   `.request(DOCUMENT)` / `.rawRequest(DOCUMENT)` send to its URL.
 * The document is a literal, a tagged template (`gql`, `graphql`), or a name assigned one once;
 * a document or URL not known statically stays dynamic (an unknown body makes the request
 * asked). Node code arrives with its imports resolved (codeparse.ts), so the library's names
 * are read with their module's dotted prefix.
 * Python's python_graphql_client: `GraphqlClient(endpoint=URL)` whose `.execute(query=DOC)` /
 * `.execute_async(…)` sends DOC to URL (pythonGraphqlPatterns).
 */
import { callArgs, kwarg, literalOf, type Lexed } from './codelex.js';
import type { HttpEffect } from './codescan-http.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Field } from './state.js';

/** The GraphQL document of an expression: a string or tagged template, through one assignment; undefined = not known. */
export function documentOf(expr: string | undefined, lx: Lexed, hops = 0): string | undefined {
  if (expr === undefined) return undefined;
  const t = expr.trim().replace(/^(?:[\w$]+\.)*(?:gql|graphql|parse)\s*(?=\u0001|\()/, '');
  const inner = /^\(\s*([\s\S]*?)\s*\)$/.exec(t);
  const l = literalOf(inner ? inner[1] : t, lx);
  if (l) return l.dynamic ? undefined : l.value;
  // a name (Elixir's `@attr`, R's `my.doc` too) assigned once
  const name = /^[@$]?([A-Za-z_$][\w$.]*)$/.exec(t);
  const assigned = name ? (lx.vars.get(t) ?? lx.vars.get(name[1])) : undefined;
  return assigned && hops < 4 ? documentOf(assigned, lx, hops + 1) : undefined;
}

/**
 * The request that posts `doc` to `url`, with the variables' JSON text when known (undefined =
 * none known). The body is unknown when the document is not known.
 */
export function post(url: Field, doc: string | undefined, variables?: string): HttpEffect {
  // fail closed: a GraphQL client's document not known statically is an unknown body, sent as
  // GraphQL (its content type) so that any endpoint it goes to reads as a GraphQL one
  if (doc === undefined)
    return {
      kind: 'http',
      method: 'POST',
      url,
      bodyUnknown: true,
      headers: ['Content-Type: application/graphql'],
    };
  const vars = variables === undefined ? undefined : (JSON.parse(variables) as unknown);
  const body = vars !== null && typeof vars === 'object' ? { query: doc, variables: vars } : { query: doc };
  return { kind: 'http', method: 'POST', url, body: JSON.stringify(body) };
}

/** The `uri` an Apollo link or client in the code is built with; dynamic when none is known. */
function apolloUri(lx: Lexed, home: string, h: Helpers): Field {
  for (const m of lx.skel.matchAll(/\b(?:HttpLink|ApolloClient|createHttpLink|BatchHttpLink)\s*\(/g)) {
    const uri = kwarg(callArgs(lx.skel, m.index + m[0].length).args, 'uri');
    if (uri !== undefined) return h.valueOf(uri, lx, home);
  }
  // fail closed: the endpoint is not known
  return { text: '(apollo endpoint)', dynamic: true };
}

export function graphqlClientPatterns(h: Helpers): Pattern[] {
  return [
    {
      re: /\.\s*(mutate|query)\s*\(/g,
      handle: (a, lx, home, m) => {
        if (!/\bApolloClient\b/.test(lx.skel)) return [];
        const doc = kwarg(a, m[1] === 'mutate' ? 'mutation' : 'query');
        if (doc === undefined) return [];
        return [post(apolloUri(lx, home, h), documentOf(doc, lx))];
      },
    },
    {
      // graphql-request's `request(URL, DOCUMENT, …)` (imports resolved: `graphql_request.request`)
      re: /\bgraphql_request\.(?:request|rawRequest)\s*\(/g,
      handle: (a, lx, home) => {
        const opts = a.length === 1 && /^\s*\{/.test(a[0]);
        const url = opts ? kwarg(a, 'url') : a[0];
        const doc = opts ? kwarg(a, 'document') : a[1];
        return [post(h.valueOf(url ?? '', lx, home), documentOf(doc, lx))];
      },
    },
    {
      re: /\bGraphQLClient\s*\(/g,
      handle: (a, lx, home, m) => {
        const url = h.valueOf(a[0] ?? '', lx, home);
        const out: HttpEffect[] = [];
        const skel = lx.skel;
        const { end } = callArgs(skel, m.index + m[0].length);
        const uses = [end + 1];
        const name = /([A-Za-z_$][\w$]*)\s*=\s*new\s+(?:[\w$]+\.)*$/.exec(skel.slice(0, m.index));
        if (name)
          for (const c of skel.matchAll(
            new RegExp(`(?<![\\w$.])${name[1].replace(/\$/g, '\\$')}(?=\\s*\\.)`, 'g'),
          ))
            uses.push(c.index + c[0].length);
        for (const at of uses) {
          const c = /^\s*\.\s*(request|rawRequest)\s*\(/.exec(skel.slice(at));
          if (!c) continue;
          const args = callArgs(skel, at + c[0].length).args;
          const doc = /^\s*\{/.test(args[0] ?? '') ? kwarg(args, 'document') : args[0];
          out.push(post(url, documentOf(doc, lx)));
        }
        return out;
      },
    },
  ];
}

/** Python's python_graphql_client: `c = GraphqlClient(endpoint=URL)`, then `c.execute(query=DOC)`. */
export function pythonGraphqlPatterns(h: Helpers): Pattern[] {
  return [
    {
      re: /\bGraphqlClient\s*\(/g,
      handle: (a, lx, home, m) => {
        const url = h.valueOf(kwarg(a, 'endpoint') ?? a.find((x) => !/^\s*\w+\s*=/.test(x)) ?? '', lx, home);
        const skel = lx.skel;
        const { end } = callArgs(skel, m.index + m[0].length);
        const uses = [end + 1];
        const name = /([A-Za-z_]\w*)\s*=\s*(?:[\w.]+\.)?$/.exec(skel.slice(0, m.index));
        if (name)
          for (const c of skel.matchAll(new RegExp(`(?<![\\w.])${name[1]}(?=\\s*\\.)`, 'g')))
            uses.push(c.index + c[0].length);
        const out: HttpEffect[] = [];
        for (const at of uses) {
          const c = /^\s*\.\s*execute(?:_async)?\s*\(/.exec(skel.slice(at));
          if (!c) continue;
          const args = callArgs(skel, at + c[0].length).args;
          const doc = kwarg(args, 'query') ?? args.find((x) => !/^\s*\w+\s*=/.test(x));
          out.push(post(url, documentOf(doc, lx)));
        }
        return out;
      },
    },
  ];
}
