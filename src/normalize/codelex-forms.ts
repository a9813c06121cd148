/**
 * String literals of the code lexer (codelex.ts) that are not a plain quoted string:
 * - Ruby's and Perl's heredocs (`<<~GQL`, `<<-'EOS'`, `<<"EOF"`): the literal stands where the
 *   `<<TAG` is written, its body is the lines after the current one up to the TAG line;
 * - Ruby's percent strings (`%q(…)` raw, `%Q(…)` and `%(…)` interpolating, `%w(…)`);
 * - Elixir's sigils (`~S"""…"""`, `~s(…)`, `~S|…|`): upper-case ones are raw, lower-case ones
 *   interpolate `#{…}`; its `"""` heredocs are read by the lexer as Python's triple quotes are;
 * - R's raw strings (`r"(…)"`, `R"---[…]---"`).
 * Pure: text in, literal out.
 */
import { decodeAnsiC } from './escapes.js';
import type { Lang } from './codelex.js';

/** A literal read at some position: its value, whether it interpolates, and the index just past it. */
export interface FormLit {
  value: string;
  /** Interpolation (`#{…}`, Perl's `$x`): the value is not known. */
  dynamic: boolean;
  /** The literal is a command (a backtick heredoc). */
  command: boolean;
  /** Index just past the literal's last character. */
  end: number;
}

/** A heredoc whose `<<TAG` was read and whose body starts after the current line. */
export interface PendingHeredoc {
  /** Index of the literal (in the lexer's list) the body fills. */
  lit: number;
  tag: string;
  /** `<<~` / `<<-`: the closing TAG may be indented; `<<~` also takes the common indentation off. */
  indented: boolean;
  squiggly: boolean;
  /** Single-quoted TAG: no escapes, no interpolation. */
  raw: boolean;
  command: boolean;
}

const CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

/**
 * The heredoc opener at `i` (`<<~TAG`, `<<-'TAG'`, `<<"TAG"`, `<<TAG` with an upper-case TAG),
 * for Ruby and Perl; undefined = none (a shift or append operator).
 */
export function heredocOpener(
  code: string,
  i: number,
  lang: Lang,
):
  | { tag: string; indented: boolean; squiggly: boolean; raw: boolean; command: boolean; end: number }
  | undefined {
  if ((lang !== 'ruby' && lang !== 'perl') || !code.startsWith('<<', i)) return undefined;
  const m = /^<<([~-]?)(["'`]?)([A-Za-z_]\w*)\2/.exec(code.slice(i, i + 80));
  if (!m) return undefined;
  // `x << y` / `a <<b`: only a marked opener, a quoted TAG or an upper-case TAG is a heredoc
  if (!m[1] && !m[2] && !/^[A-Z_][A-Z0-9_]*$/.test(m[3])) return undefined;
  return {
    tag: m[3],
    indented: m[1] !== '',
    squiggly: m[1] === '~',
    raw: m[2] === "'",
    command: m[2] === '`',
    end: i + m[0].length,
  };
}

/**
 * Reads the bodies of `pending` heredocs from `start` (the line after their openers), in order.
 * Returns each literal's value and the index just past the last closing TAG line.
 */
export function heredocBodies(
  code: string,
  start: number,
  pending: PendingHeredoc[],
  lang: Lang,
): { bodies: { lit: number; value: string; dynamic: boolean; command: boolean }[]; end: number } {
  let at = start;
  const bodies: { lit: number; value: string; dynamic: boolean; command: boolean }[] = [];
  for (const h of pending) {
    const lines: string[] = [];
    while (at < code.length) {
      const nl = code.indexOf('\n', at);
      const line = code.slice(at, nl < 0 ? code.length : nl).replace(/\r$/, '');
      at = nl < 0 ? code.length : nl + 1;
      if ((h.indented ? line.trim() : line) === h.tag) break;
      lines.push(line);
    }
    if (h.squiggly) {
      const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
      const cut = indents.length ? Math.min(...indents) : 0;
      for (let n = 0; n < lines.length; n++) lines[n] = lines[n].slice(cut);
    }
    const body = lines.length ? `${lines.join('\n')}\n` : '';
    const dynamic = !h.raw && (lang === 'perl' ? /[$@][A-Za-z_{]/.test(body) : body.includes('#{'));
    bodies.push({ lit: h.lit, value: h.raw ? body : decodeAnsiC(body), dynamic, command: h.command });
  }
  return { bodies, end: at };
}

/** Elixir's string sigil at `i` (`~s(…)`, `~S"""…"""`, `~c'…'`); undefined = none. */
export function elixirSigil(code: string, i: number): FormLit | undefined {
  const m = /^~([a-zA-Z])("""|'''|["'([{<|/])/.exec(code.slice(i, i + 6));
  if (!m) return undefined;
  const open = m[2];
  const close = open.length === 3 ? open : (CLOSE[open] ?? open);
  const raw = m[1] === m[1].toUpperCase();
  const from = i + m[0].length;
  let j = from;
  while (j < code.length && !code.startsWith(close, j)) j += !raw && code[j] === '\\' ? 2 : 1;
  const body = code.slice(from, Math.min(j, code.length));
  let end = Math.min(j + close.length, code.length);
  while (/[a-zA-Z]/.test(code[end] ?? '')) end++; // modifiers (`~r/x/i`)
  return {
    value: raw ? body : decodeAnsiC(body),
    dynamic: !raw && body.includes('#{'),
    command: false,
    end,
  };
}

/**
 * Ruby's percent string at `i` (`%q(…)`, `%Q[…]`, `%(…)`, `%w(a b)`), brackets nested; the bare
 * `%(…)` only where a value starts (not `a % (b)`); undefined = none.
 */
export function rubyPercent(code: string, i: number): FormLit | undefined {
  const m = /^%([qQwWiI]?)([([{<|!/])/.exec(code.slice(i, i + 3));
  if (!m) return undefined;
  if (!m[1] && !/(?:^|[=(,[{:;!|&?]|\n)\s*$/.test(code.slice(Math.max(0, i - 40), i))) return undefined;
  const open = m[2];
  const close = CLOSE[open] ?? open;
  let depth = 0;
  let j = i + m[0].length;
  for (; j < code.length; j++) {
    if (code[j] === '\\') j++;
    else if (close !== open && code[j] === open) depth++;
    else if (code[j] === close && depth-- === 0) break;
  }
  const body = code.slice(i + m[0].length, Math.min(j, code.length));
  const raw = /[qwi]/.test(m[1]);
  return {
    value: raw ? body.replace(/\\([\\()[\]{}<>|!/])/g, '$1') : decodeAnsiC(body),
    dynamic: !raw && body.includes('#{'),
    command: false,
    end: Math.min(j + 1, code.length),
  };
}

/** R's raw string at `i` (`r"(…)"`, `R'[…]'`, `r"--{…}--"`); undefined = none. */
export function rRawString(code: string, i: number): FormLit | undefined {
  if (/[A-Za-z0-9_.]/.test(code[i - 1] ?? '')) return undefined;
  const m = /^[rR](["'])(-*)([([{])/.exec(code.slice(i, i + 40));
  if (!m) return undefined;
  const close = `${CLOSE[m[3]]}${m[2]}${m[1]}`;
  const from = i + m[0].length;
  const j = code.indexOf(close, from);
  return {
    value: code.slice(from, j < 0 ? code.length : j),
    dynamic: false,
    command: false,
    end: j < 0 ? code.length : j + close.length,
  };
}

/** What the lexer does at a position a form starts: literals to fill, one to add, skeleton text, and where to go on. */
export interface FormStep {
  /** Earlier literals (by index) whose values are now known: heredoc bodies. */
  fill: [number, { value: string; dynamic: boolean; command: boolean }][];
  /** A literal that stands here; undefined = none. */
  lit?: { value: string; dynamic: boolean; command: boolean };
  /** Text the skeleton keeps here ('' = none). */
  text: string;
  end: number;
}

/**
 * The forms of `lang` in `code`, read as the lexer reaches them: `read(i, next)` at index `i`,
 * `next` being the index the next literal gets; undefined = no form starts at `i`.
 */
export function formReader(
  code: string,
  lang: Lang,
): { read: (i: number, next: number) => FormStep | undefined } {
  /** Heredocs opened on the current line, whose bodies start on the next one. */
  let pending: PendingHeredoc[] = [];
  return {
    read(i, next) {
      const c = code[i];
      if (c === '\n' && pending.length) {
        const read = heredocBodies(code, i + 1, pending, lang);
        pending = [];
        return {
          fill: read.bodies.map((b) => [b.lit, { value: b.value, dynamic: b.dynamic, command: b.command }]),
          text: '\n',
          end: read.end,
        };
      }
      const doc = c === '<' ? heredocOpener(code, i, lang) : undefined;
      if (doc) {
        pending.push({ lit: next, ...doc });
        return { fill: [], lit: { value: '', dynamic: false, command: doc.command }, text: '', end: doc.end };
      }
      const form =
        lang === 'elixir' && c === '~'
          ? elixirSigil(code, i)
          : lang === 'ruby' && c === '%'
            ? rubyPercent(code, i)
            : lang === 'r' && (c === 'r' || c === 'R')
              ? rRawString(code, i)
              : undefined;
      return form ? { fill: [], lit: form, text: '', end: form.end } : undefined;
    },
  };
}
