/**
 * Command and process substitutions (`$(…)`, backquotes, `<(…)`): the commands inside run
 * in a subshell scope and are analysed like any others; the output is a known constant
 * when a single constant producer, or one pipeline of them (`echo B64 | base64 -d`),
 * makes it.
 */
import { parseScript, type SyntaxNode } from '../parse/parse.js';
import { cloneScope, issue, nodeSpan, tick } from './state.js';
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
  const nested = backquoteBody(node);
  const body = node.namedChildren.filter((n) => n.type !== 'comment');
  if (nested !== undefined) {
    // Inside backquotes bash removes the backslash of \` \$ \\ and parses the rest again, so
    // `\`cmd\`` is a nested substitution that runs: walk what bash parses, not tree-sitter's words.
    if (k.frame.depth + 1 > k.run.ctx.limits.maxDepth) {
      // fail closed: deeper code is not analysed; the issue forces ask.
      issue(k.run, 'E_TOO_DEEP', 'backquotes nested too deeply; not analysed', nodeSpan(node));
      return undefined;
    }
    const parsed = parseScript(nested, k.run.ctx.limits);
    for (const i of parsed.issues) issue(k.run, i.code, `inside backquotes: ${i.message}`, nodeSpan(node));
    if (!parsed.root) return undefined;
    const frame = { ...k.frame, depth: k.frame.depth + 1 };
    for (const st of (parsed.root as SyntaxNode).namedChildren.filter((n) => n.type !== 'comment'))
      walk(st, k.run, frame, scope, { writes: [] });
    // A rewritten body's output is never taken as a known constant.
    return undefined;
  }
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

/**
 * The script bash runs for a backquoted substitution whose body holds a backslash escape
 * of `` ` ``, `$` or `\\` (bash unescapes those and parses again). Undefined when the node
 * is `$(…)`, `<(…)` or a backquote body without such escapes (tree-sitter's tree is then right).
 */
function backquoteBody(node: Node): string | undefined {
  const t = node.text;
  if (!t.startsWith('`') || !t.endsWith('`') || t.length < 2) return undefined;
  const raw = t.slice(1, -1);
  if (!/\\[`$\\]/.test(raw)) return undefined;
  return raw.replace(/\\([`$\\])/g, '$1');
}
