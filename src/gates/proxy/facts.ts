/**
 * One intercepted HTTP request → the same `http` and `graphql` facts the shell layer
 * makes from a curl command line, so the same rules judge both. Pure.
 *
 * Problems that hide what the request does (a body over the limit, an unknown encoding,
 * a GraphQL endpoint whose body names no readable document) become analysis issues, which
 * the decide stage turns into at least `ask` (fail closed).
 */
import type { AnalysisIssue, Fact } from '../../engine/types.js';
import type { DraftFact } from '../../extract/extractor.js';
import { isGraphqlPath, scanGraphql } from '../../extract/graphql-body.js';
import { forgeForcePush, graphqlForcePush } from '../../extract/git-forge.js';
import { graphqlProtectionOff, restProtectionOff } from '../../extract/forge-protection.js';
import { emptyRequest } from '../../extract/http-request.js';
import { isAuthHeader, maskUrl, parseUrl } from '../../extract/http-url.js';
import {
  cutBody,
  fieldText,
  graphqlScanFacts,
  httpFact,
  maskHeaders,
  unparsedGraphqlFact,
} from '../../extract/request-facts.js';

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
  const u = parseUrl(r.url);
  // parseUrl leaves the path empty only for a URL it could not read, and adds a scheme
  // only to a URL that is not absolute.
  if (!u.path || u.url !== r.url) {
    // fail closed: a URL we cannot read is judged as an unknown destination.
    return {
      facts: [],
      issues: [{ code: 'E_PROXY_URL', message: 'the request URL could not be parsed' }],
      host: '',
    };
  }
  const { host, path, query } = u;
  const shown = maskUrl(r.url);
  const tool = r.tool || 'proxy';
  const issues: AnalysisIssue[] = [];
  if (r.bodyIssue) issues.push({ code: 'E_PROXY_BODY', message: `request body not judged: ${r.bodyIssue}` });

  const auth = Object.keys(r.headers).some((k) => isAuthHeader(k) && k !== 'cookie');
  const body = r.body;
  const drafts: DraftFact[] = [
    httpFact(u, shown, {
      evidence: `${tool} ${r.method} ${shown}`,
      tool,
      method: r.method,
      headers: maskHeaders(r.headers),
      auth,
      body: body !== undefined && body !== '' ? cutBody(body, MAX_FACT_BODY) : undefined,
      bodyUnknown: Boolean(r.bodyIssue),
    }),
  ];

  const forced = forgeForcePush(r.method, host, path, body, Boolean(r.bodyIssue), tool);
  if (forced) drafts.push(forced);
  const off = restProtectionOff(r.method, host, path, body, tool, Boolean(r.bodyIssue));
  if (off) drafts.push(off);

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
    const to = { host, url: shown };
    const gfacts = graphqlScanFacts(
      scan,
      to,
      r.method,
      (f) => `GraphQL ${fieldText(f, (v) => JSON.stringify(v))} → ${host}`,
    );
    drafts.push(...gfacts, ...graphqlForcePush(gfacts, tool), ...graphqlProtectionOff(gfacts, tool));
    // fail closed: a GraphQL endpoint that received something, but no document we can read
    // (a persisted-query hash only, an empty or foreign body).
    const sentSomething =
      (body !== undefined && body.trim() !== '') || /persistedQuery|sha256Hash/i.test(query);
    if (isGraphqlPath(path) && sentSomething && !gfacts.length)
      drafts.push(unparsedGraphqlFact(to, `${r.method} ${shown}: no GraphQL document in the request`));
  }
  // Facts of a request seen on the wire belong to no command of a script.
  const facts = drafts.map((d) => Object.assign({ kind: d.kind, command: -1 }, d) as Fact);
  return { facts, issues, host };
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
