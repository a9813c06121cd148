/**
 * Word expansion as bash does it, as far as it is known statically: quoting and
 * concatenation, ANSI-C strings, tilde, parameters (constant propagation, `${V:-d}`) and
 * command substitution of constant producers; then brace expansion (braces.ts) and field
 * splitting on unquoted expansions (fields.ts, so `$IFS` separates words). Unknown parts
 * keep their source text and make the field dynamic.
 */
import { BRACE_PLACEHOLDER, ESCAPE_PLACEHOLDER } from '../parse/parse.js';
import { issue, MAX_NEST, nodeSpan, tick } from './state.js';
import type { Field, Node } from './state.js';
import { chars, dyn, type Atom } from './atoms.js';
import { braceExpand } from './braces.js';
import { decodeAnsiC } from './escapes.js';
import { split } from './fields.js';
import { scanSubstitutions, substitution } from './substitution.js';
import {
  allArgsInWord,
  expansionAtoms,
  lookup,
  positionalAtoms,
  unknownAllArgs,
  valueAtoms,
  type Ctx,
} from './parameters.js';

export { MAX_BRACE_WORDS } from './braces.js';
export { scanSubstitutions } from './substitution.js';
export { lookup, type Ctx } from './parameters.js';

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
      return expansionAtoms(node, k, quoted, atomsOf);
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
