/**
 * The facts one HTTP request makes, whoever saw it: the shell layer (a curl command line)
 * and the egress proxy (a request on the wire) build their `http` and `graphql` facts here,
 * so both are shaped alike and the same rules judge both. Pure.
 */
import type { DraftFact } from './extractor.js';
import type { GraphqlScan } from './graphql-body.js';
import { graphqlFields, resourceOf, type GraphqlField } from './graphql-ops.js';
import { dryRunRequest } from './http-dry-run.js';
import { maskHeaderValue, type UrlParts } from './http-url.js';

/** Header name → value with every credential value masked (see maskHeaderValue). */
export function maskHeaders(raw: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) out[k] = maskHeaderValue(k, v);
  return out;
}

/** `body` cut to `max` characters (with `…`) when longer. */
export function cutBody(body: string, max: number): string {
  return body.length > max ? `${body.slice(0, max)}…` : body;
}

/** What an `http` fact says besides its URL. */
export interface HttpFactFields {
  /** How the fact reads in messages and audit. */
  evidence: string;
  /** Program that sends the request (`curl`, `python`, `proxy`). */
  tool: string;
  /** Upper-case method. */
  method: string;
  /** Headers with credentials already masked (see maskHeaders). */
  headers: Record<string, string>;
  /** True when a credential is sent. */
  auth: boolean;
  /** Body as shown in the fact; undefined = the fact has no `body`. */
  body?: string;
  /** True when a body is sent whose content is not known. */
  bodyUnknown: boolean;
  /** Unix socket the request goes through; empty or undefined = the fact has no `socket`. */
  socket?: string;
}

/** One `http` fact for a request to `u`, shown as `shownUrl` (masked; see maskUrl). */
export function httpFact(u: UrlParts, shownUrl: string, f: HttpFactFields): DraftFact {
  return {
    kind: 'http',
    evidence: f.evidence,
    tool: f.tool,
    method: f.method,
    url: shownUrl,
    host: u.host,
    local: u.local,
    port: u.port,
    path: u.path,
    headers: f.headers,
    auth: f.auth,
    ...(f.body !== undefined ? { body: f.body } : {}),
    bodyUnknown: f.bodyUnknown,
    ...(f.socket ? { socket: f.socket } : {}),
    ...(dryRunRequest(u.query, f.body) ? { dryRun: true } : {}),
  };
}

/** Where a GraphQL request goes, as its facts name it. */
export interface GraphqlTarget {
  /** Lower-case host; empty = unknown. */
  host: string;
  /** URL as shown in facts (masked); for a GraphQL CLI, its endpoint host. */
  url: string;
}

/**
 * `op alias: field(k: v, …)`: a field as evidence shows it, with `(run by carrier)` for a
 * field carried in another field's string argument. `value` renders each argument value
 * (as written by default; the proxy quotes them as JSON).
 */
export function fieldText(f: GraphqlField, value: (v: string) => string = (v) => v): string {
  const args = Object.entries(f.args)
    .map(([k, v]) => `${k}: ${value(v)}`)
    .join(', ');
  const by = f.carrier ? ` (run by ${f.carrier})` : '';
  return `${f.operation} ${f.alias ? `${f.alias}: ` : ''}${f.field}(${args})${by}`;
}

/** The `graphql` fact of one top-level field sent to `to`. */
export function graphqlFieldFact(f: GraphqlField, to: GraphqlTarget, evidence: string): DraftFact {
  return {
    kind: 'graphql',
    evidence,
    host: to.host,
    url: to.url,
    operation: f.operation,
    field: f.field,
    alias: f.alias,
    args: f.args,
    resource: resourceOf(f),
  };
}

/**
 * The `graphql` fact of a GraphQL request whose document could not be read (operation
 * `unparsed`); rules treat it as unknown. `resource` defaults to the host, else `unknown`.
 */
export function unparsedGraphqlFact(
  to: GraphqlTarget,
  evidence: string,
  resource = to.host || 'unknown',
): DraftFact {
  return {
    kind: 'graphql',
    evidence,
    host: to.host,
    url: to.url,
    operation: 'unparsed',
    field: '',
    alias: '',
    args: {},
    resource,
  };
}

/**
 * The `graphql` facts of one scanned HTTP request (see scanGraphql): one per top-level
 * field of each payload, and an `unparsed` fact (evidence `METHOD URL: why`) for a body that
 * could not be read or, sent to a GraphQL endpoint, a document that does not parse. Empty
 * when the request is not GraphQL-like. `evidence` words each field's fact.
 */
export function graphqlScanFacts(
  scan: GraphqlScan,
  to: GraphqlTarget,
  method: string,
  evidence: (f: GraphqlField) => string,
): DraftFact[] {
  if (!scan.graphqlLike) return [];
  const unparsed = (why: string) => unparsedGraphqlFact(to, `${method} ${to.url}: ${why}`);
  const out: DraftFact[] = [];
  if (scan.unreadable) out.push(unparsed('GraphQL body could not be read'));
  for (const p of scan.payloads) {
    const fields = graphqlFields(p);
    if (!fields) {
      // A `query` string sent elsewhere may be a search term, not GraphQL.
      if (scan.endpoint) out.push(unparsed('GraphQL document does not parse'));
      continue;
    }
    for (const f of fields) out.push(graphqlFieldFact(f, to, evidence(f)));
  }
  return out;
}
