/**
 * What the code lexer (codelex.ts) reads differently in Swift: raw strings (`#"…"#`,
 * `#"""…"""#`, no escapes, `\#(…)` interpolates), multi-line strings (`"""…"""`, the closing
 * line's indentation taken off each line), and a skeleton without what does not change a
 * value (`try`, `await`, the declared type of a `let`/`var`).
 */

/** A Swift multi-line string's text: the line break after the opening quotes and the closing line's indentation taken off. */
export function swiftMultiline(body: string): string {
  const indent = /\n([ \t]*)$/.exec(body)?.[1] ?? '';
  const lines = body
    .replace(/^[ \t]*\n/, '')
    .replace(/\n[ \t]*$/, '')
    .split('\n');
  return lines.map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join('\n');
}

/** A raw string starting at `i` (`#"…"#`): its text, whether it interpolates, and the index past it; undefined = none there. */
export function swiftRawString(
  code: string,
  i: number,
): { value: string; dynamic: boolean; end: number } | undefined {
  const m = /^(#+)("{3}|")/.exec(code.slice(i, i + 12));
  if (!m) return undefined;
  const close = m[2] + m[1];
  const start = i + m[0].length;
  const at = code.indexOf(close, start);
  const body = code.slice(start, at < 0 ? code.length : at);
  return {
    value: m[2] === '"' ? body : swiftMultiline(body),
    dynamic: body.includes(`\\${m[1]}(`),
    end: at < 0 ? code.length : at + close.length,
  };
}

/**
 * The skeleton with `try`/`try!`/`try?` and `await` before an expression, and the type of a
 * declaration (`let p: String = …` reads as `let p = …`), taken off, so assignments and calls
 * read as in the other languages.
 */
export function swiftSkeleton(skel: string): string {
  return skel
    .replace(/\btry[!?]?\s+|\bawait\s+/g, '')
    .replace(/\b(let|var)\s+([A-Za-z_]\w*)\s*:\s*[^=\n;{]+?=(?!=)/g, '$1 $2 =');
}
