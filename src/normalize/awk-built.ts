/**
 * awk command expressions joined from string literals and variables (`"ping -c1 " h`, `"rm -rf "
 * $1`): their pieces, each variable, field or array element a value not known here, for
 * built-command.ts to read as the shell text they build (awk.ts runs it).
 */
import type { Piece } from './built-command.js';

/** Words that are awk's keywords or built-in functions, not variables. */
const AWK_WORDS =
  /^(?:getline|in|print|printf|if|else|while|for|do|break|continue|next|nextfile|exit|return|delete|function|func|BEGIN|END|length|substr|index|split|sub|gsub|gensub|match|sprintf|tolower|toupper|system|close|fflush|int|rand|srand|sin|cos|atan2|exp|log|sqrt)$/;

/**
 * The pieces of an expression made of string literals (and variables holding one) joined with
 * variables, fields (`$1`, `$NF`) and array elements (`a[i]`) whose values are not known;
 * undefined = anything else (a call, arithmetic, a keyword).
 */
export function piecesOf(
  expr: string,
  lits: string[],
  consts: Map<string, string | null>,
): Piece[] | undefined {
  const t = expr
    .trim()
    .replace(/^\((.*)\)$/s, '$1')
    .trim();
  const TOKEN = /\s*(?:\u0001(\d+)\u0002|(\$(?:\d+|[A-Za-z_]\w*)|[A-Za-z_]\w*(?:\[[^[\]()]*\])?))/y;
  const out: Piece[] = [];
  let at = 0;
  for (let m; (m = TOKEN.exec(t)); at = TOKEN.lastIndex) {
    if (m[1] !== undefined) out.push({ text: lits[Number(m[1])] });
    else if (AWK_WORDS.test(m[2])) return undefined;
    else {
      const v = consts.get(m[2]);
      out.push(
        typeof v === 'string'
          ? { text: v }
          : { name: m[2].replace(/^\$0$/, 'line').replace(/^\$/, 'field').replace(/\[.*$/, '') },
      );
    }
  }
  return out.length > 0 && t.slice(at).trim() === '' ? out : undefined;
}
