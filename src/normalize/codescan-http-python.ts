/**
 * Python HTTP clients used through a session or client object, read as the requests they send
 * (the effects codescan-http.ts makes): the object a constructor of SESSIONS makes (requests'
 * Session, httpx's Client and AsyncClient, niquests, requests-futures' FuturesSession, aiohttp's
 * ClientSession, requests-toolbelt's BaseUrlSession), bound by `NAME = CTOR(…)`, by
 * `[async] with CTOR(…) as NAME`, or called right away (`FuturesSession().post(…)`), sends
 * `NAME.delete(url)` / `NAME.post(url, json=…)` / `NAME.request('DELETE', url)`, to the URL joined
 * with the session's `base_url` when it has one. Also httplib2: `httplib2.Http().request(uri,
 * 'DELETE', body)` (the method second, GET when not given). Names are canonical (codeparse.ts:
 * `from aiohttp import ClientSession` reads as `aiohttp.ClientSession`). A method not known
 * statically is DYNAMIC.
 */
import { callArgs, kwarg, literalOf, type Lexed } from './codelex.js';
import type { HttpEffect } from './codescan-http.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';
import type { Field } from './state.js';

/** Constructors of session objects whose verbs send like requests' functions (canonical names). */
const SESSIONS = [
  'requests.Session',
  'requests.session',
  'requests.sessions.Session',
  'httpx.Client',
  'httpx.AsyncClient',
  'niquests.Session',
  'niquests.AsyncSession',
  'grequests.Session',
  'requests_futures.sessions.FuturesSession',
  'requests_futures.FuturesSession',
  'aiohttp.ClientSession',
  'requests_toolbelt.sessions.BaseUrlSession',
  'requests_toolbelt.BaseUrlSession',
];

const VERB = /^(get|post|put|patch|delete|head|options)$/;

/** A literal method (`'DELETE'`); DYNAMIC when not known statically. */
function methodOf(expr: string | undefined, lx: Lexed): string {
  const l = literalOf(expr ?? '', lx);
  return l && !l.dynamic ? l.value.toUpperCase() : 'DYNAMIC';
}

/** The positions where the object a constructor call makes is used: chained on it, or through names bound to it. */
function uses(skel: string, at: number, end: number): number[] {
  const out = [end + 1];
  const names = new Set<string>();
  const assigned = /([A-Za-z_]\w*)\s*=\s*(?:await\s+)?$/.exec(skel.slice(0, at));
  if (assigned) names.add(assigned[1]);
  const bound = /^\s*as\s+([A-Za-z_]\w*)/.exec(skel.slice(end + 1));
  if (bound) names.add(bound[1]);
  for (const n of names)
    for (const c of skel.matchAll(new RegExp(`(?<![\\w.])${n}(?=\\s*\\.)`, 'g')))
      out.push(c.index + c[0].length);
  return out;
}

/** A path below a base URL, as the session joins it (`https://h/api` + `/v1/x` → `https://h/api/v1/x`). */
function below(base: Field | undefined, path: Field): Field {
  if (!base || /^[a-z][\w+.-]*:\/\//i.test(path.text)) return path;
  return {
    text: `${base.text.replace(/\/+$/, '')}/${path.text.replace(/^\/+/, '')}`,
    dynamic: base.dynamic || path.dynamic,
  };
}

/** The requests sent through the session a constructor call (matched by `m`) makes. */
function sessionCalls(h: Helpers, a: string[], lx: Lexed, home: string, m: RegExpExecArray): Effect[] {
  const skel = lx.skel;
  const { end } = callArgs(skel, m.index + m[0].length);
  const baseExpr =
    kwarg(a, 'base_url') ?? (/BaseUrlSession$/.test(m[1]) && a[0] && !/=/.test(a[0]) ? a[0] : undefined);
  const base = baseExpr !== undefined ? h.valueOf(baseExpr, lx, home) : undefined;
  return uses(skel, m.index, end).flatMap((at) => {
    const c = /^\s*\.\s*(\w+)\s*\(/.exec(skel.slice(at));
    if (!c) return [];
    const args = callArgs(skel, at + c[0].length).args;
    const verb = VERB.test(c[1]) ? c[1] : c[1] === 'request' ? methodOf(args[0], lx) : undefined;
    if (verb === undefined) return [];
    const rest = c[1] === 'request' ? args.slice(1) : args;
    const effects = h.http(verb, rest, lx, home, 'python') as HttpEffect[];
    const path = rest[0] !== undefined ? h.valueOf(rest[0], lx, home) : { text: '', dynamic: true };
    return effects.map((e) => ({ ...e, url: below(base, path) }));
  });
}

/** httplib2's `Http(…).request(uri, method='GET', body=None, headers=None)` on each use of the object. */
function httplib2Calls(h: Helpers, lx: Lexed, home: string, m: RegExpExecArray): Effect[] {
  const skel = lx.skel;
  const { end } = callArgs(skel, m.index + m[0].length);
  return uses(skel, m.index, end).flatMap((at) => {
    const c = /^\s*\.\s*request\s*\(/.exec(skel.slice(at));
    if (!c) return [];
    const a = callArgs(skel, at + c[0].length).args;
    const pos = a.filter((x) => !/^\s*\w+\s*=(?!=)/.test(x));
    const methodExpr = kwarg(a, 'method') ?? pos[1];
    const body = kwarg(a, 'body') ?? pos[2];
    return h.http(
      methodExpr === undefined ? 'GET' : methodOf(methodExpr, lx),
      [pos[0] ?? '', ...(body !== undefined && body.trim() !== 'None' ? [`body=${body}`] : [])],
      lx,
      home,
      'python',
    );
  });
}

export function pythonSessionPatterns(h: Helpers): Pattern[] {
  const ctor = SESSIONS.map((s) => s.replace(/\./g, '\\.')).join('|');
  return [
    {
      re: new RegExp(`(?<![\\w.])(${ctor})\\s*\\(`, 'g'),
      handle: (a, lx, home, m) => sessionCalls(h, a, lx, home, m),
    },
    { re: /(?<![\w.])httplib2\.Http\s*\(/g, handle: (_a, lx, home, m) => httplib2Calls(h, lx, home, m) },
  ];
}
