/**
 * Which known coding agent a session runs, from the command the human typed:
 * `claude …`, `/path/to/codex …`, `node …/gemini.js …`, or an agent started through a
 * wrapper (`strace -f … claude …`, `env X=1 opencode …`, `npx codex …`). The first word
 * whose basename (without `.js`/`.cjs`/`.mjs`/`.sh`) is a known agent names it.
 */
import path from 'node:path';

/** The agents agentfw knows by name (state dirs, model credentials). */
export const KNOWN_AGENTS = ['claude', 'codex', 'gemini', 'opencode', 'cursor-agent'] as const;

/** How far into the command line to look (a wrapper's options come first). */
const MAX_WORDS = 64;

/** The known agent `argv` starts, or '' when none (an unknown agent). `cursor` counts as `cursor-agent`. */
export function agentName(argv: readonly string[]): string {
  for (const word of argv.slice(0, MAX_WORDS)) {
    if (word === '--') continue;
    const base = path.basename(word).replace(/\.(c?js|mjs|sh)$/, '');
    const name = base === 'cursor' ? 'cursor-agent' : base;
    if ((KNOWN_AGENTS as readonly string[]).includes(name)) return name;
  }
  return '';
}
