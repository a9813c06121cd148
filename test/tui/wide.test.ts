/**
 * Emoji and wide characters take the columns today's terminals give them, in the agent
 * pane's emulator and in the UI library's cell model, so nothing after them shifts and no
 * half character is left behind. Controls: the defaults put the next character one column
 * too early.
 */
import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import xterm from '@xterm/headless';
import blessed from 'blessed';
import { describe, expect, it } from 'vitest';
import { renderBuffer } from '../../src/tui/render.js';
import { modernUnicode, patchLibraryWidths, wcwidth } from '../../src/tui/wide.js';

describe('wcwidth', () => {
  it.each<[string, number]>([
    ['a', 1],
    ['é', 1],
    ['\u0301', 0],
    ['\u200d', 0],
    ['日', 2],
    ['✅', 2],
    ['⚡', 2],
    ['🙂', 2],
    ['❤', 1],
    ['\x07', 0],
  ])('%j is %i column(s)', (ch, w) => {
    expect(wcwidth(ch.codePointAt(0)!)).toBe(w);
  });
});

async function columnOfX(text: string, modern: boolean): Promise<number> {
  const t = new xterm.Terminal({ cols: 20, rows: 2, allowProposedApi: true });
  if (modern) {
    t.unicode.register(modernUnicode);
    t.unicode.activeVersion = modernUnicode.version;
  }
  await new Promise<void>((r) => t.write(text, r));
  const line = t.buffer.active.getLine(0)!;
  for (let x = 0; x < 20; x++) if (line.getCell(x)?.getChars() === 'x') return x;
  return -1;
}

describe('the emulator', () => {
  it.each(['✅x', '🙂x', '⚡x'])('%s: x is in column 2 (default tables: column 1)', async (text) => {
    expect(await columnOfX(text, true)).toBe(2);
    expect(await columnOfX(text, false)).toBe(1);
  });
});

/** The library's cell model of one line: which character sits in which column. */
function cellsOf(content: string): string[] {
  const out = new PassThrough();
  Object.assign(out, { isTTY: true, columns: 10, rows: 1 });
  const screen = blessed.screen({
    output: out,
    input: new PassThrough(),
    warnings: false,
    fullUnicode: true,
    forceUnicode: true,
  } as blessed.Widgets.IScreenOptions);
  try {
    blessed.box({ parent: screen, top: 0, left: 0, width: 10, height: 1, tags: false, content });
    screen.render();
    return (screen as unknown as { lines: [number, string][][] }).lines[0].map((c) => c[1]);
  } finally {
    screen.destroy();
  }
}

describe('the UI library', () => {
  // Runs first: the patch below is process-wide.
  it('control: unpatched, the cell after a BMP emoji is one column too early', () => {
    expect(cellsOf('✅x日y').indexOf('x')).toBe(1);
  });

  it('places the cell after a BMP emoji where the terminal will', async () => {
    const t = new xterm.Terminal({ cols: 10, rows: 1, allowProposedApi: true });
    t.unicode.register(modernUnicode);
    t.unicode.activeVersion = modernUnicode.version;
    await new Promise<void>((r) => t.write('✅x日y', r));
    const [line] = renderBuffer(t.buffer.active, { cursor: false, cols: 10, rows: 1 });
    patchLibraryWidths(createRequire(import.meta.url)('blessed/lib/unicode.js'));
    const out = new PassThrough();
    Object.assign(out, { isTTY: true, columns: 10, rows: 1 });
    const screen = blessed.screen({
      output: out,
      input: new PassThrough(),
      warnings: false,
      fullUnicode: true,
      forceUnicode: true,
    } as blessed.Widgets.IScreenOptions);
    try {
      blessed.box({ parent: screen, top: 0, left: 0, width: 10, height: 1, tags: false, content: line });
      screen.render();
      const cells = (screen as unknown as { lines: [number, string][][] }).lines[0].map((c) => c[1]);
      expect(cells.indexOf('x')).toBe(2);
      expect(cells.indexOf('y')).toBe(5);
    } finally {
      screen.destroy();
    }
  });
});
