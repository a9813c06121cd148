/**
 * Word expansion as bash does it, as far as it is known statically: quoting and
 * concatenation, ANSI-C strings, tilde, parameters (constant propagation, `${V:-d}`) and
 * command substitution of constant producers; then brace expansion (braces.ts) and field
 * splitting on unquoted expansions (fields.ts, so `$IFS` separates words). Unknown parts
 * keep their source text and make the field dynamic.
 */
import { BRACE_PLACEHOLDER, ESCAPE_PLACEHOLDER } from '../parse/parse.js';
import { issue, MAX_NEST, nodeSpan, tick } from './state.js';
import type { Field, Frame, Node, Run, Scope } from './state.js';
import { chars, dyn, IFS_DEFAULT, type Atom } from './atoms.js';
import { braceExpand } from './braces.js';
import { decodeAnsiC } from './escapes.js';
import { split } from './fields.js';
import { scanSubstitutions, substitution } from './substitution.js';
import { promptExpansion } from './prompt-expansion.js';
import { carriesSecret, SECRET_MARK } from './credentials.js';

export { MAX_BRACE_WORDS } from './braces.js';
export { scanSubstitutions } from './substitution.js';

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

function positionalAtoms(k: Ctx, quoted: boolean, src: string): Atom[] {
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
function unknownAllArgs(n: Node, k: Ctx): boolean {
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
function allArgsInWord(n: Node, k: Ctx): Atom {
  issue(k.run, 'E_DYNAMIC_WORD', `${n.text} inside a word, with unknown arguments`, nodeSpan(n));
  return EMPTY_DYNAMIC;
}

function valueAtoms(v: string | undefined | null, quoted: boolean, src: string): Atom[] {
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

function expansionAtoms(node: Node, k: Ctx, quoted: boolean): Atom[] {
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

function stringAtoms(node: Node, k: Ctx, quoted: boolean, from: number, to: number): Atom[] {
  const out: Atom[] = [];
  let pos = from;
  const base = node.startIndex;
  const text = node.text;
  const literal = (a: number, b: number) => {
    const raw = text.slice(a - base, b - base);
    out.push(
      ...chars(
        raw.replace(/\\([$`"\\\n])/g, (_m, c: string) => (c === '\n' ? '' : c)),
        true,
        false,
      ),
    );
  };
  for (const ch of node.namedChildren) {
    if (ch.startIndex < from || ch.endIndex > to) continue;
    if (ch.startIndex > pos) literal(pos, ch.startIndex);
    if (ch.type === 'string_content' || ch.type === 'heredoc_content') literal(ch.startIndex, ch.endIndex);
    else if (to - from > ch.text.length && unknownAllArgs(ch, k)) out.push(allArgsInWord(ch, k));
    else out.push(...atomsOf(ch, k, quoted));
    pos = ch.endIndex;
  }
  if (to > pos) literal(pos, to);
  if (out.length === 0) out.push({ c: '', q: true, s: false, d: false });
  return out;
}

function unquotedWord(text: string): Atom[] {
  const out: Atom[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c === '\\' || c === ESCAPE_PLACEHOLDER) && i + 1 < text.length) {
      const n = text[++i];
      if (n !== '\n') out.push({ c: n, q: true, s: false, d: false });
    } else out.push({ c: c === BRACE_PLACEHOLDER ? '{' : c, q: false, s: false, d: false });
  }
  return out;
}

function atomsOf(node: Node, k: Ctx, quoted: boolean): Atom[] {
  if (!tick(k.run)) return [dyn(node.text)];
  if (k.run.nest > MAX_NEST) {
    issue(k.run, 'E_TOO_DEEP', 'expressions nested too deeply; not analysed', nodeSpan(node));
    return [dyn(node.text)];
  }
  k.run.nest++;
  try {
    return atomsOfInner(node, k, quoted);
  } finally {
    k.run.nest--;
  }
}

function atomsOfInner(node: Node, k: Ctx, quoted: boolean): Atom[] {
  switch (node.type) {
    case 'word':
    case 'command_name':
      if (node.type === 'command_name' && node.namedChildren.length === 1)
        return atomsOf(node.namedChildren[0], k, quoted);
      return quoted ? chars(node.text, true, false) : unquotedWord(node.text);
    case 'number':
    case 'extglob_pattern':
    case 'regex':
    case 'brace_expression':
    case 'variable_name':
    case 'test_operator':
      return quoted ? chars(node.text, true, false) : unquotedWord(node.text);
    case 'raw_string':
      return chars(node.text.slice(1, -1), true, false);
    case 'ansi_c_string':
      return chars(decodeAnsiC(node.text.slice(2, -1)), true, false);
    case 'string':
      return stringAtoms(node, k, true, node.startIndex + 1, node.endIndex - 1);
    case 'translated_string':
    case 'concatenation': {
      const out: Atom[] = [];
      let pos = node.startIndex;
      for (const ch of node.children) {
        if (ch.startIndex > pos)
          out.push(...unquotedWord(node.text.slice(pos - node.startIndex, ch.startIndex - node.startIndex)));
        if (ch.type === '$' && node.type === 'translated_string') {
          pos = ch.endIndex;
          continue;
        }
        if (unknownAllArgs(ch, k)) out.push(allArgsInWord(ch, k));
        else out.push(...(ch.isNamed ? atomsOf(ch, k, quoted) : unquotedWord(ch.text)));
        pos = ch.endIndex;
      }
      return out;
    }
    case 'simple_expansion': {
      const v = node.namedChildren[0];
      const name = v ? v.text : '';
      // tree-sitter-bash reads `$@f=` as one variable `@f`; bash expands `$@` and keeps `f=`.
      const glued = /^([@*#?$!0-9-])(.+)$/s.exec(name);
      if (glued) {
        const head = glued[1];
        const rest = quoted ? chars(glued[2], true, false) : unquotedWord(glued[2]);
        if ((head === '@' || head === '*') && !k.scope.positionalKnown)
          return [allArgsInWord(node, k), ...rest];
        if (head === '@' || head === '*')
          return [...positionalAtoms(k, quoted && head === '@', `$${head}`), ...rest];
        return [...valueAtoms(lookup(head, k), quoted, `$${head}`), ...rest];
      }
      if (name === '@' || name === '*') return positionalAtoms(k, quoted && name === '@', node.text);
      return valueAtoms(lookup(name, k), quoted, node.text);
    }
    case 'expansion':
      return expansionAtoms(node, k, quoted);
    case 'command_substitution': {
      const out = substitution(node, k);
      if (out === undefined) return [dyn(node.text)];
      return chars(out.replace(/\n+$/, ''), quoted, !quoted);
    }
    case 'process_substitution':
      substitution(node, k);
      return [{ ...dyn(node.text), proc: true }];
    case 'arithmetic_expansion': {
      const m = /^\$\(\(\s*(-?\d+)\s*\)\)$/.exec(node.text);
      if (m) return chars(m[1], quoted, false);
      scanSubstitutions(node, k);
      return [dyn(node.text)];
    }
    case 'array':
      scanSubstitutions(node, k);
      return [dyn(node.text)];
    default:
      issue(k.run, 'E_UNKNOWN_NODE', `unsupported word construct ${node.type}`, nodeSpan(node));
      return [dyn(node.text)];
  }
}

function tilde(atoms: Atom[], k: Ctx): Atom[] {
  if (atoms.length === 0 || atoms[0].q || atoms[0].c !== '~') return atoms;
  let end = 1;
  while (end < atoms.length && !atoms[end].q && atoms[end].c !== '/') end++;
  const user = atoms
    .slice(1, end)
    .map((a) => a.c)
    .join('');
  let value: string | undefined;
  if (user === '') value = k.frame.remote ? undefined : (lookup('HOME', k) ?? undefined);
  else if (user === '+') value = k.scope.cwdDynamic ? undefined : k.scope.cwd;
  if (value === undefined) return atoms;
  return [...chars(value, true, false), ...atoms.slice(end)];
}

/** Expands one word node into zero or more fields. */
export function expandWord(node: Node, k: Ctx): Field[] {
  const atoms = tilde(emptyPositionalInside(atomsOf(node, k, false)), k);
  const words: Atom[][] = [];
  braceExpand(atoms, words, k, nodeSpan(node));
  const ifs = lookup('IFS', k);
  return words.flatMap((w) => split(tilde(w, k), ifs));
}

/**
 * An unknown `$@`/`$*` glued to literal text (`git pu$@sh`): the agent's shells run with no
 * positional parameters (`bash -c SCRIPT`, an interactive shell), where it expands to
 * nothing, so the word is read as that (`push`). It stays dynamic: nothing treats the
 * reading as certain, and a word that is only `$@` keeps its source text.
 */
function emptyPositionalInside(atoms: Atom[]): Atom[] {
  if (!atoms.some((a) => a.pos) || !atoms.some((a) => !a.pos && !a.d && a.c !== '')) return atoms;
  return atoms.map((a) => (a.pos ? { ...a, c: '' } : a));
}

/** Expands several word nodes (arguments) in order. */
export function expandWords(nodes: Node[], k: Ctx): Field[] {
  return nodes.flatMap((n) => expandWord(n, k));
}

/** Expands a word without splitting or brace expansion (assignment values, redirect targets, heredocs). */
export function expandScalar(node: Node, k: Ctx): Field {
  const atoms = tilde(atomsOf(node, k, false), k);
  return { text: atoms.map((a) => a.c).join(''), dynamic: atoms.some((a) => a.d) };
}

/** Expands the text between two offsets of a string-like node (heredoc bodies). */
export function expandRange(node: Node, k: Ctx, from: number, to: number): Field {
  const atoms = stringAtoms(node, k, true, from, to);
  return { text: atoms.map((a) => a.c).join(''), dynamic: atoms.some((a) => a.d) };
}
