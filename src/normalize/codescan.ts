/**
 * Scanners for inline interpreter code: find the calls that delete files, run commands,
 * send destructive HTTP requests, or evaluate code that can't be read statically.
 * Works on the literal-aware skeleton from codelex.ts.
 */
import { withCallbacks } from './codescan-callbacks.js';
import { callArgs, lex, literalOf, loopElements, show, type Lang, type Lexed } from './codelex.js';
import { httpCall, pythonConnections, rubyConnections, type HttpEffect } from './codescan-http.js';
import { clientConnections } from './codescan-httplibs.js';
import { phpClients, phpCurl, phpStreams } from './codescan-php.js';
import type { Field } from './state.js';
import { canonicalCode } from './codeparse.js';
import { morePatterns, type Helpers, type Pattern } from './codescan-langs.js';
import { pythonPatterns } from './codescan-python.js';
import { scanTcl } from './codescan-tcl.js';
import { scanScheme } from './codescan-scheme.js';
import { vmPatterns } from './codescan-vm.js';
import { scanAppleScript } from './codescan-applescript.js';
import { scanClojure } from './codescan-clojure.js';
import { erlangPatterns, lexErlang } from './codescan-erlang.js';
import { corePatterns } from './codescan-core.js';
import { dotnetPatterns } from './codescan-dotnet.js';
import { dartPatterns } from './codescan-dart.js';
import { extraPatterns } from './codescan-extra-langs.js';
import { swiftPatterns } from './codescan-swift.js';
import { dirExpr } from './codescan-dirs.js';
import { pathMethod } from './codescan-home.js';

export type Effect =
  | { kind: 'rm'; target: Field }
  | { kind: 'shell'; script: Field }
  | { kind: 'exec'; argv: Field[] }
  | HttpEffect
  | { kind: 'code'; code: string }
  | { kind: 'dynamic'; text: string };

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

/**
 * A delete of the first argument; an array literal of paths (`rm('-rf', ['dist', 'coverage'])`,
 * `rimraf(['a', 'b'])`) deletes each element, each judged as the literal or dynamic value it is.
 */
function rm(args: string[], lx: Lexed, home: string): Effect[] {
  if (args.length === 0) return [];
  const list = /^\s*\[([\s\S]*)\]\s*$/.exec(args[0]);
  const items = list ? callArgs(list[1] + ')', 0).args.filter((a) => a.trim() !== '') : [args[0]];
  // fail closed: an empty array literal names nothing known, read as the expression it is
  return (items.length ? items : [args[0]]).map((a) => ({ kind: 'rm', target: valueOf(a, lx, home) }));
}

function command(arg: string | undefined, lx: Lexed, home: string, rest: string[] = [], depth = 0): Effect[] {
  if (arg === undefined) return [];
  // A loop variable over literal commands (`for cmd in (['npm', 'test'], ['npm', 'run', 'lint']):`) runs each.
  const name = depth === 0 ? /^\s*([A-Za-z_]\w*)\s*$/.exec(arg) : null;
  const each = name ? loopElements(name[1], lx) : undefined;
  if (each) return each.flatMap((e) => command(e, lx, home, rest, depth + 1));
  const list = /^\s*\[([\s\S]*)\]\s*$/.exec(arg);
  if (list) {
    const items = callArgs(list[1] + ')', 0).args.filter((a) => a.trim() !== '');
    return [{ kind: 'exec', argv: items.map((a) => valueOf(a, lx, home)) }];
  }
  const lit = literalOf(arg, lx);
  if (lit && !lit.dynamic) {
    const extra = rest.length > 0 ? /^\s*\[([\s\S]*)\]\s*$/.exec(rest[0]) : null;
    if (extra) {
      const items = callArgs(extra[1] + ')', 0).args.filter((a) => a.trim() !== '');
      return [
        {
          kind: 'exec',
          argv: [{ text: lit.value, dynamic: false }, ...items.map((a) => valueOf(a, lx, home))],
        },
      ];
    }
    return [{ kind: 'shell', script: { text: lit.value, dynamic: false } }];
  }
  return [{ kind: 'dynamic', text: valueOf(arg, lx, home).text }];
}

const http = (method: string | undefined, args: string[], lx: Lexed, home: string, lang: Lang): Effect[] =>
  httpCall(method, args, lx, home, lang, valueOf);

/** codescan.ts's readers, lent to the pattern modules. */
const HELPERS: Helpers = {
  valueOf: (e, lx, home) => valueOf(e, lx, home),
  rm,
  command,
  code: (a, lx) => code(a, lx),
  http,
  split: topLevelSplit,
};

const PATTERNS: Record<Lang, Pattern[]> = {
  python: pythonPatterns(HELPERS),
  ...corePatterns(HELPERS),
  ...morePatterns(HELPERS),
  ...vmPatterns(HELPERS),
  ...erlangPatterns(HELPERS),
  dotnet: dotnetPatterns(HELPERS),
  dart: dartPatterns(HELPERS),
  swift: swiftPatterns(HELPERS),
  ...extraPatterns(HELPERS),
  // read by their own scanners (scanTcl, scanScheme, scanAppleScript, scanClojure)
  clojure: [],
  tcl: [],
  scheme: [],
  applescript: [],
};
// delete functions handed to array_map, map, forEach by name (codescan-callbacks.ts)
withCallbacks(PATTERNS, HELPERS);

function code(arg: string | undefined, lx: Lexed): Effect[] {
  if (arg === undefined) return [];
  const lit = literalOf(arg, lx);
  return lit && !lit.dynamic
    ? [{ kind: 'code', code: lit.value }]
    : [{ kind: 'dynamic', text: show(arg, lx) }];
}

/** Arguments of a call whose parentheses are optional (`system "rm -rf /"`, `unlink $f`). */
function argsAt(skel: string, end: number): string[] {
  if (skel[end - 1] === '(') return callArgs(skel, end).args;
  const stop = skel.slice(end).search(/[;\n}]|\b(?:if|unless|or|and|do)\b/);
  const text = stop < 0 ? skel.slice(end) : skel.slice(end, end + stop);
  return callArgs(text + ')', 0).args;
}

/**
 * A shell template (`$\`rm -rf ${dir}\``) with each `${expr}` replaced by its value, quoted as
 * one word (zx and Bun quote what they interpolate); undefined when some value is not known.
 */
function filledTemplate(body: string, home: string): string | undefined {
  let unknown = false;
  const text = body.replace(/\$\{([^}]*)\}/g, (_m, expr: string) => {
    const lx = lex(expr, 'node');
    const v = valueOf(lx.skel, lx, home);
    unknown ||= v.dynamic;
    return `'${v.text.replace(/'/g, `'\\''`)}'`;
  });
  return unknown ? undefined : text;
}

/** Everything dangerous or opaque the code does, in source order. */
export function scanCode(source: string, lang: Lang, home: string): Effect[] {
  if (lang === 'tcl') return scanTcl(source, home);
  if (lang === 'scheme') return scanScheme(source, home);
  if (lang === 'applescript') return scanAppleScript(source, home);
  if (lang === 'clojure') return scanClojure(source, home);
  const lx = lang === 'erlang' ? lexErlang(source) : lex(canonicalCode(source, lang), lang);
  const found: { at: number; effects: Effect[] }[] = [];
  for (const p of PATTERNS[lang]) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(lx.skel))) {
      const args = argsAt(lx.skel, m.index + m[0].length);
      found.push({ at: m.index, effects: p.handle(args, lx, home, m) });
    }
  }
  if (lang === 'ruby') found.push(...rubyConnections(lx, home, valueOf));
  if (lang === 'ruby' || lang === 'node') found.push(...clientConnections(lx, home, valueOf, http, lang));
  if (lang === 'python') found.push(...pythonConnections(lx, home, valueOf));
  if (lang === 'php')
    found.push(
      ...phpCurl(lx, home, valueOf),
      ...phpStreams(lx, home, valueOf),
      ...phpClients(lx, home, valueOf),
    );
  for (const [i, l] of lx.lits.entries()) {
    if (!l.command) continue;
    const at = lx.skel.indexOf(`\u0001${i}\u0002`);
    const text =
      l.dynamic && lang === 'node' ? filledTemplate(l.value, home) : l.dynamic ? undefined : l.value;
    found.push({
      at,
      effects:
        text === undefined
          ? [{ kind: 'dynamic', text: l.value }]
          : [{ kind: 'shell', script: { text, dynamic: false } }],
    });
  }
  return found.sort((a, b) => a.at - b.at).flatMap((f) => f.effects);
}
