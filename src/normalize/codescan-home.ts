/**
 * Paths as code spells them (on the literal-aware skeleton of codelex.ts, placeholders as
 * `\u0001N\u0002`): the expressions that mean the home directory, per language, and a path
 * object's own methods that join or expand it.
 */
import type { Lexed } from './codelex.js';
import { callArgs } from './codelex.js';

/** Expressions that mean the home directory, per language (on the skeleton, placeholders as `\u0001N\u0002`). */
export function homeExpr(expr: string, lx: Lexed, home: string): string | undefined {
  // Rust's `.unwrap()`, `.expect("…")` and `?` only take the value out of its Option/Result.
  const t = expr
    .trim()
    .replace(/\s+/g, '')
    .replace(/(?:\.unwrap\(\)|\.expect\(\u0001\d+\u0002\)|\.unwrap_or_default\(\)|\?)+$/, '');
  const lit = (n: string) => lx.lits[Number(n)]?.value;
  let m =
    /^(?:Environment\.GetEnvironmentVariable\(|System\.get_?env\(|(?:std::)?env::var(?:_os)?\(|os\.environ\[|os\.environ\.get\(|os\.getenv\(|os\.Getenv\(|Sys\.getenv\(|sys\.env\(|ENV\[|ENV\.fetch\(|Platform\.environment\[|\$ENV\{|(?:std::)?getenv\(|std\.getenv\(|getEnv\(|environment\.get\(|environment\[|\$_SERVER\[|\$_ENV\[)\u0001(\d+)\u0002[\])}]?\)?$/.exec(
      t,
    );
  if (m && lit(m[1]) === 'HOME') return home;
  // Scala's `sys.props("user.home")` and `sys.env("HOME")` alike
  m = /^(?:System\.getProperty|sys\.props)\(\u0001(\d+)\u0002\)$/.exec(t);
  if (m && lit(m[1]) === 'user.home') return home;
  // GJS's `GLib.get_home_dir()` (`imports.gi.GLib.…` written out)
  if (
    /^(?:System\.user_home!?\(\)|(?:dirs::|home::|std::env::|env::)home_dir\(\)|os\.home|(?:imports\.gi\.)?GLib\.get_home_dir\(\))$/.test(
      t,
    )
  )
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

/**
 * A path object's method call: `P.joinpath(a, b)` joins (`joined`); `P.expanduser()`,
 * `P.resolve()`, `P.absolute()` (no arguments: not Node's `path.resolve(a, b)`) expand `~`.
 */
export interface PathMethod {
  /** The path object the method is called on (skeleton text). */
  receiver: string;
  /** The method's arguments (skeleton text); empty = none. */
  args: string[];
  /** True for a join (`joinpath`); false for an expansion. */
  joined: boolean;
}

/** `t` as a path object's method call, when its last call is one (see PathMethod); undefined = not one. */
export function pathMethod(t: string): PathMethod | undefined {
  const m = /^([\s\S]+)\.(joinpath|expanduser|resolve|absolute)\(([\s\S]*)\)$/.exec(t);
  if (!m || callArgs(t, m[1].length + m[2].length + 2).end !== t.length - 1) return undefined;
  const args = m[3].trim() ? callArgs(`${m[3]})`, 0).args : [];
  if (m[2] === 'joinpath') return { receiver: m[1], args, joined: true };
  return args.length ? undefined : { receiver: m[1], args: [], joined: false };
}
