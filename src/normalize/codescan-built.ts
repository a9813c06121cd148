/**
 * Shell commands inline code builds from literals and variables (built-command.ts): Python's
 * `os.system("ping -c1 " + h)`, f-strings (`f"ping {h}"`), `"ping %s" % h` and
 * `"ping {}".format(h)`; Ruby's and Elixir's `"ping #{h}"`; Perl's and PHP's `"ping $h"` and
 * `"ping " . $h`; JavaScript's `` `ping ${h}` ``; Kotlin's, Groovy's and Dart's `"ping $h"`;
 * Julia's `"ping $h"`; Swift's `"ping \(h)"`. Each variable is a value not known here.
 */
import type { Lang, Lexed } from './codelex.js';
import { topLevelSplit, valueOf } from './codescan-values.js';
import { builtShell, type BuiltShell, type Piece } from './built-command.js';

/** A value expression read as one unknown value: a name, attribute chain or subscript, maybe converted to text. */
const SIMPLE =
  /^(?:(?:str|String|int|repr|to_string|strval)\s*\()?\s*[$@]?[A-Za-z_]\w*(?:\s*(?:\.|->|::)\s*[A-Za-z_]\w*|\[[^[\]()]*\]|\{[^{}()]*\})*(?:\.(?:to_s|toString|strip|trim|chomp)(?:\(\))?)?\s*\)?$/;

/** Interpolations per language: a match's group 1 (or 2) is the expression; `lit` = an escaped brace. */
const INTERPOLATION: Partial<Record<Lang, RegExp>> = {
  python: /(\{\{|\}\})|\{([^{}]*)\}/g,
  ruby: /()#\{([^{}]*)\}/g,
  elixir: /()#\{([^{}]*)\}/g,
  node: /()\$\{([^{}]*)\}/g,
  perl: /()\$\{(\w+)\}|[$@]([A-Za-z_]\w*(?:(?:->)?(?:\[[^\]]*\]|\{[^}]*\}))*)/g,
  php: /()\{\$([^{}]*)\}|\$([A-Za-z_]\w*(?:->\w+|\[[^\]]*\])*)/g,
  julia: /()\$\(([^()]*)\)|\$([A-Za-z_]\w*)/g,
  jvm: /()\$\{([^{}]*)\}|\$([A-Za-z_]\w*)/g,
  dart: /()\$\{([^{}]*)\}|\$([A-Za-z_]\w*)/g,
  swift: /()\\\(([^()]*)\)/g,
};

/** The pieces of a string literal with interpolations; undefined = a form not read. */
function interpolated(value: string, lang: Lang): Piece[] | undefined {
  const re = INTERPOLATION[lang];
  if (!re) return undefined;
  const out: Piece[] = [];
  let at = 0;
  for (const m of value.matchAll(re)) {
    out.push({ text: value.slice(at, m.index) });
    if (m[1]) out.push({ text: m[1][0] });
    else out.push({ name: (m[2] ?? m[3] ?? '').split(/[!:]/)[0].trim() });
    at = m.index + m[0].length;
  }
  out.push({ text: value.slice(at) });
  // fail closed: an interpolation left unread (nested braces) is not literal text
  const rest = out.filter((p) => 'text' in p).map((p) => (p as { text: string }).text);
  return rest.some((t) => /#\{|\$\{|\\\(/.test(t)) ? undefined : out;
}

/** Python's `FMT % ARGS` and `FMT.format(ARGS)`: the format's slots filled with unknown values. */
function formatted(expr: string, lx: Lexed): Piece[] | undefined {
  const m =
    /^\s*\u0001(\d+)\u0002\s*%\s*\(?([^()]*?)\)?\s*$/.exec(expr) ??
    /^\s*\u0001(\d+)\u0002\s*\.format\s*\(([^()]*)\)\s*$/.exec(expr);
  if (!m) return undefined;
  const args = topLevelSplit(m[2], ',')
    .map((a) => a.trim())
    .filter(Boolean);
  if (!args.length || !args.every((a) => SIMPLE.test(a))) return undefined;
  const slot = expr.includes('.format') ? /\{\{|\}\}|\{[^{}]*\}/g : /%%|%[-+ #0-9.]*[sdrifx]/g;
  const fmt = lx.lits[Number(m[1])].value;
  const out: Piece[] = [];
  let at = 0;
  let n = 0;
  for (const s of fmt.matchAll(slot)) {
    out.push({ text: fmt.slice(at, s.index) });
    if (s[0] === '%%' || s[0] === '{{' || s[0] === '}}') out.push({ text: s[0][0] });
    else out.push({ name: args[Math.min(n++, args.length - 1)] });
    at = s.index + s[0].length;
  }
  out.push({ text: fmt.slice(at) });
  return out;
}

/**
 * The shell text a command expression builds when it is string literals (with interpolations)
 * joined with simple values not known here; undefined = any other expression (fail closed:
 * the caller keeps it a command whose name is unknown).
 */
/** The shell text a command literal with interpolations builds (Ruby's `` `ping #{h}` ``). */
export function builtLiteral(value: string, lang: Lang): BuiltShell | undefined {
  const pieces = interpolated(value, lang);
  return pieces ? builtShell(pieces) : undefined;
}

export function builtCommand(
  expr: string,
  lx: Lexed,
  home: string,
  lang: Lang | undefined,
): BuiltShell | undefined {
  if (!lang) return undefined;
  if (lang === 'python') {
    const f = formatted(expr, lx);
    if (f) return builtShell(f);
  }
  const concat = lang === 'perl' || lang === 'php' ? '.' : lang === 'lua' ? '..' : '+';
  const parts = concat === '..' ? expr.split('..') : topLevelSplit(expr, concat);
  const pieces: Piece[] = [];
  for (const raw of parts) {
    const p = raw.trim();
    const lit = /^\u0001(\d+)\u0002$/.exec(p);
    if (lit) {
      const l = lx.lits[Number(lit[1])];
      if (l.command) return undefined;
      const inner = l.dynamic ? interpolated(l.value, lang) : [{ text: l.value }];
      if (!inner) return undefined;
      pieces.push(...inner);
    } else if (SIMPLE.test(p)) {
      const v = valueOf(p, lx, home);
      pieces.push(v.dynamic ? { name: p.replace(/^\w+\(\s*|\s*\)$|^[$@]/g, '') } : { text: v.text });
    } else return undefined;
  }
  return builtShell(pieces);
}
