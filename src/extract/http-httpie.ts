/**
 * httpie / xh command line → HttpRequest: `http [flags] [METHOD] URL [items…]` where items
 * are `Header:value`, `key=value` (JSON string), `key:=json` (raw JSON), `key==value` (query),
 * `key@file` (form file) and `key=@file` / `key:=@file` (value from a file).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile, readStdin } from './http-body.js';
import { emptyRequest, type HttpRequest, sendsCredentialHeader } from './http-request.js';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT']);
/** Flags that take a value when written without `=`. */
const WITH_ARG = new Set(
  (
    '-a --auth -A --auth-type -p --print -o --output -s --style --session --session-read-only --timeout ' +
    '--verify --cert --cert-key --cert-key-pass --proxy --pretty --raw --boundary --default-scheme ' +
    '--max-redirects --ssl --ciphers --format-options --response-charset --response-mime --bearer --unix-socket'
  ).split(' '),
);
/** Item separators, longest first at any one position. */
const SEPARATORS = [':=@', '=@', '==', ':=', '@', '=', ':'];

interface Item {
  key: string;
  sep: string;
  value: string;
  idx: number;
}

/** Splits one item at its earliest separator (backslash escapes a separator character). */
export function splitItem(arg: string): { key: string; sep: string; value: string } | undefined {
  for (let i = 0; i < arg.length; i++) {
    if (arg[i] === '\\') {
      i++;
      continue;
    }
    for (const sep of SEPARATORS) {
      if (arg.startsWith(sep, i))
        return { key: arg.slice(0, i).replace(/\\(.)/g, '$1'), sep, value: arg.slice(i + sep.length) };
    }
  }
  return undefined;
}

export function parseHttpie(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const program = cmd.program;
  // `--offline` builds and prints the request without sending it.
  if (cmd.argv.some((a) => a === '--offline')) return [];
  const r = emptyRequest(program.startsWith('xh') ? 'xh' : 'httpie');
  r.defaultScheme = program === 'https' || program === 'xhs' ? 'https' : 'http';
  const positionals: { text: string; idx: number }[] = [];
  let form = false;
  let ignoreStdin = false;
  let raw: string | undefined;
  const args = cmd.argv;
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a === '--' || !a.startsWith('-') || a === '-') {
      if (a !== '--') positionals.push({ text: a, idx: i });
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    let value: string | undefined = eq > 0 ? a.slice(eq + 1) : undefined;
    if (value === undefined && WITH_ARG.has(name)) value = args[++i] ?? '';
    if (name === '-f' || name === '--form' || name === '--multipart') form = true;
    else if (name === '-I' || name === '--ignore-stdin') ignoreStdin = true;
    else if (name === '-a' || name === '--auth' || name === '--bearer') r.auth = true;
    else if (name === '--unix-socket') r.socket = value ?? '';
    else if (name === '--raw') {
      raw = value ?? '';
      r.dataArgs.push(i);
    }
  }
  let method = '';
  let rest = positionals;
  if (positionals.length >= 2 && METHODS.has(positionals[0].text.toUpperCase())) {
    method = positionals[0].text.toUpperCase();
    rest = positionals.slice(1);
  }
  if (rest.length) r.urls.push(rest[0].text);
  const items: Item[] = [];
  for (const p of rest.slice(1)) {
    const it = splitItem(p.text);
    if (it) items.push({ ...it, idx: p.idx });
  }
  const json: Record<string, unknown> = {};
  let hasData = false;
  for (const it of items) {
    if (it.sep === ':') {
      r.headers[it.key.toLowerCase()] = it.value;
    } else if (it.sep === '==') {
      r.urls = r.urls.map(
        (u) =>
          `${u}${u.includes('?') ? '&' : '?'}${encodeURIComponent(it.key)}=${encodeURIComponent(it.value)}`,
      );
    } else {
      hasData = true;
      r.dataArgs.push(it.idx);
      let text: string | undefined = it.value;
      if (it.sep.endsWith('@')) {
        const p = readPayloadFile(it.value, cmd, ctx);
        if (p.file) r.uploads.push(p.file);
        if (p.unknown) r.bodyUnknown = true;
        text = p.text;
      }
      r.fields[it.key] = text ?? '';
      setItem(json, it.key, it.sep.startsWith(':=') ? parseJson(text) : (text ?? ''));
    }
  }
  if (raw !== undefined) {
    r.body = raw;
  } else if (hasData) {
    r.body = form ? new URLSearchParams(r.fields).toString() : JSON.stringify(json);
    r.headers['content-type'] ??= form ? 'application/x-www-form-urlencoded' : 'application/json';
  } else if (!ignoreStdin && cmd.stdin) {
    const p = readStdin(cmd, ctx);
    r.sendsStdin = true;
    r.body = p.text;
    r.bodyUnknown = p.unknown;
    if (p.file) r.uploads.push(p.file);
    hasData = true;
  }
  r.method = method || (hasData || raw !== undefined ? 'POST' : 'GET');
  r.auth ||= sendsCredentialHeader(r);
  return [r];
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The path of a nested JSON item's key (`args[sql]` → ['args', 'sql'], `a[0][b]` → ['a', 0, 'b'],
 * `tags[]` → ['tags', '']: an append); undefined when the key is a plain name or not one of
 * httpie's nested paths (it is then the name as written).
 */
export function itemPath(key: string): (string | number)[] | undefined {
  const m = /^([^[\]]*)((?:\[[^[\]]*\])+)$/.exec(key);
  if (!m) return undefined;
  const path: (string | number)[] = [m[1]];
  for (const [, seg] of m[2].matchAll(/\[([^[\]]*)\]/g)) path.push(/^\d+$/.test(seg) ? Number(seg) : seg);
  return path;
}

/** Sets one item in the JSON body httpie builds, following a nested key (`args[sql]=…`). */
function setItem(json: Record<string, unknown>, key: string, value: unknown): void {
  const path = itemPath(key);
  if (!path) {
    json[key] = value;
    return;
  }
  let node: Record<string | number, unknown> = json;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    // `[]` appends to an array; a name starting the key that is empty (`[]=x`) is the body itself
    if (seg === '' && i === 0) continue;
    const at: string | number = seg === '' && Array.isArray(node) ? node.length : seg;
    if (last) {
      node[at] = value;
      return;
    }
    const next = node[at];
    if (next === null || typeof next !== 'object')
      node[at] = typeof path[i + 1] === 'number' || path[i + 1] === '' ? [] : {};
    node = node[at] as Record<string | number, unknown>;
  }
}
