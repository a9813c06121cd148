/**
 * curl's command line → HttpRequest. Covers every spelling an agent uses: short flags
 * combined (`-sSLX POST`, `-XDELETE`), long options with a separate or `=` value, data
 * flags with `@file`/`@-`, `--json`, forms, uploads, `-G`, `-I`, credentials, several
 * URLs and `-K` config files (read through ctx.readFile).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import { expandCurl, setCurlVariable, type CurlVars } from './http-curl-expand.js';
import { parseCurlConfig, tokenizeCurl, type Opt } from './http-curl-options.js';
import {
  addHeaderLine,
  appendBody,
  emptyRequest,
  type HttpRequest,
  sendsCredentialHeader,
} from './http-request.js';

const MAX_CONFIG_DEPTH = 3;

/** Parses one curl invocation. Returns one request per `--next` section that names a URL. */
export function parseCurl(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const args = cmd.argv.slice(1);
  const indices = args.map((_, i) => i + 1);
  const sections: HttpRequest[] = [];
  let cur = newState();
  // Variables outlive `--next`: they are set once for the whole command line.
  const vars: CurlVars = new Map();
  const finish = () => {
    sections.push(finalize(cur));
    cur = newState();
  };
  const apply = (as: string[], idx: number[], depth: number) => {
    const { opts, urls } = tokenizeCurl(as, idx);
    // Options and URLs are order-independent within a section except for --next; walk options
    // in order and attach positionals to the section they appear in.
    const all = [...opts, ...urls].sort((x, y) => x.idx - y.idx);
    for (const o of depth > 0 ? [...opts, ...urls] : all) {
      if (o.name === 'next') {
        finish();
        continue;
      }
      if (o.name === 'config' && o.value !== undefined) {
        const p = readPayloadFile(o.value, cmd, ctx);
        if (p.text === undefined || depth >= MAX_CONFIG_DEPTH) {
          // fail closed: an unreadable config may hold any method, URL or body.
          cur.req.bodyUnknown = true;
          cur.configUnknown = true;
        } else {
          const lines = parseCurlConfig(p.text);
          apply(
            lines,
            lines.map(() => -1),
            depth + 1,
          );
        }
        continue;
      }
      if (o.name === 'variable' && o.value !== undefined) {
        setCurlVariable(vars, o.value, cmd, ctx);
        continue;
      }
      applyOpt(cur, o.expand ? expanded(cur, o, vars) : o, cmd, ctx);
    }
  };
  apply(args, indices, 0);
  finish();
  const withUrls = sections.filter((s) => s.urls.length > 0 || s.bodyUnknown);
  return withUrls.length ? withUrls : sections.slice(0, 1);
}

/** Options whose value is (part of) the body. */
const BODY_OPTS = new Set([
  'data',
  'data-ascii',
  'data-binary',
  'data-raw',
  'data-urlencode',
  'json',
  'form',
  'form-string',
  'upload-file',
]);

/** An `--expand-NAME` option with its variables replaced. */
function expanded(s: State, o: Opt, vars: CurlVars): Opt {
  const e = expandCurl(o.value ?? '', vars);
  // fail closed: a body that takes a variable whose value can't be read is an unknown body.
  if (e.unknown && BODY_OPTS.has(o.name)) {
    s.req.bodyUnknown = true;
    if (o.idx >= 0) s.req.dataArgs.push(o.idx);
  }
  // fail closed: a method read from an unknown variable is an unknown method.
  if (e.unknown && o.name === 'request') return { ...o, value: 'UNKNOWN' };
  return { ...o, value: e.text };
}

interface State {
  req: HttpRequest;
  explicitMethod: string;
  head: boolean;
  get: boolean;
  upload: boolean;
  hasData: boolean;
  configUnknown: boolean;
  /** `--url-query` parts, encoded, for every URL of the section. Empty = none. */
  urlQuery: string[];
}

function newState(): State {
  return {
    req: emptyRequest('curl'),
    explicitMethod: '',
    head: false,
    get: false,
    upload: false,
    hasData: false,
    configUnknown: false,
    urlQuery: [],
  };
}

function applyOpt(s: State, o: Opt, cmd: NormalizedCommand, ctx: AnalyzeContext): void {
  const r = s.req;
  const v = o.value ?? '';
  switch (o.name) {
    case 'url':
      if (v) r.urls.push(v);
      return;
    case 'request':
      s.explicitMethod = v.toUpperCase();
      return;
    case 'head':
      s.head = true;
      return;
    case 'get':
      s.get = true;
      return;
    case 'header':
    case 'proxy-header':
      if (v.startsWith('@')) {
        const p = readPayloadFile(v.slice(1), cmd, ctx);
        for (const line of (p.text ?? '').split(/\r?\n/)) addHeaderLine(r, line);
      } else addHeaderLine(r, v);
      return;
    case 'user':
    case 'oauth2-bearer':
    case 'netrc':
    case 'netrc-file':
    case 'netrc-optional':
    case 'aws-sigv4':
      r.auth = true;
      return;
    case 'upload-file':
      s.upload = true;
      r.dataArgs.push(o.idx);
      if (v === '.') return; // `-T .` streams stdin without reading it first: same as `-`
      {
        const text = addPayload(s, v, cmd, ctx, false);
        appendBody(r, text, text === undefined);
      }
      return;
    case 'json':
      r.headers['content-type'] ??= 'application/json';
      r.headers['accept'] ??= 'application/json';
      dataOpt(s, o, cmd, ctx, 'binary');
      return;
    case 'data':
    case 'data-ascii':
      dataOpt(s, o, cmd, ctx, 'ascii');
      return;
    case 'data-binary':
      dataOpt(s, o, cmd, ctx, 'binary');
      return;
    case 'data-raw':
      dataOpt(s, o, cmd, ctx, 'raw');
      return;
    case 'data-urlencode':
      dataOpt(s, o, cmd, ctx, 'urlencode');
      return;
    case 'form':
    case 'form-string':
      formOpt(s, o, cmd, ctx);
      return;
    case 'unix-socket':
    case 'abstract-unix-socket':
      r.socket = v;
      return;
    case 'url-query':
      // curl adds it to every URL of the section, wherever the URL is written; `+` = as is.
      s.urlQuery.push(v.startsWith('+') ? v.slice(1) : urlencoded(s, v, cmd, ctx).text);
      return;
  }
}

function addPayload(
  s: State,
  name: string,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  stripNewlines: boolean,
): string | undefined {
  const p = readPayloadFile(name, cmd, ctx);
  if (p.stdin) s.req.sendsStdin = true;
  if (p.file) s.req.uploads.push(p.file);
  if (p.unknown) s.req.bodyUnknown = true;
  if (p.text === undefined) return undefined;
  return stripNewlines ? p.text.replace(/[\r\n]/g, '') : p.text;
}

function dataOpt(
  s: State,
  o: Opt,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  mode: 'ascii' | 'binary' | 'raw' | 'urlencode',
): void {
  const v = o.value ?? '';
  s.hasData = true;
  s.req.dataArgs.push(o.idx);
  if (mode === 'urlencode') {
    const { name, content, text } = urlencoded(s, v, cmd, ctx);
    if (name) s.req.fields[name] = content ?? '';
    appendBody(s.req, text, content === undefined);
    return;
  }
  if (mode !== 'raw' && v.startsWith('@')) {
    const text = addPayload(s, v.slice(1), cmd, ctx, mode === 'ascii');
    appendBody(s.req, text, text === undefined);
    return;
  }
  appendBody(s.req, v, false);
}

/**
 * A `--data-urlencode` / `--url-query` value (`content`, `name=content`, `@file`,
 * `name@file`) as curl sends it: `text` is `name=` and the percent-encoded content.
 * `content` is undefined when a file cannot be read.
 */
function urlencoded(
  s: State,
  v: string,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
): { name: string; content: string | undefined; text: string } {
  const at = v.indexOf('@');
  const eq = v.indexOf('=');
  let name = '';
  let content: string | undefined = v;
  if (eq >= 0 && (at < 0 || eq < at)) {
    name = v.slice(0, eq);
    content = v.slice(eq + 1);
  } else if (at >= 0) {
    name = v.slice(0, at);
    content = addPayload(s, v.slice(at + 1), cmd, ctx, false);
  }
  const enc = content === undefined ? '' : encodeURIComponent(content);
  return { name, content, text: name ? `${name}=${enc}` : enc };
}

function formOpt(s: State, o: Opt, cmd: NormalizedCommand, ctx: AnalyzeContext): void {
  const v = o.value ?? '';
  s.hasData = true;
  s.req.dataArgs.push(o.idx);
  const eq = v.indexOf('=');
  // an empty name (`-F '=@FILE'`) is a MIME part of a mail or upload: its file is still sent
  if (eq < 0) return;
  const name = v.slice(0, eq);
  let value: string | undefined = v.slice(eq + 1);
  if (o.name === 'form' && (value.startsWith('@') || value.startsWith('<'))) {
    const file = value.slice(1).split(';')[0];
    value = addPayload(s, file, cmd, ctx, false);
  }
  s.req.fields[name] = value ?? '';
  appendBody(s.req, `${name}=${value ?? ''}`, value === undefined);
}

function finalize(s: State): HttpRequest {
  const r = s.req;
  if (s.urlQuery.length) {
    const q = s.urlQuery.join('&');
    r.urls = r.urls.map((u) => `${u}${u.includes('?') ? '&' : '?'}${q}`);
  }
  if (s.get && r.body !== undefined && !s.explicitMethod) {
    // -G: data goes into the query string of every URL.
    const q = r.body;
    r.urls = r.urls.map((u) => `${u}${u.includes('?') ? '&' : '?'}${q}`);
    r.body = undefined;
  }
  if (s.explicitMethod) r.method = s.explicitMethod;
  else if (s.head) r.method = 'HEAD';
  else if (s.get) r.method = 'GET';
  else if (s.upload) r.method = 'PUT';
  else if (s.hasData) r.method = 'POST';
  else if (s.configUnknown) r.method = 'UNKNOWN';
  else r.method = 'GET';
  r.auth ||= sendsCredentialHeader(r);
  return r;
}
