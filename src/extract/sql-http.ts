/**
 * SQL sent to a database's HTTP API by an HTTP client (curl, wget, httpie): Hasura's
 * `run_sql` (`/v2/query`), statement APIs (Databricks, Snowflake `statement`; Cloudflare D1,
 * libSQL/Turso `sql`; Supabase, Neon `query`; CrateDB `stmt`), endpoints whose body is the
 * SQL (Trino `/v1/statement`, ClickHouse on 8123/8443) and endpoints that take it as a
 * parameter (ClickHouse `query=`, InfluxDB `q=`, QuestDB `query=`). Each is read like SQL
 * sent through a client; a request to one of them whose body is not known is unknown SQL.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { httpRequests } from './http.js';
import { maskUrl, parseUrl } from './http-url.js';
import type { SqlInvocation, SqlSource } from './sql-clients.js';
import type { SqlDialect } from './sql-statements.js';

interface SqlApi {
  /** Request path of the endpoint. */
  path: RegExp;
  /** When set, the endpoint is recognised only on these ports. */
  ports?: number[];
  /** JSON keys whose string values are SQL, wherever they are in the body. Empty = none. */
  keys?: string[];
  /** True when the whole body is SQL. */
  raw?: boolean;
  /** URL query or form parameters whose value is SQL. Empty = none. */
  params?: string[];
  dialect?: SqlDialect;
}

const APIS: SqlApi[] = [
  // Hasura: {"type":"run_sql","args":{"sql":"…"}}, also inside {"type":"bulk","args":[…]}.
  { path: /(?<!\/api)\/v[12]\/query\/?$/, keys: ['sql'] },
  { path: /\/api\/2\.0\/sql\/statements\/?$|\/api\/v2\/statements\/?$/, keys: ['statement'] },
  { path: /\/d1\/database\/[^/]+\/(query|raw)\/?$/, keys: ['sql'] },
  { path: /\/v[23]\/pipeline\/?$|\/v1\/execute\/?$/, keys: ['sql'] },
  { path: /\/v1\/projects\/[^/]+\/database\/query\/?$|^\/sql\/?$/, keys: ['query'] },
  { path: /\/_sql\/?$/, keys: ['stmt'] },
  { path: /\/v1\/statement\/?$/, raw: true },
  { path: /^\/?$/, ports: [8123, 8443], raw: true, params: ['query'], dialect: 'mysql' },
  { path: /\/query\/?$/, ports: [8086], params: ['q'] },
  { path: /\/exec\/?$/, ports: [9000], params: ['query'] },
];

/** String values under `keys`, anywhere in a JSON value. */
function valuesOf(v: unknown, keys: string[], out: string[] = [], depth = 0): string[] {
  if (depth > 12 || v === null || typeof v !== 'object') return out;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (typeof x === 'string' && keys.includes(k)) out.push(x);
    else valuesOf(x, keys, out, depth + 1);
  }
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** HTTP clients whose requests are read (see httpRequests). */
const CLIENTS = new Set(['curl', 'wget', 'http', 'https', 'xh', 'xhs']);

/** The SQL each request of an HTTP client command sends to a database API; empty when none does. */
export function httpSqlInvocations(cmd: NormalizedCommand, ctx: AnalyzeContext): SqlInvocation[] {
  const out: SqlInvocation[] = [];
  if (!CLIENTS.has(cmd.program)) return out;
  for (const req of httpRequests(cmd, ctx)) {
    for (const raw of req.urls) {
      const u = parseUrl(raw, req.defaultScheme);
      const api = APIS.find((a) => a.path.test(u.path) && (!a.ports || a.ports.includes(u.port)));
      if (!api) continue;
      const sources: SqlSource[] = [];
      const params = new URLSearchParams(u.query);
      for (const p of api.params ?? []) {
        const v = params.get(p) ?? req.fields[p];
        if (v !== undefined) sources.push({ text: v, label: `${p}=` });
      }
      if (req.bodyUnknown) sources.push({ label: 'request body' });
      else if (req.body !== undefined && !Object.keys(req.fields).length) {
        if (api.raw) sources.push({ text: req.body, label: 'request body' });
        else
          for (const s of valuesOf(parseJson(req.body), api.keys ?? []))
            sources.push({ text: s, label: 'request body' });
      }
      if (sources.length)
        out.push({
          tool: `${req.tool} ${maskUrl(u.url)}`,
          dialect: api.dialect ?? 'postgresql',
          sources,
          target: u.host,
        });
    }
  }
  return out;
}
