/**
 * The PowerShell lexer of pwsh.ts: code split into statements (`;`, newlines, braces), each into
 * pipeline segments of words. A word keeps its text after quoting, whether it holds a variable or
 * subexpression (dynamic), and its source. Hashtable literals `@{…}` and here-strings
 * (`@'…'@`, `@"…"@`, over lines) are one word each. Pure.
 */

/** One word of a statement: its text after quoting, whether it holds a variable or subexpression, and its source. */
export interface Word {
  text: string;
  dynamic: boolean;
  raw: string;
}

/** Index just past the `}` closing the `{` at `open`, skipping quoted strings. */
export function closeBrace(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === "'" || c === '"') {
      const end = code.indexOf(c, i + 1);
      i = end < 0 ? code.length : end;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return code.length;
}

/**
 * The entries of a hashtable literal `@{ Name = 'v'; "X-Y" = "DELETE" }`: key and value as
 * words (a value holding a variable or subexpression is dynamic); undefined = not a literal.
 */
export function hashtable(raw: string): { key: string; value: Word }[] | undefined {
  const m = /^@\{([\s\S]*)\}$/.exec(raw.trim());
  if (!m) return undefined;
  const out: { key: string; value: Word }[] = [];
  for (const stmt of lex(m[1])) {
    // `k=v` may be one word or three (`k = v`); quoted parts keep their `=`
    const joinedRaw = stmt
      .flat()
      .map((w) => w.raw)
      .join(' ');
    const at = assignAt(joinedRaw);
    if (at < 0) continue;
    const key = unquote(joinedRaw.slice(0, at).trim());
    const v = joinedRaw.slice(at + 1).trim();
    const value = lex(v)[0]?.[0]?.[0] ?? { text: '', dynamic: false, raw: '' };
    out.push({ key, value });
  }
  return out;
}

/** The first `=` outside quotes; -1 = none. */
function assignAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "'" || s[i] === '"') {
      const end = s.indexOf(s[i], i + 1);
      i = end < 0 ? s.length : end;
    } else if (s[i] === '=') return i;
  }
  return -1;
}

const unquote = (s: string) => s.replace(/^(['"])([\s\S]*)\1$/, '$2');

/** Splits code into statements (`;`, newlines, braces), each into pipeline segments of words. */
export function lex(code: string): Word[][][] {
  const stmts: Word[][][] = [];
  let segs: Word[][] = [];
  let words: Word[] = [];
  const endSeg = () => {
    if (words.length) segs.push(words);
    words = [];
  };
  const endStmt = () => {
    endSeg();
    if (segs.length) stmts.push(segs);
    segs = [];
  };
  let i = 0;
  while (i < code.length) {
    const c = code[i];
    if (c === '#') {
      while (i < code.length && code[i] !== '\n') i++;
      continue;
    }
    if (c === ';' || c === '\n' || c === '{' || c === '}') {
      endStmt();
      i++;
      continue;
    }
    if (c === '|' && code[i + 1] !== '|') {
      endSeg();
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    let text = '';
    let dynamic = false;
    let depth = 0;
    while (i < code.length) {
      const d = code[i];
      if (depth === 0 && (/[\s;|{}]/.test(d) || (d === '#' && i === start))) break;
      // a here-string: `@'` / `@"` ending its line, up to `'@` / `"@` at the start of a line
      if (
        d === '@' &&
        (code[i + 1] === "'" || code[i + 1] === '"') &&
        /^[ \t]*\r?\n/.test(code.slice(i + 2))
      ) {
        const q = code[i + 1];
        const from = code.indexOf('\n', i + 2) + 1;
        const close = code.indexOf(`\n${q}@`, from - 1);
        const body = code.slice(from, close < 0 ? code.length : close).replace(/\r$/, '');
        text += body;
        if (q === '"' && body.includes('$')) dynamic = true;
        i = close < 0 ? code.length : close + 3;
        continue;
      }
      if (d === "'") {
        const end = code.indexOf("'", i + 1);
        const stop = end < 0 ? code.length : end;
        text += code.slice(i + 1, stop);
        i = stop + 1;
        continue;
      }
      if (d === '"') {
        let j = i + 1;
        while (j < code.length && code[j] !== '"') {
          if (code[j] === '`' && j + 1 < code.length) j++;
          else if (code[j] === '$') dynamic = true;
          text += code[j];
          j++;
        }
        i = j + 1;
        continue;
      }
      if (d === '@' && code[i + 1] === '{') {
        // a hashtable literal `@{ k = v; … }` is one word: its `;` and braces are its own
        const end = closeBrace(code, i + 1);
        text += code.slice(i, end);
        dynamic = true;
        i = end;
        continue;
      }
      if (d === '(') depth++;
      else if (d === ')') depth = Math.max(0, depth - 1);
      // `@name` splats and `@(…)` builds an array; an `@` inside a word (`jdoe@acme.com`) is a letter
      if (d === '$' || d === '(' || (d === '@' && i === start)) dynamic = true;
      text += d;
      i++;
    }
    words.push({ text, dynamic, raw: code.slice(start, i) });
  }
  endStmt();
  return stmts;
}
