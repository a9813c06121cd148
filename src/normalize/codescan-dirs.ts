/**
 * Expressions of code that name a well-known directory, per language, read on the lexer's
 * skeleton (codelex.ts): the home directory (`os.homedir()`, `Path.home()`, `$ENV{HOME}`,
 * .NET's `Environment.GetFolderPath(SpecialFolder.UserProfile)`, `~` expanded) and the temporary
 * directory (`tempfile.gettempdir()`, `os.tmpdir()`, `Path.GetTempPath()`, `os.TempDir()`,
 * `std::env::temp_dir()`, `Dir.tmpdir`) or a fresh directory made in it (`tempfile.mkdtemp()`,
 * `Dir.mktmpdir`, `Files.createTempDirectory(…)`, `os.MkdirTemp`, `fs.mkdtempSync`, Rust's
 * `tempfile::tempdir()`): deleting a file there is routine, deleting
 * the temporary directory itself is not. Pure.
 */
import type { Lexed } from './codelex.js';

/** The temporary directory (the value of $TMPDIR is not known to code: /tmp). */
const TMP = '/tmp';
/** Calls that return the temporary directory itself. */
const TEMP_DIR =
  /^(?:tempfile\.gettempdir|gettempdir|(?:require\(\u0001\d+\u0002\)|os)\.tmpdir|tmpdir|(?:System\.IO\.)?Path\.GetTempPath|os\.TempDir|(?:std::)?env::temp_dir|Dir\.tmpdir|sys_get_temp_dir)\(\)$|^Dir\.tmpdir$/;
/** Calls that make a fresh directory in it and return its name (whatever their arguments). */
const FRESH_TEMP_DIR =
  /^(?:tempfile\.mkdtemp|mkdtemp|Dir\.mktmpdir|(?:java\.nio\.file\.)?Files\.createTempDirectory|os\.MkdirTemp|ioutil\.TempDir|(?:fs\.|fsp\.|fs\.promises\.)?mkdtemp(?:Sync)?|(?:tempfile::)?(?:tempdir|TempDir::new|Builder::new\(\)\.tempdir)|(?:System\.IO\.)?Directory\.CreateTempSubdirectory)\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)(?:\.path\(\))?$|^Dir\.mktmpdir$/;

/** The temporary directory an expression names, or a fresh one made in it; undefined = neither. */
function tempExpr(t: string): string | undefined {
  if (TEMP_DIR.test(t)) return TMP;
  // a fresh name, as mktemp's (producers.ts): deleting it deletes only what the code made
  if (FRESH_TEMP_DIR.test(t)) return `${TMP}/tmp.XXXXXXXXXX`;
  return undefined;
}

/** Expressions that mean the home directory, per language (on the skeleton, placeholders as `\u0001N\u0002`). */
function homeExpr(expr: string, lx: Lexed, home: string): string | undefined {
  // Rust's `.unwrap()`, `.expect("…")` and `?` only take the value out of its Option/Result.
  const t = expr
    .trim()
    .replace(/\s+/g, '')
    .replace(/(?:\.unwrap\(\)|\.expect\(\u0001\d+\u0002\)|\.unwrap_or_default\(\)|\?)+$/, '');
  const lit = (n: string) => lx.lits[Number(n)]?.value;
  let m =
    /^(?:Environment\.GetEnvironmentVariable\(|System\.get_?env\(|(?:std::)?env::var(?:_os)?\(|os\.environ\[|os\.environ\.get\(|os\.getenv\(|os\.Getenv\(|Sys\.getenv\(|ENV\[|ENV\.fetch\(|Platform\.environment\[|\$ENV\{|(?:std::)?getenv\(|std\.getenv\(|getEnv\(|environment\.get\(|environment\[|\$_SERVER\[|\$_ENV\[)\u0001(\d+)\u0002[\])}]?\)?$/.exec(
      t,
    );
  if (m && lit(m[1]) === 'HOME') return home;
  m = /^System\.getProperty\(\u0001(\d+)\u0002\)$/.exec(t);
  if (m && lit(m[1]) === 'user.home') return home;
  if (/^(?:System\.user_home!?\(\)|(?:dirs::|home::|std::env::|env::)home_dir\(\)|os\.home)$/.test(t))
    return home;
  // .NET's `Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)` (`Personal` is home on Unix)
  if (
    /^(?:System\.)?Environment\.GetFolderPath\((?:(?:System\.)?Environment\.)?SpecialFolder\.(?:UserProfile|Personal|MyDocuments)\)$/.test(
      t,
    )
  )
    return home;
  if (
    /^(?:process\.env\.HOME|process\.env\[\u0001\d+\u0002\]|os\.homedir\(\)|require\(\u0001\d+\u0002\)\.homedir\(\)|(?:pathlib\.)?Path\.home\(\)|Dir\.home|homedir\(\)|(?:os\.)?getHomeDir\(\)|\$ENV\{HOME\}|File\.expand_path\(\u0001\d+\u0002\))$/.test(
      t,
    )
  ) {
    const n = /\u0001(\d+)\u0002/.exec(t);
    if (!n || ['HOME', 'os', 'node:os', '~'].includes(lit(n[1]) ?? '')) return home;
  }
  // Python's, Julia's and R's tilde expansion (`path.expand("~")`, `normalizePath("~")`).
  m =
    /^(?:os\.path\.expanduser|expanduser|path\.expand|normalizePath|Path\.expand|expandTilde)\(\u0001(\d+)\u0002\)$/.exec(
      t,
    );
  if (m) {
    const v = lit(m[1]) ?? '';
    if (v === '~' || v.startsWith('~/')) return home + v.slice(1);
  }
  return undefined;
}

/** The directory `expr` names (home, the temporary directory or a fresh one in it); undefined = none of them. */
export function dirExpr(expr: string, lx: Lexed, home: string): string | undefined {
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
