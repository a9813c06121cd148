/**
 * A call's arguments split at its top-level commas: one loop shared by the code readers, with
 * each language's brackets and string literals as parameters (Wolfram's `f[…]` with `<|…|>`
 * associations and "…" strings, Octave's and Scilab's `f(…)` with '…' and "…" strings,
 * Maxima's `f(…)`, and the skeleton of codelex.ts, whose string literals are already
 * placeholders). A comma inside brackets or a string literal does not split; a closing
 * bracket at the top level ends the call. statementFrom reads the rest of a statement of
 * the skeleton (a builder chain after its first call).
 */

/** How a language writes nesting and strings, for splitting its calls. */
export interface CallSyntax {
  /** Tokens that open a nesting level (`(`, `[`, `{`, Wolfram's `<|`), matched where they start. */
  open: readonly string[];
  /** Tokens that close one (`)`, Wolfram's `|>`); one at the top level ends the call. */
  close: readonly string[];
  /**
   * String literals by their opening quote: a sticky (`y`) pattern of the whole literal, copied
   * into the argument as it stands; no match = the quote is a plain character. Empty = no
   * string literals (a skeleton).
   */
  strings: Readonly<Record<string, RegExp>>;
}

/** Parentheses, brackets and braces, no string literals (codelex.ts's skeleton). */
export const SKELETON: CallSyntax = { open: ['(', '[', '{'], close: [')', ']', '}'], strings: {} };

/**
 * The comma-separated pieces of the call whose arguments start at `from` (right after its
 * opening bracket), as written (untrimmed; the last one included even when blank: `f()` is
 * ['']), and the index of its closing bracket (src.length when it is not closed).
 */
export function splitCall(src: string, from: number, syntax: CallSyntax): { pieces: string[]; end: number } {
  const pieces: string[] = [];
  let depth = 0;
  let cur = '';
  let i = from;
  for (; i < src.length; i++) {
    const c = src[i];
    const quote = Object.hasOwn(syntax.strings, c) ? syntax.strings[c] : undefined;
    if (quote) {
      quote.lastIndex = i;
      const lit = quote.exec(src)?.[0] ?? c;
      cur += lit;
      i += lit.length - 1;
      continue;
    }
    if (syntax.open.some((t) => src.startsWith(t, i))) depth++;
    else if (syntax.close.some((t) => src.startsWith(t, i))) {
      if (depth === 0) break;
      depth--;
    } else if (c === ',' && depth === 0) {
      pieces.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  pieces.push(cur);
  return { pieces, end: i };
}

/**
 * The arguments of the call whose opening bracket is at `open`, trimmed; a blank last one is
 * dropped (`f(a, )` → ['a'], `f()` → []), a blank one before a comma is kept (`f(, a)` → ['', 'a']).
 */
export function trimmedArgs(src: string, open: number, syntax: CallSyntax): string[] {
  const args = splitCall(src, open + 1, syntax).pieces.map((p) => p.trim());
  if (args[args.length - 1] === '') args.pop();
  return args;
}

/**
 * The rest of the statement of `skel` (a codelex.ts skeleton) from `at`: up to a `;` outside
 * brackets or a closing bracket it did not open. `lineEnds` (Scala, Kotlin: no `;` needed):
 * a line end outside brackets ends it too, unless the next line goes on with `.method`.
 */
export function statementFrom(skel: string, at: number, lineEnds = false): string {
  let depth = 0;
  for (let i = at; i < skel.length; i++) {
    const c = skel[i];
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth < 0) return skel.slice(at, i);
    else if (depth === 0 && (c === ';' || (lineEnds && c === '\n' && !/^\n\s*\./.test(skel.slice(i)))))
      return skel.slice(at, i);
  }
  return skel.slice(at);
}
