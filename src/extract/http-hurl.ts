/**
 * hurl: the requests written in `.hurl` files (the file arguments, else standard input).
 * Each entry starts with a `METHOD URL` line, followed by `Name: value` headers, `[Section]`s
 * and a body (JSON, a ``` block, a ```graphql block sent as `{"query": …}`), up to its
 * `HTTP …` response line. `{{name}}` is filled from `--variable name=value` and
 * `--variables-file`. Files are read through ctx.readFile.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile, readStdin } from './http-body.js';
import { addHeaderLine, emptyRequest, type HttpRequest, unknownRequest } from './http-request.js';

/** hurl options that take a value (the rest are flags). */
const WITH_ARG = new Set(
  (
    '--variable --variables-file --cacert --cert --key -b --cookie -c --cookie-jar --connect-timeout ' +
    '--connect-to --delay --from-entry --to-entry --glob -H --header --jobs --max-redirs -m --max-time ' +
    '--output -o --proxy -x --report-html --report-junit --report-tap --report-json --resolve --retry ' +
    '--retry-interval --repeat -u --user --user-agent -A --unix-socket --max-filesize --limit-rate ' +
    '--aws-sigv4 --file-root --json-report --error-format'
  ).split(' '),
);
const REQUEST_LINE = /^\s*([A-Z]{3,10})\s+(\S+)\s*(#.*)?$/;
const RESPONSE_LINE = /^\s*HTTP(\/[\d.]+)?\s+(\d{3}|\*)\b/;

export function parseHurl(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const vars = new Map<string, string>();
  const files: string[] = [];
  const argv = cmd.argv;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!a.startsWith('-')) {
      files.push(a);
      continue;
    }
    if (!WITH_ARG.has(name)) continue;
    const v = eq > 0 ? a.slice(eq + 1) : (argv[++i] ?? '');
    if (name === '--variable') setVar(vars, v);
    else if (name === '--variables-file')
      for (const line of (readPayloadFile(v, cmd, ctx).text ?? '').split(/\r?\n/)) setVar(vars, line);
  }
  const out: HttpRequest[] = [];
  if (!files.length) {
    const p = readStdin(cmd, ctx);
    if (p.text !== undefined) out.push(...hurlRequests(p.text, vars));
    else {
      // fail closed: hurl runs the entries it reads on stdin, and these cannot be read.
      out.push(unknownRequest('hurl'));
    }
  }
  for (const f of files) {
    // A project's own test file that cannot be read here (a glob, not yet written) is not
    // judged, like a test script run by its interpreter.
    const text = readPayloadFile(f, cmd, ctx).text;
    if (text !== undefined) out.push(...hurlRequests(text, vars));
  }
  return out;
}

function setVar(vars: Map<string, string>, spec: string): void {
  const eq = spec.indexOf('=');
  if (eq > 0) vars.set(spec.slice(0, eq).trim(), spec.slice(eq + 1));
}

/** The requests of one hurl file. */
export function hurlRequests(text: string, vars: Map<string, string>): HttpRequest[] {
  const fill = (s: string) => s.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (m, n: string) => vars.get(n) ?? `$${n}`);
  const out: HttpRequest[] = [];
  let cur: HttpRequest | undefined;
  let inHeaders = false;
  let inResponse = false;
  let body: string[] = [];
  const flush = () => {
    if (cur && body.length) setBody(cur, fill(body.join('\n')));
    body = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const req = RESPONSE_LINE.test(line) ? null : REQUEST_LINE.exec(line);
    if (req && !openBlock(body)) {
      flush();
      cur = emptyRequest('hurl');
      cur.method = req[1];
      cur.urls.push(fill(req[2]));
      out.push(cur);
      inHeaders = true;
      inResponse = false;
      continue;
    }
    if (!cur || inResponse) continue;
    if (RESPONSE_LINE.test(line) && !openBlock(body)) {
      flush();
      inResponse = true;
      continue;
    }
    if (inHeaders && /^\s*\[\w+\]\s*$/.test(line)) continue;
    if (inHeaders && /^\s*[\w-]+\s*:\s/.test(line) && !openBlock(body)) {
      addHeaderLine(cur, fill(line));
      if (/^\s*authorization\s*:/i.test(line)) cur.auth = true;
      continue;
    }
    if (!line.trim() || line.trimStart().startsWith('#')) {
      if (body.length) body.push(line);
      continue;
    }
    inHeaders = false;
    body.push(line);
  }
  flush();
  return out;
}

function openBlock(body: string[]): boolean {
  return body.filter((b) => b.trimStart().startsWith('```')).length % 2 === 1;
}

/** A body: a ```graphql block is sent as `{"query": …}`, another ``` block as its text. */
function setBody(r: HttpRequest, raw: string): void {
  const m = /^\s*```(\w*)\s*\n([\s\S]*?)\n\s*```/.exec(raw);
  if (m && m[1] === 'graphql') {
    r.body = JSON.stringify({ query: m[2] });
    r.headers['content-type'] ??= 'application/json';
  } else r.body = m ? m[2] : raw.trim();
}
