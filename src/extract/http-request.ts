/**
 * The request model every HTTP client parser (curl, wget, httpie/xh) produces, before it
 * becomes HttpFact/GraphqlFact. Kept separate so the exfiltration extractor can reuse it.
 */

export interface HttpRequest {
  /** curl | wget | httpie | xh */
  tool: string;
  /** Upper-case method as the client would send it. */
  method: string;
  /** Every URL requested, as written (scheme may be missing). Empty = none found. */
  urls: string[];
  /** Scheme assumed for URLs written without one (`http`, or `https` for the `https`/`xhs` programs). */
  defaultScheme: string;
  /** Header name (lower-case) → raw value. Never shown unmasked; see maskHeaderValue. */
  headers: Record<string, string>;
  /** True when a credential is sent (Authorization-like header, -u, bearer flags, netrc). */
  auth: boolean;
  /** Body as far as known; undefined = no body. */
  body?: string;
  /** True when a body is sent but its content is not known. */
  bodyUnknown: boolean;
  /** Form/urlencoded fields by name, when the body is made of fields (`-F`, `--data-urlencode`, httpie items). Empty = none. */
  fields: Record<string, string>;
  /** Absolute paths of files whose content is sent (upload or body). Empty = none. */
  uploads: string[];
  /** True when the command's standard input is sent (`-d @-`, `-T -`, httpie with piped input). */
  sendsStdin: boolean;
  /** argv indices that carry body data (for tracing `$SECRET` arguments). Empty = none. */
  dataArgs: number[];
  /** Unix socket the request is sent through (`--unix-socket`), whatever host the URL names; empty = over the network. */
  socket: string;
  /** What `method` was read from when the client sends no such method (`the gRPC method pkg.S/DeleteX`); empty = sent as written. */
  methodFrom: string;
}

/** Whether a request's headers carry a credential (`Authorization`, a token, key or secret header). */
export function sendsCredentialHeader(r: HttpRequest): boolean {
  return Object.keys(r.headers).some((h) =>
    /^(authorization|proxy-authorization)$|token|api-?key|secret/.test(h),
  );
}

/** A request this reading cannot know (fail closed: method UNKNOWN, body unknown). */
export function unknownRequest(tool: string): HttpRequest {
  const r = emptyRequest(tool);
  r.method = 'UNKNOWN';
  r.bodyUnknown = true;
  return r;
}

export function emptyRequest(tool: string): HttpRequest {
  return {
    tool,
    method: '',
    urls: [],
    defaultScheme: 'http',
    headers: {},
    auth: false,
    bodyUnknown: false,
    fields: {},
    uploads: [],
    sendsStdin: false,
    dataArgs: [],
    socket: '',
    methodFrom: '',
  };
}

/** Appends a body part, joining parts with `&` the way curl joins repeated -d. */
export function appendBody(req: HttpRequest, part: string | undefined, unknown: boolean, sep = '&'): void {
  if (unknown) req.bodyUnknown = true;
  if (part === undefined) return;
  req.body = req.body === undefined ? part : `${req.body}${sep}${part}`;
}

/** Adds a `Name: value` header line. Returns false when the text is not a header. */
export function addHeaderLine(req: HttpRequest, line: string): boolean {
  const i = line.indexOf(':');
  if (i <= 0) return false;
  const name = line.slice(0, i).trim().toLowerCase();
  const value = line.slice(i + 1).trim();
  req.headers[name] = value;
  return true;
}
