/** The normalized commands of a script (parse + normalize), for the approval memory. */
import { makeContext } from '../engine/analyze.js';
import type { NormalizedCommand } from '../engine/types.js';
import { normalize } from '../normalize/index.js';
import { parseScript } from '../parse/parse.js';

export function commandsOf(script: string, cwd: string, workspace: string): NormalizedCommand[] {
  try {
    const ctx = makeContext({ cwd, workspace });
    const parsed = parseScript(script, ctx.limits);
    if (parsed.issues.length) return []; // fail closed: nothing half-understood is remembered
    return normalize(parsed, ctx).commands;
  } catch {
    return [];
  }
}
