/**
 * Request files and collections run from the command line: JetBrains / VS Code REST Client
 * `.http` files run by httpyac (`httpyac send FILE…`, `httpyac FILE`) and the IntelliJ HTTP
 * client (`ijhttp FILE…`), and Postman collections run by newman (`newman run FILE`). Each
 * request in the file is read (method, URL, headers, body, `< ./file` bodies; a GraphQL
 * operation written as the body is sent as `{"query": …}`), variables filled from `@name =
 * value` lines, `--env-var name=value` and the collection's own `variable`s. Files are read
 * through ctx.readFile (or as the script wrote them); a project's own file that cannot be read
 * here is not judged, as hurl's are.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import {
  addHeaderLine,
  emptyRequest,
  type HttpRequest,
  sendsCredentialHeader,
  unknownRequest,
} from './http-request.js';

const RUNNERS = new Set(['httpyac', 'ijhttp']);

/** Options of the runners that take a value (the rest are switches or files). */
const WITH_VALUE = new Set(
  (
    '-e --env --env-file -V --variable --var --env-var --global-var -g --globals --folder -r --reporters ' +
    '--iteration-count -n -d --iteration-data --timeout --timeout-request --delay-request --export-environment ' +
    '--output -o --bail --line -l --name --filter --tag -t --repeat --repeat-mode --parallel --json --junit ' +
    '--env-variables --private-env-file --report -D --proxy --docker-mode'
  ).split(' '),
);

export function isCollectionRunner(program: string): boolean {
  return RUNNERS.has(program) || program === 'newman';
}

export function parseCollectionRunner(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const argv = cmd.argv;
  let i = 1;
  if (cmd.program === 'newman') {
    if (argv[1] !== 'run') return [];
    i = 2;
  } else if (argv[1] === 'send') i = 2;
  const vars = new Map<string, string>();
  const files: string[] = [];
  for (; i < argv.length; i++) {
    const m = /^(--?[\w-]+)(?:=([\s\S]*))?$/.exec(argv[i]);
    if (!m) {
      files.push(argv[i]);
      continue;
    }
    if (!WITH_VALUE.has(m[1])) continue;
    const v = m[2] ?? argv[++i] ?? '';
    if (/^(--env-var|--global-var|--var|--variable|-V)$/.test(m[1])) setVar(vars, v);
  }
  const out: HttpRequest[] = [];
  for (const f of files) {
    const p = readPayloadFile(f, cmd, ctx);
    const text = p.text;
    if (text === undefined) {
      // fail closed: a file this script wrote with content not known statically
      if (cmd.files?.[p.file] === null) out.push(unknownRequest(cmd.program));
      continue;
    }
    out.push(
      ...(cmd.program === 'newman' ? collectionRequests(text, vars) : httpFileRequests(text, vars, cmd, ctx)),
    );
  }
  return out;
}

export function setVar(vars: Map<string, string>, spec: string): void {
  const eq = spec.indexOf('=');
  if (eq > 0) vars.set(spec.slice(0, eq).trim(), spec.slice(eq + 1));
}

/**
 * `{{name}}` filled from `vars`; `{{$processEnv X}}` / `{{$env X}}` / `{{process.env.X}}` read as
 * `$X`; others kept.
 */
export function fill(s: string, vars: Map<string, string>): string {
  return s.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (m, n: string) => {
    const env = /^(?:\$(?:processEnv|env|dotenv)\s+|process\.env\.)(\w+)$/.exec(n);
    if (env) return `$${env[1]}`;
    return vars.get(n) ?? m;
  });
}

const REQUEST_LINE =
  /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT|TRACE|PURGE|GRAPHQL)\s+(\S+)(?:\s+HTTP\/[\d.]+)?\s*$/i;
const GRAPHQL_DOC = /^\s*(mutation|query|subscription|fragment)\b|^\s*\{\s*[A-Za-z_]/;

/** The requests of a `.http` file. */
export function httpFileRequests(
  text: string,
  vars: Map<string, string>,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
): HttpRequest[] {
  const out: HttpRequest[] = [];
  for (const block of text.split(/^###.*$/m)) {
    let r: HttpRequest | undefined;
    let inBody = false;
    const body: string[] = [];
    for (const raw of block.split(/\r?\n/)) {
      const line = raw.replace(/\s+$/, '');
      if (!r) {
        const v = /^@([\w.-]+)\s*=\s*(.*)$/.exec(line);
        if (v) vars.set(v[1], fill(v[2], vars));
        const m =
          REQUEST_LINE.exec(fill(line, vars)) ?? /^(?!#|\/\/)()(https?:\/\/\S+)$/.exec(fill(line, vars));
        if (!m) continue;
        r = emptyRequest(cmd.program);
        r.method = (m[1] || 'GET').toUpperCase();
        r.urls = [m[2]];
        out.push(r);
      } else if (!inBody) {
        if (!line.trim()) inBody = true;
        else if (!/^\s*(#|\/\/)/.test(line)) addHeaderLine(r, fill(line, vars));
      } else if (/^\s*(>\s*\{%|<>\s|>\s)/.test(line)) break;
      else body.push(line);
    }
    if (!r) continue;
    const text = fill(body.join('\n').trim(), vars);
    const file = /^<@?\s+(\S+)$/.exec(text);
    if (file) {
      const p = readPayloadFile(file[1], cmd, ctx);
      r.body = p.text;
      r.bodyUnknown = p.unknown;
      if (p.file) r.uploads.push(p.file);
    } else if (text) {
      const gql = r.method === 'GRAPHQL' || /graphql/i.test(r.headers['x-request-type'] ?? '');
      r.body =
        (gql || !/json/i.test(r.headers['content-type'] ?? '')) &&
        GRAPHQL_DOC.test(text) &&
        !text.startsWith('{"')
          ? JSON.stringify({ query: text })
          : text;
    }
    if (r.method === 'GRAPHQL') r.method = 'POST';
    finish(r);
  }
  return out;
}

interface PmRequest {
  method?: string;
  header?: { key?: string; value?: string; disabled?: boolean }[];
  url?: string | { raw?: string };
  body?: { mode?: string; raw?: string; graphql?: { query?: string; variables?: string } };
  auth?: unknown;
}
interface PmItem {
  item?: PmItem[];
  request?: PmRequest | string;
}

/** The requests of a Postman collection (v2 / v2.1), folders included. */
export function collectionRequests(text: string, vars: Map<string, string>): HttpRequest[] {
  let c: PmItem & { variable?: { key?: string; value?: unknown }[] };
  try {
    c = JSON.parse(text) as typeof c;
  } catch {
    // fail closed: a collection that cannot be read runs requests not known here
    return [unknownRequest('newman')];
  }
  for (const v of c.variable ?? []) if (v.key && !vars.has(v.key)) vars.set(v.key, String(v.value ?? ''));
  const out: HttpRequest[] = [];
  const walk = (items: PmItem[] | undefined, depth: number) => {
    for (const it of items ?? []) {
      if (depth < 16) walk(it.item, depth + 1);
      if (it.request)
        out.push(pmRequest(typeof it.request === 'string' ? { url: it.request } : it.request, vars));
    }
  };
  walk(c.item, 0);
  return out;
}

function pmRequest(q: PmRequest, vars: Map<string, string>): HttpRequest {
  const r = emptyRequest('newman');
  r.method = fill(q.method ?? 'GET', vars).toUpperCase();
  const url = typeof q.url === 'string' ? q.url : (q.url?.raw ?? '');
  r.urls = url ? [fill(url, vars)] : [];
  for (const h of q.header ?? [])
    if (h.key && !h.disabled) r.headers[h.key.toLowerCase()] = fill(h.value ?? '', vars);
  if (q.body?.mode === 'raw' && q.body.raw !== undefined) r.body = fill(q.body.raw, vars);
  else if (q.body?.mode === 'graphql' && q.body.graphql?.query !== undefined)
    r.body = JSON.stringify({ query: fill(q.body.graphql.query, vars) });
  else if (q.body?.mode) r.bodyUnknown = true;
  finish(r);
  r.auth ||= q.auth !== undefined;
  return r;
}

export function finish(r: HttpRequest): void {
  r.auth = sendsCredentialHeader(r);
}
