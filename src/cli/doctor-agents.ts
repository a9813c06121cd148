/**
 * For `agentfw doctor`: coding agents running right now (this user's processes) that were
 * started without agentfw, found through /proc: a known agent name in the command line,
 * and no AGENTFW_CLIENT in the process environment. Linux only; elsewhere, none found.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { KNOWN_AGENTS } from '../config/setup.js';

export interface UnwrappedAgent {
  pid: number;
  agent: string;
}

/** The agent a command line runs (`claude`, or `node …/bin/claude`), or undefined. */
export function agentOf(argv: string[]): string | undefined {
  const first = path.basename(argv[0] ?? '');
  if (KNOWN_AGENTS.includes(first)) return first;
  // An agent script run by its interpreter: `node …/bin/claude`, `sh ./gemini`.
  if (!/^(node|nodejs|bun|deno|sh|bash|dash|python\d*(\.\d+)?)$/.test(first)) return undefined;
  const second = path.basename(argv[1] ?? '');
  return KNOWN_AGENTS.includes(second) ? second : undefined;
}

export function unwrappedAgents(procRoot = '/proc'): UnwrappedAgent[] {
  const out: UnwrappedAgent[] = [];
  let pids: string[];
  try {
    pids = readdirSync(procRoot).filter((p) => /^\d+$/.test(p));
  } catch {
    return out;
  }
  for (const p of pids.slice(0, 100_000)) {
    try {
      const argv = readFileSync(path.join(procRoot, p, 'cmdline'), 'utf8')
        .split('\0')
        .filter(Boolean);
      const agent = agentOf(argv);
      if (!agent) continue;
      const env = readFileSync(path.join(procRoot, p, 'environ'), 'utf8').split('\0');
      if (!env.some((e) => e.startsWith('AGENTFW_CLIENT='))) out.push({ pid: Number(p), agent });
    } catch {
      // gone, or another user's process: not ours to judge
    }
  }
  return out;
}
