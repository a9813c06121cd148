/**
 * Command and process substitutions (`$(…)`, backquotes, `<(…)`): the commands inside run
 * in a subshell scope and are analysed like any others; the output is a known constant
 * when a single constant producer, or one pipeline of them (`echo B64 | base64 -d`),
 * makes it.
 */
import { cloneScope, tick } from './state.js';
import type { Node } from './state.js';
import { walk } from './walk.js';
import type { Ctx } from './words.js';

/** Walks command/process substitutions anywhere below `node` (for constructs kept opaque). */
export function scanSubstitutions(node: Node, k: Ctx): void {
  const stack: Node[] = [...node.namedChildren];
  while (stack.length > 0 && tick(k.run)) {
    const n = stack.pop()!;
    if (n.type === 'command_substitution' || n.type === 'process_substitution') substitution(n, k);
    else stack.push(...n.namedChildren);
  }
}

/** Runs `$(…)` / `<(…)` in a subshell scope; returns the constant output when known. */
export function substitution(node: Node, k: Ctx): string | undefined {
  const scope = cloneScope(k.scope);
  const before = k.run.commands.length;
  let out: string | undefined;
  const body = node.namedChildren.filter((n) => n.type !== 'comment');
  for (const st of body) out = walk(st, k.run, k.frame, scope, { writes: [] }).out;
  const emitted = k.run.commands.length - before;
  // A single constant producer gives a known output.
  if (emitted === 1) return out;
  // So does one pipeline of constant producers (`echo B64 | base64 -d`): only its last
  // member writes to the substitution, and every member's output is known, so nothing
  // else (a nested script, a command with unknown output) can add to it.
  const st = body.length === 1 ? body[0] : undefined;
  if (out === undefined || st?.type !== 'pipeline') return undefined;
  const members = st.namedChildren.filter((n) => n.type !== 'comment');
  if (emitted !== members.length) return undefined;
  const cmds = k.run.commands.slice(before);
  return cmds.every((c) => k.run.outputs.has(c)) ? out : undefined;
}
