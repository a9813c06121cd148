/**
 * Insomnia collections run by its CLI: `inso [-w EXPORT|DIR] run collection [ID] [-e ENV]
 * [--env-var name=value]`. The export --workingDir names is read (JSON or YAML: v4 `resources`,
 * v5 `collection` trees; a folder such as a `.insomnia` git folder: the files this script wrote
 * there). Every request in it (an object with a `method` and a `url`) becomes a request with its
 * query parameters, headers, authentication and body (a GraphQL body is already
 * `{"query": …}`), variables (`{{ _.name }}`, `{{ name }}`) filled from the base environment, the
 * one --env names and --env-var. Without --workingDir inso runs the Insomnia app's own data,
 * which is not read here; a project's own export that cannot be read is not judged.
 */
import YAML from 'yaml';
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { resolvePath, runnerFiles } from './http-body.js';
import { fill, finish, setVar } from './http-collections.js';
import { emptyRequest, unknownRequest, type HttpRequest } from './http-request.js';

/** Options of inso (global and `run collection`) that take a value. */
const WITH_VALUE = new Set(
  (
    '-w --workingDir --config -t --requestNamePattern -i --item -e --env -g --globals --delay-request ' +
    '--env-var -n --iteration-count -d --iteration-data -r --reporter --httpsProxy --httpProxy --noProxy'
  ).split(' '),
);

interface Pair {
  name?: unknown;
  value?: unknown;
  disabled?: unknown;
}
interface InsoRequest {
  method: string;
  url: string;
  headers?: Pair[];
  parameters?: Pair[];
  authentication?: { type?: unknown; token?: unknown; disabled?: unknown };
  body?: { mimeType?: unknown; text?: unknown; params?: Pair[] };
}
interface Env {
  name: string;
  id: string;
  base: boolean;
  data: Record<string, unknown>;
}

export function parseInso(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const words: string[] = [];
  const overrides = new Map<string, string>();
  let dir = '';
  let env = '';
  for (let i = 1; i < cmd.argv.length; i++) {
    const m = /^(--?[\w-]+)(?:=([\s\S]*))?$/.exec(cmd.argv[i]);
    if (!m) {
      words.push(cmd.argv[i]);
      continue;
    }
    if (!WITH_VALUE.has(m[1])) continue;
    const v = m[2] ?? cmd.argv[++i] ?? '';
    if (m[1] === '--env-var') setVar(overrides, v);
    else if (m[1] === '-w' || m[1] === '--workingDir') dir = v;
    else if (m[1] === '-e' || m[1] === '--env') env = v;
  }
  if (words[0] !== 'run' || words[1] !== 'collection' || !dir) return [];
  const target = resolvePath(dir, cmd, ctx);
  const files = runnerFiles(target, cmd, ctx, (f) => /\.(ya?ml|json)$/.test(f));
  const docs: unknown[] = [];
  const out: HttpRequest[] = [];
  for (const { text, unknown } of files) {
    if (unknown) {
      // fail closed: an export this script wrote with content not known statically
      out.push(unknownRequest('inso'));
      continue;
    }
    if (text === undefined) continue;
    try {
      docs.push(YAML.parse(text) as unknown);
    } catch {
      // fail closed: an export that cannot be read runs requests not known here
      out.push(unknownRequest('inso'));
    }
  }
  const requests: InsoRequest[] = [];
  const envs: Env[] = [];
  for (const d of docs) walk(d, 0, false, requests, envs);
  const vars = new Map<string, string>();
  const chosen = envs
    .filter((e) => e.base)
    .concat(envs.filter((e) => !e.base && env && (e.name === env || e.id === env)));
  for (const e of chosen) flatten(e.data, '', vars);
  for (const [k, v] of overrides) vars.set(k, v);
  return out.concat(requests.map((q) => insoRequest(q, vars)));
}

/** Collects the requests and environments of an export, at any depth. */
function walk(node: unknown, depth: number, isEnv: boolean, requests: InsoRequest[], envs: Env[]): void {
  if (depth > 32 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) walk(n, depth + 1, isEnv, requests, envs);
    return;
  }
  const o = node as Record<string, unknown>;
  const type = String(o['_type'] ?? o['type'] ?? '');
  if (typeof o['method'] === 'string' && typeof o['url'] === 'string')
    requests.push(o as unknown as InsoRequest);
  if ((isEnv || /^environment$/i.test(type)) && o['data'] && typeof o['data'] === 'object') {
    const parent = String(o['parentId'] ?? '');
    envs.push({
      name: String(o['name'] ?? ''),
      id: String(o['_id'] ?? ''),
      // The base environment: a v5 `environments` root, or a v4 one whose parent is the workspace.
      base: (isEnv && depth <= 1) || parent.startsWith('wrk_') || parent === '__WORKSPACE_ID__',
      data: o['data'] as Record<string, unknown>,
    });
  }
  for (const [k, v] of Object.entries(o)) {
    if (k === 'data') continue;
    walk(v, depth + 1, k === 'environments' || k === 'subEnvironments', requests, envs);
  }
}

/** Environment data as `a.b` → value (Insomnia reads nested data as `{{ _.a.b }}`). */
function flatten(data: Record<string, unknown>, prefix: string, vars: Map<string, string>): void {
  for (const [k, v] of Object.entries(data)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      flatten(v as Record<string, unknown>, `${prefix}${k}.`, vars);
    else vars.set(`${prefix}${k}`, String(v));
  }
}

function insoRequest(q: InsoRequest, vars: Map<string, string>): HttpRequest {
  const f = (s: unknown) => fill(String(s ?? '').replace(/\{\{\s*_\./g, '{{'), vars);
  const on = (p: Pair) => p.name !== undefined && p.disabled !== true;
  const r = emptyRequest('inso');
  r.method = f(q.method).toUpperCase();
  const query = (q.parameters ?? []).filter(on).map((p) => `${f(p.name)}=${f(p.value)}`);
  const url = f(q.url);
  r.urls = url ? [query.length ? `${url}${url.includes('?') ? '&' : '?'}${query.join('&')}` : url] : [];
  for (const h of (q.headers ?? []).filter(on)) r.headers[f(h.name).toLowerCase()] = f(h.value);
  const b = q.body;
  if (typeof b?.mimeType === 'string' && b.mimeType) r.headers['content-type'] ??= b.mimeType;
  if (b?.text !== undefined) r.body = f(b.text);
  else if (b?.params?.length) {
    const params = b.params.filter(on);
    for (const p of params) r.fields[f(p.name)] = f(p.value);
    r.body = params.map((p) => `${f(p.name)}=${f(p.value)}`).join('&');
  }
  const a = q.authentication;
  if (a?.type === 'bearer' && a.disabled !== true) r.headers['authorization'] = `Bearer ${f(a.token)}`;
  finish(r);
  r.auth ||= typeof a?.type === 'string' && a.type !== 'none' && a.disabled !== true;
  return r;
}
