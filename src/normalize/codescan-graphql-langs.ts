/**
 * GraphQL clients of Ruby, Elixir and R, read as the POST of the document they send (the same
 * request effect as codescan-graphql-clients.ts makes for Node and Python):
 * - Ruby: a client's `query` / `execute` / `mutate` given a document (Graphlient's
 *   `client.query(<<~GQL)`, `client.execute(client.parse(DOC), vars)`, its block DSL
 *   `client.query do mutation do … end end`; the graphql-client gem's `Client.query(Const)` of a
 *   `Const = Client.parse <<~'GRAPHQL'`; gql_client's `GqlClient.execute(url, DOC)`), any
 *   receiver when the argument is a document, and a receiver built by a class that names
 *   GraphQL when it is not known (an unknown body);
 * - Elixir: Neuron's `Neuron.query(DOC, vars, url: …)` (also piped: `DOC |> Neuron.query()`),
 *   its endpoint set by `Neuron.Config.set(url: …)`;
 * - R: ghql's `cli <- GraphqlClient$new(url = …)`, then `cli$exec(DOC)` or
 *   `cli$exec(qry$queries$NAME)` of a `qry$query("NAME", DOC)`.
 * The endpoint is the URL the client is built with (through names assigned once), else unknown.
 */
import { callArgs, kwarg, literalOf, show, type Lexed } from './codelex.js';
import { dataJson } from './codelex-json.js';
import { documentOf, post } from './codescan-graphql-clients.js';
import type { HttpEffect } from './codescan-http.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Field } from './state.js';

/** A GraphQL document: an operation keyword with its selection set, or a bare selection set. */
export function isDocument(text: string): boolean {
  return /^\s*(?:(?:mutation|query|subscription)\b[^{}]*)?\{\s*[A-Za-z_.]/.test(text);
}

/** A constructor or module whose name says GraphQL (`Graphlient::Client.new`, `GraphQL::Client.new`, `GqlClient`). */
const GRAPHQL_CLASS = /\b(?:Graphlient|GraphQL|Graphql|Gql|GQL)\w*(?:::\w+)*\b/;

/** Not known: the endpoint a client posts to. */
const UNKNOWN: Field = { text: '(graphql endpoint)', dynamic: true };

/**
 * The URL the client expression `expr` is built with: the `url`/`uri`/`endpoint`/`execute`
 * argument or the first positional one of its constructor, through names assigned once.
 */
function endpointOf(expr: string, lx: Lexed, home: string, h: Helpers, hops = 0): Field {
  const t = expr.trim().replace(/\s+do\s*(?:\|[^|]*\|)?[\s\S]*$/, '');
  if (hops > 6 || !t) return UNKNOWN;
  const v = h.valueOf(t, lx, home);
  if (!v.dynamic && /^https?:\/\//i.test(v.text)) return v;
  const name = /^[@$]?([A-Za-z_][\w.]*)$/.exec(t);
  const assigned = name ? lx.vars.get(name[1]) : undefined;
  if (assigned) return endpointOf(assigned, lx, home, h, hops + 1);
  const ctor = lastCall(t);
  if (!ctor) return v.dynamic ? v : UNKNOWN;
  const args = ctor.args;
  const arg =
    kwarg(args, 'url') ??
    kwarg(args, 'uri') ??
    kwarg(args, 'endpoint') ??
    kwarg(args, 'execute') ??
    args.find((a) => !/^\s*:?[\w.]+\s*(?:=(?!=)|:(?!:)|=>)/.test(a));
  return arg === undefined ? UNKNOWN : endpointOf(arg, lx, home, h, hops + 1);
}

/** The call `t` ends with (`Graphlient::Client.new(u, …)`, `GraphqlClient$new(url = u)`): its arguments; undefined = not a call. */
function lastCall(t: string): { args: string[] } | undefined {
  if (!t.endsWith(')')) return undefined;
  let depth = 0;
  let i = t.length - 1;
  for (; i >= 0; i--) {
    if (t[i] === ')') depth++;
    else if (t[i] === '(' && --depth === 0) break;
  }
  if (i <= 0 || !/[\w$]\s*$/.test(t.slice(0, i))) return undefined;
  return { args: callArgs(t, i + 1).args };
}

/** The expression a method is called on, ending just before the `.` at `dot` (`client`, `Graphlient::Client.new(u)`); '' = none. */
function receiverBefore(skel: string, dot: number): string {
  let i = dot;
  while (i > 0 && /\s/.test(skel[i - 1])) i--;
  let end = i;
  if (skel[i - 1] === ')') {
    let depth = 0;
    for (i = i - 1; i >= 0; i--) {
      if (skel[i] === ')') depth++;
      else if (skel[i] === '(' && --depth === 0) break;
    }
    end = i;
  }
  const head = /[@$]?[A-Za-z_][\w:.$]*$/.exec(skel.slice(0, end));
  return head ? skel.slice(head.index, skel.slice(0, dot).trimEnd().length) : '';
}

/** The `do … end` / `{ … }` block that starts at `open` (its keyword or brace): its body; undefined = none. */
function blockBody(skel: string, open: number): string | undefined {
  const brace = skel[open] === '{';
  const re = brace ? /[{}]/g : /\b(?:do|end)\b/g;
  re.lastIndex = open;
  let depth = 0;
  for (let m; (m = re.exec(skel));) {
    depth += m[0] === '{' || m[0] === 'do' ? 1 : -1;
    if (depth === 0) return skel.slice(open + (brace ? 1 : 2), m.index);
  }
  return undefined;
}

/** Graphlient's query DSL (`mutation do deleteX(id: "1") do id end end`) written as a document. */
function dslDocument(body: string, lx: Lexed): string {
  return show(body, lx)
    .replace(/^\s*\|[^|]*\|/, '')
    .replace(/\bdo\b(\s*\|[^|]*\|)?/g, '{')
    .replace(/\bend\b/g, '}')
    .trim();
}

/** The arguments of a call written with or without parentheses (`c.query(x, v)`, `c.query x, v`), and its end. */
function rubyCallArgs(skel: string, at: number): string[] {
  if (skel[at] === '(') return callArgs(skel, at + 1).args;
  const line = skel.slice(at, skel.indexOf('\n', at) < 0 ? skel.length : skel.indexOf('\n', at));
  return callArgs(`${line.replace(/\s+(?:if|unless)\b[\s\S]*$/, '')})`, 0).args;
}

/** The request a client sends for the document expression `doc`; none when it is not a client call. */
function send(
  doc: string | undefined,
  vars: string | undefined,
  receiver: string,
  known: boolean,
  lx: Lexed,
  home: string,
  h: Helpers,
): HttpEffect[] {
  const text = documentOf(doc, lx);
  if (text !== undefined && !isDocument(text)) return [];
  // fail closed: a GraphQL client's document not known statically is an unknown body
  if (text === undefined && !known) return [];
  return [post(endpointOf(receiver, lx, home, h), text, vars === undefined ? undefined : dataJson(vars, lx))];
}

/** True when the receiver is (or names, through one assignment) a GraphQL client. */
function graphqlReceiver(receiver: string, lx: Lexed): boolean {
  if (GRAPHQL_CLASS.test(receiver)) return true;
  const name = /^[@$]?([A-Za-z_]\w*)$/.exec(receiver);
  const rhs = name ? lx.vars.get(name[1]) : undefined;
  return !!rhs && GRAPHQL_CLASS.test(rhs);
}

export function rubyGraphqlPatterns(h: Helpers): Pattern[] {
  return [
    {
      re: /\.\s*(query|execute|mutate)\b(?!\s*[=?!])[ \t]*/g,
      handle: (_a, lx, home, m) => {
        const receiver = receiverBefore(lx.skel, m.index);
        if (!receiver) return [];
        const known = graphqlReceiver(receiver, lx);
        const at = m.index + m[0].length;
        const block = /^(?:do\b|\{)/.test(lx.skel.slice(at)) ? blockBody(lx.skel, at) : undefined;
        if (block !== undefined)
          return known ? [post(endpointOf(receiver, lx, home, h), dslDocument(block, lx))] : [];
        const args = rubyCallArgs(lx.skel, at);
        if (args.length === 0) return [];
        // gql_client's module call `GqlClient.execute(url, DOC, headers, variables)`
        if (/^GqlClient$/.test(receiver) && args.length > 1)
          return send(args[1], args[3], args[0], true, lx, home, h);
        // the variables: `variables: {…}`, one hash or name, or trailing `k: v` pairs
        const rest = args.slice(1);
        const vars =
          kwarg(rest, 'variables') ??
          (rest.length === 0
            ? undefined
            : rest.length === 1 && !/^\s*:?\w+\s*(?::(?!:)|=>)/.test(rest[0])
              ? rest[0]
              : `{${rest.join(',')}}`);
        return send(args[0], vars, receiver, known, lx, home, h);
      },
    },
  ];
}

export function elixirGraphqlPatterns(h: Helpers): Pattern[] {
  return [
    {
      re: /\bNeuron\.query\s*\(/g,
      handle: (a, lx, home, m) => {
        // `DOC |> Neuron.query(vars)`: the document is the piped value
        const piped = /([@$]?[A-Za-z_]\w*|\u0001\d+\u0002)\s*\|>\s*$/.exec(lx.skel.slice(0, m.index));
        const args = piped ? [piped[1], ...a] : a;
        const set = /\bNeuron\.Config\.set\s*\(([^()]*)\)/.exec(lx.skel);
        const url = kwarg(args, 'url') ?? (set ? kwarg(callArgs(`${set[1]})`, 0).args, 'url') : undefined);
        const positional = args.filter((x) => !/^\s*\w+:(?!:)/.test(x));
        const text = documentOf(positional[0], lx);
        if (text !== undefined && !isDocument(text)) return [];
        const vars = positional[1] === undefined ? undefined : dataJson(positional[1], lx);
        return [post(url === undefined ? UNKNOWN : endpointOf(url, lx, home, h), text, vars)];
      },
    },
  ];
}

/** ghql's stored queries: `qry$query("NAME", DOC)` → NAME → the document expression. */
function ghqlQueries(lx: Lexed): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of lx.skel.matchAll(/\$\s*query\s*\(/g)) {
    const a = callArgs(lx.skel, m.index + m[0].length).args;
    const name = literalOf(a[0] ?? '', lx);
    if (name && !name.dynamic && a[1] !== undefined) out.set(name.value, a[1]);
  }
  return out;
}

export function rGraphqlPatterns(h: Helpers): Pattern[] {
  return [
    {
      re: /\$\s*exec\s*\(/g,
      handle: (a, lx, home, m) => {
        const receiver = /([A-Za-z_.][\w.]*)\s*$/.exec(lx.skel.slice(0, m.index))?.[1] ?? '';
        const known = graphqlReceiver(receiver, lx) || /\bGraphqlClient\s*\$\s*new\b/.test(receiver);
        const q = a.find((x) => !/^\s*[\w.]+\s*=(?!=)/.test(x)) ?? kwarg(a, 'query');
        const stored = /^\s*[A-Za-z_.][\w.]*\s*\$\s*queries\s*\$\s*([A-Za-z_.][\w.]*)\s*$/.exec(q ?? '');
        const doc = stored ? ghqlQueries(lx).get(stored[1]) : q;
        return send(doc, kwarg(a, 'variables'), receiver, known, lx, home, h);
      },
    },
  ];
}
