/**
 * wrk (and wrk2): the request is wrk's GET of the URL operand with `-H` headers, changed by
 * the Lua script of `-s FILE`: `wrk.method = "…"`, `wrk.body = "…"` or the contents of a file
 * (`io.open("f"):read("*a")`), `wrk.headers["Name"] = "…"`, and the method and body of a
 * `wrk.format(METHOD, PATH, HEADERS, BODY)` call. The script is read through ctx.readFile
 * (or as the script wrote it); a value the Lua code computes is not known.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { lex, literalOf, callArgs, type Lexed } from '../normalize/codelex.js';
import { readPayloadFile } from './http-body.js';
import { addHeaderLine, emptyRequest, type HttpRequest, sendsCredentialHeader } from './http-request.js';

const WITH_VALUE = new Set([
  '-c',
  '--connections',
  '-d',
  '--duration',
  '-t',
  '--threads',
  '-s',
  '--script',
  '-H',
  '--header',
  '--timeout',
  '-R',
  '--rate',
]);

export function parseWrk(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const r = emptyRequest(cmd.program);
  r.method = 'GET';
  let script = '';
  const argv = cmd.argv;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) {
      if (!r.urls.length) r.urls = [a]; // wrk's arguments after the URL go to the script
      continue;
    }
    if (!WITH_VALUE.has(a)) continue;
    const v = argv[++i] ?? '';
    if (a === '-H' || a === '--header') addHeaderLine(r, v);
    else if (a === '-s' || a === '--script') script = v;
  }
  // A project's own script that cannot be read here is not judged (as hurl's files).
  const text = script ? readPayloadFile(script, cmd, ctx).text : undefined;
  if (text !== undefined) readScript(lex(text, 'lua'), r, cmd, ctx);
  r.auth = sendsCredentialHeader(r);
  return [r];
}

/** The value a Lua expression sends: a literal, a file read whole; unknown otherwise. */
function valueOf(
  expr: string,
  lx: Lexed,
  r: HttpRequest,
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
): string | undefined {
  const l = literalOf(expr.replace(/\s*\.\.\s*/g, '+'), lx);
  if (l && !l.dynamic) return l.value;
  const file = /^\s*io\.open\s*\(\s*(\u0001\d+\u0002)[^)]*\)\s*:\s*read\b/.exec(expr);
  const name = file ? literalOf(file[1], lx) : undefined;
  if (name && !name.dynamic) {
    const p = readPayloadFile(name.value, cmd, ctx);
    if (p.file) r.uploads.push(p.file);
    if (p.text !== undefined) return p.text;
  }
  return undefined;
}

function readScript(lx: Lexed, r: HttpRequest, cmd: NormalizedCommand, ctx: AnalyzeContext): void {
  const rhs = (at: number) => lx.skel.slice(at).split(/\n/)[0];
  for (const m of lx.skel.matchAll(/\bwrk\.(method|body)\s*=(?!=)/g)) {
    const v = valueOf(rhs(m.index + m[0].length), lx, r, cmd, ctx);
    if (m[1] === 'method') r.method = v?.toUpperCase() ?? 'DYNAMIC';
    else if (v === undefined) r.bodyUnknown = true;
    else r.body = v;
  }
  for (const m of lx.skel.matchAll(/\bwrk\.headers\s*\[\s*(\u0001\d+\u0002)\s*\]\s*=(?!=)/g)) {
    const name = literalOf(m[1], lx)?.value ?? '';
    addHeaderLine(r, `${name}: ${valueOf(rhs(m.index + m[0].length), lx, r, cmd, ctx) ?? '(computed)'}`);
  }
  for (const m of lx.skel.matchAll(/\bwrk\.format\s*\(/g)) {
    const [method, , , body] = callArgs(lx.skel, m.index + m[0].length).args;
    if (method && method.trim() !== 'nil')
      r.method = valueOf(method, lx, r, cmd, ctx)?.toUpperCase() ?? 'DYNAMIC';
    if (body && body.trim() !== 'nil') {
      const b = valueOf(body, lx, r, cmd, ctx);
      if (b === undefined) r.bodyUnknown = true;
      else r.body = b;
    }
  }
}
