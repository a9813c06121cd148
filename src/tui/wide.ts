/**
 * Character widths as today's terminals (tmux, screen, VTE, iTerm2) draw them, for the
 * terminal emulator that holds the agent's screen and for the UI library that draws it.
 * Both default to Unicode 6 tables, where emoji (✅ ⚡ 🙂) are one column wide; the real
 * terminal draws two, so every later cell of the line shifts and half characters are left
 * behind. Here: emoji with emoji presentation and East Asian wide/fullwidth characters are
 * two columns, combining marks and joiners zero.
 */

const WIDE =
  /[\p{Emoji_Presentation}\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
// eslint-disable-next-line no-misleading-character-class -- a set of single code points (marks, joiners, selectors), never combined
const ZERO = /[\p{Mn}\p{Me}\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;

/** Columns a code point takes: 0, 1 or 2. Control characters count 0. */
export function wcwidth(cp: number): 0 | 1 | 2 {
  if (cp === 0 || cp < 32 || (cp >= 0x7f && cp < 0xa0)) return 0;
  const ch = String.fromCodePoint(cp);
  if (ZERO.test(ch)) return 0;
  return WIDE.test(ch) ? 2 : 1;
}

/** The emulator's packed property value: width in bits 1-2, "joins the previous cell" in bit 0. */
function pack(width: number, join: boolean): number {
  return ((width & 3) << 1) | (join ? 1 : 0);
}

/** A Unicode version provider for @xterm/headless (`terminal.unicode.register`). */
export const modernUnicode = {
  version: 'agentfw-modern',
  wcwidth,
  charProperties(cp: number, preceding: number): number {
    let width: number = wcwidth(cp);
    let join = width === 0 && preceding !== 0;
    if (join) {
      const before = (preceding >> 1) & 3;
      if (before === 0) join = false;
      else if (before > width) width = before;
    }
    return pack(width, join);
  },
};

/** Ranges of BMP code points that are wide here but one column in the library's table. */
function bmpWideClass(narrowInLibrary: (cp: number) => boolean): string {
  const ranges: [number, number][] = [];
  for (let cp = 0x80; cp <= 0xffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (wcwidth(cp) !== 2 || !narrowInLibrary(cp)) continue;
    const last = ranges.at(-1);
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  const hex = (n: number) => `\\u${n.toString(16).padStart(4, '0')}`;
  return ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('');
}

interface LibraryUnicode {
  charWidth(str: string | number, i?: number): number;
  codePointAt(str: string, i: number): number;
  chars: { all: RegExp };
}

let patched = false;

/**
 * Teaches the UI library the same widths: its width function and the pattern it uses to
 * pad a wide character's second cell. Idempotent.
 */
export function patchLibraryWidths(u: LibraryUnicode): void {
  if (patched) return;
  patched = true;
  const original = u.charWidth.bind(u);
  const cls = bmpWideClass((cp) => original(cp) === 1);
  if (cls) u.chars.all = new RegExp(`(${u.chars.all.source.slice(1, -1)}|[${cls}])`, u.chars.all.flags);
  u.charWidth = (str: string | number, i?: number) => {
    const cp = typeof str === 'number' ? str : u.codePointAt(str, i ?? 0);
    const w = original(str, i);
    return w === 1 && cp <= 0xffff && wcwidth(cp) === 2 ? 2 : w;
  };
}
