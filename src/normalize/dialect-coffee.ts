/**
 * CoffeeScript rewritten as the JavaScript the code scanner reads (front-ends.ts says where
 * `coffee` takes its code). Only what the scanner looks for needs to survive: calls with their
 * arguments, string literals and assignments. Three rewrites:
 * - comments (`# …`, `### … ###`) are dropped (a `#` in a string or a regex literal is not one);
 * - a double-quoted string with interpolation (`"rm -rf #{dir}"`, also `"""…"""`) becomes a
 *   template literal (`` `rm -rf ${dir}` ``), so its value is known only when `dir` is;
 * - a call without parentheses (`fs.rmSync '/x', recursive: true`, `require 'fs'`) gets them,
 *   closed where its statement ends (`;`, the line's end, `then`, a postfix `if`/`unless`, or
 *   the bracket that encloses it).
 * Pure text to text.
 */

/** Words that are not functions called without parentheses (keywords and operators). */
const KEYWORDS = new Set(
  (
    'return new typeof delete throw yield await if unless while until for switch when else then ' +
    'and or not is isnt in of by class extends loop do try catch finally import export from as ' +
    'instanceof true false null undefined yes no on off this super break continue debugger'
  ).split(' '),
);

/** Words that end a statement a call without parentheses is part of. */
const ENDS = /^(then|if|unless|for|while|until|and|or)$/;

/** Strips comments and turns interpolating strings into template literals. */
function literals(src: string): string {
  let out = '';
  for (let i = 0; i < src.length;) {
    const c = src[i];
    if (src.startsWith('###', i)) {
      const end = src.indexOf('###', i + 3);
      i = end < 0 ? src.length : end + 3;
      continue;
    }
    const re = c === '/' ? regexEnd(src, i, out) : -1;
    if (re > 0) {
      // a regex literal: its `#` is a pattern character, not a comment (the rest is kept as
      // written, so a `/` misread as a regex start hides nothing from the scanner)
      // (a `///` heregex, which JavaScript would read as a comment, becomes an empty pattern)
      out += src.startsWith('///', i)
        ? `/(?:)/${src.slice(i, re).replace(/^[^]*\/\/\//, '')}`
        : src.slice(i, re).replace(/#/g, '\\x23');
      i = re;
      continue;
    }
    if (c === '#') {
      const end = src.indexOf('\n', i);
      i = end < 0 ? src.length : end;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      const q = src.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + q.length;
      let body = '';
      while (j < src.length && !src.startsWith(q, j)) {
        if (src[j] === '\\' && j + 1 < src.length) body += src[j++];
        body += src[j++];
      }
      i = Math.min(src.length, j + q.length);
      if (c === '"' && body.includes('#{')) {
        out += '`' + body.replace(/`/g, '\\`').replace(/#\{/g, '${') + '`';
      } else {
        const qq = c === '`' ? '`' : c;
        out += qq + body.replace(/\n/g, '\\n') + qq;
      }
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/**
 * The end of a regex literal (`/…/flags`, `///…///flags`) starting at `i`, where `out` is the
 * rewritten text before it; -1 = `/` is division here (after a value: a name, a number, a
 * closing bracket; after a name, `)` or `]`: unless a space comes before the `/` and none after it, CoffeeScript's
 * implicit call `s.replace /#/g, ''`), or the literal does not close on its line.
 */
function regexEnd(src: string, i: number, out: string): number {
  if (src.startsWith('///', i)) {
    const end = src.indexOf('///', i + 3);
    return end < 0 ? -1 : end + 3 + (/^[a-z]*/.exec(src.slice(end + 3))?.[0].length ?? 0);
  }
  const before = /(\S?)(\s*)$/.exec(out);
  const prev = before?.[1] ?? '';
  const value =
    /[\w$)\]}]/.test(prev) && !/(^|[^\w$])(return|when|and|or|not|if|unless|then|in|of)$/.test(out.trimEnd());
  if (value && !(before?.[2] && /[A-Za-z_$)\]]/.test(prev) && !/\s/.test(src[i + 1] ?? ' '))) return -1;
  let inClass = false;
  for (let j = i + 1; j < src.length; j++) {
    const ch = src[j];
    if (ch === '\n') return -1;
    if (ch === '\\') j++;
    else if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass)
      return j === i + 1 ? -1 : j + 1 + (/^[a-z]*/.exec(src.slice(j + 1))?.[0].length ?? 0);
  }
  return -1;
}

/** The end of a string literal starting at `i` (JavaScript quoting, after `literals`). */
function stringEnd(s: string, i: number): number {
  const q = s[i];
  let j = i + 1;
  while (j < s.length && s[j] !== q) j += s[j] === '\\' ? 2 : 1;
  return Math.min(s.length, j + 1);
}

/** Where the argument list of a call without parentheses that starts at `from` ends. */
function argsEnd(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === "'" || c === '"' || c === '`') {
      i = stringEnd(s, i) - 1;
      continue;
    }
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && (c === ';' || c === '\n')) return i;
    else if (depth === 0 && /\s/.test(c)) {
      const word = /^\s+([A-Za-z]+)\b/.exec(s.slice(i))?.[1];
      if (word && ENDS.test(word)) return i;
    }
  }
  return s.length;
}

/** Adds the parentheses of calls written without them. */
function calls(s: string, depth = 0): string {
  let out = '';
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c === "'" || c === '"' || c === '`') {
      const end = stringEnd(s, i);
      out += s.slice(i, end);
      i = end;
      continue;
    }
    // a callee (`fs.rmSync`, `require`, `@run`) then spaces then the start of an argument
    const m = /^(@?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)([ \t]+)(?=['"`\w$@[{]|-\d)/.exec(s.slice(i));
    const prev = out.at(-1) ?? '';
    // (after a `.`: a method of a call's value, `require('x').run 'y'`)
    if (m && !/[\w$]/.test(prev) && depth < 16) {
      const last = m[1].split('.').at(-1) ?? '';
      const next = /^[A-Za-z_$][\w$]*/.exec(s.slice(i + m[0].length))?.[0];
      if (!KEYWORDS.has(m[1]) && !KEYWORDS.has(last) && !(next && KEYWORDS.has(next))) {
        const start = i + m[0].length;
        const end = argsEnd(s, start);
        out += `${m[1]}(${calls(s.slice(start, end), depth + 1).trimEnd()})`;
        i = end;
        continue;
      }
    }
    if (m) {
      out += m[0];
      i += m[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** CoffeeScript source as JavaScript enough for the code scanner. */
export function coffeeToJs(src: string): string {
  return calls(literals(src));
}
