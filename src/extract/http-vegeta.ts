/**
 * vegeta: `vegeta attack` sends the targets it reads from `-targets FILE` or standard input,
 * in its http format (`METHOD URL`, then `Name: value` headers and an optional `@BODYFILE`
 * line, targets separated by blank lines) or, with `-format json`, one JSON object a line
 * (`method`, `url`, `header`, `body` in base64). `-body FILE` is the body of targets that name
 * none and `-header` adds a header to each. Files are read through ctx.readFile (or as the
 * script wrote them).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile, readStdin, requestFileUnknown, type Payload } from './http-body.js';
import {
  addHeaderLine,
  emptyRequest,
  type HttpRequest,
  sendsCredentialHeader,
  unknownRequest,
} from './http-request.js';

/** vegeta attack's options that take a value (Go flags: `-name value` or `-name=value`). */
const WITH_VALUE = new Set(
  (
    'body cert connections duration format header key laddr max-body max-connections max-workers name ' +
    'output proxy-header rate redirects resolvers root-certs targets timeout workers dns-ttl connect-to unix-socket'
  ).split(' '),
);

const TARGET_LINE = /^\s*([A-Z]{3,10})\s+(\S+)\s*$/;

export function parseVegeta(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  if (cmd.argv[1] !== 'attack') return [];
  const opt: Record<string, string> = {};
  const headers: string[] = [];
  const argv = cmd.argv;
  let targetsAt = -1;
  for (let i = 2; i < argv.length; i++) {
    const m = /^--?([\w-]+)(?:=([\s\S]*))?$/.exec(argv[i]);
    if (!m || !WITH_VALUE.has(m[1])) continue;
    if (m[1] === 'targets') targetsAt = m[2] === undefined ? i + 1 : i;
    const v = m[2] ?? argv[++i] ?? '';
    if (m[1] === 'header') headers.push(v);
    else opt[m[1]] = v;
  }
  const from =
    opt.targets && opt.targets !== 'stdin' ? readPayloadFile(opt.targets, cmd, ctx) : readStdin(cmd, ctx);
  // fail closed: a targets file named at run time or written with unknown content
  if (!from.stdin && requestFileUnknown(targetsAt, from.file, cmd)) return [unknownRequest('vegeta')];
  if (from.text === undefined) {
    // A project's own targets file that cannot be read here is not judged (as hurl's files);
    // fail closed: targets on a standard input that cannot be read are unknown requests.
    if (!from.stdin) return [];
    return [unknownRequest('vegeta')];
  }
  const body = opt.body ? readPayloadFile(opt.body, cmd, ctx) : undefined;
  const reqs = opt.format === 'json' ? jsonTargets(from.text) : httpTargets(from.text, cmd, ctx);
  for (const r of reqs) {
    for (const h of headers) addHeaderLine(r, h);
    if (r.body === undefined && !r.bodyUnknown && body) setBody(r, body);
    r.auth ||= sendsCredentialHeader(r);
  }
  return reqs;
}

function setBody(r: HttpRequest, p: Payload): void {
  r.body = p.text;
  r.bodyUnknown ||= p.unknown;
  if (p.file) r.uploads.push(p.file);
}

/** Targets in vegeta's http format. */
function httpTargets(text: string, cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const out: HttpRequest[] = [];
  let cur: HttpRequest | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) {
      if (!line.trim()) cur = undefined;
      continue;
    }
    const t = TARGET_LINE.exec(line);
    if (t) {
      cur = emptyRequest('vegeta');
      cur.method = t[1];
      cur.urls = [t[2]];
      out.push(cur);
    } else if (cur && line.trim().startsWith('@'))
      setBody(cur, readPayloadFile(line.trim().slice(1), cmd, ctx));
    else if (cur) addHeaderLine(cur, line);
  }
  return out;
}

/** Targets in vegeta's JSON format, one object a line. */
function jsonTargets(text: string): HttpRequest[] {
  const out: HttpRequest[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const r = emptyRequest('vegeta');
    out.push(r);
    let t: { method?: unknown; url?: unknown; body?: unknown; header?: unknown };
    try {
      t = JSON.parse(line) as typeof t;
    } catch {
      // fail closed: a target that cannot be read is an unknown request
      r.method = 'UNKNOWN';
      r.bodyUnknown = true;
      continue;
    }
    r.method = typeof t.method === 'string' ? t.method.toUpperCase() : 'GET';
    if (typeof t.url === 'string') r.urls = [t.url];
    if (typeof t.body === 'string') r.body = Buffer.from(t.body, 'base64').toString('utf8');
    if (t.header && typeof t.header === 'object')
      for (const [k, v] of Object.entries(t.header as Record<string, unknown>))
        r.headers[k.toLowerCase()] = Array.isArray(v) ? v.map(String).join(', ') : String(v);
  }
  return out;
}
