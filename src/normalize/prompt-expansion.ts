/**
 * `${x@P}`: bash expands the value of x as it expands a prompt string, and a prompt string
 * undergoes parameter expansion, command substitution and arithmetic expansion (promptvars
 * is on by default). A value holding `$(…)` or backquotes therefore runs them
 * (`x='$(rm -rf ~)'; echo "${x@P}"`). The other `@` operators (Q, E, A, K, a, U, u, L) only
 * quote or change the text and run nothing. Reads the variable's value from the scope.
 */
import { parseScript, type SyntaxNode } from '../parse/parse.js';
import { cloneScope, issue, nodeSpan } from './state.js';
import type { Node } from './state.js';
import { walk } from './walk.js';
import type { Ctx } from './words.js';

/**
 * Runs what the prompt expansion of `name`'s `value` runs. `value` undefined = the value is
 * not known statically; null = unset (nothing runs).
 */
export function promptExpansion(node: Node, name: string, value: string | undefined | null, k: Ctx): void {
  if (value === null) return;
  if (value === undefined) {
    // fail closed: a value not known statically may run any command. Also one the script
    // never set (`${PS1@P}`): the environment it comes from may have been set by the agent
    // in an earlier command (`export X='$(rm -rf ~)'`, then `echo "${X@P}"`).
    // fail closed: a prompt expansion of a value not known statically may run any command.
    issue(
      k.run,
      'E_DYNAMIC_WORD',
      `${node.text} expands an unknown value as a prompt (runs its $(…))`,
      nodeSpan(node),
    );
    return;
  }
  if (!/[$`]/.test(value)) return;
  if (k.frame.depth + 1 > k.run.ctx.limits.maxDepth) {
    // fail closed: deeper code is not analysed; the issue forces ask.
    issue(
      k.run,
      'E_TOO_DEEP',
      `${node.text}: prompt expansion nested too deeply; not analysed`,
      nodeSpan(node),
    );
    return;
  }
  // The value is expanded as inside double quotes: `"` in it is a literal character.
  const parsed = parseScript(`: "${value.replace(/(["\\])/g, '\\$1')}"`, k.run.ctx.limits);
  for (const i of parsed.issues) issue(k.run, i.code, `in ${node.text}: ${i.message}`, nodeSpan(node));
  if (!parsed.root) return;
  const frame = { ...k.frame, depth: k.frame.depth + 1, wrappers: [...k.frame.wrappers, `\${@P}`] };
  const scope = cloneScope(k.scope);
  for (const st of (parsed.root as SyntaxNode).namedChildren.filter((n) => n.type !== 'comment'))
    walk(st, k.run, frame, scope, { writes: [] });
}
