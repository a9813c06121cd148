/**
 * Smaller HTTP clients whose command lines read like curl's or httpie's: curlie (curl's
 * options with httpie's `[METHOD] URL [items]`), libwww-perl's lwp-request and its GET /
 * HEAD / POST / PUT names (`-m METHOD`, `-H`, `-C user:pass`, body from stdin), and the httpx
 * CLI (`httpx URL -m METHOD -c TEXT -j JSON -d NAME VALUE -h NAME VALUE --auth USER PASS`), and
 * Mojolicious' `mojo get [-M METHOD] [-H 'N: V'] [-c CONTENT] [-f name=value|name=@FILE] URL
 * [SELECTOR]` (a bare path `/x` is a request to the app in this folder, read as localhost).
 * Reads the command line and, for a body sent from stdin, cmd.stdin through ctx.readFile.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile, readStdin } from './http-body.js';
import { parseCurl } from './http-curl.js';
import { tokenizeCurl } from './http-curl-options.js';
import { parseHttpie } from './http-httpie.js';
import { addHeaderLine, emptyRequest, type HttpRequest, sendsCredentialHeader } from './http-request.js';

/** lwp-request installed under the name of the method it sends. */
const LWP_ALIASES: Record<string, string> = { GET: 'GET', HEAD: 'HEAD', POST: 'POST', PUT: 'PUT' };

export function isSmallClient(program: string): boolean {
  return (
    program === 'curlie' ||
    program === 'lwp-request' ||
    program === 'httpx' ||
    program === 'mojo' ||
    program in LWP_ALIASES
  );
}

export function parseSmallClient(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  if (cmd.program === 'curlie') return parseCurlie(cmd, ctx);
  if (cmd.program === 'httpx') return parseHttpxCli(cmd, ctx);
  if (cmd.program === 'mojo') return parseMojoGet(cmd, ctx);
  return parseLwp(cmd, ctx);
}

/** curlie: curl's options (`-X`, `-H`, `-d` win), httpie's positional method, URL and items. */
function parseCurlie(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const argv = cmd.argv;
  const { urls } = tokenizeCurl(
    argv.slice(1),
    argv.slice(1).map((_, i) => i + 1),
  );
  const positional = new Set(urls.map((u) => u.idx));
  const pos = argv.filter((_, i) => i === 0 || positional.has(i));
  const opts = argv.filter((_, i) => i === 0 || !positional.has(i));
  const h = parseHttpie({ ...cmd, argv: pos }, ctx).at(0);
  if (!h) return [];
  const c = parseCurl({ ...cmd, argv: [...opts, ...h.urls.slice(0, 1)] }, ctx).at(0);
  if (!c) return [h];
  const curlSets = opts.length > 1 && (c.method !== 'GET' || c.body !== undefined);
  const r: HttpRequest = {
    ...h,
    tool: 'curlie',
    method: curlSets ? c.method : h.method,
    headers: { ...h.headers, ...c.headers },
    auth: h.auth || c.auth,
    body: c.body ?? h.body,
    bodyUnknown: c.bodyUnknown || h.bodyUnknown,
    uploads: [...h.uploads, ...c.uploads],
  };
  return [r];
}

/** lwp-request options that take a value. */
const LWP_WITH_ARG = new Set(['-m', '-b', '-t', '-i', '-c', '-C', '-p', '-H', '-o']);

function parseLwp(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const r = emptyRequest('lwp-request');
  let method = LWP_ALIASES[cmd.program] ?? 'GET';
  let contentType = '';
  const argv = cmd.argv;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      r.urls.push(a);
      continue;
    }
    const v = LWP_WITH_ARG.has(a) ? (argv[++i] ?? '') : '';
    if (a === '-m') method = v.toUpperCase();
    else if (a === '-H') addHeaderLine(r, v);
    else if (a === '-C') r.auth = true;
    else if (a === '-c') contentType = v;
  }
  r.method = method;
  // POST and PUT send standard input as the body (lwp-request reads it whole).
  if (method === 'POST' || method === 'PUT') {
    const p = readStdin(cmd, ctx);
    r.sendsStdin = true;
    r.body = p.text;
    r.bodyUnknown = p.unknown;
    if (p.file) r.uploads.push(p.file);
    r.headers['content-type'] ??= contentType || 'application/x-www-form-urlencoded';
  }
  finishAuth(r);
  return [r];
}

/** httpx options that take one value, and those that take a NAME VALUE pair. */
const HTTPX_ONE = new Set([
  '-m',
  '--method',
  '-c',
  '--content',
  '-j',
  '--json',
  '--proxy',
  '--timeout',
  '--download',
]);
const HTTPX_TWO = new Set([
  '-p',
  '--params',
  '-d',
  '--data',
  '-f',
  '--files',
  '-h',
  '--headers',
  '--cookies',
  '--auth',
]);

function parseHttpxCli(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const r = emptyRequest('httpx');
  let method = '';
  const form: Record<string, string> = {};
  const argv = cmd.argv;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!name.startsWith('-')) {
      r.urls.push(a);
      continue;
    }
    if (HTTPX_TWO.has(name)) {
      const [k, v] = [argv[i + 1] ?? '', argv[i + 2] ?? ''];
      i += 2;
      if (name === '-h' || name === '--headers') r.headers[k.toLowerCase()] = v;
      else if (name === '--auth') r.auth = true;
      else if (name === '-d' || name === '--data') {
        form[k] = v;
        r.fields[k] = v;
        r.dataArgs.push(i);
      } else if (name === '-f' || name === '--files') {
        const p = readPayloadFile(v, cmd, ctx);
        if (p.file) r.uploads.push(p.file);
        r.bodyUnknown ||= p.unknown;
        r.body ??= p.text;
      }
      continue;
    }
    if (!HTTPX_ONE.has(name)) continue;
    const v = eq > 0 ? a.slice(eq + 1) : (argv[++i] ?? '');
    if (name === '-m' || name === '--method') method = v.toUpperCase();
    else if (name === '-c' || name === '--content' || name === '-j' || name === '--json') {
      r.body = v;
      r.dataArgs.push(i);
      if (name === '-j' || name === '--json') r.headers['content-type'] ??= 'application/json';
    }
  }
  if (r.body === undefined && Object.keys(form).length) r.body = new URLSearchParams(form).toString();
  r.method = method || (r.body !== undefined || r.bodyUnknown ? 'POST' : 'GET');
  finishAuth(r);
  return [r];
}

/** `mojo get` options that take a value (short and long spellings). */
const MOJO_WITH_ARG = new Set(
  '-C --charset -c --content -f --form -H --header -i --inactivity-timeout -M --method -m --mode -o --connect-timeout -S --response-size -u --user -x --proxy --home'.split(
    ' ',
  ),
);

/** `mojo get`: one request; other `mojo` commands (`generate`, `version`) send none. */
function parseMojoGet(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const argv = cmd.argv;
  if (argv[1] !== 'get' || argv.slice(2).some((a) => a === '-h' || a === '--help')) return [];
  const r = emptyRequest('mojo');
  r.defaultScheme = 'http';
  let method = 'GET';
  const form: string[] = [];
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) {
      // the first operand is the URL; the rest select parts of the response
      if (!r.urls.length) r.urls.push(a.startsWith('/') ? `http://localhost${a}` : a);
      continue;
    }
    const [name, inline] = a.split(/=(.*)/s, 2);
    if (!MOJO_WITH_ARG.has(name)) continue;
    const at = inline === undefined ? i + 1 : i;
    const v = inline ?? argv[++i] ?? '';
    if (name === '-M' || name === '--method') method = v.toUpperCase();
    else if (name === '-H' || name === '--header') addHeaderLine(r, v);
    else if (name === '-u' || name === '--user') r.auth = true;
    else if (name === '-c' || name === '--content') {
      r.body = v;
      r.dataArgs.push(at);
    } else if (name === '-f' || name === '--form') {
      // `name=@FILE` uploads the file
      const file = /^[^=]*=@(.+)$/s.exec(v)?.[1];
      if (file) {
        const p = readPayloadFile(file, cmd, ctx);
        r.uploads.push(p.file || file);
      } else form.push(v);
      r.dataArgs.push(at);
    }
  }
  if (r.body === undefined && form.length) r.body = form.join('&');
  r.method = method;
  finishAuth(r);
  return [r];
}

function finishAuth(r: HttpRequest): void {
  r.auth ||= sendsCredentialHeader(r);
}
