/**
 * siege: each URL it is given is a request written `URL [METHOD] [DATA | < FILE]` (`'https://x/api
 * POST < body.json'` posts the file, `'https://x/api DELETE'` deletes), as an operand or as
 * the lines of `-f FILE`; `-H` adds headers and `-T` the content type. `-g` sends one GET of
 * its URL. Files are read through ctx.readFile (or as the script wrote them); an unreadable
 * body file is an unknown body.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile, requestFileUnknown } from './http-body.js';
import {
  addHeaderLine,
  emptyRequest,
  type HttpRequest,
  sendsCredentialHeader,
  unknownRequest,
} from './http-request.js';

/** siege's options that take a value (`-l`/`--log` only as `--log=FILE`). */
const WITH_VALUE = new Set(
  '-c --concurrent -r --reps -t --time -d --delay -f --file -R --rc -m --mark -H --header -A --user-agent -T --content-type'.split(
    ' ',
  ),
);

/** `URL [METHOD] [DATA | < FILE]`: a method word is upper case; a body without one is a POST (siege's own reading). */
const SPEC = /^(\S+)(?:\s+([A-Z]+))?(?:\s+(<\s*)?([\s\S]*?))?\s*$/;

/** One request of a URL spec; undefined when the line is no request (empty, comment, variable). */
function request(
  spec: string,
  headers: string[],
  contentType: string,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
): HttpRequest | undefined {
  const m = SPEC.exec(spec.trim());
  if (!m || m[1].startsWith('#') || /^[A-Za-z_]\w*=/.test(m[1])) return undefined;
  const r = emptyRequest('siege');
  r.urls = [m[1]];
  for (const h of headers) addHeaderLine(r, h);
  if (contentType) r.headers['content-type'] = contentType;
  const data = m[4] ?? '';
  if (m[3] !== undefined && data) {
    // fail closed: a body file that cannot be read is an unknown body (readPayloadFile)
    const p = readPayloadFile(data, cmd, ctx);
    if (p.file) r.uploads.push(p.file);
    r.body = p.text;
    r.bodyUnknown = p.unknown;
  } else if (data) r.body = data;
  const hasBody = r.body !== undefined || r.bodyUnknown;
  r.method = m[2] ?? (hasBody ? 'POST' : 'GET');
  r.auth = sendsCredentialHeader(r);
  return r;
}

export function parseSiege(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const headers: string[] = [];
  let contentType = '';
  const specs: string[] = [];
  let unknownFile = false;
  const argv = cmd.argv;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) {
      specs.push(a);
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!WITH_VALUE.has(name)) continue;
    const at = eq > 0 ? i : i + 1;
    const v = eq > 0 ? a.slice(eq + 1) : (argv[++i] ?? '');
    if (name === '-H' || name === '--header') headers.push(v);
    else if (name === '-T' || name === '--content-type') contentType = v;
    else if (name === '-f' || name === '--file') {
      const p = readPayloadFile(v, cmd, ctx);
      // fail closed: a URL file named at run time or written with unknown content sends requests not known
      if (requestFileUnknown(at, p.file, cmd)) unknownFile = true;
      // a project's own URL file not readable here is read as none (siege fails without it)
      specs.push(...(p.text ?? '').split(/\r?\n/));
    }
  }
  const reqs = specs.flatMap((s) => request(s, headers, contentType, cmd, ctx) ?? []);
  return unknownFile ? [...reqs, unknownRequest('siege')] : reqs;
}
