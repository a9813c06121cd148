/**
 * Bruno collections run by its CLI: `bru run [FILE.bru|FOLDER…] [-r] [--env NAME] [--env-file
 * FILE] [--env-var name=value]`, run from the collection's root (no path = the whole collection,
 * every level). Each request file (`.bru`) is read into a request: the method block (`get|post|
 * put|delete|patch|options|head {url, body, auth}`), `params:path`, `headers`, `auth:bearer|
 * basic|apikey` and the body block the mode names (`body:json|text|xml|graphql|form-urlencoded|
 * multipart-form`); a GraphQL body is sent as `{"query": …}`. Variables come from the
 * environment file (`environments/NAME.bru`, `--env-file`), the request's `vars:pre-request`
 * and `--env-var`. A folder is read through the files this script wrote there (a folder cannot
 * be listed here); a project's own file or folder that cannot be read is not judged, as for
 * `.http` files.
 */
import path from 'node:path';
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readFileOf, resolvePath, runnerFiles } from './http-body.js';
import { fill, finish, setVar } from './http-collections.js';
import { addHeaderLine, emptyRequest, unknownRequest, type HttpRequest } from './http-request.js';

/** Options of `bru run` that take a value (the rest are switches or paths). */
const WITH_VALUE = new Set(
  (
    '--cacert --env --env-file --global-env --workspace-path --env-var --sandbox --output -o --format -f ' +
    '--reporter-json --reporter-junit --reporter-html --client-cert-config --delay --tags --exclude-tags ' +
    '--iteration-count --csv-file-path --json-file-path'
  ).split(' '),
);

const METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'connect', 'trace']);

/** Files of a collection that are not requests: settings of the collection and its folders. */
const NOT_REQUESTS = /(^|\/)(folder|collection)\.bru$|(^|\/)(environments|node_modules|\.git)\//;

/** One top-level block of a `.bru` file. */
export interface BruBlock {
  /** `post`, `headers`, `body:json`, `auth:bearer`, … */
  name: string;
  /** Its `key: value` lines, disabled (`~key`) ones left out. Empty for text blocks. */
  dict: Map<string, string>;
  /** Its lines with the block's indentation taken off (the text of `body:*`, `script:*`). */
  text: string;
}

/** The top-level blocks of a `.bru` file, in order. */
export function bruBlocks(text: string): BruBlock[] {
  const out: BruBlock[] = [];
  let cur: { name: string; close: string; lines: string[] } | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (!cur) {
      const m = /^(\s*)([\w:.-]+)\s*([{[])\s*$/.exec(line);
      if (m) cur = { name: m[2], close: `${m[1]}${m[3] === '{' ? '}' : ']'}`, lines: [] };
      continue;
    }
    if (line.trimEnd() !== cur.close) {
      cur.lines.push(line);
      continue;
    }
    const indent = Math.min(...cur.lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
    const dict = new Map<string, string>();
    for (const l of cur.lines) {
      const kv = /^\s*([^\s~:][^:]*?)\s*:\s?(.*)$/.exec(l);
      if (kv) dict.set(kv[1], kv[2].trim());
    }
    const lines = cur.lines.map((l) => l.slice(Math.min(indent, /^\s*/.exec(l)![0].length)));
    out.push({ name: cur.name, dict, text: lines.join('\n').trim() });
    cur = undefined;
  }
  return out;
}

/** The variables of an environment file (`vars { name: value }`); empty when none. */
function envVars(text: string | undefined): Map<string, string> {
  const vars = new Map<string, string>();
  for (const b of bruBlocks(text ?? '')) if (b.name === 'vars') for (const [k, v] of b.dict) vars.set(k, v);
  return vars;
}

export function parseBruno(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const argv = cmd.argv;
  if (argv[1] !== 'run') return [];
  const paths: string[] = [];
  const overrides = new Map<string, string>();
  let env = '';
  let envFile = '';
  let recursive = false;
  for (let i = 2; i < argv.length; i++) {
    const m = /^(--?[\w-]+)(?:=([\s\S]*))?$/.exec(argv[i]);
    if (!m) {
      paths.push(argv[i]);
      continue;
    }
    if (m[1] === '-r') recursive = true;
    if (!WITH_VALUE.has(m[1])) continue;
    const v = m[2] ?? argv[++i] ?? '';
    if (m[1] === '--env-var') setVar(overrides, v);
    else if (m[1] === '--env') env = v;
    else if (m[1] === '--env-file') envFile = v;
  }
  const root = cmd.cwd || ctx.cwd;
  const vars = envVars(envFile ? readFileOf(resolvePath(envFile, cmd, ctx), cmd, ctx) : undefined);
  if (env)
    for (const [k, v] of envVars(readFileOf(path.join(root, 'environments', `${env}.bru`), cmd, ctx)))
      vars.set(k, v);
  for (const [k, v] of overrides) vars.set(k, v);
  if (!paths.length) {
    paths.push('.');
    recursive = true;
  }
  const out: HttpRequest[] = [];
  for (const p of paths) {
    const file = resolvePath(p, cmd, ctx);
    const files = runnerFiles(
      file,
      cmd,
      ctx,
      (f) => (recursive || path.dirname(f) === file) && !NOT_REQUESTS.test(path.relative(root, f)),
    );
    for (const { file: f, text, written, unknown } of files) {
      if (unknown) {
        // fail closed: a request file this script wrote with content not known statically
        out.push(unknownRequest('bru'));
      } else if (text !== undefined && /\.bru$/.test(f)) {
        const r = bruRequest(text, vars, overrides);
        if (r) out.push(r);
      } else if (written && /\.ya?ml$/.test(f) && !/(^|\/)(opencollection|workspace)\.ya?ml$/.test(f)) {
        // fail closed: a request file in Bruno's YAML format, which is not read here
        out.push(unknownRequest('bru'));
      }
    }
  }
  return out;
}

const BODY_BLOCK: Record<string, string> = {
  formUrlEncoded: 'body:form-urlencoded',
  multipartForm: 'body:multipart-form',
};

/** The request of a `.bru` file; undefined when it has no method block (not a request). */
export function bruRequest(
  text: string,
  env: Map<string, string>,
  overrides: Map<string, string>,
): HttpRequest | undefined {
  const blocks = bruBlocks(text);
  const block = (name: string) => blocks.find((b) => b.name === name);
  const head = blocks.find((b) => METHODS.has(b.name));
  if (!head) return undefined;
  const vars = new Map(env);
  for (const [k, v] of block('vars:pre-request')?.dict ?? []) vars.set(k, fill(v, vars));
  for (const [k, v] of overrides) vars.set(k, v);
  const r = emptyRequest('bru');
  r.method = head.name.toUpperCase();
  const params = block('params:path')?.dict ?? new Map<string, string>();
  const url = fill(head.dict.get('url') ?? '', vars).replace(/\/:(\w+)/g, (m, n: string) => {
    const v = params.get(n);
    return v === undefined ? m : `/${fill(v, vars)}`;
  });
  r.urls = url ? [url] : [];
  for (const [k, v] of block('headers')?.dict ?? []) addHeaderLine(r, `${k}: ${fill(v, vars)}`);
  const auth = head.dict.get('auth') ?? 'none';
  const creds = block(`auth:${auth}`)?.dict;
  if (auth === 'bearer' && creds)
    r.headers['authorization'] = `Bearer ${fill(creds.get('token') ?? '', vars)}`;
  if (auth === 'apikey' && creds && creds.get('placement') !== 'queryparams')
    r.headers[(creds.get('key') ?? 'x-api-key').toLowerCase()] = fill(creds.get('value') ?? '', vars);
  const mode =
    head.dict.get('body') ?? blocks.find((b) => b.name.startsWith('body:'))?.name.slice(5) ?? 'none';
  const body = block(BODY_BLOCK[mode] ?? `body:${mode}`);
  if (mode === 'graphql' && body) {
    let variables: unknown;
    try {
      variables = JSON.parse(fill(block('body:graphql:vars')?.text ?? '', vars)) as unknown;
    } catch {
      variables = undefined;
    }
    r.body = JSON.stringify({ query: fill(body.text, vars), variables });
    r.headers['content-type'] ??= 'application/json';
  } else if (BODY_BLOCK[mode] && body) {
    for (const [k, v] of body.dict) r.fields[k] = fill(v, vars);
    r.body = [...body.dict].map(([k, v]) => `${k}=${fill(v, vars)}`).join('&');
  } else if (body) {
    r.body = fill(body.text, vars);
    if (mode === 'json') r.headers['content-type'] ??= 'application/json';
  }
  finish(r);
  r.auth ||= auth !== 'none';
  return r;
}
