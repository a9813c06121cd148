/**
 * Cloud CLIs' generic request commands, which send any method to any path of their API:
 * `az rest --method M --url U [--body B]` (a path alone goes to Azure Resource Manager),
 * `oci raw-request --http-method M --target-uri U [--request-body B]` and
 * `kubectl|oc get|delete|create|replace|apply --raw PATH` (sent to the current context's API
 * server), `nomad operator api [-X M] [-H 'N: V'] PATH|URL` (the body on stdin; POST when
 * stdin is given and no -X) and `pscale api [-X|--method M] ENDPOINT` (PlanetScale's API).
 * Reads the command line; a body file (`@file`, `-f file`) through ctx.readFile.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import { addHeaderLine, emptyRequest, type HttpRequest } from './http-request.js';

/** The host a kubectl --raw path is shown on: the current context's server is not known here. */
export const KUBE_API = 'https://kubernetes.default.svc';
const ARM = 'https://management.azure.com';
/**
 * Where a nomad command's request goes when no address is given on the line: NOMAD_ADDR is
 * read at run time, so the cluster is not known here (fail closed: not this machine).
 */
export const NOMAD_API = 'https://nomad.service.consul:4646';
const PSCALE_API = 'https://api.planetscale.com/v1/';
const KUBECTL_METHOD: Record<string, string> = {
  get: 'GET',
  delete: 'DELETE',
  create: 'POST',
  replace: 'PUT',
  apply: 'PATCH',
};

/** Option name → value, for `--name value` and `--name=value` (last one wins). Empty = none. */
function options(argv: string[]): Map<string, { value: string; idx: number }> {
  const out = new Map<string, { value: string; idx: number }>();
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) out.set(a.slice(0, eq), { value: a.slice(eq + 1), idx: i });
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('-'))
      out.set(a, { value: argv[i + 1], idx: i + 1 });
  }
  return out;
}

export function parseVendorRequest(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const [p, sub] = [cmd.program, cmd.argv[1] ?? ''];
  const o = options(cmd.argv);
  const get = (...names: string[]) => names.map((n) => o.get(n)).find((v) => v !== undefined);
  if (p === 'az' && sub === 'rest') {
    const url = get('--url', '--uri', '-u');
    const body = get('--body', '-b');
    const method = get('--method', '-m')?.value.toUpperCase() || (body ? 'POST' : 'GET');
    const target = url?.value.startsWith('/') ? `${ARM}${url.value}` : (url?.value ?? '');
    return [request('az', method, target, body, cmd, ctx)];
  }
  if (p === 'oci' && sub === 'raw-request') {
    // fail closed: --http-method is required; without it the method is unknown.
    const method = get('--http-method')?.value.toUpperCase() || 'UNKNOWN';
    return [request('oci', method, get('--target-uri')?.value ?? '', get('--request-body'), cmd, ctx)];
  }
  if ((p === 'kubectl' || p === 'oc') && sub in KUBECTL_METHOD) {
    const raw = get('--raw');
    if (!raw) return [];
    const path = raw.value.startsWith('/') ? raw.value : `/${raw.value}`;
    return [request(p, KUBECTL_METHOD[sub], `${KUBE_API}${path}`, get('-f', '--filename'), cmd, ctx)];
  }
  if (p === 'nomad' && sub === 'operator' && cmd.argv[2] === 'api') return nomadApi(cmd, ctx);
  if (p === 'pscale' && sub === 'api') return pscaleApi(cmd, ctx);
  return [];
}

/** nomad's own flags that take no value (`-dryrun`, `-verbose`, `-tls-skip-verify`); every other takes one. */
const NOMAD_FLAGS = /^-(dryrun|verbose|tls-skip-verify|h|help)$/;

/** `nomad operator api [-X M] [-H 'N: V'] [-filter F] [-address=A] PATH|URL`; `-dryrun` only prints a curl line. */
function nomadApi(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const a = cmd.argv;
  let method = '';
  let address = cmd.vars.NOMAD_ADDR ?? '';
  let path = '';
  const headers: string[] = [];
  for (let i = 3; i < a.length; i++) {
    const [o, inline] = a[i].replace(/^--/, '-').split(/=(.*)/s, 2);
    if (!o.startsWith('-')) {
      path ||= a[i];
      continue;
    }
    if (NOMAD_FLAGS.test(o)) {
      if (o !== '-verbose' && o !== '-tls-skip-verify') return [];
      continue;
    }
    const v = inline ?? a[++i] ?? '';
    if (o === '-X') method = v.toUpperCase();
    else if (o === '-H') headers.push(v);
    else if (o === '-address') address = v;
  }
  const base = (address || NOMAD_API).replace(/\/+$/, '');
  const url = /^[a-z]+:\/\//i.test(path) ? path : `${base}${path.startsWith('/') ? '' : '/'}${path}`;
  const r = request('nomad', method || (cmd.stdin ? 'POST' : 'GET'), url, undefined, cmd, ctx);
  for (const h of headers) addHeaderLine(r, h);
  if (cmd.stdin) {
    const pl = readPayloadFile('-', cmd, ctx);
    r.sendsStdin = true;
    r.body = pl.text;
    r.bodyUnknown = pl.unknown;
  }
  return [r];
}

/** `pscale api [-X|--method M] [-F k=v] ENDPOINT`: POST when fields are given and no method. */
function pscaleApi(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const a = cmd.argv;
  let method = '';
  let endpoint = '';
  let fields = false;
  for (let i = 2; i < a.length; i++) {
    const [o, inline] = a[i].split(/=(.*)/s, 2);
    if (!o.startsWith('-')) {
      endpoint ||= a[i];
      continue;
    }
    if (
      !/^(-X|--method|-F|--field|-H|--header|--input|--org|--service-token|--service-token-id|--format|-f)$/.test(
        o,
      )
    )
      continue;
    const v = inline ?? a[++i] ?? '';
    if (o === '-X' || o === '--method') method = v.toUpperCase();
    else if (o === '-F' || o === '--field' || o === '--input') fields = true;
  }
  const url = /^[a-z]+:\/\//i.test(endpoint) ? endpoint : `${PSCALE_API}${endpoint.replace(/^\/+/, '')}`;
  return [request('pscale', method || (fields ? 'POST' : 'GET'), url, undefined, cmd, ctx)];
}

function request(
  tool: string,
  method: string,
  url: string,
  body: { value: string; idx: number } | undefined,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
): HttpRequest {
  const r = emptyRequest(tool);
  r.method = method;
  r.defaultScheme = 'https';
  r.auth = true; // these CLIs sign every request with the signed-in account
  if (url) r.urls.push(url);
  if (body) {
    r.dataArgs.push(body.idx);
    const file = tool === 'kubectl' ? body.value : body.value.startsWith('@') ? body.value.slice(1) : '';
    if (file) {
      const pl = readPayloadFile(file, cmd, ctx);
      r.body = pl.text;
      r.bodyUnknown = pl.unknown;
      if (pl.file) r.uploads.push(pl.file);
    } else r.body = body.value;
  }
  return r;
}
