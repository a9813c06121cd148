/**
 * HTTP requests PHP code sends (`php -r`, a script on stdin or written earlier), as the
 * effects codescan-http.ts makes for the other languages: curl (`curl_init` + `curl_setopt`
 * CURLOPT_CUSTOMREQUEST / POSTFIELDS / HTTPHEADER, sent by curl_exec), and the stream
 * wrappers (`file_get_contents(URL, false, $ctx)`, `fopen(URL, …, $ctx)`) with a context of
 * `stream_context_create(['http' => ['method' => …, 'header' => …, 'content' => …]])`. Array
 * literals (`[…]`, `array(…)`) are read as JSON (`json_encode([...])` as a body). Also the
 * client libraries: Guzzle (`$c->post(URI, ['json' => …])`, `$c->request('DELETE', URI)`,
 * a `base_uri` joined with URI), Symfony HttpClient (`->request(METHOD, URL, OPTIONS)`) and
 * Laravel's Http facade (`Http::withToken($t)->post(URL, DATA)`, DATA sent as JSON), and
 * WordPress's HTTP API (`wp_remote_request(URL, ['method' => 'DELETE'])`, `wp_remote_post`).
 */
import { callArgs, literalOf, type Lexed } from './codelex.js';
import { httpCall, type HttpEffect, type ValueOf } from './codescan-http.js';
import { joinUrl } from './codescan-httplibs.js';

/** `[k => v, …]` or `array(k => v, …)` as [key, value expression] pairs ('' key = a list item); undefined = not an array literal. */
function arrayItems(expr: string, lx: Lexed): [string, string][] | undefined {
  const t = expr.trim();
  const m = /^(?:\[([\s\S]*)\]|array\s*\(([\s\S]*)\))$/.exec(t);
  if (!m) return undefined;
  const items = callArgs((m[1] ?? m[2]) + ')', 0).args.filter((a) => a.trim() !== '');
  return items.map((it) => {
    const arrow = /^\s*(\u0001\d+\u0002|\w+)\s*=>([\s\S]*)$/.exec(it);
    if (!arrow) return ['', it];
    return [literalOf(arrow[1], lx)?.value ?? arrow[1], arrow[2]];
  });
}

/** The value expression under `key` of an array literal (or a variable assigned one). */
function arrayGet(expr: string | undefined, key: string, lx: Lexed): string | undefined {
  const items = arrayItems(resolve(expr ?? '', lx), lx);
  return items?.find(([k]) => k.toLowerCase() === key)?.[1];
}

/**
 * `$x` assigned once (`$x = EXPR;`, EXPR running to the `;` outside brackets, over lines):
 * its expression; anything else, or a variable assigned more than once, as is.
 */
function resolve(expr: string, lx: Lexed, hops = 0): string {
  const v = /^\s*\$(\w+)\s*$/.exec(expr);
  if (!v || hops > 8) return expr;
  const found = new Set<string>();
  for (const m of lx.skel.matchAll(
    new RegExp(`(?:^|[;\\n{}])\\s*\\$${v[1]}\\s*(?:\\.|\\+|-)?=(?![=>])`, 'g'),
  )) {
    let depth = 0;
    let end = m.index + m[0].length;
    for (; end < lx.skel.length; end++) {
      const c = lx.skel[end];
      if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) depth--;
      else if (c === ';' && depth === 0) break;
    }
    found.add(/[.+-]=$/.test(m[0]) ? '\u0000' : lx.skel.slice(m.index + m[0].length, end).trim());
  }
  const [only] = found;
  return found.size === 1 && only !== '\u0000' ? resolve(only, lx, hops + 1) : expr;
}

/** A PHP value as JSON text (array literals, strings, numbers, true/false/null); undefined = not literal. */
export function phpJson(expr: string, lx: Lexed, depth = 0): string | undefined {
  const t = resolve(expr, lx).trim();
  const enc = /^json_encode\s*\(([\s\S]*)\)$/.exec(t);
  if (enc) return phpJson(callArgs(enc[1] + ')', 0).args[0] ?? '', lx, depth);
  const lit = literalOf(t, lx);
  if (lit) return lit.dynamic ? undefined : JSON.stringify(lit.value);
  if (/^-?\d+(\.\d+)?$|^(true|false|null)$/i.test(t)) return t.toLowerCase();
  const items = depth < 16 ? arrayItems(t, lx) : undefined;
  if (!items) return undefined;
  const vals = items.map(([k, v]) => [k, phpJson(v, lx, depth + 1)] as const);
  if (vals.some(([, v]) => v === undefined)) return undefined;
  return items.every(([k]) => k === '')
    ? `[${vals.map(([, v]) => v).join(',')}]`
    : `{${vals.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
}

/** The body of a request: a string, or an array encoded (as JSON by json_encode, else as form fields by http_build_query). */
function body(expr: string | undefined, lx: Lexed): string | undefined {
  if (expr === undefined) return undefined;
  const t = resolve(expr, lx).trim();
  const q = /^http_build_query\s*\(([\s\S]*)\)$/.exec(t);
  const arr = q ? arrayItems(resolve(callArgs(q[1] + ')', 0).args[0] ?? '', lx), lx) : undefined;
  if (arr) {
    const fields = arr.map(([k, v]) => [k, literalOf(v, lx)] as const);
    if (fields.every(([, l]) => l && !l.dynamic)) return fields.map(([k, l]) => `${k}=${l!.value}`).join('&');
  }
  const json = phpJson(t, lx);
  return json !== undefined && json.startsWith('"') ? (JSON.parse(json) as string) : json;
}

/** Header lines of a context's `header` (a string with `\r\n` between lines, or an array of lines). */
function headerLines(expr: string | undefined, lx: Lexed): string[] {
  if (expr === undefined) return [];
  const items = arrayItems(resolve(expr, lx), lx);
  const lines = items ? items.map(([, v]) => literalOf(v, lx)) : [literalOf(resolve(expr, lx), lx)];
  return lines.flatMap((l) => (l && !l.dynamic ? l.value.split(/\r?\n/).filter((x) => x.trim()) : []));
}

/** One request of a method, URL, body expression and header lines, as httpCall reads it. */
function request(
  method: string,
  url: ReturnType<ValueOf>,
  bodyExpr: string | undefined,
  headers: string[],
  lx: Lexed,
  home: string,
  valueOf: ValueOf,
): HttpEffect[] {
  const b = body(bodyExpr, lx);
  const effects = httpCall(
    method,
    bodyExpr !== undefined ? ['', `body=${bodyExpr}`] : [],
    lx,
    home,
    'php',
    valueOf,
  );
  return effects.map((e) => ({
    ...e,
    url,
    ...(b !== undefined && !e.bodyEnv ? { body: b, bodyUnknown: false } : {}),
    ...(headers.length ? { headers } : {}),
  }));
}

/**
 * Requests through PHP's stream wrappers: `file_get_contents(URL, false, CTX)` and
 * `fopen(URL, MODE, false, CTX)` where CTX is `stream_context_create([...])` (inline or a
 * variable). A context not readable statically makes the method unknown (DYNAMIC); a URL
 * that is a literal local path is a file read, not a request.
 */
export function phpStreams(
  lx: Lexed,
  home: string,
  valueOf: ValueOf,
): { at: number; effects: HttpEffect[] }[] {
  const out: { at: number; effects: HttpEffect[] }[] = [];
  for (const m of lx.skel.matchAll(/\b(file_get_contents|fopen|file)\s*\(/g)) {
    const a = callArgs(lx.skel, m.index + m[0].length).args;
    const url = valueOf(a[0] ?? '', lx, home);
    if (!url.dynamic && !/^https?:\/\//i.test(url.text)) continue;
    const ctxExpr = a[m[1] === 'fopen' ? 3 : 2];
    if (ctxExpr === undefined) {
      if (!url.dynamic)
        out.push({ at: m.index, effects: request('GET', url, undefined, [], lx, home, valueOf) });
      continue;
    }
    const create = /^\s*stream_context_create\s*\(([\s\S]*)\)\s*$/.exec(resolve(ctxExpr, lx));
    const opts = create ? callArgs(create[1] + ')', 0).args[0] : undefined;
    const http = arrayGet(opts, 'http', lx) ?? arrayGet(opts, 'https', lx);
    if (
      !create ||
      (opts !== undefined && http === undefined && arrayItems(resolve(opts, lx), lx) === undefined)
    ) {
      // fail closed: a context built at run time may carry any method
      out.push({ at: m.index, effects: [{ kind: 'http', method: 'DYNAMIC', url, bodyUnknown: true }] });
      continue;
    }
    const methodExpr = arrayGet(http, 'method', lx);
    const lit = methodExpr !== undefined ? literalOf(methodExpr, lx) : undefined;
    const method =
      methodExpr === undefined ? 'GET' : lit && !lit.dynamic ? lit.value.toUpperCase() : 'DYNAMIC';
    const headers = headerLines(arrayGet(http, 'header', lx), lx);
    out.push({
      at: m.index,
      effects: request(method, url, arrayGet(http, 'content', lx), headers, lx, home, valueOf),
    });
  }
  return out;
}

/**
 * PHP's curl: `$c = curl_init(URL)` with `curl_setopt($c, CURLOPT_CUSTOMREQUEST, "DELETE")`
 * (or CURLOPT_POST / CURLOPT_POSTFIELDS), sent by curl_exec: one request of that method.
 */
export function phpCurl(lx: Lexed, home: string, valueOf: ValueOf): { at: number; effects: HttpEffect[] }[] {
  const skel = lx.skel;
  const init = /\bcurl_init\s*\(/.exec(skel);
  if (!init) return [];
  const { args } = callArgs(skel, init.index + init[0].length);
  let url = valueOf(args[0] ?? '', lx, home);
  let method = 'GET';
  let body: string | undefined;
  let httpHeader: string | undefined;
  for (const m of skel.matchAll(/\bcurl_setopt\s*\(/g)) {
    const a = callArgs(skel, m.index + m[0].length).args;
    const opt = (a[1] ?? '').trim();
    if (opt === 'CURLOPT_CUSTOMREQUEST') method = literalOf(a[2] ?? '', lx)?.value ?? 'DYNAMIC';
    else if (opt === 'CURLOPT_URL') url = valueOf(a[2] ?? '', lx, home);
    else if (opt === 'CURLOPT_POST' && method === 'GET') method = 'POST';
    else if (opt === 'CURLOPT_HTTPHEADER') httpHeader = a[2];
    else if (opt === 'CURLOPT_POSTFIELDS') {
      body = a[2];
      if (method === 'GET') method = 'POST';
    }
  }
  const headers = httpHeader !== undefined ? headerLines(httpHeader, lx) : [];
  return [{ at: init.index, effects: request(method, url, body, headers, lx, home, valueOf) }];
}

/** Code that uses a PHP HTTP client library (Guzzle, Symfony HttpClient, Laravel's Http facade). */
const PHP_CLIENT = /\bGuzzleHttp\b|\bHttpClient\b|\bHttp::/;

/** `['Name' => value, …]` as `Name: value` lines; a value not known statically is kept as `$`. */
function headerPairs(expr: string | undefined, lx: Lexed): string[] {
  const items = expr === undefined ? undefined : arrayItems(resolve(expr, lx), lx);
  return (items ?? []).flatMap(([k, v]) => {
    if (!k) return [];
    const l = literalOf(v, lx);
    return [`${k}: ${l && !l.dynamic ? l.value : '$'}`];
  });
}

/**
 * Requests of the PHP client libraries: `->VERB(URI, OPTIONS)` / `->VERBAsync(…)` and
 * `->request(METHOD, URI, OPTIONS)`, in code that uses one (a method of that name on another
 * object would be read too: only where a client library is in use, and only with a URI).
 * Guzzle and Symfony send OPTIONS' `json` (as JSON), `body` or `form_params`, with its
 * `headers`; a Laravel `Http::` call sends its DATA as JSON.
 */
export function phpClients(
  lx: Lexed,
  home: string,
  valueOf: ValueOf,
): { at: number; effects: HttpEffect[] }[] {
  const skel = lx.skel;
  if (!PHP_CLIENT.test(skel)) return [];
  const ctor = /\bnew\s+[\\\w]*Client\s*\(/.exec(skel);
  const baseExpr = ctor
    ? arrayGet(callArgs(skel, ctor.index + ctor[0].length).args[0], 'base_uri', lx)
    : undefined;
  const base = baseExpr !== undefined ? valueOf(baseExpr, lx, home) : { text: '', dynamic: false };
  const out: { at: number; effects: HttpEffect[] }[] = [];
  for (const m of skel.matchAll(/->\s*(get|post|put|patch|delete|head|request)(?:Async)?\s*\(/g)) {
    const a = callArgs(skel, m.index + m[0].length).args;
    const withMethod = m[1] === 'request';
    const uriExpr = a[withMethod ? 1 : 0];
    if (uriExpr === undefined || uriExpr.trim() === '') continue;
    const method = withMethod
      ? (() => {
          const l = literalOf(a[0] ?? '', lx);
          return l && !l.dynamic ? l.value.toUpperCase() : 'DYNAMIC';
        })()
      : m[1].toUpperCase();
    const opts = a[withMethod ? 2 : 1];
    const statement = skel.slice(Math.max(skel.lastIndexOf(';', m.index), 0), m.index);
    const laravel = /\bHttp::/.test(statement);
    const url = joinUrl(base, valueOf(uriExpr, lx, home));
    const bodyExpr = laravel
      ? method === 'GET' || method === 'HEAD'
        ? undefined
        : opts
      : (arrayGet(opts, 'json', lx) ?? arrayGet(opts, 'body', lx) ?? arrayGet(opts, 'form_params', lx));
    const headers = laravel ? [] : headerPairs(arrayGet(opts, 'headers', lx), lx);
    out.push({ at: m.index, effects: request(method, url, bodyExpr, headers, lx, home, valueOf) });
  }
  return out;
}

/**
 * WordPress's HTTP API (`wp eval`, a plugin's code): `wp_remote_request(URL, ARGS)` sends
 * ARGS' `method` (GET when absent; not known statically: DYNAMIC), `wp_remote_get|post|head(URL,
 * ARGS)` (and the `wp_safe_remote_*` forms) their own; ARGS' `body` and `headers` are sent.
 */
export function phpWordPress(
  lx: Lexed,
  home: string,
  valueOf: ValueOf,
): { at: number; effects: HttpEffect[] }[] {
  const out: { at: number; effects: HttpEffect[] }[] = [];
  for (const m of lx.skel.matchAll(/\bwp_(?:safe_)?remote_(request|get|post|head)\s*\(/g)) {
    const [urlExpr, opts] = callArgs(lx.skel, m.index + m[0].length).args;
    if (urlExpr === undefined || urlExpr.trim() === '') continue;
    let method = m[1].toUpperCase();
    if (m[1] === 'request') {
      const given = arrayGet(opts, 'method', lx);
      const l = given === undefined ? undefined : literalOf(given, lx);
      method = given === undefined ? 'GET' : l && !l.dynamic ? l.value.toUpperCase() : 'DYNAMIC';
    }
    const headers = headerPairs(arrayGet(opts, 'headers', lx), lx);
    const bodyExpr = arrayGet(opts, 'body', lx);
    out.push({
      at: m.index,
      effects: request(method, valueOf(urlExpr, lx, home), bodyExpr, headers, lx, home, valueOf),
    });
  }
  return out;
}
