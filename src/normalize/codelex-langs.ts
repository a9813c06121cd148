/**
 * The languages the code lexer (codelex.ts) reads, and how their comments and backticks differ.
 * Pure tables.
 */
/**
 * Languages of inline code (Swift's strings and skeleton: codelex-swift.ts). Tcl, Scheme, Clojure and AppleScript are read by their own scanners
 * (codescan-tcl.ts, codescan-scheme.ts, codescan-clojure.ts, codescan-applescript.ts), not through
 * this lexer; Erlang by codescan-erlang.ts's own lexer.
 */
export type Lang =
  | 'python'
  | 'node'
  | 'ruby'
  | 'perl'
  | 'php'
  | 'lua'
  | 'r'
  | 'julia'
  | 'go'
  | 'tcl'
  | 'scheme'
  | 'elixir'
  | 'jvm'
  | 'rust'
  | 'applescript'
  | 'clojure'
  | 'erlang'
  | 'dotnet'
  | 'haskell'
  | 'prolog'
  | 'zig'
  | 'dart'
  | 'nim'
  | 'd'
  | 'c'
  | 'swift'
  | 'ocaml';

/** Languages where `//` starts a comment (slash-star comments: these and Ruby, as before). */
export const C_COMMENTS = new Set<Lang>([
  'node',
  'perl',
  'php',
  'go',
  'jvm',
  'rust',
  'dotnet',
  'zig',
  'dart',
  'd',
  'c',
  'swift',
]);
/** Languages where `#` does not start a comment (Rust's `#[attr]`, the JVM languages' only `#!` line). */
export const NO_HASH_COMMENTS = new Set<Lang>([
  'node',
  'php',
  'lua',
  'go',
  'jvm',
  'rust',
  'dotnet',
  'haskell',
  'prolog',
  'zig',
  'dart',
  'd',
  'c',
  'swift',
  'ocaml',
]);
/** Languages whose backticks are neither strings nor commands. */
export const NO_BACKTICKS = new Set<Lang>([
  'python',
  'elixir',
  'jvm',
  'rust',
  'dotnet',
  'haskell',
  'prolog',
  'zig',
  'dart',
  'nim',
  'c',
  'swift',
  'ocaml',
]);

/**
 * The index just past a block comment that starts at `i`: `/* … *\/` (the `//` languages and
 * Ruby), Lua's `--[[ … ]]`, OCaml's `(* … *)` (nested); -1 = none starts there. Not closed = the
 * code's end.
 */
export function blockCommentEnd(code: string, i: number, lang: Lang): number {
  const closed = (from: number, end: string) => {
    const e = code.indexOf(end, from);
    return e < 0 ? code.length : e + end.length;
  };
  if (lang === 'lua' && code.startsWith('--[[', i)) return closed(i + 4, ']]');
  if ((C_COMMENTS.has(lang) || lang === 'ruby') && code.startsWith('/*', i)) return closed(i + 2, '*/');
  if (lang !== 'ocaml' || !code.startsWith('(*', i)) return -1;
  let depth = 0;
  for (let j = i; j < code.length; j++) {
    if (code.startsWith('(*', j)) {
      depth++;
      j++;
    } else if (code.startsWith('*)', j) && --depth === 0) return j + 2;
  }
  return code.length;
}
