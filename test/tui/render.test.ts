import { describe, expect, it } from 'vitest';
import xterm from '@xterm/headless';
import { renderBuffer, stripSgr } from '../../src/tui/render.js';

const { Terminal } = xterm;

async function term(data: string, cols = 20, rows = 4): Promise<InstanceType<typeof Terminal>> {
  const t = new Terminal({ cols, rows, allowProposedApi: true });
  await new Promise<void>((resolve) => t.write(data, resolve));
  return t;
}

describe('renderBuffer', () => {
  it.each([
    ['plain text padded to width', 'hi', 0, 'hi' + ' '.repeat(18)],
    ['cursor movement', 'ab\x1b[1;10Hz', 0, 'ab       z' + ' '.repeat(10)],
    ['second line after CRLF', 'one\r\ntwo', 1, 'two' + ' '.repeat(17)],
    ['wide characters take two cells', '日本', 0, '日本' + ' '.repeat(16)],
  ])('%s', async (_name, data, row, want) => {
    const t = await term(data);
    const lines = renderBuffer(t.buffer.active, { cursor: false, cols: 20, rows: 4 });
    expect(lines).toHaveLength(4);
    expect(stripSgr(lines[row])).toBe(want);
  });

  it.each([
    ['red foreground', '\x1b[31mR', '\x1b[0;31mR'],
    ['bright green', '\x1b[92mG', '\x1b[0;92mG'],
    ['256-colour fg', '\x1b[38;5;208mO', '\x1b[0;38;5;208mO'],
    ['truecolor bg', '\x1b[48;2;1;2;3mT', '\x1b[0;48;2;1;2;3mT'],
    ['bold + underline', '\x1b[1;4mB', '\x1b[0;1;4mB'],
    ['inverse', '\x1b[7mI', '\x1b[0;7mI'],
    ['dim in the default colour is grey', '\x1b[2mD', '\x1b[0;90mD'],
    ['dim keeps an explicit colour', '\x1b[2;31mD', '\x1b[0;31mD'],
  ])('%s', async (_name, data, prefix) => {
    const t = await term(data);
    const [first] = renderBuffer(t.buffer.active, { cursor: false, cols: 20, rows: 1 });
    expect(first.startsWith(prefix)).toBe(true);
    // attributes end after the cell: the rest is default again
    expect(first).toContain(prefix + '\x1b[0m ');
  });

  it('draws the cursor as an inverse cell', async () => {
    const t = await term('ab');
    const [line] = renderBuffer(t.buffer.active, { cursor: true, cols: 20, rows: 1 });
    expect(line.startsWith('ab\x1b[0;7m \x1b[0m')).toBe(true);
    const [noCursor] = renderBuffer(t.buffer.active, { cursor: false, cols: 20, rows: 1 });
    expect(noCursor).not.toContain('\x1b[');
  });

  it('shows the alternate screen while it is active and the normal screen after', async () => {
    const t = await term('normal-text');
    await new Promise<void>((r) => t.write('\x1b[?1049h\x1b[Halt-screen', r));
    expect(t.buffer.active.type).toBe('alternate');
    expect(stripSgr(renderBuffer(t.buffer.active, { cursor: false, cols: 20, rows: 1 })[0])).toContain(
      'alt-screen',
    );
    await new Promise<void>((r) => t.write('\x1b[?1049l', r));
    expect(stripSgr(renderBuffer(t.buffer.active, { cursor: false, cols: 20, rows: 1 })[0])).toContain(
      'normal-text',
    );
  });

  it('follows a resize', async () => {
    const t = await term('x'.repeat(30), 40, 3);
    t.resize(10, 3);
    const lines = renderBuffer(t.buffer.active, { cursor: false, cols: 10, rows: 3 });
    expect(lines.every((l) => stripSgr(l).length === 10)).toBe(true);
  });

  it('renders the bottom page after scrolling output', async () => {
    const t = await term(Array.from({ length: 10 }, (_, i) => `line${i}`).join('\r\n'), 20, 3);
    const lines = renderBuffer(t.buffer.active, { cursor: true, cols: 20, rows: 3 }).map(stripSgr);
    expect(lines.map((l) => l.trim())).toEqual(['line7', 'line8', 'line9']);
  });
});
