/**
 * A small SQL lexer used when the real parser rejects a statement (dialect gaps such as
 * `DROP DATABASE` in the PostgreSQL grammar). It skips comments (`--`, `#` for MySQL,
 * nested `/* *\/`) and string literals (single quotes, dollar quotes, backticks), splits on
 * top-level `;`, and keeps each statement's words so the leading keywords can be read.
 * It never applies a regex over the whole text, so `'DROP TABLE x'` inside a string or a
 * comment is not a statement.
 */

export interface SqlToken {
  /** Upper-cased word, or the identifier text for quoted identifiers, or a single punctuation character. */
  text: string;
  /** The token as written (original case; quotes removed). */
  raw: string;
  /** word | ident (quoted identifier) | string | punct | number */
  type: 'word' | 'ident' | 'string' | 'punct' | 'number';
  /** Parenthesis depth at this token (0 = top level of the statement). */
  depth: number;
}

export interface SqlChunk {
  /** Source text of the statement, comments included, without the trailing `;`. */
  text: string;
  tokens: SqlToken[];
}

/** True when `t` is a word and, when `words` are given, one of them (upper case). */
export const isWord = (t: SqlToken | undefined, ...words: string[]): boolean =>
  t !== undefined && t.type === 'word' && (words.length === 0 || words.includes(t.text));

/** True when the tokens from `at` on are the words `words`, in order. */
export const wordsAt = (tokens: SqlToken[], at: number, ...words: string[]): boolean =>
  words.every((w, k) => isWord(tokens[at + k], w));

/** Splits SQL into statements. `hashComments`: `#` starts a comment (MySQL). */
export function splitSql(sql: string, hashComments = false): SqlChunk[] {
  const out: SqlChunk[] = [];
  let tokens: SqlToken[] = [];
  let start = 0;
  let depth = 0;
  let i = 0;
  const n = sql.length;
  const push = (end: number) => {
    const text = sql.slice(start, end);
    if (tokens.length) out.push({ text, tokens });
    tokens = [];
    depth = 0;
    start = end + 1;
  };
  while (i < n) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      while (i < n && sql[i] !== '\n') i++;
    } else if (c === '#' && hashComments) {
      while (i < n && sql[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      let level = 1;
      i += 2;
      while (i < n && level > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          level++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          level--;
          i += 2;
        } else i++;
      }
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      let text = '';
      while (j < n) {
        if (sql[j] === c && sql[j + 1] === c) {
          text += c;
          j += 2;
        } else if (sql[j] === c) break;
        else if (sql[j] === '\\' && c === "'" && j + 1 < n) {
          text += sql[j + 1];
          j += 2;
        } else text += sql[j++];
      }
      tokens.push({ text, raw: text, type: c === "'" ? 'string' : 'ident', depth });
      i = j + 1;
    } else if (c === '$' && /[A-Za-z_$]/.test(next ?? '')) {
      // Dollar quoting: $$…$$ or $tag$…$tag$.
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (m) {
        const end = sql.indexOf(m[0], i + m[0].length);
        const stop = end < 0 ? n : end;
        const body = sql.slice(i + m[0].length, stop);
        tokens.push({ text: body, raw: body, type: 'string', depth });
        i = end < 0 ? n : end + m[0].length;
      } else i++;
    } else if (c === ';' && depth === 0) {
      push(i);
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$.]/.test(sql[j])) j++;
      tokens.push({ text: sql.slice(i, j).toUpperCase(), raw: sql.slice(i, j), type: 'word', depth });
      i = j;
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < n && /[0-9.eE]/.test(sql[j])) j++;
      tokens.push({ text: sql.slice(i, j), raw: sql.slice(i, j), type: 'number', depth });
      i = j;
    } else if (/\s/.test(c)) {
      i++;
    } else {
      if (c === '(') depth++;
      tokens.push({ text: c, raw: c, type: 'punct', depth: c === ')' ? depth - 1 : depth });
      if (c === ')') depth = Math.max(0, depth - 1);
      i++;
    }
  }
  push(n);
  return out;
}
