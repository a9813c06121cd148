/**
 * AppleScript run inline (`osascript -e '…'`, several `-e` lines, or on stdin): the commands
 * it hands to a shell (`do shell script "…"`, Terminal's `do script "…"`) and the AppleScript
 * it runs as code (`run script "…"`). A command is a concatenation (`&`) of string literals,
 * `quoted form of` one, and the home folder (`POSIX path of (path to home folder)`); any other
 * part is not known statically and makes the command dynamic. Pure.
 */
import type { Effect } from './codescan.js';
import { quote } from './quote.js';

/** `--` and `#` line comments and `(* … *)` blocks removed (strings kept). */
function stripComments(src: string): string {
  let out = '';
  for (let i = 0; i < src.length;) {
    const c = src[i];
    if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
    } else if (src.startsWith('(*', i)) {
      const end = src.indexOf('*)', i + 2);
      i = end < 0 ? src.length : end + 2;
    } else if (src.startsWith('--', i) || c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The parts of an expression joined by `&` at the top level (outside strings and parentheses). */
function concatParts(expr: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (c === '"') {
      let j = i + 1;
      while (j < expr.length && expr[j] !== '"') j += expr[j] === '\\' ? 2 : 1;
      cur += expr.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (c === '&' && depth === 0) {
      parts.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  parts.push(cur.trim());
  return parts;
}

const unescape = (s: string) =>
  s
    .replace(/\\(["\\])/g, '$1')
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t');

/** The text of an expression, when known statically; undefined otherwise. */
function valueOf(expr: string, home: string): string | undefined {
  let t = expr.trim();
  while (/^\([\s\S]*\)$/.test(t) && concatParts(t.slice(1, -1)).length === 1 && !/^\(.*\)\s*&/.test(t))
    t = t.slice(1, -1).trim();
  const parts = concatParts(t);
  if (parts.length > 1) {
    const vs = parts.map((p) => valueOf(p, home));
    return vs.every((v) => v !== undefined) ? vs.join('') : undefined;
  }
  const str = /^"((?:\\.|[^"\\])*)"$/.exec(t);
  if (str) return unescape(str[1]);
  const quoted = /^quoted\s+form\s+of\s+([\s\S]+)$/i.exec(t);
  if (quoted) {
    const v = valueOf(quoted[1], home);
    return v === undefined ? undefined : quote(v);
  }
  if (/^(?:POSIX\s+path\s+of\s+)?\(?\s*path\s+to\s+home\s+folder\s*\)?$/i.test(t)) return `${home}/`;
  return undefined;
}

/** A parameter of the command after its expression (`with administrator privileges`, `as text`). */
const PARAM = /^\s+(?:with|without|as|user\s+name|password|altering|in|then)\b/i;

/** The command's expression at the start of `rest`: up to the end of the line or a parameter, outside strings and parentheses. */
function exprAt(rest: string): string {
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === '"') {
      let j = i + 1;
      while (j < rest.length && rest[j] !== '"') j += rest[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth <= 0 && (c === '\n' || PARAM.test(rest.slice(i)))) return rest.slice(0, i);
  }
  return rest;
}

/** Effects of the AppleScript `source` (see the header). */
export function scanAppleScript(source: string, home: string): Effect[] {
  const code = stripComments(source);
  const out: Effect[] = [];
  // commands are found outside strings: their text blanked out
  const masked = code.replace(/"(?:\\.|[^"\\])*"?/g, (s) => `"${' '.repeat(s.length - 1)}`);
  for (const m of masked.matchAll(/\b(do\s+shell\s+script|do\s+script|run\s+script)\s+/gi)) {
    const rest = code.slice((m.index ?? 0) + m[0].length);
    const expr = exprAt(rest);
    const v = valueOf(expr, home);
    // fail closed: a command or script built at run time
    if (v === undefined) out.push({ kind: 'dynamic', text: expr.trim() });
    else if (/^run/i.test(m[1])) out.push({ kind: 'code', code: v });
    else out.push({ kind: 'shell', script: { text: v, dynamic: false } });
  }
  return out;
}
