/**
 * Declaration builtins that print instead of declaring: `declare -x`, `declare -p`, `export
 * -p`, `typeset -x`, `readonly`, a bare `export` print the shell's variables (the exported
 * ones: its environment) with their values, and `declare -p NAME…` prints those variables.
 * The grammar reads them as declarations, which run no command; emitted here as the command
 * they are, so where their output goes (a pipe into a request, a file) is read like `env`'s
 * (src/extract/exfil-sources.ts). A declaration that assigns or names a variable without
 * `-p` (`export X=1`, `declare -x X`) prints nothing and emits nothing. Pure.
 */
import { emit } from './emit.js';
import { nodeSpan } from './state.js';
import type { Field, Frame, Io, Node, Res, Run, Scope } from './state.js';

/**
 * Emits `builtin FLAGS… [NAMES…]` when the declaration `node` prints variables (only
 * options, or `-p` with names); returns {} (nothing emitted) when it declares.
 */
export function emitDeclarationPrint(
  builtin: string,
  node: Node,
  k: { run: Run; frame: Frame; scope: Scope; io: Io },
): Res {
  const words = node.namedChildren.filter((c) => c.type !== 'comment');
  if (words.some((c) => c.type === 'variable_assignment')) return {};
  const flags = words.filter((c) => c.type === 'word' && c.text.startsWith('-')).map((c) => c.text);
  const names = words.filter((c) => !(c.type === 'word' && c.text.startsWith('-')));
  // `declare -f`/`-F` print functions, not variables; names without -p are declared, not printed
  if (flags.some((f) => /^-[a-zA-Z]*[fF]/.test(f))) return {};
  if (names.length > 0 && !flags.some((f) => /^-[a-zA-Z]*p/.test(f))) return {};
  // fail closed: a name or option built at run time (`declare -p "$v"`) is kept dynamic
  const argv: Field[] = [
    { text: builtin, dynamic: false },
    ...flags.map((text) => ({ text, dynamic: false })),
    ...names.map((c) => ({ text: c.text, dynamic: c.type !== 'word' && c.type !== 'variable_name' })),
  ];
  return emit(argv, { ...k, span: k.frame.span ?? nodeSpan(node), outer: k.scope });
}
