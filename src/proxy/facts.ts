/**
 * One intercepted HTTP request → the same `http` and `graphql` facts the shell layer
 * makes from a curl command line, so the same rules judge both. Pure.
 *
 * Problems that hide what the request does (a body over the limit, an unknown encoding,
 * a GraphQL endpoint whose body names no readable document) become analysis issues, which
 * the decide stage turns into at least `ask` (fail closed).
 */
import type { AnalysisIssue, Fact } from '../engine/types.js';
import { graphqlFields, resourceOf } from '../extract/graphql-ops.js';
import { isGraphqlPath, scanGraphql } from '../extract/graphql-body.js';
import { emptyRequest } from '../extract/http-request.js';
import { isAuthHeader, isLocalHost, maskHeaderValue, maskUrl } from '../extract/http-url.js';

/** A request as the proxy received it. */
export interface ProxiedRequest {
  /** Upper-case method. */
  method: string;
  /** Absolute URL (`https://host:port/path?query`). */
  url: string;
  /** Header name (lower-case) → value; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** Decoded body text; undefined = no body or not readable (see bodyIssue). */
  body?: string;
  /** Why the body could not be read (too large, unknown encoding). Empty = it was read. */
  bodyIssue: string;
  /** Name of the sending program (`python3`, `curl`); empty = unknown. */
  tool: string;
}

/** Largest body kept in the http fact (rules match it); GraphQL is read from the full body. */
const MAX_FACT_BODY = 64 * 1024;

export interface RequestFacts {
  facts: Fact[];
  issues: AnalysisIssue[];
  /** Lower-case host the request goes to. */
  host: string;
}

export function requestFacts(r: ProxiedRequest): RequestFacts {
  let u: URL;
  try {
    u = new URL(r.url);
  } catch {
    // fail closed: a URL we cannot read is judged as an unknown destination.
    return {
      facts: [],
      issues: [{ code: 'E_PROXY_URL', message: 'the request URL could not be parsed' }],
      host: '',
    };
  }
  const host = u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
  const path = safeDecode(u.pathname || '/');
  const query = u.search.replace(/^\?/, '');
  const shown = maskUrl(r.url);
  const tool = r.tool || 'proxy';
  const issues: AnalysisIssue[] = [];
  if (r.bodyIssue) issues.push({ code: 'E_PROXY_BODY', message: `request body not judged: ${r.bodyIssue}` });

  const headers: Record<string, string> = {};
  let auth = false;
  for (const [k, v] of Object.entries(r.headers)) {
    headers[k] = maskHeaderValue(k, v);
    if (isAuthHeader(k) && k !== 'cookie') auth = true;
  }
  const body = r.body;
  const facts: Fact[] = [
    {
      kind: 'http',
      command: -1,
      evidence: `${tool} ${r.method} ${shown}`,
      tool,
      method: r.method,
      url: shown,
      host,
      local: isLocalHost(host),
      port,
      path,
      headers,
      auth,
      ...(body !== undefined && body !== ''
        ? { body: body.length > MAX_FACT_BODY ? `${body.slice(0, MAX_FACT_BODY)}…` : body }
        : {}),
      bodyUnknown: Boolean(r.bodyIssue),
    },
  ];

  const req = emptyRequest(tool);
  req.method = r.method;
  req.headers = { ...r.headers };
  req.body = body;
  req.bodyUnknown = Boolean(r.bodyIssue);
  const ct = (r.headers['content-type'] ?? '').toLowerCase();
  if (body && ct.startsWith('multipart/form-data')) {
    // The GraphQL request is in the `operations` field; the raw body is not a document.
    req.fields = multipartFields(body, r.headers['content-type'] ?? '');
    req.body = undefined;
  }
  const scan = scanGraphql(req, path, query);
  if (scan.graphqlLike) {
    const gfacts = graphqlFactsOf(scan, host, shown, r.method);
    facts.push(...gfacts);
    // fail closed: a GraphQL endpoint that received something, but no document we can read
    // (a persisted-query hash only, an empty or foreign body).
    const sentSomething =
      (body !== undefined && body.trim() !== '') || /persistedQuery|sha256Hash/i.test(query);
    if (isGraphqlPath(path) && sentSomething && !gfacts.length)
      facts.push(unparsed(host, shown, `${r.method} ${shown}: no GraphQL document in the request`));
  }
  return { facts, issues, host };
}

function graphqlFactsOf(
  scan: ReturnType<typeof scanGraphql>,
  host: string,
  url: string,
  method: string,
): Fact[] {
  const out: Fact[] = [];
  if (scan.unreadable) out.push(unparsed(host, url, `${method} ${url}: GraphQL body could not be read`));
  for (const p of scan.payloads) {
    const fields = graphqlFields(p);
    if (!fields) {
      if (scan.endpoint) out.push(unparsed(host, url, `${method} ${url}: GraphQL document does not parse`));
      continue;
    }
    for (const f of fields) {
      const argText = Object.entries(f.args)
        .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
        .join(', ');
      out.push({
        kind: 'graphql',
        command: -1,
        evidence: `GraphQL ${f.operation} ${f.alias ? `${f.alias}: ` : ''}${f.field}(${argText}) → ${host}`,
        host,
        url,
        operation: f.operation,
        field: f.field,
        alias: f.alias,
        args: f.args,
        resource: resourceOf(f),
      });
    }
  }
  return out;
}

function unparsed(host: string, url: string, evidence: string): Fact {
  return {
    kind: 'graphql',
    command: -1,
    evidence,
    host,
    url,
    operation: 'unparsed',
    field: '',
    alias: '',
    args: {},
    resource: host || 'unknown',
  };
}

/** Text fields of a multipart/form-data body (`operations`, `map` for GraphQL uploads). */
function multipartFields(body: string, ct: string): Record<string, string> {
  const m = /boundary="?([^";]+)"?/i.exec(ct);
  const out: Record<string, string> = {};
  if (!m) return out;
  for (const part of body.split(`--${m[1]}`)) {
    const sep = part.indexOf('\r\n\r\n');
    if (sep < 0) continue;
    const head = part.slice(0, sep);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (!name || /filename=/i.test(head)) continue;
    out[name] = part.slice(sep + 4).replace(/\r\n$/, '');
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
