/**
 * awk programs (awk, gawk, mawk, nawk, busybox awk) run shell commands three ways:
 * `system("cmd")`, `print … | "cmd"` (the printed text is the command's stdin) and
 * `"cmd" | getline`. The program text (inline, or `-f FILE` written earlier / readable) is
 * scanned for these; a literal command string (or a variable the program assigns only that
 * string: `cmd = "git rev-parse HEAD"; cmd | getline`) is re-parsed like `sh -c`; one joined
 * from literals and variables (`"ping -c1 " h`) as the shell text it builds, each variable a
 * value not known (awk-built.ts, built-command.ts); anything else built at run time leaves a
 * command whose name is unknown (fail closed → ask).
 */
import type { Field, Res } from './state.js';
import { emit, unknownCode, type K } from './emit.js';
import { reparse } from './reparse.js';
import { scriptFile } from './shells.js';
import { scanAwkWrites } from './awk-writes.js';
import { builtShell, unknownScope, type BuiltShell } from './built-command.js';
import { piecesOf } from './awk-built.js';

/** awk implementations: POSIX/GNU/mawk/BWK ("one true awk"), busybox's, GoAWK, frawk, bioawk. */
export const AWKS = new Set([
  'awk',
  'gawk',
  'mawk',
  'nawk',
  'original-awk',
  'one-true-awk',
  'bwk-awk',
  'busybox-awk',
  'goawk',
  'frawk',
  'bioawk',
]);

/** Options whose value is the next word (or glued: `-F:`). */
const VALUE_OPTS = /^-[FvWi]$|^--(field-separator|assign|include|load)$/;
/** Options whose value is a program file. */
const FILE_OPTS = /^(-f|-E|--file|--exec)$/;

/** One way the program runs a command. `cmd`/`input` undefined = built at run time. */
export interface AwkRun {
  how: 'system' | 'pipe-to' | 'pipe-from';
  /** The command string, when it is one string literal. */
  cmd?: string;
  /** For `print … | cmd`: the printed text, when it is string literals only. */
  input?: string;
  /** Source text of the command expression (for messages). */
  text: string;
  /**
   * When `cmd` is built at run time from string literals and variables (`"ping -c1 " h`):
   * the shell text it builds, each variable a value not known. Undefined = not such a
   * concatenation (or `cmd` is known).
   */
  built?: BuiltShell;
}

interface Lexed {
  /** The program with every string literal replaced by `\u0001N\u0002` and comments removed. */
  skel: string;
  lits: string[];
}

const ESC: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', '"': '"', '/': '/', r: '\r' };

/** Lexes string literals, regex literals and comments. Undefined = unterminated (not trusted). */
export function lexAwk(src: string): Lexed | undefined {
  let skel = '';
  const lits: string[] = [];
  let i = 0;
  const regexMayStart = () => /(^|[(,~!{};&|\n]|\bprint|\bprintf)\s*$/.test(skel);
  while (i < src.length) {
    const c = src[i];
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) return undefined;
        const d = src[i];
        if (d === '"') break;
        if (d === '\\' && i + 1 < src.length) {
          // `\x20` (hex) and `\040` (octal) escapes, as awk decodes them
          const hex = /^x([0-9a-fA-F]{1,2})/.exec(src.slice(i + 1, i + 4));
          const oct = /^[0-7]{1,3}/.exec(src.slice(i + 1, i + 4));
          if (hex) {
            v += String.fromCharCode(parseInt(hex[1], 16));
            i += 1 + hex[0].length;
          } else if (oct) {
            v += String.fromCharCode(parseInt(oct[0], 8));
            i += 1 + oct[0].length;
          } else {
            v += ESC[src[i + 1]] ?? src[i + 1];
            i += 2;
          }
          continue;
        }
        v += d;
        i++;
      }
      i++;
      skel += `\u0001${lits.length}\u0002`;
      lits.push(v);
      continue;
    }
    if (c === '/' && regexMayStart()) {
      i++;
      while (i < src.length && src[i] !== '/' && src[i] !== '\n') i += src[i] === '\\' ? 2 : 1;
      if (src[i] !== '/') return undefined;
      i++;
      skel += ' REGEX ';
      continue;
    }
    skel += c;
    i++;
  }
  return { skel, lits };
}

/**
 * The literal value of an expression made only of string literals and variables holding one
 * (awk concatenates adjacent strings); undefined = built at run time.
 */
function literalOf(
  expr: string,
  lits: string[],
  consts: Map<string, string | null> = new Map(),
): string | undefined {
  const t = expr
    .trim()
    .replace(/^\((.*)\)$/s, '$1')
    .trim();
  if (!/^(\s*(\u0001\d+\u0002|[A-Za-z_]\w*))+\s*$/.test(t)) return undefined;
  let out = '';
  for (const m of t.matchAll(/\u0001(\d+)\u0002|([A-Za-z_]\w*)/g)) {
    const v = m[1] !== undefined ? lits[Number(m[1])] : consts.get(m[2]);
    if (v === undefined || v === null) return undefined;
    out += v;
  }
  return out;
}

/**
 * Variables the program assigns exactly one string literal (`cmd = "git log"`), and never
 * changes otherwise: getline into it, `+=`/`++`, a for-in, a function parameter, an array or
 * target of split/sub/gsub/match, or set from outside (`preset`: -v and operand assignments).
 * Name → value; null = not a constant.
 */
function constants(skel: string, lits: string[], preset: string[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const name = '([A-Za-z_]\\w*)';
  for (const m of skel.matchAll(new RegExp(`(?<![\\w$=!<>~+*/%^-])${name}\\s*=(?!=)([^;{}\\n]*)`, 'g'))) {
    const rhs = m[2].split(/&&|\|\|/)[0];
    const v = /^\s*(\s*\u0001\d+\u0002)+\s*$/.test(rhs) ? literalOf(rhs, lits) : undefined;
    const prev = out.get(m[1]);
    out.set(m[1], v !== undefined && (prev === undefined || prev === v) ? v : null);
  }
  const unknown = [
    new RegExp(`\\bgetline\\s+${name}`, 'g'),
    new RegExp(`\\bfor\\s*\\(\\s*${name}\\s+in\\b`, 'g'),
    new RegExp(`${name}\\s*(?:[-+*/%^]=|\\+\\+|--)`, 'g'),
    new RegExp(`(?:\\+\\+|--)\\s*${name}`, 'g'),
  ];
  for (const re of unknown) for (const m of skel.matchAll(re)) out.set(m[1], null);
  for (const m of skel.matchAll(
    /\b(?:function|func)\s+\w+\s*\(([^)]*)\)|\b(?:split|sub|gsub|gensub|match|patsplit)\s*\(([^)]*)\)/g,
  ))
    for (const n of (m[1] ?? m[2] ?? '').matchAll(/[A-Za-z_]\w*/g)) out.set(n[0], null);
  for (const n of preset) out.set(n, null);
  return out;
}

const show = (expr: string, lits: string[]) =>
  expr.trim().replace(/\u0001(\d+)\u0002/g, (_, n: string) => JSON.stringify(lits[Number(n)]));

/** Expression boundaries inside a statement. */
const END = /[;{}\n]|&&|\|\|/;

/** Every command the program runs. Undefined = the program could not be lexed. */
export function scanAwk(src: string, preset: string[] = []): AwkRun[] | undefined {
  const lx = lexAwk(src);
  if (!lx) return undefined;
  const { skel } = lx;
  const consts = constants(skel, lx.lits, preset);
  const literal = (expr: string, lits: string[]) => {
    const v = literalOf(expr, lits, consts);
    // fail closed: gawk's /inet/… special files are network connections, not commands
    return v !== undefined && /^\/inet[46]?\//.test(v) ? undefined : v;
  };
  const lits = lx.lits;
  // a command built at run time: the shell text it builds, when it is a concatenation
  const built = (expr: string, lits: string[]) => {
    const pieces = piecesOf(expr, lits, consts);
    return pieces ? builtShell(pieces) : undefined;
  };
  const out: AwkRun[] = [];
  // system(EXPR): EXPR up to the matching parenthesis.
  for (const m of skel.matchAll(/\bsystem\s*\(/g)) {
    let depth = 1;
    let j = m.index + m[0].length;
    const start = j;
    for (; j < skel.length && depth > 0; j++) {
      if (skel[j] === '(') depth++;
      else if (skel[j] === ')') depth--;
    }
    const expr = skel.slice(start, j - 1);
    const cmd = literal(expr, lits);
    out.push({
      how: 'system',
      cmd,
      built: cmd === undefined ? built(expr, lits) : undefined,
      text: show(expr, lits),
    });
  }
  // Pipes: `|` or `|&` that is not `||`.
  for (const m of skel.matchAll(/(?<!\|)\|&?(?!\|)/g)) {
    const before = skel.slice(0, m.index);
    const after = skel.slice(m.index + m[0].length);
    if (/^\s*getline\b/.test(after)) {
      const stmt = before.split(END).at(-1) ?? '';
      const expr = stmt.replace(/^.*\bwhile\s*\(|^\s*\(?/s, '').replace(/^\(+/, '');
      const cmd = literal(expr, lits);
      out.push({
        how: 'pipe-from',
        cmd,
        built: cmd === undefined ? built(expr, lits) : undefined,
        text: show(expr, lits),
      });
      continue;
    }
    const expr = after.split(END)[0];
    const stmt = before.split(END).at(-1) ?? '';
    const printed = /^\s*(?:print|printf)\b(.*)$/s.exec(stmt);
    const input = printed ? literal(printed[1].replace(/^\s*\((.*)\)\s*$/s, '$1'), lits) : undefined;
    const cmd = literal(expr, lits);
    out.push({
      how: 'pipe-to',
      cmd,
      built: cmd === undefined ? built(expr, lits) : undefined,
      ...(input !== undefined ? { input: input + '\n' } : {}),
      text: show(expr, lits),
    });
  }
  return out;
}

/** Finds the program text: inline (first operand) or `-f FILE`. Undefined text = not known statically. */
function program(argv: Field[], k: K): { text?: string; label: string } {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const t = a.text;
    if (FILE_OPTS.test(t)) {
      const f = argv[i + 1];
      if (!f || f.dynamic || f.proc) return { label: 'awk -f' };
      const text = scriptFile(f.text, k);
      return text !== undefined ? { text, label: `awk -f ${f.text}` } : { label: 'awk -f' };
    }
    if (VALUE_OPTS.test(t)) {
      i++;
      continue;
    }
    if (t === '--') {
      const p = argv[i + 1];
      return p && !p.dynamic ? { text: p.text, label: 'awk' } : { label: 'awk' };
    }
    if (t.startsWith('-') && t.length > 1 && !a.dynamic) continue;
    return a.dynamic ? { label: 'awk' } : { text: t, label: 'awk' };
  }
  return { text: '', label: 'awk' };
}

export function runAwk(argv: Field[], k: K): Res {
  const p = program(argv, k);
  // `-v NAME=…`, `--assign NAME=…` and `NAME=…` operands set variables from outside the program
  const preset = argv.flatMap((a, i) => {
    const v = /^(?:-v|--assign)$/.test(argv[i - 1]?.text ?? '')
      ? a.text
      : a.text.replace(/^(?:-v|--assign=)/, '');
    const m = /^([A-Za-z_]\w*)=/.exec(v);
    return m && i > 0 ? [m[1]] : [];
  });
  const runs = p.text === undefined ? undefined : scanAwk(p.text, preset);
  // fail closed: a program we can't read or lex is unknown code.
  if (!runs) return unknownCode(argv, k, p.label, p.text ?? argv.map((a) => a.text).join(' '));
  // Printed text not known statically is fine here: a shell reading it is dynamic on its own.
  const res = emit(argv, k, { dynamic: runs.some((r) => r.cmd === undefined) });
  const inner: K = { ...k, io: { writes: [] } };
  // the files its print/printf redirections write, read as `tee [-a] FILE` (awk-writes.ts)
  const lx = p.text ? lexAwk(p.text) : undefined;
  const wk: K = { ...inner, frame: { ...k.frame, wrappers: [...k.frame.wrappers, p.label] } };
  for (const w of lx ? scanAwkWrites(lx.skel, lx.lits) : []) {
    const file = w.file !== undefined ? { text: w.file, dynamic: false } : { text: w.text, dynamic: true };
    emit([{ text: 'tee', dynamic: false }, ...(w.append ? [{ text: '-a', dynamic: false }] : []), file], wk);
  }
  for (const r of runs) {
    if (k.run.stopped) break;
    if (r.cmd === undefined) {
      // fail closed: a command built at run time is a command whose name is unknown. One
      // joined from literals and values is also read for what its literal text runs (below),
      // but its values are pasted into shell text (`x; rm -rf ~` would run a second command).
      emit(
        [{ text: r.text, dynamic: true }],
        { ...inner, frame: { ...k.frame, wrappers: [...k.frame.wrappers, p.label] } },
        { dynamic: true },
      );
      if (!r.built) continue;
    }
    const stdin =
      r.how === 'pipe-to'
        ? r.input !== undefined
          ? { kind: 'pipe' as const, text: r.input }
          : { kind: 'pipe' as const }
        : undefined;
    const io = { writes: [], ...(stdin ? { stdin } : {}) };
    if (r.cmd !== undefined) reparse(r.cmd, p.label, inner, { io });
    // the text a concatenation builds, its variables values not known
    else if (r.built)
      reparse(r.built.text, p.label, inner, { io, scope: unknownScope(inner.scope, r.built.unknowns) });
  }
  return res;
}
