/**
 * The approval dialog as plain text frames, for `agentfw demo` on a terminal: the real
 * dialog model and view (approval-model.ts, view.ts) driven by a scripted human who
 * presses `a` and types the confirmation value key by key. Pure: no screen, no timers.
 */
import type { ApprovalRequest } from '../approval/types.js';
import { enqueue, initialState, key, type ModelConfig } from './approval-model.js';
import { dialogLines, FOOTER } from './view.js';

/** Blessed tags → ANSI (bold, colours) or nothing; `{open}`/`{close}` back to braces. */
function toAnsi(line: string, colour: boolean): string {
  const codes: Record<string, string> = {
    bold: '1',
    underline: '4',
    'red-fg': '31',
    'green-fg': '32',
    'yellow-fg': '33',
    'cyan-fg': '36',
    'gray-fg': '90',
  };
  return line
    .replace(/\{(\/?)([a-z-]+)\}/g, (m, close: string, tag: string) => {
      if (tag === 'open' || tag === 'close') return m;
      if (!colour || !(tag in codes)) return '';
      return close ? '\x1b[0m' : `\x1b[${codes[tag]}m`;
    })
    .replace(/\{open\}/g, '{')
    .replace(/\{close\}/g, '}');
}

const visible = (s: string): number => s.replace(/\x1b\[[0-9;]*m/g, '').length;

function boxed(lines: string[], width: number): string[] {
  const inner = width - 4;
  // Lines the TUI would clip at its edge are clipped here too (colour codes dropped first).
  const fit = (l: string) =>
    visible(l) <= inner ? l : l.replace(/\x1b\[[0-9;]*m/g, '').slice(0, inner - 1) + '…';
  const row = (raw: string) => {
    const l = fit(raw);
    return `│ ${l}${' '.repeat(Math.max(0, inner - visible(l)))} │`;
  };
  return [`┌${'─'.repeat(width - 2)}┐`, ...lines.map(row), `└${'─'.repeat(width - 2)}┘`];
}

/**
 * Frames of the dialog for `req`: as it opens, then (when it needs a typed value) with
 * the value typed, and the result the model settled. `width` = dialog columns.
 */
export function scriptedDialog(
  req: ApprovalRequest,
  o: { width?: number; colour?: boolean; home?: string } = {},
): { frames: string[][]; result: string } {
  const width = o.width ?? 78;
  const cfg: ModelConfig = { approver: 'tui', timeoutMs: 300_000, armMs: 0 };
  const draw = (s: ReturnType<typeof initialState>, now: number) =>
    boxed(
      dialogLines(s, now, cfg, width - 4, o.home ?? '')
        .filter((l) => l !== FOOTER)
        .map((l) => toAnsi(l, o.colour ?? false)),
      width,
    );
  let s = enqueue(initialState(), req, 0, cfg).state;
  const frames = [draw(s, 0)];
  let step = key(s, 'a', 1, cfg);
  s = step.state;
  if (req.confirm !== undefined) {
    for (const ch of [...req.confirm]) {
      step = key(s, ch, 2, cfg);
      s = step.state;
    }
    frames.push(draw(s, 3));
    step = key(s, '\r', 4, cfg);
  }
  const settled = step.settled[0]?.result;
  const result = settled ? `${settled.verdict} (${settled.scope}) by the scripted human` : 'not settled';
  return { frames, result };
}
