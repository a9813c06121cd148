/**
 * SQL sent to a database's HTTP API by an HTTP client (curl, wget, httpie): Hasura's
 * `run_sql` (`/v2/query`), statement APIs (Databricks, Snowflake `statement`; Cloudflare D1,
 * libSQL/Turso `sql`; Supabase, Neon `query`; CrateDB `stmt`), endpoints whose body is the
 * SQL (Trino `/v1/statement`, ClickHouse on 8123/8443) and endpoints that take it as a
 * parameter (ClickHouse `query=`, InfluxDB `q=`, QuestDB `query=`), rqlite's JSON array of
 * statements (`/db/execute`) and Manticore's `/cli`. Each is read like SQL sent through a
 * client; a request to one of them whose body is not known is unknown SQL. Other endpoints
 * whose path names SQL (`/sql`, `/exec`, `/ksql`) are read when what they are sent reads as SQL.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { httpRequests } from './http.js';
import type { HttpRequest } from './http-request.js';
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
  /** True when every string of the JSON body that reads as SQL is a statement (`["DROP TABLE t"]`). */
  anyString?: boolean;
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
  // rqlite: a JSON array of statements (or of [statement, parameters…]).
  { path: /^\/db\/(execute|request)\/?$/, anyString: true, dialect: 'sqlite' },
  // Manticore Search: the body of /cli is one SQL statement.
  { path: /^\/cli(_json)?\/?$/, raw: true, dialect: 'mysql' },
];

/**
 * Any other endpoint whose path names SQL (`/sql`, `/_sql`, `/exec`, `/query/service`, `/ksql`,
 * `/api/v3/sql`): it is read only when its body, a JSON string in it, a form field or a URL
 * parameter reads as SQL; a body that cannot be read leaves it unrecognised.
 */
const SQL_PATH = /\/(?:_?sql|ksql|exec|execute|query|queries|statements?|run[-_]sql)(?:\/|$)/i;
/** Text that starts like a SQL statement: a keyword and the shape that follows it. */
const SQL_TEXT =
  /^\s*(?:(?:DROP|ALTER|CREATE(?:\s+OR\s+REPLACE)?)\s+(?:TEMPORARY\s+|MATERIALIZED\s+)?(?:TABLE|DATABASE|SCHEMA|VIEW|INDEX|KEYSPACE|COLLECTION|STREAM|SOURCE|SINK|FUNCTION|PROCEDURE|TRIGGER|SEQUENCE|USER|ROLE|TYPE|MEASUREMENT|SERIES|RETENTION|NAMESPACE|BUCKET)\b|TRUNCATE\s+(?:TABLE\s+)?[\w.`"[\]]+|DELETE\s+FROM\b|UPDATE\s+\S+\s+SET\b|(?:INSERT|REPLACE)\s+INTO\b|(?:SELECT|SHOW|DESCRIBE|EXPLAIN|WITH)\s)/i;

/** Every string in a JSON value (object values and array items) that reads as SQL. */
function sqlStrings(v: unknown, out: string[] = [], depth = 0): string[] {
  if (typeof v === 'string' && SQL_TEXT.test(v)) out.push(v);
  if (depth > 12 || v === null || typeof v !== 'object') return out;
  for (const x of Object.values(v as Record<string, unknown>)) sqlStrings(x, out, depth + 1);
  return out;
}

/** What a request to an endpoint whose path names SQL sends that reads as SQL: body, JSON strings, fields, parameters. */
function genericSources(req: HttpRequest, query: string): SqlSource[] {
  const texts: [string, string][] = [];
  for (const [k, v] of new URLSearchParams(query)) texts.push([v, `${k}=`]);
  for (const [k, v] of Object.entries(req.fields)) texts.push([v, `${k}=`]);
  const body = req.body ?? '';
  if (SQL_TEXT.test(body)) texts.push([body, 'request body']);
  else if (/^\s*[[{]/.test(body))
    for (const s of sqlStrings(parseJson(body))) texts.push([s, 'request body']);
  else if (body.includes('=')) for (const [k, v] of new URLSearchParams(body)) texts.push([v, `${k}=`]);
  return texts.filter(([t]) => SQL_TEXT.test(t)).map(([text, label]) => ({ text, label }));
}

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
const CLIENTS = new Set(['curl', 'wget', 'wget2', 'nghttp', 'xidel', 'http', 'https', 'xh', 'xhs']);

/** The SQL each request of an HTTP client command sends to a database API; empty when none does. */
export function httpSqlInvocations(cmd: NormalizedCommand, ctx: AnalyzeContext): SqlInvocation[] {
  const out: SqlInvocation[] = [];
  if (!CLIENTS.has(cmd.program)) return out;
  for (const req of httpRequests(cmd, ctx)) {
    for (const raw of req.urls) {
      const u = parseUrl(raw, req.defaultScheme);
      const api = APIS.find((a) => a.path.test(u.path) && (!a.ports || a.ports.includes(u.port)));
      const sources: SqlSource[] = [];
      const invocation = (dialect: SqlDialect = 'postgresql'): SqlInvocation => ({
        tool: `${req.tool} ${maskUrl(u.url)}`,
        dialect,
        sources,
        target: u.host,
      });
      if (!api) {
        if (SQL_PATH.test(u.path)) sources.push(...genericSources(req, u.query));
        if (sources.length) out.push(invocation());
        continue;
      }
      const params = new URLSearchParams(u.query);
      for (const p of api.params ?? []) {
        const v = params.get(p) ?? req.fields[p];
        if (v !== undefined) sources.push({ text: v, label: `${p}=` });
      }
      // httpie/xh items build a JSON body whose keys are also its fields; curl's form fields are no JSON
      const json = req.body === undefined ? undefined : parseJson(req.body);
      const whole = !Object.keys(req.fields).length || (json !== undefined && !api.raw);
      if (req.bodyUnknown) sources.push({ label: 'request body' });
      else if (req.body !== undefined && whole) {
        if (api.raw) sources.push({ text: req.body, label: 'request body' });
        else if (api.anyString)
          for (const s of sqlStrings(json)) sources.push({ text: s, label: 'request body' });
        else for (const s of valuesOf(json, api.keys ?? [])) sources.push({ text: s, label: 'request body' });
      }
      // A known endpoint sent SQL as a form rather than JSON (`/sql` with a body `query=…`).
      if (!sources.length && parseJson(req.body ?? '') === undefined)
        sources.push(...genericSources(req, u.query));
      if (sources.length) out.push(invocation(api.dialect));
    }
  }
  return out;
}
