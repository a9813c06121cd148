/**
 * The lexical reading of VBScript and JScript for codescan-wsh.ts: string literals (VBScript's
 * `""` escape, JScript's backslashes), comments (`'`, `Rem`, `//` and slash-star blocks), statements (line
 * ends, VBScript's `:` and ` _` continuation, JScript's `;`), top-level splits and bracketed
 * text, and a call's arguments with or without parentheses. Pure.
 */

/** The two languages of Windows Script Host. */
export type WshLang = 'vbscript' | 'jscript';

/** Length of the string literal starting at `i` (its quote included), per language. */
export function stringEnd(code: string, i: number, lang: WshLang): number {
  const q = code[i];
  for (let j = i + 1; j < code.length; j++) {
    if (lang === 'jscript' && code[j] === '\\') j++;
    else if (code[j] === q) {
      if (lang === 'vbscript' && code[j + 1] === q) j++;
      else return j + 1;
    } else if (code[j] === '\n') return j;
  }
  return code.length;
}

export const isQuote = (c: string | undefined, lang: WshLang) =>
  c === '"' || (lang === 'jscript' && (c === "'" || c === '`'));

/** The code with its comments (`'`, `Rem`, `//`, slash-star blocks) dropped and VBScript's ` _` continuations joined; strings kept whole. */
function stripComments(code: string, lang: WshLang): string {
  let out = '';
  for (let i = 0; i < code.length;) {
    const c = code[i];
    if (isQuote(c, lang)) {
      const end = stringEnd(code, i, lang);
      out += code.slice(i, end);
      i = end;
      continue;
    }
    const atStatement = /(^|[\n:])[ \t]*$/.test(out);
    const vbComment =
      lang === 'vbscript' && (c === "'" || (/^rem\b/i.test(code.slice(i, i + 4)) && atStatement));
    if (vbComment || (lang === 'jscript' && code.startsWith('//', i))) {
      while (i < code.length && code[i] !== '\n') i++;
    } else if (lang === 'jscript' && code.startsWith('/*', i)) {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 2;
    } else if (lang === 'vbscript' && /^_[ \t]*\r?\n/.test(code.slice(i, i + 8)) && /\s$/.test(out)) {
      i = code.indexOf('\n', i) + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The text as chunks with their index: each string literal whole, each other character alone. */
function* chunks(text: string, lang: WshLang, from = 0): Generator<[number, string]> {
  for (let i = from; i < text.length;) {
    const end = isQuote(text[i], lang) ? stringEnd(text, i, lang) : i + 1;
    yield [i, text.slice(i, end)];
    i = end;
  }
}

/** `text` cut where `cut(c, depth)` says, outside strings (the cutting character dropped); brackets counted. */
function cutWhere(text: string, lang: WshLang, cut: (c: string, depth: number) => boolean): string[] {
  const parts: string[] = [];
  let cur = '';
  let depth = 0;
  for (const [, c] of chunks(text, lang)) {
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    if (c.length === 1 && cut(c, depth)) {
      parts.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  parts.push(cur.trim());
  return parts;
}

/** The code's statements, comments removed: cut at line ends and `:` (VBScript), `;` (JScript) outside strings and brackets. */
export function statements(code: string, lang: WshLang): string[] {
  const end = lang === 'vbscript' ? ':' : ';';
  return cutWhere(stripComments(code, lang), lang, (c, depth) =>
    c === '\n' ? lang === 'vbscript' || depth === 0 : depth === 0 && c === end,
  ).filter(Boolean);
}

/** `text` split at `seps` characters outside strings and brackets. */
export const splitTop = (text: string, seps: string, lang: WshLang): string[] =>
  cutWhere(text, lang, (c, depth) => depth === 0 && seps.includes(c));

/** The text inside the brackets opening at `open` (exclusive), strings kept whole; end = the closing index. */
export function bracketed(text: string, open: number, lang: WshLang): { inner: string; end: number } {
  let depth = 0;
  for (const [i, c] of chunks(text, lang, open)) {
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth === 0) return { inner: text.slice(open + 1, i), end: i };
  }
  return { inner: text.slice(open + 1), end: text.length };
}

export const unescapeJs = (s: string) =>
  s.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_m, e: string) =>
    e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : ({ n: '\n', t: '\t', r: '\r' }[e] ?? e),
  );

/** A call's arguments after `at` in `stmt`: in parentheses, or (VBScript) the rest of the statement. */
export function argsAt(stmt: string, at: number, lang: WshLang): string[] {
  const rest = stmt.slice(at);
  const lead = rest.length - rest.trimStart().length;
  if (rest.trimStart().startsWith('(')) {
    const { inner } = bracketed(stmt, at + lead, lang);
    return inner.trim() ? splitTop(inner, ',', lang) : [];
  }
  if (lang === 'jscript' || !rest.trim() || /^\s*[.=]/.test(rest)) return [];
  return splitTop(rest.replace(/\s+then\b[\s\S]*$/i, ''), ',', lang);
}

/**
 * VBScript's `With OBJ` … `End With`: each statement inside that starts with `.` is given
 * the object as its receiver (`.DeleteFolder p` → `OBJ.DeleteFolder p`); the `With` lines
 * themselves are dropped. Other statements are kept as they are.
 */
export function withReceivers(stmts: string[]): string[] {
  const open: string[] = [];
  const out: string[] = [];
  for (const s of stmts) {
    const w = /^with\s+([\s\S]+)$/i.exec(s);
    if (w) open.push(w[1].trim());
    else if (/^end\s+with$/i.test(s)) open.pop();
    else out.push(s.startsWith('.') && open.length ? open[open.length - 1] + s : s);
  }
  return out;
}
