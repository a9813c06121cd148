/**
 * Method override: many web frameworks (Rails, Laravel, Express method-override, Symfony,
 * Google APIs) take the real method of a POST from a header (`X-HTTP-Method-Override`,
 * `X-HTTP-Method`, `X-Method-Override`) or a `_method` form field / query parameter. A
 * `POST` carrying `DELETE` there deletes, so the fact's method is the overriding one.
 */
import type { HttpRequest } from './http-request.js';

/** Header names (lower-case) that carry the method the server should apply. */
const OVERRIDE_HEADERS = ['x-http-method-override', 'x-http-method', 'x-method-override'];

/** Form fields / query parameters that carry the method (`_method=DELETE`). */
const OVERRIDE_FIELDS = ['_method'];

const METHOD_RE = /^[A-Za-z]{3,10}$/;

function fromPairs(text: string): string | undefined {
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    let name = part.slice(0, eq);
    let value = part.slice(eq + 1);
    try {
      name = decodeURIComponent(name.replace(/\+/g, ' '));
      value = decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      continue;
    }
    if (OVERRIDE_FIELDS.includes(name.trim())) return value.trim();
  }
  return undefined;
}

function fromJson(body: string): string | undefined {
  if (!/^\s*\{/.test(body)) return undefined;
  try {
    const v = (JSON.parse(body) as Record<string, unknown>)._method;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The method the server applies: an override header, a `_method` field (form fields, an
 * urlencoded or JSON body) or a `_method` query parameter (`query` without `?`); else the
 * request's own method. Values that are not a method word are ignored.
 */
export function effectiveMethod(req: HttpRequest, query: string): string {
  const candidates: (string | undefined)[] = [
    ...OVERRIDE_HEADERS.map((h) => req.headers[h]),
    ...OVERRIDE_FIELDS.map((f) => req.fields[f]),
    req.body !== undefined ? fromPairs(req.body) : undefined,
    req.body !== undefined ? fromJson(req.body) : undefined,
    fromPairs(query.replace(/^\?/, '')),
  ];
  for (const c of candidates) {
    const v = c?.trim();
    if (v && METHOD_RE.test(v)) return v.toUpperCase();
  }
  return req.method;
}
