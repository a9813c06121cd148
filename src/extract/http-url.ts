/**
 * URL helpers shared by the HTTP extractors: scheme defaulting, host/port/path split and
 * the "is this loopback" test. Pure; never throws.
 */

/** The parts of a request URL the rules look at. */
export interface UrlParts {
  /** The URL as written, with a scheme added when it had none. */
  url: string;
  /** Lower-case host name without brackets; empty when the URL could not be parsed (dynamic, malformed). */
  host: string;
  /** Port number; the scheme's default when none is written; 0 when unknown. */
  port: number;
  /** Path component, `/` at least; empty when unknown. */
  path: string;
  /** Query string without the leading `?`; empty = none. */
  query: string;
  /** True for localhost, *.localhost, 127.0.0.0/8, ::1 and 0.0.0.0. */
  local: boolean;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443, 'ftp:': 21 };

/**
 * Splits a URL as curl/wget/httpie would read it. A missing scheme means `defaultScheme`.
 * httpie's `:3000/x` shorthand means localhost.
 */
export function parseUrl(raw: string, defaultScheme = 'http'): UrlParts {
  let text = raw.trim();
  if (/^:\d*(\/|$)/.test(text)) text = `localhost${text}`;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `${defaultScheme}://${text}`;
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    // fail closed: an unparsable URL has no host, so it is never treated as local.
    return { url: text, host: '', port: 0, path: '', query: '', local: false };
  }
  const host = u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = u.port ? Number(u.port) : (DEFAULT_PORTS[u.protocol] ?? 0);
  return {
    url: text,
    host,
    port,
    path: decodeSafe(u.pathname || '/'),
    query: u.search.replace(/^\?/, ''),
    local: isLocalHost(host),
  };
}

/** Loopback names and addresses. A name with unresolved shell text (`$HOST`) is not local. */
export function isLocalHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1' || h === '0.0.0.0') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Header names whose values are credentials and must never be shown. */
const SECRET_HEADER =
  /^(authorization|proxy-authorization|cookie|x-api-key|api-key|apikey)$|token|secret|key|auth|session|password/i;

/** True when a header carries a credential. */
export function isAuthHeader(name: string): boolean {
  return SECRET_HEADER.test(name);
}

/** Masks a credential header value, keeping a leading scheme word (`Bearer ***`). */
export function maskHeaderValue(name: string, value: string): string {
  if (!isAuthHeader(name)) return value;
  const m = /^(Bearer|Basic|Token|Bot|Digest|bearer|basic|token)\s+/.exec(value);
  return m ? `${m[1]} ***` : '***';
}

/** A URL fit for evidence and messages: user-info dropped, secret-looking query values masked. */
export function maskUrl(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1')
    .replace(
      /([?&][^=&#]*(?:token|key|secret|password|passwd|pwd|auth|sig|signature|credential)[^=&#]*=)[^&#]*/gi,
      '$1***',
    );
}
