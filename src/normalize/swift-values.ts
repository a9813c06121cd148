/**
 * Values of Swift expressions on the code lexer's skeleton (codescan-swift.ts's readers): paths
 * (`URL(fileURLWithPath: P)`, `.appendingPathComponent(C)`, `.appending(path: C)`, `.path`,
 * `NSHomeDirectory()`, `FileManager.default.homeDirectoryForCurrentUser`,
 * `ProcessInfo.processInfo.environment["HOME"]`, `("~/x" as NSString).expandingTildeInPath`,
 * the current and temporary directories), strings joined with `+` or interpolated (`"\(home)/x"`),
 * argument arrays, and request bodies (`JSONSerialization.data(withJSONObject: [...])`,
 * `"…".data(using: .utf8)`, `JSONEncoder().encode(Body(query: "…"))`; a dictionary literal or
 * a memberwise initializer becomes a JSON object).
 */
import { callArgs, literalOf, type Lexed } from './codelex.js';
import type { Helpers } from './codescan-langs.js';
import type { Field } from './state.js';

/** Deepest chain of variables followed (`let a = b; let b = "x"`). */
const MAX_HOPS = 8;

/** `label: expr` → `expr` (a Swift argument label taken off); the argument itself when it has none. */
export function unlabel(arg: string): string {
  return arg.replace(/^\s*[A-Za-z_]\w*\s*:(?!:)\s*/, '');
}

/** The expression starting at `i`: up to the end of its line or statement, brackets balanced. */
export function exprAt(skel: string, i: number): string {
  let depth = 0;
  let j = i;
  for (; j < skel.length; j++) {
    const c = skel[j];
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) break;
      depth--;
    } else if ((c === '\n' || c === ';') && depth === 0) break;
  }
  return skel.slice(i, j).trim();
}

/** `t` split at the operator `op` outside brackets; [t] when it does not occur there. */
function split(t: string, op: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && t.startsWith(op, i)) {
      out.push(t.slice(from, i));
      i += op.length - 1;
      from = i + 1;
    }
  }
  out.push(t.slice(from));
  return out.some((p) => p.trim() === '') ? [t] : out;
}

/** The last member of `t` (`BASE.name` or `BASE.name(ARGS)`, or a call `Name(ARGS)` with an empty base); undefined = none. */
function tail(t: string): { base: string; name: string; args?: string[] } | undefined {
  if (t.endsWith(')')) {
    let depth = 0;
    for (let i = t.length - 1; i >= 0; i--) {
      if (t[i] === ')') depth++;
      else if (t[i] === '(' && --depth === 0) {
        const head = /(?:^|\.)\s*([A-Za-z_]\w*)\s*$/.exec(t.slice(0, i));
        if (!head) return undefined;
        const base = t.slice(0, head.index).trim();
        return { base, name: head[1], args: callArgs(t, i + 1).args.filter((a) => a.trim() !== '') };
      }
    }
    return undefined;
  }
  const m = /^([\s\S]+)\.\s*([A-Za-z_]\w*)$/.exec(t);
  return m ? { base: m[1].trim(), name: m[2] } : undefined;
}

/** True when `t` is one parenthesized expression (`(a as NSString)`, not `(a) + (b)`). */
function enclosed(t: string): boolean {
  if (!t.startsWith('(') || !t.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < t.length - 1; i++) {
    if (t[i] === '(') depth++;
    else if (t[i] === ')' && --depth === 0) return false;
  }
  return true;
}

/** Where an expression points on this machine, by what it names: home, working and temporary directories. */
function placeOf(t: string, lx: Lexed, home: string): string | undefined {
  const s = t.replace(/\s+/g, '');
  if (
    /^(?:NSHomeDirectory\(\)|NSHomeDirectoryForUser\([^)]*\)|(?:FileManager\.default|fm|fileManager)\.homeDirectory(?:ForCurrentUser|\(forUser:[^)]*\))|URL\.homeDirectory|FileManager\.default\.homeDirectoryForCurrentUser)$/.test(
      s,
    )
  )
    return home;
  const env =
    /^(?:ProcessInfo\.processInfo\.environment\[|String\(cString:getenv\(|getenv\()\u0001(\d+)\u0002/.exec(s);
  if (env && lx.lits[Number(env[1])]?.value === 'HOME') return home;
  if (/^(?:FileManager\.default\.currentDirectoryPath|URL\.currentDirectory\(\))$/.test(s)) return '.';
  if (s === 'NSTemporaryDirectory()') return '/tmp/';
  if (/^(?:FileManager\.default\.temporaryDirectory|URL\.temporaryDirectory)$/.test(s)) return '/tmp';
  return undefined;
}

/** `~` and `~/x` → the home directory, as `expandingTildeInPath` does. */
const tilde = (v: Field, home: string): Field =>
  v.dynamic || !/^~(\/|$)/.test(v.text) ? v : { text: home + v.text.slice(1), dynamic: false };

/** The value of a Swift expression; dynamic (its source text) when not known statically. */
export function swiftValue(expr: string, lx: Lexed, home: string, h: Helpers, hops = 0): Field {
  const again = (e: string) => swiftValue(e, lx, home, h, hops + 1);
  if (hops > MAX_HOPS * 4) return { text: expr.trim(), dynamic: true };
  let t = expr.trim().replace(/[!?]+$/, '');
  // `a ?? b`: the value when there is one
  const either = split(t, '??');
  if (either.length > 1) return again(either[0]);
  while (enclosed(t)) t = t.slice(1, -1).trim();
  const cast = /^([\s\S]+?)\s+as[!?]?\s+[A-Za-z_][\w.]*$/.exec(t);
  if (cast) return again(cast[1]);
  const place = placeOf(t, lx, home);
  if (place !== undefined) return { text: place, dynamic: false };
  const joined = split(t, '+');
  if (joined.length > 1) {
    const parts = joined.map(again);
    // a part not known reads as Swift's interpolation of it (`"/srv/" + name` as `/srv/\(name)`)
    const text = parts.map((p, i) => (p.dynamic && !literalOf(joined[i], lx) ? `\\(${p.text})` : p.text));
    return { text: text.join(''), dynamic: parts.some((p) => p.dynamic) };
  }
  const lit = literalOf(t, lx);
  if (lit)
    return lit.dynamic ? interpolated(lit.value, lx, home, h, hops) : { text: lit.value, dynamic: false };
  const last = tail(t);
  if (last) {
    const { base, name, args } = last;
    if (base === '' && args && /^(?:URL|NSURL|NSString|String|Substring)$/.test(name) && args[0]) {
      const v = again(unlabel(args[0]));
      // a file URL names its path
      return /URL$/.test(name) ? { ...v, text: v.text.replace(/^file:\/\/(?=\/)/, '') } : v;
    }
    if (
      args === undefined &&
      /^(?:path|absoluteString|relativePath|standardized|standardizedFileURL|absoluteURL|standardizingPath|string)$/.test(
        name,
      )
    )
      return again(base);
    if (args === undefined && name === 'expandingTildeInPath') return tilde(again(base), home);
    if (args?.length === 0 && /^(?:path|standardized|resolvingSymlinksInPath|standardizingPath)$/.test(name))
      return again(base);
    if (args?.[0] !== undefined && /^(?:appendingPathComponent|appending)$/.test(name)) {
      const b = again(base);
      const c = again(unlabel(args[0]));
      return { text: `${b.text.replace(/\/+$/, '')}/${c.text}`, dynamic: b.dynamic || c.dynamic };
    }
  }
  const ref = /^[A-Za-z_]\w*$/.exec(t);
  const assigned = ref ? lx.vars.get(t) : undefined;
  if (assigned && hops < MAX_HOPS) return again(assigned);
  return h.valueOf(t, lx, home);
}

/** A string literal with `\(expr)` parts: each part's value put in; dynamic when some part is not known. */
function interpolated(text: string, lx: Lexed, home: string, h: Helpers, hops: number): Field {
  let unknown = false;
  const out = text.replace(/\\\(([^()]*(?:\([^()]*\))?[^()]*)\)/g, (_m, e: string) => {
    const v = /^\s*[A-Za-z_][\w.()]*\s*$/.test(e) ? swiftValue(e, lx, home, h, hops + 1) : undefined;
    if (!v || v.dynamic) unknown = true;
    return v && !v.dynamic ? v.text : `\\(${e})`;
  });
  return { text: out, dynamic: unknown };
}

/** A process's arguments: an array literal's items; a variable holding one; else one dynamic word (fail closed). */
export function swiftArgv(expr: string | undefined, lx: Lexed, home: string, h: Helpers, hops = 0): Field[] {
  if (expr === undefined) return [];
  const t = expr.trim();
  const list = /^\[([\s\S]*)\]$/.exec(t);
  if (list)
    return callArgs(list[1] + ')', 0)
      .args.filter((a) => a.trim() !== '')
      .map((a) => swiftValue(a, lx, home, h));
  const held = /^[A-Za-z_]\w*$/.test(t) ? lx.vars.get(t) : undefined;
  if (held && hops < MAX_HOPS) return swiftArgv(held, lx, home, h, hops + 1);
  // fail closed: arguments built at run time
  return [{ text: t, dynamic: true }];
}

/** Encoders around a body: `X.data(using: …)`, `Data(X.utf8)`, `JSONSerialization.data(withJSONObject: X)`, `JSONEncoder().encode(X)`. */
const ENCODED =
  /^(?:([\s\S]+)\.data\(\s*using\s*:[^()]*\)|Data\(([\s\S]+?)(?:\.utf8)?\)|JSONSerialization\.data\(\s*withJSONObject\s*:\s*([\s\S]+?)(?:,\s*options\s*:[^()]*)?\)|JSONEncoder\(\)\.encode\(([\s\S]+)\)|([\s\S]+)\.utf8)$/;

/**
 * A request body as an expression the HTTP reader reads (codescan-http.ts): the encoders taken
 * off, a variable followed to what it holds, a dictionary literal (`["query": "…"]`) written as
 * an object (`{"query": "…"}`).
 */
export function swiftBody(expr: string, lx: Lexed): string {
  let t = expr.trim().replace(/!$/, '');
  for (let hops = 0; hops < MAX_HOPS; hops++) {
    const m = ENCODED.exec(t);
    const held = /^[A-Za-z_]\w*$/.test(t) ? lx.vars.get(t) : undefined;
    if (m) t = (m.slice(1).find((g) => g !== undefined) ?? t).trim().replace(/!$/, '');
    else if (held) t = held.trim();
    else break;
  }
  return dictionaries(memberwise(t));
}

/** An Encodable value made by its memberwise initializer (`Body(query: "…", variables: v)`) as the object it encodes to; else `t`. */
function memberwise(t: string): string {
  const m = /^[A-Z]\w*\s*\(([\s\S]*)\)$/.exec(t);
  if (!m) return t;
  const args = callArgs(m[1] + ')', 0).args.filter((a) => a.trim() !== '');
  const fields = args.map((a) => /^\s*([A-Za-z_]\w*)\s*:(?!:)\s*([\s\S]*)$/.exec(a));
  if (!fields.length || fields.some((f) => f === null)) return t;
  return `{${fields.map((f) => `${f![1]}: ${memberwise(f![2].trim())}`).join(', ')}}`;
}

/** Swift dictionary literals (`[k: v]`, `[:]`) written with braces; arrays stay brackets. */
function dictionaries(t: string): string {
  const chars = [...t];
  const open: { at: number; colon: boolean; depth: number }[] = [];
  let depth = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '[') open.push({ at: i, colon: false, depth });
    else if (c === '(' || c === '{') depth++;
    else if (c === ')' || c === '}') depth--;
    else if (c === ':' && open.length && open[open.length - 1].depth === depth)
      open[open.length - 1].colon = true;
    else if (c === ']') {
      const o = open.pop();
      if (o?.colon) {
        chars[o.at] = '{';
        chars[i] = '}';
        if (
          chars
            .slice(o.at + 1, i)
            .join('')
            .trim() === ':'
        )
          for (let j = o.at + 1; j < i; j++) chars[j] = '';
      }
    }
  }
  return chars.join('');
}
