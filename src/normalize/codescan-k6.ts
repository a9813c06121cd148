/**
 * Requests of k6 load-test scripts (`k6 run FILE.js`, read as JavaScript): the k6/http
 * module's `http.get/head/post/put/patch/del/options(url, body, params)`,
 * `http.request(METHOD, url, body, params)` (and `asyncRequest`), `http.batch([…])`, with
 * `open(path)` as a body read from a file and the params' `headers`. codeparse.ts has already
 * rewritten the names imported from 'k6/http' (a namespace, a default import, named functions,
 * `require`) to `k6.http.…`, so only calls of that module are read and Node's own http module
 * is not misread. Pure.
 */
import { callArgs, kwarg, literalOf, type Lexed } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';

/** An expression with a variable assigned once replaced by what it holds (`body` → `open('q.json')`). */
function held(expr: string | undefined, lx: Lexed, hops = 0): string | undefined {
  const t = expr?.trim();
  const v = t && /^[\w$]+$/.test(t) ? lx.vars.get(t) : undefined;
  return v && hops < 8 ? held(v, lx, hops + 1) : t;
}

/** One request; `params` may carry `headers: {…}`. */
function request(
  method: string,
  url: string | undefined,
  body: string | undefined,
  params: string | undefined,
  lx: Lexed,
  home: string,
  h: Helpers,
): Effect[] {
  const b = held(body, lx);
  const sent = b !== undefined && !/^(null|undefined|)$/.test(b);
  const hs = held(kwarg([held(params, lx) ?? ''], 'headers'), lx);
  const inner = hs && /^\{[\s\S]*\}$/.test(hs) ? callArgs(hs.slice(1, -1) + ')', 0).args : [];
  const headers = inner.flatMap((p) => {
    const kv = /^\s*([\w$-]+|\u0001\d+\u0002)\s*:\s*([\s\S]+)$/.exec(p);
    if (!kv) return [];
    const key = literalOf(kv[1], lx)?.value ?? kv[1];
    return [`${key}: ${h.valueOf(kv[2], lx, home).text}`];
  });
  return h
    .http(method, [url ?? '', ...(sent ? [`body: ${b}`] : [])], lx, home, 'node')
    .map((e) => (headers.length && e.kind === 'http' ? { ...e, headers } : e));
}

/** `[METHOD, url, body, params]`, `{ method, url, body, params }` or a URL string of `http.batch`. */
function batchItem(item: string, lx: Lexed, home: string, h: Helpers): Effect[] {
  const t = item.trim();
  if (literalOf(t, lx)) return request('GET', t, undefined, undefined, lx, home, h);
  const arr = /^\[([\s\S]*)\]$/.exec(t);
  const a = arr ? callArgs(arr[1] + ')', 0).args : undefined;
  if (a) return request(methodOf(a[0], lx), a[1], a[2], a[3], lx, home, h);
  if (t.startsWith('{')) {
    const m = kwarg([t], 'method');
    return request(
      m ? methodOf(m, lx) : 'GET',
      kwarg([t], 'url'),
      kwarg([t], 'body'),
      kwarg([t], 'params'),
      lx,
      home,
      h,
    );
  }
  // fail closed: a request built at run time
  return [{ kind: 'dynamic', text: t }];
}

function methodOf(expr: string | undefined, lx: Lexed): string {
  const l = literalOf(held(expr, lx) ?? '', lx);
  return l && !l.dynamic ? l.value.toUpperCase() : 'DYNAMIC';
}

export function k6Patterns(h: Helpers): Pattern[] {
  const handle = (name: string, a: string[], lx: Lexed, home: string): Effect[] => {
    if (name === 'get' || name === 'head')
      return request(name.toUpperCase(), a[0], undefined, a[1], lx, home, h);
    if (name === 'request' || name === 'asyncRequest')
      return request(methodOf(a[0], lx), a[1], a[2], a[3], lx, home, h);
    if (name === 'batch') {
      const list = held(a[0], lx) ?? '';
      const arr = /^\[([\s\S]*)\]$/.exec(list) ?? /^\{([\s\S]*)\}$/.exec(list);
      // fail closed: requests built at run time
      if (!arr) return [{ kind: 'dynamic', text: list }];
      const items = callArgs(arr[1] + ')', 0).args.filter((x) => x.trim() !== '');
      const values = list.startsWith('{') ? items.map((x) => x.replace(/^\s*[^:]+:/, '')) : items;
      return values.flatMap((x) => batchItem(held(x, lx) ?? x, lx, home, h));
    }
    return request(name === 'del' ? 'DELETE' : name.toUpperCase(), a[0], a[1], a[2], lx, home, h);
  };
  return [
    {
      re: /\bk6\.http\.(get|head|post|put|patch|del|options|request|asyncRequest|batch)\s*\(/g,
      handle: (a, lx, home, m) => handle(m[1], a, lx, home),
    },
  ];
}
