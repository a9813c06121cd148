/**
 * The value an interpreter code argument holds, read statically for the code scanners: a
 * literal, a home or temp folder expression, a path or URL built from those (`Path(...)`,
 * `os.path.join(...)`, pathlib's `/`, `+`), or a variable assigned once from one of those.
 * What cannot be read so is `dynamic` (its text is the expression as written).
 */
import { callArgs, literalOf, show, type Lexed } from './codelex.js';
import type { Field } from './state.js';
import { dirExpr } from './codescan-dirs.js';
import { pathMethod } from './codescan-home.js';

/** Deepest chain of variables followed when reading a value (`a = b; b = "x"`). */
const MAX_VAR_HOPS = 8;

/** A named part of a URL held in a variable (`uri.host`, `uri.path`). */
function urlPart(url: string, part: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (part === 'host' || part === 'hostname') return u.hostname;
  if (part === 'port') return u.port || (u.protocol === 'https:' ? '443' : '80');
  if (part === 'path') return u.pathname;
  if (part === 'request_uri') return u.pathname + u.search;
  if (part === 'scheme') return u.protocol.replace(/:$/, '');
  return undefined;
}

/**
 * Value of an argument: literal, home or temp folder expression (codescan-dirs.ts), Path(...)/join(...)/URI(...) of those, a
 * variable assigned once from one of those (or a URL part of it); else dynamic.
 */
export function valueOf(expr: string, lx: Lexed, home: string, hops = 0): Field {
  const t = unwrapParens(expr.trim());
  const lit = literalOf(t, lx);
  if (lit) return { text: lit.value, dynamic: lit.dynamic };
  const h = dirExpr(t, lx, home);
  if (h !== undefined) return { text: h, dynamic: false };
  // a path object's own methods (`Path.home().joinpath('.pypirc')`, `Path('~/.npmrc').expanduser()`)
  const pm = pathMethod(t);
  if (pm)
    return pm.joined
      ? joinPath([pm.receiver, ...pm.args], lx, home, hops)
      : tilde(valueOf(pm.receiver, lx, home, hops), home);
  const wrap =
    /^(?:(?:pathlib\.)?Path|File\.expand_path|os\.path\.abspath|Pathname\.new|URI|URI\.parse|new\s+URL)\(([\s\S]*)\)$/.exec(
      t,
    );
  if (wrap) return valueOf(wrap[1], lx, home, hops);
  const globbed = globPattern(t, lx, home, hops);
  if (globbed) return globbed;
  // .NET's path of a DirectoryInfo or FileInfo (`dir.FullName`, `new DirectoryInfo(p).FullName`)
  const full =
    /^([\s\S]+?)\.FullName$/.exec(t) ??
    /^new\s+(?:System\.IO\.)?(?:Directory|File)Info\(([\s\S]*)\)$/.exec(t);
  if (full) return valueOf(full[1], lx, home, hops);
  const join =
    /^(?:os\.path\.join|path\.join|filepath\.Join|File\.join|path\.resolve|(?:System\.IO\.)?Path\.(?:Combine|Join))\(([\s\S]*)\)$/.exec(
      t,
    );
  if (join) return joinPath(callArgs(join[1] + ')', 0).args, lx, home, hops);
  // pathlib's `/` (`Path.home() / '.ssh' / 'id_rsa'`)
  const slashed = topLevelSplit(t, '/');
  if (slashed.length > 1) return joinPath(slashed, lx, home, hops);
  // concatenation (`os.homedir() + '/.kube/config'`)
  const added = topLevelSplit(t, '+');
  if (added.length > 1) {
    const vs = added.map((a) => valueOf(a, lx, home, hops));
    return { text: vs.map((v) => v.text).join(''), dynamic: vs.some((v) => v.dynamic) };
  }
  const ref = /^[$@%]?([A-Za-z_]\w*)(?:\.(host|hostname|port|path|request_uri|scheme))?$/.exec(t);
  const assigned = ref ? lx.vars.get(ref[1]) : undefined;
  if (ref && assigned && hops < MAX_VAR_HOPS) {
    const v = valueOf(assigned, lx, home, hops + 1);
    if (!ref[2] || v.dynamic) return ref[2] ? { text: show(t, lx), dynamic: true } : v;
    const part = urlPart(v.text, ref[2]);
    if (part !== undefined) return { text: part, dynamic: false };
  }
  return { text: show(t, lx), dynamic: true };
}

/** A call that expands a glob pattern (its first argument) into the paths it matches. */
const GLOB_CALL =
  /^(?:Dir\.glob|glob\.i?glob|glob\.sync|globSync|fg\.sync|glob)\(([\s\S]*)\)$|^Dir\[([\s\S]*)\]$/;

/**
 * The paths a glob call expands to (`Dir.glob("coverage/*")`, `Dir["tmp/*.log"]`,
 * `glob.glob('build/*.o')`, PHP's and Perl's `glob(…)`), read as its pattern: the same words
 * a shell's `rm coverage/*` would have. Below this folder a `**` folder (any folders) is read
 * as the folder it starts from, as the Python walks are. undefined = not a glob call.
 */
function globPattern(t: string, lx: Lexed, home: string, hops: number): Field | undefined {
  const m = GLOB_CALL.exec(t);
  if (!m) return undefined;
  const first = callArgs((m[1] ?? m[2]) + ')', 0).args[0] ?? '';
  const pat = valueOf(first, lx, home, hops);
  if (pat.dynamic) return pat;
  const below = !/^(\/|~|\.\.(\/|$))/.test(pat.text);
  return below ? { text: pat.text.replace(/(^|\/)(\*\*\/)+/g, '$1'), dynamic: false } : pat;
}

/** `~` / `~/x` made absolute under `home` (what `expanduser()` does); other values as they are. */
function tilde(v: Field, home: string): Field {
  return !v.dynamic && (v.text === '~' || v.text.startsWith('~/'))
    ? { text: home + v.text.slice(1), dynamic: false }
    : v;
}

/** A call that lists a folder's entry names (its argument is the folder). */
const LISTS_FOLDER =
  /^(?:(?:fs|fsp|fs\.promises)\.)?(?:readdirSync|readdir)\(([^()]*)\)$|^(?:os\.)?listdir\(([^()]*)\)$/;

/**
 * The folder whose entries a loop variable walks (`for (const f of fs.readdirSync(DIR))`,
 * `for f in os.listdir(DIR):`, also through a variable holding the listing); undefined = the
 * name is not such a loop variable.
 */
function listedFolder(name: string, lx: Lexed, home: string, hops: number): Field | undefined {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const loop =
    new RegExp(
      `\\bfor\\s*\\(\\s*(?:const|let|var)\\s+${n}\\s+of\\s+(?:await\\s+)?([^;{]+?)\\)\\s*[^)\\s]`,
    ).exec(lx.skel) ?? new RegExp(`\\bfor\\s+${n}\\s+in\\s+([^:\\n]+?)\\s*:`).exec(lx.skel);
  if (!loop) return undefined;
  let iter = loop[1].trim();
  const held = /^[A-Za-z_]\w*$/.test(iter) ? lx.vars.get(iter) : undefined;
  if (held) iter = held.trim();
  const list = LISTS_FOLDER.exec(iter.replace(/^await\s+/, ''));
  return list ? valueOf(list[1] ?? list[2], lx, home, hops + 1) : undefined;
}

/**
 * The path the expressions `parts` make joined with `/`; dynamic when any part is. A loop
 * variable walking the folder the parts before it name is one of its entries: `*` (a glob of
 * that folder), not an unknown path.
 */
function joinPath(parts: string[], lx: Lexed, home: string, hops: number): Field {
  const vs = parts.map((a, i) => {
    const v = valueOf(a, lx, home, hops);
    if (!v.dynamic || i === 0 || !/^[A-Za-z_]\w*$/.test(a.trim()) || hops >= MAX_VAR_HOPS) return v;
    const folder = listedFolder(a.trim(), lx, home, hops);
    const before = joinPath(parts.slice(0, i), lx, home, hops + 1);
    const same =
      folder &&
      !folder.dynamic &&
      !before.dynamic &&
      folder.text.replace(/\/+$/, '') === before.text.replace(/\/+$/, '');
    return same ? { text: '*', dynamic: false } : v;
  });
  return {
    text: vs
      .map((p) => p.text)
      .join('/')
      .replace(/\/+/g, '/'),
    dynamic: vs.some((p) => p.dynamic),
  };
}

/** `(x)` → `x` when the outer parentheses enclose the whole expression. */
function unwrapParens(t: string): string {
  while (t.startsWith('(') && t.endsWith(')')) {
    let depth = 0;
    let whole = true;
    for (let i = 0; i < t.length - 1 && whole; i++) {
      if (t[i] === '(') depth++;
      else if (t[i] === ')') depth--;
      if (depth === 0) whole = false;
    }
    if (!whole) break;
    t = t.slice(1, -1).trim();
  }
  return t;
}

/** `t` split at `sep` outside brackets (string literals are placeholders on the skeleton); [t] when none. */
export function topLevelSplit(t: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of t) {
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    if (c === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.some((p) => p.trim() === '') ? [t] : out;
}
