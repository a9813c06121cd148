/**
 * Finds the GraphQL requests inside an HTTP request: a JSON body `{query, operationName,
 * variables}`, a batched JSON array of those, a raw `application/graphql` body, a
 * form/urlencoded `query=` field, a multipart `operations` field, or `?query=` on a GET.
 */
import type { GraphqlPayload } from './graphql-ops.js';
import type { HttpRequest } from './http-request.js';

export interface GraphqlScan {
  /** Requests found; empty = none. */
  payloads: GraphqlPayload[];
  /** True when the request is addressed to a GraphQL endpoint or carries a GraphQL-shaped body. */
  graphqlLike: boolean;
  /** True when the URL path or the content type names GraphQL. */
  endpoint: boolean;
  /** True when the request is GraphQL-like but its document could not be read (unknown or malformed body). */
  unreadable: boolean;
}

/** True when the URL path names a GraphQL endpoint (`/graphql`, `/graphql/v2`, `/api/graphql.json`, `/v1/graphql`). */
export function isGraphqlPath(path: string): boolean {
  return /graphql|\/gql(\/|$)/i.test(path);
}

export function scanGraphql(req: HttpRequest, path: string, query: string): GraphqlScan {
  const endpoint = isGraphqlPath(path) || /graphql/i.test(req.headers['content-type'] ?? '');
  const payloads: GraphqlPayload[] = [];
  let malformed = false;
  const body = req.body;
  if (body !== undefined && body.trim() !== '') {
    const json = tryJson(body);
    if (json.ok) {
      const items = Array.isArray(json.value) ? json.value : [json.value];
      for (const it of items) {
        const p = toPayload(it);
        if (p) payloads.push(p);
      }
      if (!payloads.length && endpoint) malformed = true;
    } else {
      const ct = req.headers['content-type'] ?? '';
      const form = formQuery(body);
      const loose = form ? undefined : looseJsonQuery(body);
      if (form) payloads.push(form);
      else if (loose) payloads.push(loose);
      else if (/graphql/i.test(ct) || endpoint)
        payloads.push({ query: body, operationName: '', variables: {} });
    }
  }
  if (!payloads.length) {
    const q = req.fields['query'];
    if (typeof q === 'string' && q) {
      payloads.push({
        query: q,
        operationName: req.fields['operationName'] ?? '',
        variables: parseVars(req.fields['variables']),
      });
    }
    const ops = req.fields['operations'];
    if (typeof ops === 'string' && ops) {
      const j = tryJson(ops);
      const items = j.ok ? (Array.isArray(j.value) ? j.value : [j.value]) : [];
      for (const it of items) {
        const p = toPayload(it);
        if (p) payloads.push(p);
      }
      if (!j.ok) malformed = true;
    }
  }
  if (!payloads.length && query) {
    const p = formQuery(query);
    if (p) payloads.push(p);
  }
  const graphqlLike = endpoint || payloads.length > 0;
  const unreadable = graphqlLike && (malformed || (req.bodyUnknown && !payloads.length));
  return { payloads, graphqlLike, endpoint, unreadable };
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const t = text.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(t) };
  } catch {
    return { ok: false };
  }
}

function toPayload(v: unknown): GraphqlPayload | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.query !== 'string') return undefined;
  return {
    query: o.query,
    operationName: typeof o.operationName === 'string' ? o.operationName : '',
    variables: parseVars(o.variables),
  };
}

function parseVars(v: unknown): Record<string, unknown> {
  if (typeof v === 'string') {
    const j = tryJson(v);
    v = j.ok ? j.value : undefined;
  }
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** `query=…&variables=…` form encoding. */
function formQuery(text: string): GraphqlPayload | undefined {
  if (!/(^|&)query=/.test(text.trim())) return undefined;
  const params = new URLSearchParams(text.trim());
  const q = params.get('query');
  if (!q) return undefined;
  return {
    query: q,
    operationName: params.get('operationName') ?? '',
    variables: parseVars(params.get('variables') ?? undefined),
  };
}

/**
 * A JSON-looking body that is not valid JSON, usually because a shell variable spliced an
 * unescaped document into it (`-d "{\"query\": \"$Q\"}"`). The server would reject it, but
 * the intent is plain: read the text between `"query": "` and the last quote.
 */
function looseJsonQuery(text: string): GraphqlPayload | undefined {
  const t = text.trim();
  const m = /^\{\s*"query"\s*:\s*"/.exec(t);
  if (!m) return undefined;
  const end = t.lastIndexOf('"');
  if (end <= m[0].length) return undefined;
  const query = t
    .slice(m[0].length, end)
    .replace(/\\(["\\/])/g, '$1')
    .replace(/\\n/g, '\n');
  return { query, operationName: '', variables: {} };
}
