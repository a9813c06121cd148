/**
 * The blessed widgets: optional agent terminal pane on top, firewall log below it,
 * status line at the bottom, approval dialog and help as overlays. Thin: it only
 * places text produced by view.ts and render.ts.
 */
import { createRequire } from 'node:module';
import blessed from 'blessed';
import { terminalColors } from './term-colors.js';
import { patchLibraryWidths } from './wide.js';
import { fitDialog, KEY_HELP } from './view.js';

export interface Widgets {
  screen: blessed.Widgets.Screen;
  /** The agent's terminal; undefined for `agentfw watch`. */
  term?: blessed.Widgets.BoxElement;
  log: blessed.Widgets.BoxElement;
  status: blessed.Widgets.BoxElement;
  dialog: blessed.Widgets.BoxElement;
  help: blessed.Widgets.BoxElement;
  /** Append a tagged line to the firewall log (keeps the last 2000; follows the tail unless scrolled up). */
  /**
   * Adds a line to the firewall log; a line with the `key` of an earlier one replaces it
   * (a request's final decision replaces its "asking" line). Undefined key = always a new line.
   */
  appendLog(line: string, key?: number): void;
  /** Recompute geometry; returns the agent pane's size (0×0 without a terminal pane). */
  layout(): { cols: number; rows: number };
  /** Show or hide the firewall pane (only with a terminal pane). */
  paneVisible: boolean;
}

const MAX_LOG = 2000;

const requireCjs = createRequire(import.meta.url);

export function createWidgets(opts: {
  withTerminal: boolean;
  title: string;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}): Widgets {
  // The library's width table must agree with the emulator's and the terminal's (wide.ts).
  patchLibraryWidths(requireCjs('blessed/lib/unicode.js') as Parameters<typeof patchLibraryWidths>[0]);
  const screen = blessed.screen({
    ...(opts.input ? { input: opts.input } : {}),
    ...(opts.output ? { output: opts.output } : {}),
    smartCSR: true,
    fullUnicode: true,
    // Agents print UTF-8; draw box lines as Unicode rather than the VT100 alternate charset.
    forceUnicode: true,
    autoPadding: false,
    warnings: false,
    title: opts.title,
  } as blessed.Widgets.IScreenOptions);
  const tput = (screen as unknown as { tput: { brokenACS: boolean; colors: number } }).tput;
  tput.brokenACS = true;
  // tmux/screen entries the library cannot read would otherwise fall back to 8 colours.
  tput.colors = terminalColors(process.env, tput.colors);
  const term = opts.withTerminal
    ? blessed.box({ parent: screen, top: 0, left: 0, tags: false, wrap: false } as blessed.Widgets.BoxOptions)
    : undefined;
  const log = blessed.box({
    parent: screen,
    left: 0,
    tags: true,
    wrap: false,
    scrollable: true,
    alwaysScroll: true,
    border: { type: 'line' },
    label: ' firewall ',
    style: { border: { fg: 'gray' } },
  } as blessed.Widgets.BoxOptions);
  const status = blessed.box({ parent: screen, left: 0, height: 1, tags: true, style: { bg: 'black' } });
  const dialog = blessed.box({
    parent: screen,
    top: 'center',
    left: 'center',
    tags: true,
    hidden: true,
    border: { type: 'line' },
    label: ' agentfw: approval ',
    style: { border: { fg: 'yellow' }, bg: 'black' },
  });
  const help = blessed.box({
    parent: screen,
    top: 'center',
    left: 'center',
    // Fits narrow terminals: at most the screen's width.
    width: Math.min(84, Math.max(20, (screen.width as number) - 2)),
    height: KEY_HELP.length + 2,
    tags: false,
    hidden: true,
    border: { type: 'line' },
    label: ' keys ',
    content: KEY_HELP.join('\n'),
  });

  const lines: string[] = [];
  const keys: (number | undefined)[] = [];
  /** Lines added while the log was scrolled up (shown in its label). */
  let unseen = 0;
  const w: Widgets = {
    screen,
    term,
    log,
    status,
    dialog,
    help,
    paneVisible: true,
    appendLog(line, key) {
      const follow = log.getScrollPerc() >= 100 || lines.length < (log.height as number);
      const at = key === undefined ? -1 : keys.lastIndexOf(key);
      if (at >= 0) lines[at] = line;
      else {
        lines.push(line);
        keys.push(key);
        if (!follow) unseen++;
      }
      if (lines.length > MAX_LOG) {
        lines.splice(0, lines.length - MAX_LOG);
        keys.splice(0, keys.length - MAX_LOG);
      }
      if (follow) unseen = 0;
      log.setLabel(unseen ? ` firewall (${unseen} new ↓) ` : ' firewall ');
      log.setContent(lines.join('\n'));
      if (follow) log.setScrollPerc(100);
    },
    layout() {
      const W = screen.width as number;
      const H = screen.height as number;
      status.top = H - 1;
      status.width = W;
      if (!term) {
        log.top = 0;
        log.width = W;
        log.height = Math.max(3, H - 1);
        return { cols: 0, rows: 0 };
      }
      const fw = w.paneVisible ? Math.max(4, Math.min(12, Math.floor(H / 3))) : 0;
      const rows = Math.max(1, H - 1 - fw);
      term.width = W;
      term.height = rows;
      if (w.paneVisible) {
        log.show();
        log.top = rows;
        log.width = W;
        log.height = fw;
      } else log.hide();
      return { cols: W, rows };
    },
  };
  return w;
}

/** Size and fill the dialog overlay from tagged lines; hides it when empty. */
export function showDialog(w: Widgets, all: string[]): void {
  const lines = fitDialog(all, (w.screen.height as number) - 4);
  if (!lines.length) {
    w.dialog.hide();
    return;
  }
  const W = w.screen.width as number;
  const H = w.screen.height as number;
  w.dialog.width = Math.max(20, Math.min(110, W - 4));
  w.dialog.height = Math.max(5, Math.min(lines.length + 2, H - 2));
  w.dialog.setContent(lines.join('\n'));
  w.dialog.show();
  w.dialog.setFront();
}

/** Inner text width of the dialog for wrapping. */
export function dialogWidth(w: Widgets): number {
  return Math.max(20, Math.min(110, (w.screen.width as number) - 4)) - 2;
}
