/**
 * More HTTP client libraries of Node.js, read as the requests they send (the effects
 * codescan-http.ts makes), by the shape of their calls:
 * - fetch-shaped (`NAME(url, {method, body})`): node-fetch, cross-fetch, isomorphic-fetch,
 *   make-fetch-happen, undici's and ofetch's `fetch` / `$fetch`;
 * - axios-shaped (`NAME.delete(url)`, `NAME({url, method, data})`): redaxios;
 * - an options object (`NAME(url | {url|uri, method, body|json|data|form})`, `NAME.del(url)`):
 *   request, request-promise(-native), postman-request, requestretry, phin, centra;
 * - instances with a base URL (`got.extend({prefixUrl})`, `ky.create`, `axios.create({baseURL})`);
 * - bent, whose factory takes the method (`bent('DELETE', 204, base)`) and returns the function
 *   that sends (`bent(…)(path, body)`, or `del = bent(…)` then `del(path)`).
 * Node code arrives with its imports resolved (codeparse.ts): `require('node-fetch')` reads as
 * `node_fetch`, `require('phin')(…)` as `phin(…)`; a library is read only where the code imports
 * it (a local function of that name is not the library). A method not known statically is DYNAMIC.
 */
import { callArgs, kwarg, literalOf, type Lexed } from './codelex.js';
import type { HttpEffect } from './codescan-http.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';
import { joinUrl } from './codescan-httplibs.js';

/**
 * A module named in an import form: `require('m')`, `import('m')`, `import … from 'm'`,
 * `import 'm'`, `export … from 'm'` (the group: the string's index among the literals).
 */
const IMPORT_FORM = /(?:\brequire\s*\(\s*|\bimport\s*\(\s*|\bfrom\s*|\bimport\s*)\u0001(\d+)\u0002/g;

/**
 * True when the code imports or requires module `mod` (or a path inside it). Only a string an
 * import form names counts: `server.on('request', …)` does not load the request module.
 */
function imports(lx: Lexed, mod: string): boolean {
  return [...lx.skel.matchAll(IMPORT_FORM)].some((m) => {
    const l = lx.lits[Number(m[1])];
    return !!l && (l.value === mod || l.value.startsWith(`${mod}/`));
  });
}

/** A name as a regular expression (`$fetch` → `\$fetch`). */
const esc = (s: string): string => s.replace(/[$.]/g, '\\$&');

/** True when the code binds `name` itself: a function, a variable, a destructured name or a parameter. */
function definesName(lx: Lexed, name: string): boolean {
  const n = esc(name);
  return new RegExp(
    `\\bfunction\\s*\\*?\\s*${n}(?![\\w$])|(?<![\\w$.])${n}\\s*=(?![=>])|(?<![\\w$.])${n}\\s*=>|` +
      `\\b(?:const|let|var)\\s*[{[][^}\\]]*(?<![\\w$.])${n}(?![\\w$])|\\([^()]*(?<![\\w$.])${n}(?![\\w$])[^()]*\\)\\s*(?:=>|\\{)`,
  ).test(lx.skel);
}

/**
 * True when library `name` (the canonical name codeparse.ts gives it) is in use: the code
 * imports one of its `modules`, or calls `name` without binding it itself (`require('phin')(…)`
 * reads as `phin(…)`, the module's string gone).
 */
export function libraryLoaded(lx: Lexed, name: string, modules: string[]): boolean {
  return modules.some((mod) => imports(lx, mod)) || !definesName(lx, name);
}

/**
 * Libraries called with a URL and an options object (`NAME(url, {method, body})`) or one
 * options object (`NAME({url, method, …})`): the canonical name codeparse.ts gives the import
 * (`require('node-fetch')` → `node_fetch`), the modules that must be imported for it, and
 * whether one options object may stand first (`optionsFirst`; else the first argument is the URL).
 */
const OPTION_CALLS: { name: string; modules: string[]; optionsFirst?: boolean }[] = [
  { name: 'node_fetch', modules: ['node-fetch'] },
  { name: 'cross_fetch', modules: ['cross-fetch'] },
  { name: 'isomorphic_fetch', modules: ['isomorphic-fetch'] },
  { name: 'make_fetch_happen', modules: ['make-fetch-happen'] },
  { name: 'undici.fetch', modules: ['undici'] },
  { name: '$fetch', modules: ['ofetch', 'ohmyfetch'] },
  { name: 'redaxios', modules: ['redaxios'], optionsFirst: true },
  { name: 'request', modules: ['request', 'postman-request'], optionsFirst: true },
  { name: 'request_promise', modules: ['request-promise'], optionsFirst: true },
  { name: 'request_promise_native', modules: ['request-promise-native'], optionsFirst: true },
  { name: 'postman_request', modules: ['postman-request'], optionsFirst: true },
  { name: 'requestretry', modules: ['requestretry'], optionsFirst: true },
  { name: 'phin', modules: ['phin'], optionsFirst: true },
];

/** Libraries with one function per verb (`NAME.delete(url, …)`; request's `del`), as OPTION_CALLS. */
const VERB_CALLS: { name: string; modules: string[] }[] = OPTION_CALLS.filter((c) =>
  /^(redaxios|request|request_promise|request_promise_native|postman_request)$/.test(c.name),
);

const VERB = /^(get|post|put|patch|del|delete|head|options)$/;

/** The first argument, read through a name assigned once (`opts = {…}; phin(opts)`). */
function options(expr: string | undefined, lx: Lexed): string | undefined {
  const name = /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(expr ?? '');
  return name ? (lx.vars.get(name[1]) ?? expr) : expr;
}

/**
 * One request given as `(url [, opts])` or `({url|uri, method, …})`. The method is the one
 * given (`verb`), else the options' `method`, else GET; a first argument that is neither a URL
 * nor an options object literal (`phin(opts)` with opts not known) is a DYNAMIC request.
 */
function optionRequest(
  h: Helpers,
  verb: string | undefined,
  a: string[],
  lx: Lexed,
  home: string,
  optionsFirst: boolean,
): Effect[] {
  const first = options(a[0], lx);
  if (first !== undefined && /^\s*\{/.test(first)) {
    const url = kwarg([first], 'url') ?? kwarg([first], 'uri') ?? '';
    const rest = [first, ...a.slice(1)];
    const body = kwarg(rest, 'form');
    return h.http(verb, [url, ...rest, ...(body !== undefined ? [`body=${body}`] : [])], lx, home, 'node');
  }
  // fail closed: a first argument that is a name not known statically may be an options object
  if (optionsFirst && first !== undefined && !literalOf(first, lx) && /^\s*[A-Za-z_$][\w$]*\s*$/.test(first))
    return h.http(verb ?? 'DYNAMIC', [first], lx, home, 'node');
  const opts = a[1] !== undefined && /^\s*\{/.test(options(a[1], lx) ?? '') ? options(a[1], lx)! : undefined;
  const sent = /^(post|put|patch)$/i.test(verb ?? '') && a[1] !== undefined && !opts ? a[1] : undefined;
  return h.http(
    verb,
    [a[0] ?? '', ...(opts !== undefined ? [opts] : []), ...(sent !== undefined ? [`body=${sent}`] : [])],
    lx,
    home,
    'node',
  );
}

/** What one argument of `bent(…)` sets: the method, the base URL, a format/status/headers (nothing), or unknown. */
function bentArg(expr: string, lx: Lexed): { method?: string; base?: string; unknown?: boolean } {
  const t = options(expr, lx)?.trim() ?? '';
  if (/^\d+$/.test(t) || /^\{/.test(t)) return {};
  const l = literalOf(t, lx);
  if (!l) return { unknown: true };
  if (/^[a-z][\w+.-]*:\/\//i.test(l.value)) return { base: t };
  if (l.dynamic) return { unknown: true };
  if (/^(json|string|buffer)$/.test(l.value)) return {};
  return { method: l.value.toUpperCase() };
}

/**
 * bent: `bent(ARGS…)` returns the function that sends; ARGS in any order are the method (a
 * verb), the base URL (a string with a scheme), the response format and statuses, and headers.
 * Each call of that function (`(path, body, headers)`) is one request to the base joined with
 * path: called right away (`bent(…)(path)`) or through the name it is assigned to. An argument
 * not known statically may be the method: DYNAMIC.
 */
function bentCalls(h: Helpers, args: string[], lx: Lexed, home: string, m: RegExpExecArray): Effect[] {
  if (!libraryLoaded(lx, 'bent', ['bent'])) return [];
  const skel = lx.skel;
  const parts = args.filter((x) => x.trim() !== '').map((x) => bentArg(x, lx));
  const method = parts.some((p) => p.unknown) ? 'DYNAMIC' : (parts.find((p) => p.method)?.method ?? 'GET');
  const baseExpr = parts.find((p) => p.base)?.base;
  const base = baseExpr !== undefined ? h.valueOf(baseExpr, lx, home) : { text: '', dynamic: false };
  const uses = [callArgs(skel, m.index + m[0].length).end + 1];
  const name = /([A-Za-z_$][\w$]*)\s*=\s*$/.exec(skel.slice(0, m.index));
  if (name)
    for (const c of skel.matchAll(new RegExp(`(?<![\\w$.])${esc(name[1])}(?=\\s*\\()`, 'g')))
      uses.push(c.index + c[0].length);
  return uses.flatMap((at) => {
    if (!/^\s*\(/.test(skel.slice(at))) return [];
    const a = callArgs(skel, skel.indexOf('(', at) + 1).args;
    const url = joinUrl(base, a[0] !== undefined ? h.valueOf(a[0], lx, home) : { text: '', dynamic: false });
    const effects = h.http(method, a[1] !== undefined ? ['', `body=${a[1]}`] : [''], lx, home, 'node');
    return (effects as HttpEffect[]).map((e) => ({ ...e, url }));
  });
}

/** centra: `centra(url, method)`, the body set by a chained `.body(b)` / `.json(b)` before `.send()`. */
function centraCall(h: Helpers, a: string[], lx: Lexed, home: string, m: RegExpExecArray): Effect[] {
  if (!libraryLoaded(lx, 'centra', ['centra'])) return [];
  const l = a[1] !== undefined ? literalOf(a[1], lx) : undefined;
  const method = a[1] === undefined ? 'GET' : l && !l.dynamic ? l.value.toUpperCase() : 'DYNAMIC';
  const tail = lx.skel.slice(callArgs(lx.skel, m.index + m[0].length).end + 1);
  const body = /^(?:\s*\.\s*\w+\s*\([^()]*\))*?\s*\.\s*(?:body|json)\s*\(/.exec(tail);
  const sent = body ? callArgs(tail, body[0].length).args[0] : undefined;
  return h.http(method, [a[0] ?? '', ...(sent !== undefined ? [`body=${sent}`] : [])], lx, home, 'node');
}

/**
 * Instances with a base URL: `api = got.extend({prefixUrl})`, `ky.create({prefixUrl})`,
 * `axios.create({baseURL})`; each `api.VERB(path, …)` or `api(path, {method})`, chained or
 * through the name, is a request to the base joined with the path.
 */
function instanceCalls(h: Helpers, a: string[], lx: Lexed, home: string, m: RegExpExecArray): Effect[] {
  if (!libraryLoaded(lx, m[1], [m[1]])) return [];
  const skel = lx.skel;
  const baseExpr = kwarg(a, 'prefixUrl') ?? kwarg(a, 'baseURL') ?? kwarg(a, 'baseUrl');
  const base = baseExpr !== undefined ? h.valueOf(baseExpr, lx, home) : { text: '', dynamic: false };
  const uses = [callArgs(skel, m.index + m[0].length).end + 1];
  const name = /([A-Za-z_$][\w$]*)\s*=\s*$/.exec(skel.slice(0, m.index));
  if (name)
    for (const c of skel.matchAll(new RegExp(`(?<![\\w$.])${esc(name[1])}(?=\\s*[.(])`, 'g')))
      uses.push(c.index + c[0].length);
  return uses.flatMap((at) => {
    const c = /^\s*(?:\.\s*(\w+)\s*)?\(/.exec(skel.slice(at));
    if (!c || (c[1] !== undefined && !VERB.test(c[1]))) return [];
    const args = callArgs(skel, at + c[0].length).args;
    const verb = c[1] === undefined ? undefined : c[1] === 'del' ? 'DELETE' : c[1].toUpperCase();
    const effects = optionRequest(h, verb, args, lx, home, false) as HttpEffect[];
    const path = args[0] !== undefined ? h.valueOf(args[0], lx, home) : { text: '', dynamic: false };
    return effects.map((e) => ({ ...e, url: joinUrl(base, path) }));
  });
}

export function nodeHttpClientPatterns(h: Helpers): Pattern[] {
  const names = (list: typeof OPTION_CALLS) => list.map((c) => esc(c.name)).join('|');
  const lib = (name: string) => OPTION_CALLS.find((c) => c.name === name)!;
  const loaded = (name: string, lx: Lexed) => libraryLoaded(lx, name, lib(name).modules);
  return [
    {
      re: new RegExp(
        `(?<![\\w$.])(${names(OPTION_CALLS)})(?:\\.(?:default|promisified|unpromisified))?\\s*\\(`,
        'g',
      ),
      handle: (a, lx, home, m) =>
        loaded(m[1], lx) ? optionRequest(h, undefined, a, lx, home, !!lib(m[1]).optionsFirst) : [],
    },
    {
      re: new RegExp(`(?<![\\w$.])(${names(VERB_CALLS)})\\.(\\w+)\\s*\\(`, 'g'),
      handle: (a, lx, home, m) =>
        VERB.test(m[2]) && loaded(m[1], lx)
          ? optionRequest(h, m[2] === 'del' ? 'DELETE' : m[2].toUpperCase(), a, lx, home, true)
          : [],
    },
    { re: /(?<![\w$.])centra\s*\(/g, handle: (a, lx, home, m) => centraCall(h, a, lx, home, m) },
    { re: /(?<![\w$.])bent\s*\(/g, handle: (a, lx, home, m) => bentCalls(h, a, lx, home, m) },
    {
      re: /(?<![\w$.])(got|ky|axios|redaxios)\.(?:extend|create)\s*\(/g,
      handle: (a, lx, home, m) => instanceCalls(h, a, lx, home, m),
    },
  ];
}
