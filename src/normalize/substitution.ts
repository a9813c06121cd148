/**
 * Command and process substitutions (`$(…)`, backquotes, `<(…)`): the commands inside run
 * in a subshell scope and are analysed like any others; the output is a known constant
 * when a single constant producer, or one pipeline of them (`echo B64 | base64 -d`),
 * makes it.
 */
import { parseScript, type SyntaxNode } from '../parse/parse.js';
import { cloneScope, issue, tick } from './state.js';
import type { Frame, Node } from './state.js';
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
  const nested = backquoteBody(node, k);
  const frame = nested?.frame ?? k.frame;
  const body = (nested?.body ?? node.namedChildren).filter((n) => n.type !== 'comment');
  for (const st of body) out = walk(st, k.run, frame, scope, { writes: [] }).out;
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

/**
 * Inside backquotes bash removes a backslash before `$`, `` ` `` and `\\` before it runs the
 * text, so `` `\`cmd\`` `` holds a nested substitution that the grammar (which reads the
 * escaped backquotes as literal characters) does not see. When the body has such a
 * backslash, it is unescaped by that rule and parsed again, one level deeper.
 * Undefined = the grammar's own children are exact (no backslash, or not backquotes).
 */
function backquoteBody(node: Node, k: Ctx): { body: Node[]; frame: Frame } | undefined {
  const t = node.text;
  if (node.type !== 'command_substitution' || !t.startsWith('`') || !/\\[$`\\]/.test(t)) return undefined;
  const inner = t.slice(1, t.length > 1 && t.endsWith('`') ? -1 : undefined).replace(/\\([$`\\])/g, '$1');
  const depth = k.frame.depth + 1;
  const span: [number, number] = k.frame.span ?? [node.startIndex, node.endIndex];
  if (depth > k.run.ctx.limits.maxDepth) {
    // fail closed: the nested substitution is not analysed; the issue forces at least ask.
    issue(
      k.run,
      'E_TOO_DEEP',
      `backquotes nested deeper than ${k.run.ctx.limits.maxDepth} levels; not analysed`,
      span,
    );
    return { body: [], frame: k.frame };
  }
  const parsed = parseScript(inner, k.run.ctx.limits);
  for (const i of parsed.issues) issue(k.run, i.code, `inside backquotes: ${i.message}`, span);
  const root = parsed.root as SyntaxNode | undefined;
  return { body: root ? [...root.namedChildren] : [], frame: { ...k.frame, depth, span } };
}
