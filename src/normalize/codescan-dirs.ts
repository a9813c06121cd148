/**
 * Expressions of code that name a well-known directory, per language, read on the lexer's
 * skeleton (codelex.ts): the home directory (codescan-home.ts) and the temporary
 * directory (`tempfile.gettempdir()`, `os.tmpdir()`, `Path.GetTempPath()`, `os.TempDir()`,
 * `std::env::temp_dir()`, `Dir.tmpdir`) or a fresh directory made in it (`tempfile.mkdtemp()`,
 * `Dir.mktmpdir`, `Files.createTempDirectory(…)`, Deno's `makeTempDir()`/`makeTempFile()`, `os.MkdirTemp`, `fs.mkdtempSync`, Rust's
 * `tempfile::tempdir()`): deleting a file there is routine, deleting
 * the temporary directory itself is not. The Lisp readers' calls the same (lispTemp: Racket's
 * `(make-temporary-directory)`, Guile's `(mkdtemp …)`). Pure.
 */
import type { Lexed } from './codelex.js';
import { homeExpr } from './codescan-home.js';

/** The temporary directory (the value of $TMPDIR is not known to code: /tmp). */
const TMP = '/tmp';
/** A fresh folder made in it, named as the shell's `mktemp -d` names it (producers.ts). */
export const FRESH_TEMP = `${TMP}/tmp.XXXXXXXXXX`;

/** Lisp calls (by their head) that make a fresh folder or file: Racket's, Guile's `mkdtemp`, CHICKEN's. */
const LISP_FRESH =
  /^(make-temporary-directory\*?|make-temporary-file\*?|mkdtemp|mkstemp|create-temporary-directory|create-temporary-file)$/;

/**
 * The path a Lisp call stands for (`head`, its first argument as text): a fresh folder, or the
 * system's temp folder (`(find-system-path 'temp-dir)`, `(uiop:temporary-directory)`); undefined = neither.
 */
export function lispTemp(head: string, arg: string): string | undefined {
  if (LISP_FRESH.test(head)) return FRESH_TEMP;
  if (head === 'temporary-directory' || (head === 'find-system-path' && /temp-dir/.test(arg))) return TMP;
  return undefined;
}
/** Calls that return the temporary directory itself. */
const TEMP_DIR =
  /^(?:tempfile\.gettempdir|gettempdir|(?:require\(\u0001\d+\u0002\)|os)\.tmpdir|tmpdir|(?:System\.IO\.)?Path\.GetTempPath|os\.TempDir|(?:std::)?env::temp_dir|Dir\.tmpdir|sys_get_temp_dir)\(\)$|^Dir\.tmpdir$/;
/** Calls that make a fresh directory in it and return its name (whatever their arguments). */
const FRESH_TEMP_DIR =
  /^(?:tempfile\.mkdtemp|mkdtemp|Dir\.mktmpdir|(?:java\.nio\.file\.)?Files\.createTempDirectory|os\.MkdirTemp|ioutil\.TempDir|(?:fs\.|fsp\.|fs\.promises\.)?mkdtemp(?:Sync)?|(?:tempfile::)?(?:tempdir|TempDir::new|Builder::new\(\)\.tempdir)|(?:System\.IO\.)?Directory\.CreateTempSubdirectory|(?:await)?Deno\.makeTemp(?:Dir|File)(?:Sync)?)\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)(?:\.path\(\))?$|^Dir\.mktmpdir$/;

/** The temporary directory an expression names, or a fresh one made in it; undefined = neither. */
export function tempExpr(t: string): string | undefined {
  if (TEMP_DIR.test(t)) return TMP;
  // a fresh name, as mktemp's (producers.ts): deleting it deletes only what the code made
  if (FRESH_TEMP_DIR.test(t)) return FRESH_TEMP;
  return undefined;
}

/** The directory `expr` names (home, the temporary directory or a fresh one in it); undefined = none of them. */
export function dirExpr(expr: string, lx: Lexed, home: string): string | undefined {
  // PHP's and Perl's `.` joining a literal on (`sys_get_temp_dir() . "/cache-*"`)
  const joined = /^([\s\S]+?)\s*\.\s*\u0001(\d+)\u0002$/.exec(expr.trim());
  const lit = joined ? lx.lits[Number(joined[2])] : undefined;
  if (joined && lit && !lit.dynamic) {
    const dir = dirExpr(joined[1], lx, home);
    return dir === undefined ? undefined : dir + lit.value;
  }
  // Rust's `.unwrap()` and `?` only take the value out of its Result
  return (
    homeExpr(expr, lx, home) ??
    tempExpr(
      expr
        .trim()
        .replace(/\s+/g, '')
        .replace(/(?:\.unwrap\(\)|\?)+$/, ''),
    )
  );
}
