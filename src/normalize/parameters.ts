/**
 * Parameters as words.ts expands them: a variable's value as far as it is known (constant
 * propagation, the caller's environment, the positional parameters), `$@` / `$*`, array
 * elements, case changes and the `${V:-d}` / `${V:=d}` / `${V:+d}` forms. An unknown value
 * keeps its source text and makes the piece dynamic.
 */
import { issue, nodeSpan } from './state.js';
import type { Field, Frame, Node, Run, Scope } from './state.js';
import { chars, dyn, IFS_DEFAULT, type Atom } from './atoms.js';
import { scanSubstitutions } from './substitution.js';
import { promptExpansion } from './prompt-expansion.js';
import { carriesSecret, SECRET_MARK } from './credentials.js';

/** How the words of a `${V:-…}` default expand (words.ts atomsOf, passed in to keep one direction of imports). */
export type AtomsOf = (node: Node, k: Ctx, quoted: boolean) => Atom[];

/** Where a word is expanded. */
export interface Ctx {
  run: Run;
  frame: Frame;
  scope: Scope;
}

/** Value of a variable: string when known, undefined when dynamic, null when unset. */
export function lookup(name: string, k: Ctx): string | undefined | null {
  const { scope, run, frame } = k;
  if (/^\d+$/.test(name)) {
    if (name === '0') return scope.argv0;
    const f = scope.positional[Number(name) - 1];
    if (!scope.positionalKnown) return undefined;
    if (!f) return null;
    return f.dynamic ? undefined : f.text;
  }
  if (name === '#') return scope.positionalKnown ? String(scope.positional.length) : undefined;
  if (scope.vars.has(name)) return scope.vars.get(name)!;
  if (scope.dyn.has(name)) return undefined;
  if (scope.unset.has(name)) return null;
  if (frame.remote) return undefined; // remote environment is unknown
  if (name === 'HOME') return run.ctx.home;
  if (name === 'PWD') return scope.cwdDynamic ? undefined : scope.cwd;
  if (name === 'IFS') return IFS_DEFAULT;
  if (Object.prototype.hasOwnProperty.call(run.ctx.env, name)) return run.ctx.env[name];
  return undefined;
}

export function positionalAtoms(k: Ctx, quoted: boolean, src: string): Atom[] {
  if (!k.scope.positionalKnown) return [{ ...dyn(src), pos: true }];
  return listAtoms(k.scope.positional, quoted);
}

/** A list of values as `"$@"` / `"${a[@]}"` (quoted: one word each) or `$*` (split) expand it. */
function listAtoms(list: Field[], quoted: boolean): Atom[] {
  const out: Atom[] = [];
  list.forEach((f, i) => {
    if (i > 0)
      out.push(
        quoted ? { c: '', q: true, s: false, d: false, brk: true } : { c: ' ', q: false, s: true, d: false },
      );
    if (f.dynamic) out.push(dyn(f.text));
    else out.push(...chars(f.text, quoted, !quoted));
  });
  return out;
}

/**
 * `$@` / `$*` (or `${@}`, `${*}`) while the positional parameters are unknown. Inside a
 * longer word (`pu$@sh`) their likeliest value is nothing (an agent's shell has no
 * arguments), so the word is read as `push` and kept dynamic.
 */
export function unknownAllArgs(n: Node, k: Ctx): boolean {
  if (k.scope.positionalKnown) return false;
  // `"$@"` / `"${@}"` quoted on its own inside a longer word (`pu"$@"sh`).
  if (
    n.type === 'string' &&
    n.namedChildren.length === 1 &&
    n.text.length === n.namedChildren[0].text.length + 2
  )
    return unknownAllArgs(n.namedChildren[0], k);
  if (n.type !== 'simple_expansion' && n.type !== 'expansion') return false;
  return /^\$(?:[@*]|\{[@*]\})$/.test(n.text);
}

/** An empty, dynamic piece of a word (see unknownAllArgs). */
const EMPTY_DYNAMIC: Atom = { c: '', q: true, s: false, d: true };

/**
 * The piece for `$@` / `$*` inside a longer word: empty and dynamic, plus an issue, since
 * the rest of the word can read as anything once arguments exist (fail closed → ask).
 */
export function allArgsInWord(n: Node, k: Ctx): Atom {
  issue(k.run, 'E_DYNAMIC_WORD', `${n.text} inside a word, with unknown arguments`, nodeSpan(n));
  return EMPTY_DYNAMIC;
}

export function valueAtoms(v: string | undefined | null, quoted: boolean, src: string): Atom[] {
  if (v === undefined) return [dyn(src)];
  return chars(v ?? '', quoted, !quoted);
}

const OPS = [':-', '-', ':=', '=', ':+', '+', ':?', '?'];

/** Case modification operators without a pattern. */
const CASE: Record<string, (v: string) => string> = {
  ',,': (v) => v.toLowerCase(),
  '^^': (v) => v.toUpperCase(),
  ',': (v) => v.charAt(0).toLowerCase() + v.slice(1),
  '^': (v) => v.charAt(0).toUpperCase() + v.slice(1),
};

/** `${a[@]}`, `${a[*]}`, `${a[N]}` of an array whose elements are known; anything else is dynamic. */
function elementAtoms(sub: Node, k: Ctx, quoted: boolean, src: string): Atom[] {
  const [arrName, index] = sub.namedChildren;
  const list = arrName ? k.scope.arrays.get(arrName.text) : undefined;
  const at = index?.text ?? '';
  if (!list) return [dyn(src)];
  if (at === '@' || at === '*') return listAtoms(list, quoted && at === '@');
  if (!/^\d+$/.test(at)) return [dyn(src)];
  const f = list[Number(at)];
  return f?.dynamic ? [dyn(f.text)] : chars(f?.text ?? '', quoted, !quoted);
}

export function expansionAtoms(node: Node, k: Ctx, quoted: boolean, atomsOf: AtomsOf): Atom[] {
  const kids = node.children;
  const nameNode = kids.find((c) => c.type === 'variable_name' || c.type === 'special_variable_name');
  const src = node.text;
  if (kids.length === 3 && kids[1].type === 'subscript') return elementAtoms(kids[1], k, quoted, src);
  if (!nameNode) return [dyn(src)];
  const name = nameNode.text;
  const after = kids.slice(kids.indexOf(nameNode) + 1, -1);
  const caseOp = after.length === 1 ? CASE[after[0].type] : undefined;
  if (caseOp && kids[1] === nameNode) {
    // `${c,,}`, `${c^^}`, `${c,}`, `${c^}`: the value with its case changed
    const v = lookup(name, k);
    return valueAtoms(typeof v === 'string' ? caseOp(v) : v, quoted, src);
  }
  if (kids[1] && kids[1].type === '#' && kids[1] !== nameNode) {
    const v = lookup(name, k);
    return v === undefined ? [dyn(src)] : chars(String((v ?? '').length), quoted, !quoted);
  }
  if (kids[1] !== nameNode) return [dyn(src)]; // ${!x}, ${#x[@]} …
  if (after.length === 0) {
    if (name === '@' || name === '*') return positionalAtoms(k, quoted && name === '@', src);
    return valueAtoms(lookup(name, k), quoted, src);
  }
  const op = after[0].type;
  if (op === '@' && after[1]?.type === 'P') promptExpansion(node, name, lookup(name, k), k);
  if (!OPS.includes(op)) {
    scanSubstitutions(node, k);
    // fail closed: a slice or an edit of secret material (`${s:$i:60}`, `${s//=/}`) is still secret
    const held = lookup(name, k);
    return [dyn(typeof held === 'string' && carriesSecret(held) ? SECRET_MARK : src)];
  }
  const v = lookup(name, k);
  const alt = (): Atom[] => {
    const parts = after.slice(1);
    if (parts.length === 0) return quoted ? chars('', true, false) : [];
    const out: Atom[] = [];
    let pos = parts[0].startIndex;
    for (const p of parts) {
      if (p.startIndex > pos)
        out.push(
          ...chars(node.text.slice(pos - node.startIndex, p.startIndex - node.startIndex), quoted, false),
        );
      out.push(...atomsOf(p, k, quoted));
      pos = p.endIndex;
    }
    return out;
  };
  const colon = op.startsWith(':');
  const empty = v === null || (colon && v === '');
  if (op.endsWith('-') || op.endsWith('=')) {
    if (v === undefined) {
      // The default is a plausible value, but the variable may well be set: keep the default
      // text so extractors see it, and mark the word dynamic.
      const a = alt().map((x) => ({ ...x, d: true }));
      return a.length > 0 ? a : [{ c: '', q: true, s: false, d: true }];
    }
    if (empty) {
      const a = alt();
      if (op.endsWith('=')) k.scope.vars.set(name, a.map((x) => x.c).join(''));
      return a;
    }
    return valueAtoms(v, quoted, src);
  }
  if (op.endsWith('+')) {
    if (v === undefined) return [dyn(src)];
    return empty ? [] : alt();
  }
  return v === undefined || empty ? [dyn(src)] : valueAtoms(v, quoted, src);
}

/**
 * A loop walked once (while/until, C-style for, a for over unknown items) whose body runs
 * `shift`: it may shift any number of times, so the positional parameters become unknown.
 */
export function forgetShifted(loop: Node, scope: Scope): void {
  const shifts = (n: Node): boolean =>
    (n.type === 'command' && n.childForFieldName('name')?.text === 'shift') || n.namedChildren.some(shifts);
  // fail closed: how many times the body shifts is not known
  if (scope.positionalKnown && shifts(loop)) {
    scope.positional = [];
    scope.positionalKnown = false;
  }
}
