/**
 * Turns an @xterm/headless buffer into lines of SGR-coloured text that a blessed box
 * draws cell for cell. Pure: reads the buffer, returns strings, does no I/O.
 *
 * Only attributes that blessed's cell model can show are emitted: bold, underline,
 * blink, inverse, invisible, and 16/256/RGB colours (blessed maps RGB to the nearest
 * 256-colour entry). Dim text in the default colour is drawn grey; italic and
 * strikethrough are dropped (the cell model has no place for them).
 */
import type { IBuffer, IBufferCell } from '@xterm/headless';

export interface RenderOptions {
  /** Draw the cursor as an inverse cell at (cursorX, cursorY). False = no cursor (hidden by the app, or the pane is not focused). */
  cursor: boolean;
  /** Number of columns to render; cells beyond are cut, short lines padded with blanks. */
  cols: number;
  /** Number of rows to render from the viewport top. */
  rows: number;
}

/** Attribute state of one cell, comparable with `sameAttr`. */
interface Attr {
  fg: string;
  bg: string;
  bold: boolean;
  underline: boolean;
  blink: boolean;
  inverse: boolean;
  invisible: boolean;
}

const DEFAULT: Attr = {
  fg: '',
  bg: '',
  bold: false,
  underline: false,
  blink: false,
  inverse: false,
  invisible: false,
};

/** SGR colour parameters for a cell's fg or bg; empty string = default colour. */
function colour(cell: IBufferCell, which: 'fg' | 'bg'): string {
  const base = which === 'fg' ? 30 : 40;
  if (which === 'fg' ? cell.isFgDefault() : cell.isBgDefault()) return '';
  const v = which === 'fg' ? cell.getFgColor() : cell.getBgColor();
  if (which === 'fg' ? cell.isFgRGB() : cell.isBgRGB()) {
    return `${base + 8};2;${(v >> 16) & 255};${(v >> 8) & 255};${v & 255}`;
  }
  // Palette: 0-7 and 8-15 as the classic codes (blessed reads them most reliably), the rest as 256-colour.
  if (v < 8) return String(base + v);
  if (v < 16) return String(base + 60 + (v - 8));
  return `${base + 8};5;${v}`;
}

/** Grey for dim text in the default colour (bright black). */
const DIM_FG = '90';

function attrOf(cell: IBufferCell): Attr {
  const fg = colour(cell, 'fg');
  return {
    fg: fg === '' && cell.isDim() !== 0 ? DIM_FG : fg,
    bg: colour(cell, 'bg'),
    bold: cell.isBold() !== 0,
    underline: cell.isUnderline() !== 0,
    blink: cell.isBlink() !== 0,
    inverse: cell.isInverse() !== 0,
    invisible: cell.isInvisible() !== 0,
  };
}

function sameAttr(a: Attr, b: Attr): boolean {
  return (
    a.fg === b.fg &&
    a.bg === b.bg &&
    a.bold === b.bold &&
    a.underline === b.underline &&
    a.blink === b.blink &&
    a.inverse === b.inverse &&
    a.invisible === b.invisible
  );
}

/** The full SGR sequence for an attribute, starting from a reset. */
export function sgr(a: Attr): string {
  const p = ['0'];
  if (a.bold) p.push('1');
  if (a.underline) p.push('4');
  if (a.blink) p.push('5');
  if (a.inverse) p.push('7');
  if (a.invisible) p.push('8');
  if (a.fg) p.push(a.fg);
  if (a.bg) p.push(a.bg);
  return `\x1b[${p.join(';')}m`;
}

/**
 * Render the visible part of the active buffer (normal or alternate screen) as `rows`
 * strings. Each line starts in the default attribute and ends with a reset, so lines
 * can be drawn independently.
 */
export function renderBuffer(buffer: IBuffer, opts: RenderOptions): string[] {
  const out: string[] = [];
  const scratch = buffer.getNullCell();
  for (let y = 0; y < opts.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    let text = '';
    let cur: Attr = DEFAULT;
    let x = 0;
    // Cursor row is relative to the bottom page (baseY), not to the scrolled viewport.
    const cursorHere = opts.cursor && buffer.viewportY + y === buffer.baseY + buffer.cursorY;
    while (x < opts.cols) {
      const cell = line?.getCell(x, scratch);
      let attr = cell ? attrOf(cell) : DEFAULT;
      let chars = cell ? cell.getChars() : '';
      const width = cell ? cell.getWidth() : 1;
      if (width === 0) {
        x++; // right half of a wide character, already drawn
        continue;
      }
      if (chars === '') chars = ' ';
      if (cursorHere && x === buffer.cursorX) attr = { ...attr, inverse: !attr.inverse };
      if (!sameAttr(attr, cur)) {
        text += sgr(attr);
        cur = attr;
      }
      text += chars;
      x += Math.max(1, width);
    }
    if (!sameAttr(cur, DEFAULT)) text += '\x1b[0m';
    out.push(text);
  }
  return out;
}

/** Strip SGR sequences (for tests and plain-text captures). */
export function stripSgr(s: string): string {
  return s.replace(/\x1b\[[\d;]*m/g, '');
}
