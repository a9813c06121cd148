/**
 * Variable assignments the walker (walk.ts) and command.ts apply to the scope: `name=value`,
 * `name+=value`, and arrays `name=(a b c)`, `name+=(…)`. A value not known statically
 * leaves the variable dynamic (fail closed: never a known value it may not have).
 */
import type { Field, Frame, Node, Run, Scope } from './state.js';
import { expandScalar, expandWords, type Ctx } from './words.js';

/**
 * `name=(a b c)` (also `+=(…)`): the array's elements are the words the list expands to; its
 * scalar value is the first. Elements given by index or key (`[2]=x`), or appended to an
 * array not known, leave the array unknown.
 */
function assignArray(name: string, list: Node, append: boolean, k: Ctx): void {
  const { scope } = k;
  const words = list.namedChildren;
  const prev = append ? scope.arrays.get(name) : [];
  const items = expandWords(words, k);
  if (!name) return;
  scope.unset.delete(name);
  // fail closed: elements set by index or key, or added to an unknown array
  if (prev === undefined || words.some((w) => w.text.startsWith('['))) {
    scope.arrays.delete(name);
    scope.vars.delete(name);
    scope.dyn.add(name);
    return;
  }
  const all = [...prev, ...items];
  scope.arrays.set(name, all);
  if (all[0]?.dynamic) {
    scope.vars.delete(name);
    scope.dyn.add(name);
  } else {
    scope.dyn.delete(name);
    scope.vars.set(name, all[0]?.text ?? '');
  }
}

/** Assigns `name=value` (also `+=`) in scope. */
export function assign(node: Node, run: Run, frame: Frame, scope: Scope): void {
  const nameNode = node.namedChildren[0];
  if (!nameNode) return;
  const name = nameNode.type === 'subscript' ? '' : nameNode.text;
  const valueNode = node.namedChildren[1];
  const append = node.children.some((c) => c.type === '+=');
  const k = { run, frame, scope };
  if (valueNode?.type === 'array') return assignArray(name, valueNode, append, k);
  const v: Field = valueNode ? expandScalar(valueNode, k) : { text: '', dynamic: false };
  if (!name) return;
  scope.unset.delete(name);
  scope.arrays.delete(name);
  if (v.dynamic || (append && scope.dyn.has(name))) {
    scope.vars.delete(name);
    scope.dyn.add(name);
    return;
  }
  scope.dyn.delete(name);
  scope.vars.set(name, append ? (scope.vars.get(name) ?? '') + v.text : v.text);
}
