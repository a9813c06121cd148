/**
 * Rewrites of a script's text that make tree-sitter-bash read it as bash does, where the
 * grammar errs on a shape bash accepts. Each keeps every span valid (a stand-in of the same
 * length, or a character added at the very end) and is taken by the parse stage
 * (parse.ts) only where it helps. Pure.
 */
import type Parser from 'tree-sitter';

/**
 * Stand-in for a `{` that opens a brace-expansion word in command position
 * (`{rm,-rf,/}`), which bash expands but tree-sitter-bash reads as a broken group.
 * Same length as `{`, so every span stays valid; word expansion maps it back to `{`.
 */
export const BRACE_PLACEHOLDER = '\uE000';

/**
 * Stand-in for a backslash that starts a line (`\\alias -p` after a command line).
 * tree-sitter-bash glues such a word, newline included, onto the previous command as one
 * more argument (`echo hi \n\\rm -rf /` would read as an `echo`); bash runs it as the
 * next command. Same length as `\\`; word expansion reads it as a backslash escape of
 * the character that follows.
 */
export const ESCAPE_PLACEHOLDER = '\uE001';

/**
 * A `{` token directly inside an ERROR node and directly followed
 * by a non-space character can't open a group (bash needs `{ `): it is a brace-expansion
 * word. Returns the text with such braces replaced by {@link BRACE_PLACEHOLDER}.
 */
export function braceWordFix(text: string, tree: Parser.Tree, errors: Parser.Query): string | undefined {
  let out: string | undefined;
  for (const cap of errors.captures(tree.rootNode)) {
    if (cap.name !== 'error') continue;
    for (const child of cap.node.children) {
      if (child.type !== '{') continue;
      const next = text[child.endIndex];
      if (next === undefined || /[\s}]/.test(next)) continue;
      const base = out ?? text;
      out = base.slice(0, child.startIndex) + BRACE_PLACEHOLDER + base.slice(child.endIndex);
    }
  }
  return out;
}

/** A backslash escape of a word character right after a newline: the shape tree-sitter-bash misreads. */
const LINE_START_ESCAPE = /\n\\[^\s]/;

/**
 * Replaces the backslash of every word that tree-sitter-bash started at a newline
 * (`\n\\alias`) with {@link ESCAPE_PLACEHOLDER}, so the word becomes the next command
 * again. Undefined when no such word exists.
 */
export function lineStartEscapeFix(text: string, tree: Parser.Tree): string | undefined {
  if (!LINE_START_ESCAPE.test(text)) return undefined;
  let out: string | undefined;
  for (const w of tree.rootNode.descendantsOfType('word')) {
    const m = /^(?:\r?\n)+\\(?=[^\s])/.exec(w.text);
    if (!m) continue;
    const at = w.startIndex + m[0].length - 1;
    const base = out ?? text;
    out = base.slice(0, at) + ESCAPE_PLACEHOLDER + base.slice(at + 1);
  }
  return out;
}

/**
 * A backslash that ends the script escapes nothing: bash keeps it as a literal backslash
 * (`procdump app.exe C:\dumps\` passes `C:dumps\`), where tree-sitter-bash sees a syntax
 * error. The same text with that backslash escaped (`\\`) means the same to bash.
 * Undefined when the script does not end in an odd run of backslashes (an even run is
 * already escaped).
 */
export function trailingEscapeFix(text: string): string | undefined {
  const run = /\\+$/.exec(text);
  return run && run[0].length % 2 === 1 ? text + '\\' : undefined;
}
