/**
 * Settings of the shell's own record: assigning or unsetting one of its history variables
 * (`unset HISTFILE`, `HISTSIZE=0`, `export HISTFILE=/dev/null`) runs no command, so nothing
 * would reach the extractors. Each such statement is emitted as the builtin that made it,
 * with the names it touched and the values they now hold (`unset HISTFILE`, `export
 * HISTSIZE=0`; a bare assignment as `declare NAME=value`); other variables emit nothing.
 * Reads the scope after the assignment; pure.
 */
import { emit } from './emit.js';
import { nodeSpan } from './state.js';
import type { Frame, Io, Node, Run, Scope } from './state.js';

/** bash's and zsh's variables that say where, and how much, history is kept. */
const HISTORY_VARS = /^(HISTFILE|HISTSIZE|HISTFILESIZE|SAVEHIST|HISTIGNORE)$/;

/** The variable a `variable_assignment` node or an `unset` word names ('' = none). */
const nameOf = (n: Node) =>
  n.type === 'variable_assignment'
    ? (n.namedChildren[0]?.text ?? '')
    : n.type === 'variable_name' || n.type === 'word'
      ? n.text
      : '';

/**
 * Emits `builtin NAME[=value]…` for the history variables among `nodes`, as the scope now
 * holds them (a value not known statically is dynamic).
 */
export function emitHistorySettings(
  builtin: string,
  node: Node,
  nodes: Node[],
  k: { run: Run; frame: Frame; scope: Scope; io: Io },
): void {
  const names = nodes.map(nameOf).filter((n) => HISTORY_VARS.test(n));
  if (!names.length) return;
  const { scope } = k;
  const words = names.map((n) =>
    builtin === 'unset'
      ? { text: n, dynamic: false }
      : scope.vars.has(n)
        ? { text: `${n}=${scope.vars.get(n)}`, dynamic: false }
        : { text: `${n}=`, dynamic: true },
  );
  emit([{ text: builtin, dynamic: false }, ...words], {
    ...k,
    span: k.frame.span ?? nodeSpan(node),
    outer: scope,
  });
}
