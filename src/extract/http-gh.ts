/**
 * `gh api ENDPOINT` → HttpRequest against api.github.com (or --hostname): `-X/--method`,
 * `-f/--raw-field` and `-F/--field` (POST by default; `@file` values read through
 * ctx.readFile), `--input FILE|-`, `-H`. `gh api graphql -f query=…` carries GraphQL.
 * `glab api ENDPOINT` has the same shape against gitlab.com/api/v4 (GraphQL at /api/graphql).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import { addHeaderLine, emptyRequest, type HttpRequest } from './http-request.js';

const WITH_ARG = new Set([
  '-X',
  '--method',
  '-f',
  '--raw-field',
  '-F',
  '--field',
  '-H',
  '--header',
  '--input',
  '--hostname',
  '-q',
  '--jq',
  '-t',
  '--template',
  '--cache',
  '-p',
  '--preview',
  '-R',
  '--repo',
]);

/** Where a forge CLI's `api` command sends an endpoint. */
export interface ApiFlavor {
  tool: string;
  /** Default host (`--hostname` overrides). */
  host: string;
  /** The URL path of an endpoint relative to the host (`repos/a/b`, `graphql`). */
  path(endpoint: string): string;
}

export const GH_API: ApiFlavor = { tool: 'gh', host: 'api.github.com', path: (e) => e };
export const GLAB_API: ApiFlavor = {
  tool: 'glab',
  host: 'gitlab.com',
  path: (e) => (e === 'graphql' ? 'api/graphql' : `api/v4/${e}`),
};

export function parseGhApi(cmd: NormalizedCommand, ctx: AnalyzeContext, flavor = GH_API): HttpRequest[] {
  const args = cmd.argv;
  const apiAt = args.indexOf('api');
  if (apiAt < 1 || args.slice(1, apiAt).some((a) => !a.startsWith('-'))) return [];
  const r = emptyRequest(flavor.tool);
  r.auth = true; // the CLI sends the logged-in user's token
  r.defaultScheme = 'https';
  let method = '';
  let host = flavor.host;
  let endpoint = '';
  const fields: Record<string, unknown> = {};
  for (let i = apiAt + 1; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!name.startsWith('-') || name === '-') {
      endpoint ||= a;
      continue;
    }
    let value = eq > 0 ? a.slice(eq + 1) : '';
    let idx = i;
    if (eq < 0 && WITH_ARG.has(name)) {
      value = args[++i] ?? '';
      idx = i;
    } else if (eq < 0 && /^-[XfFH]./.test(a)) {
      value = a.slice(2);
    }
    const short = eq < 0 && /^-[XfFH]./.test(a) ? a.slice(0, 2) : name;
    if (short === '-X' || short === '--method') method = value.toUpperCase();
    else if (short === '--hostname') host = value;
    else if (short === '-H' || short === '--header') addHeaderLine(r, value);
    else if (short === '--input') {
      const p = readPayloadFile(value, cmd, ctx);
      if (p.stdin) r.sendsStdin = true;
      if (p.file) r.uploads.push(p.file);
      r.body = p.text;
      r.bodyUnknown ||= p.unknown;
      r.dataArgs.push(idx);
    } else if (['-f', '--raw-field', '-F', '--field'].includes(short)) {
      r.dataArgs.push(idx);
      const k = value.indexOf('=');
      if (k <= 0) continue;
      const key = value.slice(0, k);
      let v: string | undefined = value.slice(k + 1);
      if ((short === '-F' || short === '--field') && v.startsWith('@')) {
        const p = readPayloadFile(v.slice(1), cmd, ctx);
        if (p.file) r.uploads.push(p.file);
        r.bodyUnknown ||= p.unknown;
        v = p.text;
      }
      r.fields[key] = v ?? '';
      // `-F` gives true, false, null and integers their JSON type (`-F private=false` sends
      // `"private": false`); `-f` always sends a string.
      const typed = short === '-F' || short === '--field';
      fields[key] =
        typed && v !== undefined && /^(true|false|null|-?\d+)$/.test(v) && !value.slice(k + 1).startsWith('@')
          ? (JSON.parse(v) as unknown)
          : (v ?? '');
    }
  }
  if (!endpoint) return [];
  const hasFields = Object.keys(fields).length > 0;
  if (r.body === undefined && hasFields) {
    r.body = JSON.stringify(fields);
    r.headers['content-type'] ??= 'application/json';
  }
  r.method = method || (hasFields || r.body !== undefined || r.bodyUnknown ? 'POST' : 'GET');
  const path = /^https?:\/\//.test(endpoint)
    ? endpoint
    : `https://${host}/${flavor.path(endpoint.replace(/^\//, ''))}`;
  // gh and glab send fields as query parameters on GET.
  r.urls.push(r.method === 'GET' && hasFields ? `${path}?${new URLSearchParams(r.fields).toString()}` : path);
  if (r.method === 'GET') r.body = undefined;
  return [r];
}
