import { PassThrough } from 'node:stream';
import blessed from 'blessed';
import { describe, expect, it } from 'vitest';
import { terminalColors } from '../../src/tui/term-colors.js';

describe('terminalColors', () => {
  it.each<[string, NodeJS.ProcessEnv, number, number]>([
    ['tmux-256color, terminfo unread', { TERM: 'tmux-256color' }, 8, 256],
    ['screen-256color, terminfo unread', { TERM: 'screen-256color' }, 8, 256],
    ['COLORTERM=truecolor on plain tmux', { TERM: 'tmux', COLORTERM: 'truecolor' }, 8, 256],
    ['COLORTERM=24bit', { TERM: 'screen', COLORTERM: '24bit' }, 8, 256],
    ['xterm-direct', { TERM: 'xterm-direct' }, 8, 256],
    ['rxvt-16color', { TERM: 'rxvt-16color' }, 8, 16],
    ['plain xterm stays 8', { TERM: 'xterm' }, 8, 8],
    ['terminfo already says 256', { TERM: 'xterm-256color' }, 256, 256],
    ['dumb terminal has none', { TERM: 'dumb', COLORTERM: 'truecolor' }, 8, 0],
  ])('%s', (_n, env, fromTerminfo, want) => {
    expect(terminalColors(env, fromTerminfo)).toBe(want);
  });
});

/** What the UI library writes for a grey (#888) cell on a screen made under TERM. */
async function drawGrey(term: string, fix: boolean): Promise<string> {
  const saved = process.env.TERM;
  process.env.TERM = term;
  const out = new PassThrough();
  Object.assign(out, { isTTY: true, columns: 20, rows: 3 });
  let written = '';
  out.on('data', (d: Buffer) => (written += d.toString()));
  const screen = blessed.screen({
    output: out,
    input: new PassThrough(),
    warnings: false,
  } as blessed.Widgets.IScreenOptions);
  try {
    const tput = (screen as unknown as { tput: { colors: number } }).tput;
    if (fix) tput.colors = terminalColors(process.env, tput.colors);
    blessed.box({
      parent: screen,
      top: 0,
      left: 0,
      width: 5,
      height: 1,
      tags: true,
      content: '{#888888-fg}grey{/}',
    });
    screen.render();
    await new Promise((r) => setTimeout(r, 20));
    return written;
  } finally {
    screen.destroy();
    process.env.TERM = saved;
  }
}

describe('the UI under tmux/screen', () => {
  it.each(['tmux-256color', 'screen-256color'])(
    '%s draws grey as a 256-colour entry, not black',
    async (term) => {
      const w = await drawGrey(term, true);
      expect(w).toMatch(/\x1b\[[0-9;]*38;5;\d+[0-9;]*m/);
      expect(w).not.toMatch(/\x1b\[[0-9;]*\b30m/);
      // control: what the library alone draws there (grey reduced to black)
      const before = await drawGrey(term, false);
      expect(before).not.toMatch(/38;5;/);
    },
  );
});
