/**
 * HTTP requests made by inline interpreter code, as effects the interpreter stage turns
 * into synthetic `curl -X METHOD URL -d BODY` commands: method, URL, and a body that is a
 * literal, unknown, or the whole process environment (`dict(os.environ)`,
 * `JSON.stringify(process.env)`, `ENV.to_h`), which the exfiltration extractor must see.
 * Also Ruby's Net::HTTP connection objects (`Net::HTTP.new(host).delete(path)`).
 */
import { callArgs, kwarg, literalOf, loopElements, type Lang, type Lexed } from './codelex.js';
import { jsonOf } from './codelex-json.js';
import type { Field } from './state.js';
import { isCredentialAbs, SECRET_MARK } from './credentials.js';
import { readsSdkCredential } from './codescan-sdk-credentials.js';
import { isMetadataCredentialUrl } from './metadata-credentials.js';

export interface HttpEffect {
  kind: 'http';
  method: string;
  url: Field;
  /** Literal body; undefined = none known. */
  body?: string;
  /** A body exists but is not known statically. */
  bodyUnknown?: boolean;
  /** The body is (or contains) the whole process environment. */
  bodyEnv?: boolean;
  /** A file whose content is the body (`File.read!("q.json")`, `httr::upload_file("q.json")`); undefined = none. */
  bodyFile?: Field;
  /** The body is what earlier pipeline stages print, as their substitution (`$(Get-StoredCredential | ConvertTo-Json)`); undefined = not piped. */
  bodyPiped?: string;
  /** Request headers as `Name: value` lines; undefined or empty = none known. */
  headers?: string[];
}

/** The whole environment, per language (single variables such as `os.environ['X']` excluded). */
const WHOLE_ENV: Record<Lang, RegExp> = {
  python: /\bos\.environ\b(?!\s*\[|\s*\.\s*(?:get|pop|setdefault)\b)|\bos\.getenv\(\s*\)/,
  node: /\bprocess\.env\b(?!\s*\[|\s*\.\s*[A-Za-z_$])|\bDeno\.env\.toObject\(/,
  ruby: /\bENV\b(?!\s*\[|\s*\.\s*(?:fetch|key\?|has_key\?|include\?)\b)/,
  perl: /%ENV\b/,
  php: /\$_ENV\b(?!\s*\[)|\$_SERVER\b(?!\s*\[)|\bgetenv\(\s*\)/,
  lua: /(?!)/,
  r: /\bSys\.getenv\(\s*\)/,
  julia: /\bENV\b(?!\s*\[)/,
  go: /\bos\.Environ\(\s*\)/,
  tcl: /(?!)/,
  scheme: /(?!)/,
  elixir: /\bSystem\.get_env\(\s*\)/,
  jvm: /\bSystem\.getenv\(\s*\)/,
  rust: /\benv::vars\(\s*\)/,
  applescript: /(?!)/,
  clojure: /(?!)/,
  erlang: /\bos\.getenv\(\s*\)/,
  dotnet: /\bEnvironment\.GetEnvironmentVariables\(\s*\)/,
  haskell: /\bgetEnvironment\b/,
  prolog: /(?!)/,
  zig: /\bgetEnvMap\b/,
  dart: /\bPlatform\.environment\b(?!\s*\[)/,
  nim: /\benvPairs\b/,
  d: /\benvironment\.toAA\b/,
  c: /\benviron\b|\bchar\s*\*\*\s*envp\b/,
  swift: /\bProcessInfo\.processInfo\.environment\b(?!\s*\[)/,
  ocaml: /\bUnix\.environment\b/,
};

/** True when `expr` holds the whole environment, directly or through a variable assigned from it. */
function isEnv(expr: string, lx: Lexed, lang: Lang, hops = 0): boolean {
  if (WHOLE_ENV[lang].test(expr)) return true;
  if (hops >= 8) return false;
  for (const m of expr.matchAll(/[A-Za-z_]\w*/g)) {
    const rhs = lx.vars.get(m[0]);
    if (rhs && isEnv(rhs, lx, lang, hops + 1)) return true;
  }
  return false;
}

export type ValueOf = (expr: string, lx: Lexed, home: string) => Field;

/** Calls that read a file, per language; the path is their first argument. */
const FILE_READ =
  /\b(?:open|readFileSync|readFile|read_text|read_bytes|read|file_get_contents|Path|slurp|fromFile)\s*\(/g;

/**
 * The object a method is called on: the call chain before the `.` at `at - 1`
 * (`(a / b).read_text()` → `(a / b)`, `p.read_text()` → `p`,
 * `Path.home().joinpath('.pypirc').read_text()` → `Path.home().joinpath('.pypirc')`); '' = none.
 */
function receiverOf(expr: string, at: number): string {
  if (expr[at - 1] !== '.') return '';
  let i = at - 1;
  for (;;) {
    if (expr[i - 1] === ')') {
      let depth = 0;
      for (i = i - 1; i >= 0; i--) {
        if (expr[i] === ')') depth++;
        else if (expr[i] === '(' && --depth === 0) break;
      }
      if (i < 0) return '';
    }
    const name = /[A-Za-z_.][\w.]*$/.exec(expr.slice(0, i));
    if (!name) break;
    i = name.index;
    if (expr[i - 1] !== ')' || !expr.slice(i).startsWith('.')) break;
  }
  return expr.slice(i, at - 1);
}

/**
 * True when `expr` (or the variable it names) reads a credential file, named by a literal
 * or by anything `valueOf` resolves (`os.path.expanduser('~/.ssh/id_rsa')`,
 * `path.join(os.homedir(), '.aws/credentials')`), or is the answer of a metadata service's
 * credential URL (`requests.get('http://169.254.169.254/…/security-credentials/r').text`).
 */
function readsCredential(expr: string, lx: Lexed, home: string, valueOf: ValueOf, hops = 0): boolean {
  // cloud credentials an SDK gave (`boto3.Session().get_credentials()`): codescan-sdk-credentials.ts
  if (hops === 0 && readsSdkCredential(expr, lx)) return true;
  for (const m of expr.matchAll(/\u0001(\d+)\u0002/g))
    if (isMetadataCredentialUrl(lx.lits[Number(m[1])]?.value ?? '')) return true;
  for (const m of expr.matchAll(FILE_READ)) {
    // `open(path)`, or a path object's own read (`(Path.home() / '.ssh' / 'id_rsa').read_text()`)
    const first = callArgs(expr, m.index + m[0].length).args[0] ?? receiverOf(expr, m.index);
    // a loop variable over literal paths (`p.read_bytes() for p in [A, B]`) reads each of them
    const name = /^\s*([A-Za-z_]\w*)\s*$/.exec(first)?.[1];
    const each = (name && !lx.vars.get(name) ? loopElements(name, lx) : undefined) ?? [first];
    for (const item of each) {
      const v = valueOf(item, lx, home);
      const p = v.dynamic ? '' : v.text;
      const abs = p === '~' || p.startsWith('~/') ? home + p.slice(1) : p.startsWith('/') ? p : `/${p}`;
      if (p && isCredentialAbs(abs, home)) return true;
    }
  }
  if (hops >= 4) return false;
  for (const m of expr.matchAll(/[A-Za-z_]\w*/g)) {
    const rhs = lx.vars.get(m[0]);
    if (rhs && readsCredential(rhs, lx, home, valueOf, hops + 1)) return true;
  }
  return false;
}

/** Calls whose value is a whole file's content (or an upload of it): the path is their first argument. */
const FILE_BODY =
  /^(?:new\s+)?(?:File\.read!?|IO\.read|open|(?:fs\.)?readFileSync|(?:httr::)?upload_file|(?:std::)?fs::read(?:_to_string)?|Files\.read(?:String|AllBytes)|file_get_contents|(?:pathlib\.)?Path|File|os\.read(?:\.bytes)?|(?:scala\.io\.)?Source\.fromFile)\s*\(([\s\S]*)\)(?:\.(?:read|read_text|read_bytes|readText|text|bytes|mkString)(?:\(\))?)?$/;
/** Rust's `.unwrap()` / `.expect("…")` / `?` after a call. */
const UNWRAP = /(?:\.unwrap\(\)|\.expect\([^()]*\)|\?)+$/;

/** One request: `requests.post(url, data=…)`, `fetch(url, {method, body})`, `Net::HTTP::Delete.new(uri)`. */
export function httpCall(
  method: string | undefined,
  args: string[],
  lx: Lexed,
  home: string,
  lang: Lang,
  valueOf: ValueOf,
): HttpEffect[] {
  const named = kwarg(args, 'method');
  const m = (method ?? (named ? (literalOf(named, lx)?.value ?? 'DYNAMIC') : 'GET')).toUpperCase();
  const url = args.length > 0 ? valueOf(args[0], lx, home) : { text: '', dynamic: true };
  const bodyExpr =
    kwarg(args, 'json') ??
    kwarg(args, 'data') ??
    kwarg(args, 'body') ??
    kwarg(args, 'content') ??
    (args[1] !== undefined &&
    (!/^\s*\{/.test(args[1]) || /\.to_json\s*$/.test(args[1])) &&
    /post|put|patch/i.test(method ?? '')
      ? args[1]
      : undefined);
  if (bodyExpr !== undefined && isEnv(bodyExpr, lx, lang))
    return [{ kind: 'http', method: m, url, bodyEnv: true }];
  // The body read from a credential file (`data=open(".env").read()`) is secret material; so are
  // query parameters (`params={'k': creds.secret_key}`), which the request sends as well.
  const params = kwarg(args, 'params');
  if (
    (bodyExpr !== undefined && readsCredential(bodyExpr, lx, home, valueOf)) ||
    (params !== undefined && readsCredential(params, lx, home, valueOf))
  )
    return [{ kind: 'http', method: m, url, body: SECRET_MARK }];
  // The body read whole from a file: the request sends that file, as `curl --data-binary @FILE` does.
  const file = bodyExpr !== undefined ? FILE_BODY.exec(bodyExpr.trim().replace(UNWRAP, '')) : null;
  if (file) {
    const path = valueOf(callArgs(`${file[1]})`, 0).args[0] ?? '', lx, home);
    // fail closed: a file named by a value not known statically is an unknown body
    return [{ kind: 'http', method: m, url, ...(path.dynamic ? { bodyUnknown: true } : { bodyFile: path }) }];
  }
  const body = bodyExpr !== undefined ? jsonOf(bodyExpr, lx) : undefined;
  return [
    {
      kind: 'http',
      method: m,
      url,
      ...(body !== undefined ? { body } : {}),
      ...(bodyExpr !== undefined && body === undefined ? { bodyUnknown: true } : {}),
    },
  ];
}

/** The URL of a request on a connection: `scheme://hostPort` and the path; dynamic when the connection's part (`dynamic`) or the path is. */
function connectionUrl(scheme: string, hostPort: string, dynamic: boolean, path: Field): Field {
  return {
    text: `${scheme}://${hostPort}${path.text.startsWith('/') ? '' : '/'}${path.text}`,
    dynamic: dynamic || path.dynamic,
  };
}

/** Verbs of a Net::HTTP connection object that send a request. */
const NET_HTTP_VERBS = /^(delete|post|put|patch|get|head)$/;

/**
 * Requests sent through a Ruby Net::HTTP connection: `http = Net::HTTP.new(host, port)`
 * or `Net::HTTP.start(host, port, use_ssl: true) { |http| … }`, then
 * `http.delete(path)` / `http.post(path, body)`. The URL is the connection's host and
 * port with the request path; an unknown host or path keeps the URL dynamic.
 */
export function rubyConnections(
  lx: Lexed,
  home: string,
  valueOf: ValueOf,
): { at: number; effects: HttpEffect[] }[] {
  const out: { at: number; effects: HttpEffect[] }[] = [];
  const skel = lx.skel;
  const tls = /\buse_ssl\s*(?:=|:)\s*true\b/.test(skel);
  for (const m of skel.matchAll(/\bNet::HTTP\.(?:new|start)\s*\(/g)) {
    const open = m.index + m[0].length;
    const { args, end } = callArgs(skel, open);
    const host = valueOf(args[0] ?? '', lx, home);
    const portArg = args[1] !== undefined && !/:/.test(args[1]) ? valueOf(args[1], lx, home) : undefined;
    const port = portArg && !portArg.dynamic ? portArg.text : '';
    const scheme = tls || port === '443' ? 'https' : 'http';
    const names = new Set<string>();
    const before = /([A-Za-z_]\w*)\s*=\s*$/.exec(skel.slice(0, m.index));
    if (before) names.add(before[1]);
    const block = /^\s*\)\s*(?:\{|do)\s*\|\s*([A-Za-z_]\w*)\s*\|/.exec(skel.slice(end));
    if (block) names.add(block[1]);
    for (const name of names) {
      for (const call of skel.matchAll(new RegExp(`\\b${name}\\.(\\w+)\\s*\\(`, 'g'))) {
        if (!NET_HTTP_VERBS.test(call[1])) continue;
        const a = callArgs(skel, call.index + call[0].length).args;
        const path = valueOf(a[0] ?? '', lx, home);
        const hostPort =
          port && port !== (scheme === 'https' ? '443' : '80') ? `${host.text}:${port}` : host.text;
        const url = connectionUrl(scheme, hostPort, host.dynamic, path);
        const withBody = /^(post|put|patch)$/.test(call[1]) && a[1] !== undefined;
        const effects = httpCall(call[1], withBody ? ['', a[1]] : [], lx, home, 'ruby', valueOf);
        out.push({ at: call.index, effects: effects.map((e) => ({ ...e, url })) });
      }
    }
  }
  return out;
}

/**
 * Requests sent through a Python http.client (Python 2: httplib) connection: `c = http.client.HTTPSConnection(host[, port])`,
 * then `c.request(METHOD, PATH, BODY, headers)`. The URL is the connection's host and port with
 * the path; an unknown host, path or method stays dynamic.
 */
export function pythonConnections(
  lx: Lexed,
  home: string,
  valueOf: ValueOf,
): { at: number; effects: HttpEffect[] }[] {
  const out: { at: number; effects: HttpEffect[] }[] = [];
  const skel = lx.skel;
  for (const m of skel.matchAll(
    /\b([A-Za-z_]\w*)\s*=\s*(?:http\.client\.|httplib\.)?(HTTPS?)Connection\s*\(/g,
  )) {
    const { args } = callArgs(skel, m.index + m[0].length);
    const host = valueOf(args[0] ?? '', lx, home);
    const portArg = args[1] !== undefined && !/=/.test(args[1]) ? args[1].trim() : undefined;
    // a port written as a number is known; anything else is read as a value
    const port =
      portArg === undefined
        ? undefined
        : /^\d+$/.test(portArg)
          ? { text: portArg, dynamic: false }
          : valueOf(portArg, lx, home);
    const scheme = m[2] === 'HTTPS' ? 'https' : 'http';
    for (const call of skel.matchAll(new RegExp(`\\b${m[1]}\\.request\\s*\\(`, 'g'))) {
      const a = callArgs(skel, call.index + call[0].length).args;
      const method = literalOf(a[0] ?? '', lx);
      const path = valueOf(a[1] ?? '', lx, home);
      const hostPort = `${host.text}${port && !port.dynamic ? `:${port.text}` : ''}`;
      const url = connectionUrl(scheme, hostPort, host.dynamic || !!port?.dynamic, path);
      const body = a[2] !== undefined && !/^\s*\w+\s*=/.test(a[2]) ? a[2] : kwarg(a, 'body');
      const effects = httpCall(
        method && !method.dynamic ? method.value : 'DYNAMIC',
        body !== undefined ? ['', `body=${body}`] : [],
        lx,
        home,
        'python',
        valueOf,
      );
      out.push({ at: call.index, effects: effects.map((e) => ({ ...e, url })) });
    }
  }
  return out;
}
