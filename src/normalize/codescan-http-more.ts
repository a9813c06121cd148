/**
 * HTTP clients of Python, Lua and Julia beyond requests/urllib, read as the requests they
 * send (the effects codescan-http.ts makes):
 * - a pool or session asked for `METHOD, URL` (urllib3's `PoolManager().request('DELETE', url)`,
 *   `urlopen`, `request_encode_body`, `urllib3.request(…)`, aiohttp's `session.request(…)`): the
 *   method and URL given, the arguments after them read like requests' (`body=`, `json=`);
 * - pycurl: the options set on a handle (`c.setopt(c.URL, u)`, `POSTFIELDS`, `COPYPOSTFIELDS`,
 *   `CUSTOMREQUEST`, `POST`, `UPLOAD`) make one request each time the handle's `perform()`
 *   runs: the method set (else POST when a body or POST is set, PUT for UPLOAD, else GET);
 * - LuaSocket and LuaSec (`socket.http`, `ssl.https`): `request{url=…, method=…, source=
 *   ltn12.source.string(BODY)}` and `request(url, body)` (a POST);
 * - Julia's HTTP.jl: `HTTP.post(url, headers, body)` (and get/put/patch/delete/head) and
 *   `HTTP.request(METHOD, url, headers, body)`; its standard library Downloads:
 *   `Downloads.request(url; method="DELETE", input=IOBuffer(body))` and `Downloads.download(url[, path];
 *   method=…)` (the method named, else PUT for `request` with an input, else GET).
 * A body held in a variable assigned once is read through it; one not known stays an unknown body.
 */
import { callArgs, kwarg, literalOf, type Lexed } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';

/** A method given as a literal (`"DELETE"`); DYNAMIC when not known. */
function methodOf(expr: string | undefined, lx: Lexed): string {
  const l = literalOf(expr ?? '', lx);
  return l && !l.dynamic ? l.value.toUpperCase() : 'DYNAMIC';
}

/** A plain name assigned once is read as the expression it holds (`body = "…"`). */
function deref(expr: string, lx: Lexed): string {
  const name = /^\s*([A-Za-z_]\w*)\s*$/.exec(expr);
  const v = name ? lx.vars.get(name[1]) : undefined;
  return v ?? expr;
}

/** The arguments of the call that opens at `open` (`(` or a Lua table `{`). */
function argsFrom(skel: string, open: number): string[] {
  return callArgs(skel, open + 1).args;
}

/** pycurl: each `H.perform()` sends the request the options set on handle `H` describe. */
function pycurlPerform(h: Helpers, lx: Lexed, home: string, handle: string): Effect[] {
  const opts = new Map<string, string>();
  const re = new RegExp(`\\b${handle}\\.setopt\\s*\\(`, 'g');
  for (const m of lx.skel.matchAll(re)) {
    const [opt, value] = callArgs(lx.skel, m.index + m[0].length).args;
    const name = /(?:^|\.)\s*([A-Z_]+)\s*$/.exec(opt ?? '')?.[1];
    if (name && value !== undefined) opts.set(name, value);
  }
  const body = opts.get('POSTFIELDS') ?? opts.get('COPYPOSTFIELDS');
  const custom = opts.get('CUSTOMREQUEST');
  // fail closed: a CUSTOMREQUEST not known statically is a DYNAMIC method
  const method =
    custom !== undefined
      ? methodOf(custom, lx)
      : body !== undefined || opts.has('POST')
        ? 'POST'
        : opts.has('UPLOAD')
          ? 'PUT'
          : 'GET';
  const url = opts.get('URL');
  return h.http(
    method,
    [url ?? '', ...(body !== undefined ? [`body=${deref(body, lx)}`] : [])],
    lx,
    home,
    'python',
  );
}

/** HTTP methods a request call may name first. */
const METHOD = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/;
/** Libraries whose pools and sessions take `(METHOD, URL, …)`; a URL not known statically is theirs only when one is loaded. */
const POOL_LIBS = /\b(urllib3|aiohttp)\b/;

/**
 * `X.request('DELETE', URL, …)` on any pool or session: the method must be a literal HTTP
 * method (any method, in code that loads a pool library), and the URL absolute (http.client's `conn.request(METHOD, PATH)` is read by
 * codescan-http.ts with its connection's host) or, in code that loads a pool library, not
 * known statically (fail closed: the request is read with a dynamic URL).
 */
function poolRequest(h: Helpers, a: string[], lx: Lexed, home: string): Effect[] {
  const pool = POOL_LIBS.test(lx.skel);
  const lit = literalOf(a[0] ?? '', lx);
  // fail closed: a method not known statically, on a pool library's call, is read as DYNAMIC
  const method = lit && !lit.dynamic ? lit.value.toUpperCase() : pool ? 'DYNAMIC' : '';
  if (method !== 'DYNAMIC' && !METHOD.test(method)) return [];
  const url = h.valueOf(a[1] ?? '', lx, home);
  if (url.dynamic ? !pool : !/^https?:\/\//i.test(url.text)) return [];
  return h.http(method, a.slice(1), lx, home, 'python');
}

export function pythonHttpMore(h: Helpers): Pattern[] {
  return [
    {
      re: /(?<!\b(?:requests|httpx|niquests|grequests|treq))\.(?:request|urlopen|request_encode_body|request_encode_url)\s*\(/g,
      handle: (a, lx, home) => poolRequest(h, a, lx, home),
    },
    {
      re: /\b([A-Za-z_]\w*)\.perform(?:_rb|_rs)?\s*\(/g,
      handle: (_a, lx, home, m) => (/\bpycurl\b/.test(lx.skel) ? pycurlPerform(h, lx, home, m[1]) : []),
    },
  ];
}

export function luaHttpMore(h: Helpers): Pattern[] {
  return [
    {
      re: /\b([A-Za-z_]\w*)\.request\s*(?=[({])/g,
      handle: (_a, lx, home, m) => {
        if (!luaHttpModule(lx, m[1])) return [];
        const open = m.index + m[0].length;
        const args = argsFrom(lx.skel, open);
        if (lx.skel[open] === '(' && !/^\s*\{/.test(args[0] ?? '')) {
          // request(url [, body]): a body makes it a POST
          const body = args[1];
          return h.http(
            body !== undefined ? 'POST' : 'GET',
            [args[0] ?? '', ...(body !== undefined ? [`body=${deref(body, lx)}`] : [])],
            lx,
            home,
            'lua',
          );
        }
        const fields = lx.skel[open] === '{' ? args : argsFrom(lx.skel, lx.skel.indexOf('{', open));
        const source = kwarg(fields, 'source');
        const inner = source ? /ltn12\.source\.string\s*\(([\s\S]*)\)\s*$/.exec(source) : null;
        const method = kwarg(fields, 'method');
        const body = inner ? deref(inner[1], lx) : source;
        return h.http(
          method !== undefined ? methodOf(method, lx) : source !== undefined ? 'POST' : 'GET',
          [kwarg(fields, 'url') ?? '', ...(body !== undefined ? [`body=${body}`] : [])],
          lx,
          home,
          'lua',
        );
      },
    },
  ];
}

/** True when `name` is bound to LuaSocket's or LuaSec's HTTP module (`local https = require("ssl.https")`). */
function luaHttpModule(lx: Lexed, name: string): boolean {
  const v = lx.vars.get(name) ?? '';
  const req = /require\s*\(?\s*\u0001(\d+)\u0002/.exec(v);
  const mod = req ? lx.lits[Number(req[1])]?.value : undefined;
  return mod === 'socket.http' || mod === 'ssl.https' || (!req && /^(http|https)$/.test(name));
}

/** Julia's arguments with the keyword ones after `;` split off: positional, and `body` when given by name. */
function juliaArgs(a: string[]): { pos: string[]; body?: string } {
  const flat = a.flatMap((x) => x.split(';'));
  const pos = flat.filter((x) => x.trim() !== '' && !/^\s*\w+\s*=(?!=)/.test(x));
  return { pos, body: kwarg(flat, 'body') };
}

export function juliaHttpMore(h: Helpers): Pattern[] {
  /** The request at `url` with the body at positional index `at` (or `body=`). */
  const request = (
    method: string,
    pos: string[],
    at: number,
    body: string | undefined,
    lx: Lexed,
    home: string,
  ) => {
    const b = pos[at] ?? body;
    return h.http(
      method,
      [pos[0] ?? '', ...(b !== undefined ? [`body=${deref(b, lx)}`] : [])],
      lx,
      home,
      'julia',
    );
  };
  return [
    {
      re: /(?<![\w.])HTTP\.(get|post|put|patch|delete|head)\s*\(/g,
      handle: (a, lx, home, m) => {
        const { pos, body } = juliaArgs(a);
        return request(m[1], pos, 2, body, lx, home);
      },
    },
    {
      // `Downloads.request(…)`, or `request(…)` / `download(…)` once `using Downloads` brings them in
      re: /(?<![\w.])(?:Downloads\.(request|download)|(request|download))\s*\(/g,
      handle: (a, lx, home, m) => {
        if (m[2] && !/\b(?:using|import)\s+Downloads\b/.test(lx.skel)) return [];
        const flat = a.flatMap((x) => x.split(';'));
        const input = kwarg(flat, 'input');
        const named = kwarg(flat, 'method');
        const method =
          named !== undefined
            ? methodOf(named, lx)
            : input !== undefined && (m[1] ?? m[2]) === 'request'
              ? 'PUT'
              : 'GET';
        // the body an `IOBuffer(…)` holds; any other input stream is a body not known here
        const held =
          input !== undefined ? /^\s*IOBuffer\s*\(([\s\S]*)\)\s*$/.exec(deref(input, lx))?.[1] : undefined;
        const body = input === undefined ? undefined : (held ?? '(input)');
        return request(method, juliaArgs(a).pos, 99, body, lx, home);
      },
    },
    {
      re: /(?<![\w.])HTTP\.request\s*\(/g,
      handle: (a, lx, home) => {
        const { pos, body } = juliaArgs(a);
        return request(methodOf(pos[0], lx), pos.slice(1), 2, body, lx, home);
      },
    },
  ];
}
