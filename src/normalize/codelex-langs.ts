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
  | 'swift';

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
]);
