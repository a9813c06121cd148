/**
 * HTTP clients of Ruby and PHP whose requests are class methods or handle objects, read as
 * the requests they send (the effects codescan-http.ts makes):
 * - Ruby's curb: `Curl.delete(url)`, `Curl.post(url, body)`, `Curl.http(:DELETE, url, body)`,
 *   `Curl::Easy.http_delete(url)`, and a handle (`c = Curl::Easy.new(url)`, or chained on it)
 *   whose `c.http_delete`, `c.http_post(body)`, `c.http(:DELETE)` send, or whose `c.perform`
 *   sends what its setters say (`c.delete = true`, `c.put_data = …`, `c.post_body = …`; else GET);
 * - PHP's static clients, by a table of class, verbs and where the body stands: Unirest
 *   (`Unirest\Request::delete(url, headers, body)`, `::send(METHOD, url, body)`), Httpful
 *   (`\Httpful\Request::post(uri, payload)`), Requests (`WpOrg\Requests\Requests::delete(url)`,
 *   `Requests::request(url, headers, data, Requests::DELETE)`).
 * - Perl's request objects (`HTTP::Request->new(DELETE => $url)`, `HTTP::Request->new('PUT', $url,
 *   $headers, $content)`), sent by LWP or any user agent.
 * A method not known statically is DYNAMIC.
 */
import { callArgs, literalOf, type Lexed } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';

/** A method given as a literal, a Ruby symbol (`:delete`) or a PHP class constant (`Requests::DELETE`); DYNAMIC when not known. */
function methodOf(expr: string | undefined, lx: Lexed): string {
  const t = (expr ?? '').trim();
  const sym = /^:(\w+)$/.exec(t) ?? /^[\\\w]*::([A-Z]+)$/.exec(t);
  if (sym) return sym[1].toUpperCase();
  const l = literalOf(t, lx);
  return l && !l.dynamic ? l.value.toUpperCase() : 'DYNAMIC';
}

/** `[url, body=…]` for httpCall: the body only when one is given (not nil/null). */
function withBody(url: string | undefined, body: string | undefined): string[] {
  return [
    url ?? '',
    ...(body !== undefined && !/^\s*(nil|null|NULL)\s*$/.test(body) ? [`body=${body}`] : []),
  ];
}

/** A curb handle's method: `http_delete` → DELETE, `http(:put)` → PUT, `perform` → what its setters say. */
function curbHandleMethod(call: string, args: string[], setters: string, lx: Lexed): string | undefined {
  const verb = /^http_(get|head|delete|post|put|patch)$/.exec(call);
  if (verb) return verb[1].toUpperCase();
  if (call === 'http') return methodOf(args[0], lx);
  if (call !== 'perform') return undefined;
  if (/\.\s*delete\s*=\s*true\b/.test(setters)) return 'DELETE';
  if (/\.\s*put_data\s*=(?!=)/.test(setters)) return 'PUT';
  if (/\.\s*post_body\s*=(?!=)/.test(setters)) return 'POST';
  if (/\.\s*head\s*=\s*true\b/.test(setters)) return 'HEAD';
  return 'GET';
}

/** Requests through curb handles made by `Curl::Easy.new(url)`: chained on it, bound to a name, or yielded to its block. */
function curbHandles(h: Helpers, a: string[], lx: Lexed, home: string, m: RegExpExecArray): Effect[] {
  const skel = lx.skel;
  const open = m.index + m[0].length;
  const end = skel[open - 1] === '(' ? callArgs(skel, open).end + 1 : open;
  const names = new Set<string>();
  const assigned = /([A-Za-z_]\w*)\s*=\s*$/.exec(skel.slice(0, m.index));
  if (assigned) names.add(assigned[1]);
  const block = /^\s*(?:\{|do)\s*\|\s*([A-Za-z_]\w*)\s*\|/.exec(skel.slice(end));
  if (block) names.add(block[1]);
  const uses = [end];
  for (const n of names)
    for (const c of skel.matchAll(new RegExp(`(?<![\\w.])${n}(?=\\s*\\.)`, 'g')))
      uses.push(c.index + c[0].length);
  // the URL set later (`c.url = …`) stands for the one given to new
  const setUrl = [...names]
    .map((n) => new RegExp(`(?<![\\w.])${n}\\s*\\.\\s*url\\s*=(?!=)\\s*([^;\\n]+)`).exec(skel)?.[1])
    .find((x) => x !== undefined);
  const url = setUrl ?? a[0];
  return uses.flatMap((at) => {
    const c = /^\s*\.\s*(\w+)\s*(\()?/.exec(skel.slice(at));
    if (!c) return [];
    const args = c[2] ? callArgs(skel, at + c[0].length).args : [];
    const method = curbHandleMethod(c[1], args, skel, lx);
    if (method === undefined) return [];
    const body = /^http_(post|put|patch)$/.test(c[1])
      ? args[0]
      : c[1] === 'http'
        ? undefined
        : [...names]
            .map(
              (n) =>
                new RegExp(`\\b${n}\\s*\\.\\s*(?:put_data|post_body)\\s*=(?!=)\\s*([^;\\n]+)`).exec(
                  skel,
                )?.[1],
            )
            .find((x) => x !== undefined);
    return h.http(method, withBody(url, body), lx, home, 'ruby');
  });
}

export function rubyStaticClientPatterns(h: Helpers): Pattern[] {
  return [
    {
      // Curl.delete(url), Curl.post(url, body); Curl::Easy.http_delete(url), Curl::Easy.http_post(url, body), Curl::Easy.perform(url)
      re: /(?<![\w:])Curl(?:::Easy)?\.(?:http_)?(get|post|put|patch|delete|head|options|perform)\b(?![=?!])\s*\(?/g,
      handle: (a, lx, home, m) =>
        /Curl::Easy\.(?!http_|perform)/.test(m[0])
          ? []
          : h.http(m[1] === 'perform' ? 'GET' : m[1], withBody(a[0], a[1]), lx, home, 'ruby'),
    },
    {
      re: /(?<![\w:])Curl\.http\s*\(?/g,
      handle: (a, lx, home) => h.http(methodOf(a[0], lx), withBody(a[1], a[2]), lx, home, 'ruby'),
    },
    { re: /(?<![\w:])Curl::Easy\.new\s*\(?/g, handle: (a, lx, home, m) => curbHandles(h, a, lx, home, m) },
  ];
}

/** A PHP class whose static methods send requests. */
interface PhpStatic {
  /** The class as written after its namespace (`Request`). */
  cls: string;
  /** Its namespace (`Unirest`); the unqualified class is read only where the code names it (a `use`). */
  ns: string;
  /** Index of the body among a verb method's arguments (after the URL at 0). */
  body: number;
  /** The method that takes the verb: its name, and the indexes of the verb, URL and body; undefined = none. */
  generic?: { name: string; method: number; url: number; body: number; fallback?: string };
}

const PHP_STATICS: PhpStatic[] = [
  { cls: 'Request', ns: 'Unirest', body: 2, generic: { name: 'send', method: 0, url: 1, body: 2 } },
  { cls: 'Request', ns: 'Httpful', body: 1 },
  {
    cls: 'Requests',
    ns: 'WpOrg\\Requests',
    body: 2,
    generic: { name: 'request', method: 3, url: 0, body: 2, fallback: 'GET' },
  },
];

export function phpStaticClientPatterns(h: Helpers): Pattern[] {
  return PHP_STATICS.map((c) => {
    const ns = c.ns.replace(/\\/g, '\\\\');
    const verbs = `get|post|put|patch|delete|head|options${c.generic ? `|${c.generic.name}` : ''}`;
    return {
      re: new RegExp(`(?<![\\w\\\\])(?:\\\\?(${ns})\\\\)?${c.cls}::(${verbs})\\s*\\(`, 'g'),
      handle: (a: string[], lx: Lexed, home: string, m: RegExpExecArray): Effect[] => {
        // unqualified: only where the code names the library (`use Unirest\Request;`)
        if (!m[1] && c.cls === 'Request' && !new RegExp(`\\b${ns}\\b`).test(lx.skel)) return [];
        const g = c.generic;
        if (g && m[2] === g.name) {
          const method = a[g.method] === undefined && g.fallback ? g.fallback : methodOf(a[g.method], lx);
          return h.http(method, withBody(a[g.url], a[g.body]), lx, home, 'php');
        }
        const body = /^(post|put|patch|delete)$/.test(m[2]) ? a[c.body] : undefined;
        return h.http(m[2], withBody(a[0], body), lx, home, 'php');
      },
    };
  });
}

export function perlStaticClientPatterns(h: Helpers): Pattern[] {
  return [
    {
      // the fat comma quotes a bareword method: `DELETE => $url` is ('DELETE', $url)
      re: /\bHTTP::Request\s*->\s*new\s*\(/g,
      handle: (a, lx, home) => {
        const args = a.flatMap((x) => x.split(/=>/));
        const word = /^\s*([A-Za-z]+)\s*$/.exec(args[0] ?? '');
        const method = word ? word[1].toUpperCase() : methodOf(args[0], lx);
        return h.http(method, withBody(args[1], args[3]), lx, home, 'perl');
      },
    },
  ];
}
