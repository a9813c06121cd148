/**
 * Network calls of inline code that are not client-library calls: Node's `http(s).request`
 * / `.get` (URL from a string or an options object) and Python's `urlopen(url, data=…)`.
 */
import { kwarg, literalOf, type Lexed } from './codelex.js';
import { httpCall, type HttpEffect } from './codescan-http.js';
import type { Field } from './state.js';

type ValueOf = (expr: string, lx: Lexed, home: string) => Field;

/**
 * Node's `http(s).request(options | url[, options])` / `.get(…)`: the URL is built from the
 * options object's protocol/hostname/host/port/path when no URL string is given.
 */
export function nodeRequest(
  args: string[],
  lx: Lexed,
  home: string,
  m: RegExpExecArray,
  valueOf: ValueOf,
): HttpEffect[] {
  const scheme = m[1] === 'https' ? 'https' : 'http';
  const first = args[0] ?? '';
  const named = kwarg(args, 'method');
  const method = m[2] === 'get' ? 'GET' : named ? (literalOf(named, lx)?.value ?? 'DYNAMIC') : 'GET';
  let url: Field;
  if (/^\s*\{/.test(first)) {
    const part = (k: string, dflt: string): Field => {
      const e = kwarg([first], k);
      return e === undefined ? { text: dflt, dynamic: false } : valueOf(e, lx, home);
    };
    const host = kwarg([first], 'hostname') !== undefined ? part('hostname', '') : part('host', 'localhost');
    const port = part('port', '');
    const path = part('path', '/');
    url = {
      text: `${scheme}://${host.text}${port.text ? `:${port.text}` : ''}${path.text}`,
      dynamic: host.dynamic || port.dynamic || path.dynamic,
    };
  } else url = valueOf(first, lx, home);
  const upper = method.toUpperCase();
  return [{ kind: 'http', method: upper, url, ...(/^(GET|HEAD)$/.test(upper) ? {} : { bodyUnknown: true }) }];
}

/** Python's `urlopen(url, data=…)` with a URL (a Request object is read where it is built). */
export function urlopen(args: string[], lx: Lexed, home: string, valueOf: ValueOf): HttpEffect[] {
  const first = args[0] ?? '';
  if (/^\s*[\w.]+\s*\(/.test(first) || first.trim() === '') return [];
  const lit = literalOf(first, lx);
  if (!lit && /^\s*[A-Za-z_]\w*\s*$/.test(first) && !lx.vars.get(first.trim())?.match(/^\s*\u0001/))
    return [];
  const hasData = kwarg(args, 'data') !== undefined || args[1] !== undefined;
  return httpCall(
    hasData ? 'post' : 'get',
    hasData && kwarg(args, 'data') === undefined ? [first, `data=${args[1]}`] : args,
    lx,
    home,
    'python',
    valueOf,
  );
}

/**
 * Python's `urllib.request.Request(url, data=None, headers={}, origin_req_host=None,
 * unverifiable=False, method=None)`, its arguments given by position or by name (`import
 * urllib.request as u; u.Request(URL, json.dumps(q).encode(), HEADERS)`). The method is
 * `method` when given (an unknown one stays DYNAMIC), else POST when there is data, else GET,
 * as urllib sends it; `forced` is a method set on the object afterwards (`r.method = 'DELETE'`).
 */
export function urllibRequest(
  args: string[],
  lx: Lexed,
  home: string,
  valueOf: ValueOf,
  forced?: string,
): HttpEffect[] {
  const positional = args.filter((a) => !/^\s*[A-Za-z_]\w*\s*=(?!=)/.test(a));
  const data = kwarg(args, 'data') ?? positional[1];
  const methodExpr = kwarg(args, 'method') ?? positional[5];
  const named =
    methodExpr !== undefined && !/^\s*None\s*$/.test(methodExpr)
      ? (literalOf(methodExpr, lx)?.value ?? 'DYNAMIC')
      : undefined;
  const hasData = data !== undefined && !/^\s*None\s*$/.test(data);
  const method = forced ?? named ?? (hasData ? 'POST' : 'GET');
  return httpCall(
    method,
    [positional[0] ?? '', ...(hasData ? [`data=${data}`] : [])],
    lx,
    home,
    'python',
    valueOf,
  );
}
