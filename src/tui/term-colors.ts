/**
 * How many colours the user's terminal shows, from TERM and COLORTERM. Pure.
 *
 * The UI library reads the terminfo entry for TERM and falls back to plain `xterm`
 * (8 colours) when it cannot read one, which happens for `tmux-256color` and
 * `screen-256color` (grey text then turns black on black, the agent's colours collapse).
 * The name itself and COLORTERM say what the terminal can do.
 */

/** Colour count to draw with: 256 (also used for truecolor, mapped to the nearest entry), 16, 8, or 0 (no colour). Empty TERM = 8. */
export function terminalColors(env: NodeJS.ProcessEnv, fromTerminfo: number): number {
  const term = (env.TERM ?? '').toLowerCase();
  const colorterm = (env.COLORTERM ?? '').toLowerCase();
  if (term === 'dumb') return Math.min(fromTerminfo, 0);
  if (colorterm === 'truecolor' || colorterm === '24bit') return Math.max(fromTerminfo, 256);
  if (/(256colou?r|-direct|truecolor|24bit)$/.test(term)) return Math.max(fromTerminfo, 256);
  if (/16colou?r$/.test(term)) return Math.max(fromTerminfo, 16);
  return fromTerminfo;
}
