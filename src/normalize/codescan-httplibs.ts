/**
 * HTTP client libraries of Node.js and Ruby, read as the requests they send (the effects
 * codescan-http.ts makes): Node's undici (`request(url, {method, body})`, a Client/Pool's
 * `.request({path, method, body})`), got, ky and ofetch (`got.delete(url, opts)`,
 * `got(url, {method, json})`), superagent (`superagent.del(url)`, `.post(url).send(body)`)
 * and needle (`needle.post(url, data)`, `needle('delete', url)`); Ruby's HTTParty, RestClient,
 * Typhoeus and Excon (`HTTParty.post(url, body: …)`, `RestClient::Request.execute(method:
 * :delete, url: …)`) and Faraday, whose connections (`Faraday.new(base)`, `Excon.new(base)`)
 * send `conn.delete(path)` / `conn.post(path, body)` to the base URL joined with the path.
 * Node code arrives with its imports resolved (codeparse.ts: `import got from 'got'` reads
 * as `got`, `require('undici').request` as `undici.request`); got, ky and ofetch are read
 * only where the code imports them or calls them without binding the name itself
 * (`require('got')(url)` reads as `got(url)`; a local function of that name is not the library).
 */
import { callArgs, kwarg, literalOf, type Lexed } from './codelex.js';
import type { HttpEffect, ValueOf } from './codescan-http.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Field } from './state.js';
import { libraryLoaded } from './codescan-http-node.js';

/** A method named by a string or a Ruby symbol (`'DELETE'`, `:delete`); DYNAMIC when not known. */
function methodOf(expr: string | undefined, lx: Lexed): string {
  if (expr === undefined) return 'GET';
  const sym = /^\s*:(\w+)\s*$/.exec(expr);
  if (sym) return sym[1].toUpperCase();
  const l = literalOf(expr, lx);
  return l && !l.dynamic ? l.value.toUpperCase() : 'DYNAMIC';
}

/** superagent's `del` is DELETE. */
const verb = (v: string): string => (v === 'del' ? 'delete' : v);

/** The argument of a `.send(…)` chained right after the call that ends at `end`; undefined = none. */
function chainedSend(skel: string, end: number): string | undefined {
  const tail = skel.slice(end);
  let i = 0;
  for (let k = 0; k < 16; k++) {
    const m = /^\s*\.\s*(\w+)\s*\(/.exec(tail.slice(i));
    if (!m) return undefined;
    const { args, end: e } = callArgs(tail, i + m[0].length);
    if (m[1] === 'send') return args[0];
    i = e + 1;
  }
  return undefined;
}

/**
 * A base URL joined with a request path: a full URL as is, `/path` on the base's origin (as
 * Faraday and Guzzle resolve it), `path` below the base (`https://h/api` + `v1/x`).
 */
export function joinUrl(base: Field, path: Field): Field {
  if (/^[a-z][\w+.-]*:\/\//i.test(path.text)) return path;
  if (!path.text) return base;
  const dynamic = base.dynamic || path.dynamic;
  if (path.text.startsWith('/')) {
    const origin = /^[a-z][\w+.-]*:\/\/[^/?#]*/i.exec(base.text)?.[0] ?? base.text;
    return { text: origin + path.text, dynamic };
  }
  return { text: `${base.text.replace(/\/+$/, '')}/${path.text}`, dynamic };
}

/** The URL and the request body given at `pos` (`needle.post(url, data)`), the body named `body=` so httpCall reads it as one. */
function bodyAt(args: string[], pos: number, method: string): string[] {
  return /^(post|put|patch)$/i.test(method) && args[pos] !== undefined
    ? [args[0] ?? '', `body=${args[pos]}`]
    : args.slice(0, 1);
}

/**
 * Requests through connection objects: `NAME = CTOR(base…)` or `CTOR(base…).VERB(…)`, then
 * `NAME.VERB(…)` for each verb `verbs` accepts. `base` reads the constructor's arguments;
 * `call` turns one verb call into effects, given its method, arguments and the base URL.
 */
function connections(
  lx: Lexed,
  ctor: RegExp,
  verbs: RegExp,
  base: (args: string[]) => Field,
  call: (method: string, args: string[], root: Field) => HttpEffect[],
): { at: number; effects: HttpEffect[] }[] {
  const out: { at: number; effects: HttpEffect[] }[] = [];
  const skel = lx.skel;
  for (const m of skel.matchAll(ctor)) {
    const { args, end } = callArgs(skel, m.index + m[0].length);
    const root = base(args);
    // chained on the constructor (`Faraday.new(base).delete(path)`), or through the name it is assigned to
    const uses = [end + 1];
    const name = /([A-Za-z_$][\w$]*)\s*=\s*(?:new\s+)?$/.exec(skel.slice(0, m.index));
    if (name)
      for (const c of skel.matchAll(
        new RegExp(`(?<![\\w$.])${name[1].replace(/\$/g, '\\$')}(?=\\s*\\.)`, 'g'),
      ))
        uses.push(c.index + c[0].length);
    for (const at of uses) {
      const c = /^\s*\.\s*(\w+)\s*\(/.exec(skel.slice(at));
      if (!c || !verbs.test(c[1])) continue;
      const a = callArgs(skel, at + c[0].length).args;
      out.push({ at, effects: call(c[1], a, root) });
    }
  }
  return out;
}

/** A path argument given first (not a keyword argument or an options object); '' = none. */
function pathArg(a: string[], lx: Lexed, home: string, valueOf: ValueOf): Field {
  return a[0] !== undefined && !/^\s*(\{|:?\w+\s*(:|=>))/.test(a[0])
    ? valueOf(a[0], lx, home)
    : { text: '', dynamic: false };
}

export function httpLibraryPatterns(h: Helpers): { node: Pattern[]; ruby: Pattern[] } {
  const node = (m: string | undefined, a: string[], lx: Lexed, home: string) =>
    h.http(m, a, lx, home, 'node');
  const ruby = (m: string | undefined, a: string[], lx: Lexed, home: string) =>
    h.http(m, a, lx, home, 'ruby');
  return {
    node: [
      // fetch-shaped: `undici.request(url, {method, body})`, `got(url, {method, json})`, `ky(url, …)`, `ofetch(url, …)`
      {
        re: /\bundici\.request\s*\((?!\s*\{)|(?<![\w$.])(got|ky|ofetch)(?:\.(?:got|default|ofetch|raw))?\s*\(/g,
        handle: (a, lx, home, m) =>
          !m[1] || libraryLoaded(lx, m[1], [m[1]]) ? node(undefined, a, lx, home) : [],
      },
      {
        re: /(?<![\w$.])(got|ky)(?:\.(?:got|default))?\.(get|post|put|patch|delete|head)\s*\(/g,
        handle: (a, lx, home, m) => (libraryLoaded(lx, m[1], [m[1]]) ? node(m[2], a, lx, home) : []),
      },
      {
        re: /\bsuperagent\.(get|post|put|patch|del|delete|head)\s*\(/g,
        handle: (a, lx, home, m) => {
          const sent = chainedSend(lx.skel, callArgs(lx.skel, m.index + m[0].length).end + 1);
          return node(
            verb(m[1]),
            sent === undefined ? a.slice(0, 1) : [a[0] ?? '', `body=${sent}`],
            lx,
            home,
          );
        },
      },
      {
        re: /\bneedle\.(get|post|put|patch|delete|head)\s*\(/g,
        handle: (a, lx, home, m) => node(m[1], bodyAt(a, 1, m[1]), lx, home),
      },
      {
        re: /(?<![\w$.])needle(?:\.request)?\s*\(/g,
        handle: (a, lx, home) => {
          const method = methodOf(a[0], lx);
          return node(method, bodyAt(a.slice(1), 1, method), lx, home);
        },
      },
    ],
    ruby: [
      {
        re: /\b(?:HTTParty|Typhoeus|Excon)\.(get|post|put|patch|delete|head)\s*\(?/g,
        handle: (a, lx, home, m) => ruby(m[1], a, lx, home),
      },
      {
        // RestClient.post(url, payload, headers); Faraday.post(url, body, headers)
        re: /\b(?:RestClient|Faraday)\.(get|post|put|patch|delete|head)\s*\(?/g,
        handle: (a, lx, home, m) => ruby(m[1], bodyAt(a, 1, m[1]), lx, home),
      },
      {
        re: /\b(?:RestClient::Request\.execute|Typhoeus::Request\.new|HTTParty\.send)\s*\(?/g,
        handle: (a, lx, home) => {
          const first = a[0] !== undefined && !/^\s*:?\w+\s*(:|=>)/.test(a[0]) ? a[0] : undefined;
          const method = methodOf(
            kwarg(a, 'method') ?? (first !== undefined && /^\s*:/.test(first) ? first : undefined),
            lx,
          );
          const url = kwarg(a, 'url') ?? (first !== undefined && !/^\s*:/.test(first) ? first : a[1]) ?? '';
          const body = kwarg(a, 'payload') ?? kwarg(a, 'body');
          return ruby(method, body === undefined ? [url] : [url, `body=${body}`], lx, home);
        },
      },
    ],
  };
}

/**
 * Connection objects: Ruby's `Faraday.new(base | url: base)` and `Excon.new(base)`, then
 * `conn.VERB(path, body)` (Faraday) or `conn.VERB(path: …, body: …)` (Excon); Node's undici
 * `new Client(origin)` / `Pool` / `Agent`, then `client.request({path, method, body})`.
 */
export function clientConnections(
  lx: Lexed,
  home: string,
  valueOf: ValueOf,
  http: Helpers['http'],
  lang: 'ruby' | 'node',
): { at: number; effects: HttpEffect[] }[] {
  const base = (args: string[]): Field => {
    const url =
      kwarg(args, 'url') ??
      (args[0] !== undefined && !/^\s*(\{|:?\w+\s*(:|=>))/.test(args[0]) ? args[0] : undefined);
    return url === undefined ? { text: '', dynamic: true } : valueOf(url, lx, home);
  };
  const send = (method: string, args: string[], url: Field): HttpEffect[] =>
    (http(method, args, lx, home, lang) as HttpEffect[]).map((e) => ({ ...e, url }));
  if (lang === 'node')
    return connections(lx, /\bundici\.(?:Client|Pool|Agent)\s*\(/g, /^request$/, base, (_v, a, root) => {
      const path = kwarg(a, 'path');
      const url = joinUrl(root, path === undefined ? { text: '', dynamic: false } : valueOf(path, lx, home));
      const method = kwarg(a, 'method');
      const body = kwarg(a, 'body');
      return send(
        method === undefined ? 'GET' : methodOf(method, lx),
        body === undefined ? [] : ['', `body=${body}`],
        url,
      );
    });
  return connections(
    lx,
    /\b(?:Faraday|Excon)\.new\s*\(/g,
    /^(get|post|put|patch|delete|head)$/,
    base,
    (v, a, root) => {
      const url = joinUrl(
        root,
        kwarg(a, 'path') !== undefined ? valueOf(kwarg(a, 'path')!, lx, home) : pathArg(a, lx, home, valueOf),
      );
      const body =
        kwarg(a, 'body') ?? (a[0] !== undefined && !/^\s*:?\w+\s*(:|=>)/.test(a[0]) ? a[1] : undefined);
      const effects = send(v, body === undefined ? [] : ['', `body=${body}`], url);
      // fail closed: a body not given as an argument is set in a block (`{ |req| req.body = … }`), not read here
      return body === undefined && /^(post|put|patch)$/.test(v)
        ? effects.map((e) => ({ ...e, bodyUnknown: true }))
        : effects;
    },
  );
}
