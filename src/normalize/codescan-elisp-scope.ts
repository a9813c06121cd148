/**
 * What codescan-elisp.ts knows of Emacs Lisp's scope and run order: the printed form of a node,
 * symbol names, quoting, the forms that run their parts zero, many times or later (branches,
 * loops, function bodies) and the names a form assigns. Pure.
 */
import type { Node } from './sexp-reader.js';

export const show = (n: Node): string =>
  n.t === 'str' ? JSON.stringify(n.v) : n.t === 'sym' ? n.v : `(${n.items.map(show).join(' ')})`;
export const sym = (n: Node | undefined): string => (n?.t === 'sym' ? n.v : '');
/** `'x`, `#'x`, `(function x)` → x (the reader reads the first two as `(quote x)`); other nodes unchanged. */
export const unquote = (n: Node | undefined): Node | undefined =>
  n?.t === 'list' && /^(quote|function)$/.test(sym(n.items[0])) ? n.items[1] : n;

/** Variable bindings in scope: name → the expression bound, null = bound to what is not known here. */
export type Env = Map<string, Node | null>;

/** Forms that run their parts zero, one or many times, as the program goes. */
export const BRANCH =
  /^(if|when|unless|cond|and|or|pcase|pcase-let|if-let|if-let\*|when-let|when-let\*|condition-case|ignore-errors|ignore-error|with-demoted-errors|catch|unwind-protect|while|dolist|dotimes|cl-loop|cl-dolist|cl-dotimes|seq-doseq|named-let)$/;
/** Of those, the loops: a part may run after one written later. */
export const LOOP = /^(while|dolist|dotimes|cl-loop|cl-dolist|cl-dotimes|seq-doseq|named-let)$/;
/** Forms whose body runs later, when called (functions, hooks, timers take these). */
export const DEFERRED = /^(lambda|defun|defmacro|defsubst|cl-defun|cl-defmacro|define-advice)$/;
/** Assignments: `setq`-like forms (name, value pairs). */
const SETQ = /^(setq|setq-local|setq-default|defvar|defconst|setf|set)$/;

/** Names a `let` binding list binds. */
export function boundBy(list: Node | undefined): string[] {
  const items = list?.t === 'list' ? list.items : [];
  return items.map((b) => (b.t === 'sym' ? b.v : b.t === 'list' ? sym(b.items[0]) : '')).filter(Boolean);
}

/** Every name a form assigns anywhere inside (each time it does); with `lets`, `let` bindings too. */
export function assignedIn(n: Node, lets = false, depth = 0): string[] {
  if (n.t !== 'list' || depth > 64) return [];
  const fn = sym(n.items[0]);
  const out: string[] = [];
  if (SETQ.test(fn))
    for (let i = 1; i < n.items.length; i += 2) {
      const name = sym(fn === 'set' ? unquote(n.items[i]) : n.items[i]);
      if (name) out.push(name);
    }
  if (lets && /^(let|let\*)$/.test(fn)) out.push(...boundBy(n.items[1]));
  for (const x of n.items) out.push(...assignedIn(x, lets, depth + 1));
  return out;
}
