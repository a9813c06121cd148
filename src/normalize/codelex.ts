/**
 * A literal-aware view of inline interpreter code: string literals are replaced by
 * placeholders `\u0001N\u0002` so call patterns can be matched on the remaining
 * "skeleton" without being fooled by text inside strings, and argument values can be
 * read back when they are plain literals.
 */
import { assignments, nameUse, type NameUse } from './codelex-vars.js';
import { decodeAnsiC } from './escapes.js';
import { formReader } from './codelex-forms.js';
import { SKELETON, splitCall } from './call-args.js';
import { swiftMultiline, swiftRawString, swiftSkeleton } from './codelex-swift.js';
import { blockCommentEnd, C_COMMENTS, NO_BACKTICKS, NO_HASH_COMMENTS, type Lang } from './codelex-langs.js';

export type { Lang } from './codelex-langs.js';

export interface Lit {
  value: string;
  /** Interpolation (f-string, template `${}`, Ruby `#{}`, Perl `$x`): value not known. */
  dynamic: boolean;
  /** The literal was a command (backticks, %x(), qx()). */
  command: boolean;
}

export interface Lexed {
  skel: string;
  lits: Lit[];
  /**
   * Plain assignments `name = expr` in the skeleton: name → expr, or null when the name is
   * assigned more than once (its value at a given point is then not known). Empty = none.
   */
  vars: Map<string, string | null>;
  /** The language lexed; undefined = not recorded (a lexer of its own, such as Erlang's). */
  lang?: Lang;
}

/**
 * The index just past the `close` (`}`; Swift's `)`) that closes an interpolation whose body
 * starts at `start`, nested `open`/`close` pairs and quoted strings inside it skipped; the
 * code's end when it is not closed.
 */
function interpolationEnd(code: string, start: number, open = '{', close = '}'): number {
  let depth = 1;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '\\') i++;
    else if (c === '"' || c === "'" || c === '`') {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
    } else if (c === open) depth++;
    else if (c === close && --depth === 0) return i + 1;
  }
  return code.length;
}

const PH = /\u0001(\d+)\u0002/g;

export function lex(code: string, lang: Lang): Lexed {
  const lits: Lit[] = [];
  let skel = '';
  let i = 0;
  const push = (value: string, dynamic: boolean, command = false) => {
    skel += `\u0001${lits.length}\u0002`;
    lits.push({ value, dynamic, command });
  };
  const forms = formReader(code, lang);
  while (i < code.length) {
    const c = code[i];
    // heredocs, Elixir's sigils, R's raw strings (codelex-forms.ts)
    const form = forms.read(i, lits.length);
    if (form) {
      for (const [n, l] of form.fill) lits[n] = l;
      if (form.lit) push(form.lit.value, form.lit.dynamic, form.lit.command);
      skel += form.text;
      i = form.end;
      continue;
    }
    // comments
    if (
      (c === '#' && !NO_HASH_COMMENTS.has(lang)) ||
      (C_COMMENTS.has(lang) && code.startsWith('//', i)) ||
      (lang === 'lua' && code.startsWith('--', i) && !code.startsWith('--[[', i))
    ) {
      while (i < code.length && code[i] !== '\n') i++;
      continue;
    }
    const block = blockCommentEnd(code, i, lang);
    if (block >= 0) {
      i = block;
      continue;
    }
    // Lua's long string `[[…]]`: a literal without escapes.
    if (lang === 'lua' && code.startsWith('[[', i)) {
      const end = code.indexOf(']]', i + 2);
      push(code.slice(i + 2, end < 0 ? code.length : end), false);
      i = end < 0 ? code.length : end + 2;
      continue;
    }
    // ruby %x(...) / perl qx(...) run a command; ruby's %q(...) and %Q(...) are strings
    const qx =
      lang === 'ruby'
        ? /^%([xqQ])([({[|!])/.exec(code.slice(i, i + 3))
        : lang === 'perl'
          ? /^q(x)\s*([({[|!/])/.exec(code.slice(i, i + 4))
          : null;
    if (qx && !(lang === 'ruby' && /[A-Za-z0-9_]/.test(code[i - 1] ?? ''))) {
      const open = qx[2];
      const close = { '(': ')', '{': '}', '[': ']' }[open] ?? open;
      const start = i + qx[0].length;
      // brackets nest inside (`%Q{a #{b}}`); other delimiters end at their next use
      let end = -1;
      for (let j = start, depth = 0; j < code.length && end < 0; j++) {
        if (code[j] === '\\') j++;
        else if (code[j] === open && close !== open) depth++;
        else if (code[j] === close && depth-- === 0) end = j;
      }
      const body = code.slice(start, end < 0 ? code.length : end);
      push(body, qx[1] !== 'q' && /#\{|\$/.test(body), qx[1] === 'x');
      i = end < 0 ? code.length : end + 1;
      continue;
    }
    // Rust: `'` is a char literal only when one character (or escape) follows; else a lifetime.
    // OCaml's the same: `'a` is a type variable, `x'` a name.
    if (
      (lang === 'rust' || lang === 'ocaml') &&
      c === "'" &&
      !/^'(?:\\.[^']*|[^'\\])'/.test(code.slice(i, i + 12))
    ) {
      skel += c;
      i++;
      continue;
    }
    // Rust's raw strings `r"…"`, `r#"…"#`: no escapes.
    const raw = lang === 'rust' ? /^b?r(#*)"/.exec(code.slice(i, i + 8)) : null;
    if (raw && !/[A-Za-z0-9_]/.test(code[i - 1] ?? '')) {
      const close = `"${raw[1]}`;
      const end = code.indexOf(close, i + raw[0].length);
      push(code.slice(i + raw[0].length, end < 0 ? code.length : end), false);
      i = end < 0 ? code.length : end + close.length;
      continue;
    }
    const swiftRaw = lang === 'swift' && c === '#' ? swiftRawString(code, i) : undefined;
    if (swiftRaw) {
      push(swiftRaw.value, swiftRaw.dynamic);
      i = swiftRaw.end;
      continue;
    }
    let prefix = '';
    if (lang === 'python') {
      const m = /^([rRbBuUfF]{1,2})(?=['"])/.exec(code.slice(i, i + 3));
      if (m) prefix = m[1].toLowerCase();
    }
    const q = code[i + prefix.length];
    // Scala's string interpolators (`s"…"`, `f"…"`, `raw"…"`, sttp's `uri"…"`): the string, its name dropped
    const scalaInterp = lang === 'jvm' && q === '"' && /(?<![\w.])(?:s|f|raw|uri)$/.test(skel);
    if (scalaInterp) skel = skel.replace(/(?:s|f|raw|uri)$/, '');
    if (
      (q === '"' || (q === "'" && lang !== 'swift') || (q === '`' && !NO_BACKTICKS.has(lang))) &&
      // a JavaScript tagged template (gql`…`, sql`…`) is a string after a name
      (prefix || scalaInterp || (lang === 'node' && q === '`') || !/[A-Za-z0-9_]/.test(code[i - 1] ?? ''))
    ) {
      let j = i + prefix.length;
      const triple =
        (lang === 'python' || lang === 'elixir' || lang === 'swift') && code.startsWith(q.repeat(3), j)
          ? q.repeat(3)
          : q;
      j += triple.length;
      let body = '';
      // Go's and D's backtick strings are raw: no escapes
      const rawGo = (lang === 'go' || lang === 'd') && q === '`';
      // an interpolation (`#{h["k"]}`, `${a[`k`]}`) may hold quotes of its own: read it whole
      const interp =
        ((lang === 'ruby' || lang === 'elixir') && q === '"' ? '#{' : '') ||
        (lang === 'node' && q === '`' ? '${' : '') ||
        (lang === 'dart' ? '${' : '') ||
        (lang === 'swift' ? '\\(' : '');
      while (j < code.length && !code.startsWith(triple, j)) {
        if (interp && code.startsWith(interp, j)) {
          const paren = interp.endsWith('(');
          const end = interpolationEnd(code, j + interp.length, paren ? '(' : '{', paren ? ')' : '}');
          body += code.slice(j, end);
          j = end;
        } else if (code[j] === '\\' && j + 1 < code.length && !rawGo) {
          body += code.slice(j, j + 2);
          j += 2;
        } else body += code[j++];
      }
      i = j + triple.length;
      const raw =
        rawGo ||
        prefix.includes('r') ||
        ((lang === 'ruby' || lang === 'perl' || lang === 'php') && q === "'");
      const text = lang === 'swift' && triple.length === 3 ? swiftMultiline(body) : body;
      const value = raw ? text.replace(/\\(['\\])/g, '$1') : decodeAnsiC(text);
      const dynamic =
        (prefix.includes('f') && /\{[^{]/.test(body)) ||
        (q === '`' && lang === 'node' && body.includes('${')) ||
        (lang === 'ruby' && q !== "'" && body.includes('#{')) ||
        ((lang === 'perl' || lang === 'php') && q !== "'" && /[$@][A-Za-z_{]/.test(body)) ||
        (lang === 'julia' && q !== "'" && /\$[A-Za-z_(]/.test(body)) ||
        (lang === 'elixir' && body.includes('#{')) ||
        (lang === 'jvm' && q === '"' && /\$[A-Za-z_{]/.test(body)) ||
        (lang === 'dart' && /\$[A-Za-z_{]/.test(body)) ||
        (lang === 'swift' && body.includes('\\('));
      // Backticks run a command in Ruby, Perl, PHP and Julia (`run(\`…\`)`); in R they quote a name.
      // zx's and Bun's `$\`…\`` (also `Bun.$`) run their template as a shell command.
      const shellTag = lang === 'node' && q === '`' && /(?:^|[^\w$])\$\s*$|\.\$\s*$/.test(skel);
      push(value, dynamic, (q === '`' && !rawGo && lang !== 'node' && lang !== 'r') || shellTag);
      continue;
    }
    skel += c;
    i++;
  }
  if (lang === 'swift') skel = swiftSkeleton(skel);
  return { skel, lits, vars: assignments(skel, lang), lang };
}

/** The literal a whole expression is, when it is one string or a `+`/`.`/`,`-free concatenation of strings. */
export function literalOf(expr: string, lx: Lexed): Lit | undefined {
  const t = expr.trim();
  const parts = t.split(/\s*(?:\+|\.(?=\s*\u0001))\s*/);
  let value = '';
  let dynamic = false;
  for (const p of parts) {
    const m = /^\u0001(\d+)\u0002$/.exec(p.trim());
    if (!m) return undefined;
    const l = lx.lits[Number(m[1])];
    value += l.value;
    dynamic ||= l.dynamic;
  }
  return { value, dynamic, command: false };
}

/** Source-like text of a skeleton fragment (placeholders back to quoted strings). */
export function show(expr: string, lx: Lexed): string {
  return expr.trim().replace(PH, (_m, n: string) => JSON.stringify(lx.lits[Number(n)].value));
}

/**
 * Splits the argument list that starts right after `(` at `open` (call-args.ts); returns the
 * args as written (untrimmed; `f()` → [], `f(a,)` → ['a', '']) and the index of the `)`.
 */
export function callArgs(skel: string, open: number): { args: string[]; end: number } {
  const { pieces, end } = splitCall(skel, open, SKELETON);
  return { args: pieces.length === 1 && pieces[0].trim() === '' ? [] : pieces, end };
}

/** Name use per lexed code, read at the first loop variable looked up. */
const USES = new WeakMap<Lexed, NameUse>();

/**
 * The elements a loop variable takes when it is bound once, by `for NAME in (A, B, …):` or
 * `for NAME in [A, B, …]` (Python, Ruby), and assigned nowhere else: the element expressions
 * on the skeleton. Undefined otherwise (the variable is then not known).
 */
export function loopElements(name: string, lx: Lexed): string[] | undefined {
  let use = USES.get(lx);
  if (!use) USES.set(lx, (use = nameUse(lx.skel)));
  // fail closed: assigned, changed or bound anywhere but the one loop read below
  if (use.assigned.has(name) || use.bound.get(name) !== 1) return undefined;
  const loops = [...lx.skel.matchAll(new RegExp(`\\bfor\\s+${name}\\s+in\\s+([([])`, 'g'))];
  if (loops.length !== 1 || loops[0].index === undefined) return undefined;
  const open = loops[0].index + loops[0][0].length;
  const { args, end } = callArgs(lx.skel, open);
  // the bracket that closes the sequence, then the loop's colon (Python) or newline / `do`
  // (Ruby), or the end of a comprehension or generator (`(f(p) for p in [a, b])`, `… if c]`)
  if (lx.skel[end] !== (loops[0][1] === '(' ? ')' : ']')) return undefined;
  if (!/^\s*(?::|do\b|\n|[)\]]|if\b)/.test(lx.skel.slice(end + 1))) return undefined;
  const items = args.filter((a) => a.trim() !== '');
  return items.length ? items : undefined;
}

/** A `key=value` (python) or `key: value` (js/ruby) argument named `key`, if present. */
export function kwarg(args: string[], key: string): string | undefined {
  const re = new RegExp(`^\\s*:?["']?${key}["']?\\s*(=(?!=)|:|=>)\\s*([\\s\\S]*)$`);
  for (const a of args) {
    const m = re.exec(a);
    if (m) return m[2];
  }
  // inside an options object `{ method: 'DELETE', body: … }`
  for (const a of args) {
    const o = /^\s*\{([\s\S]*)\}\s*$/.exec(a);
    if (!o) continue;
    const inner = callArgs(o[1] + ')', 0).args;
    const v = kwarg(inner, key);
    if (v !== undefined) return v;
    // JavaScript's shorthand property (`{ method: 'POST', body }`): the variable of that name
    if (inner.some((x) => x.trim() === key)) return key;
  }
  return undefined;
}
