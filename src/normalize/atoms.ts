/**
 * The unit of word expansion: one character of a word (or an opaque dynamic chunk) with
 * how it was quoted, so brace expansion, tilde and field splitting can follow bash's
 * rules after parameters and substitutions are expanded.
 */

/** One character (or an opaque dynamic chunk) of a word being expanded. */
export interface Atom {
  c: string;
  /** Quoted or escaped: no brace expansion, no splitting, no tilde. */
  q: boolean;
  /** Result of an unquoted expansion: whitespace here splits fields. */
  s: boolean;
  d: boolean;
  /** Forced field break (`"$@"`). */
  brk?: boolean;
  proc?: boolean;
  /** An unknown `$@`/`$*` (the positional parameters of the agent's own shell). */
  pos?: boolean;
}

/** bash's default field separators (`$IFS` when unset). */
export const IFS_DEFAULT = ' \t\n';

/** Atoms for literal text; a quoted empty string still makes one (empty) field. */
export function chars(text: string, q: boolean, s: boolean): Atom[] {
  const out: Atom[] = [];
  for (const c of text) out.push({ c, q, s, d: false });
  if (q && text === '') out.push({ c: '', q: true, s: false, d: false });
  return out;
}

/** An opaque chunk that could not be resolved (kept as source text). */
export const dyn = (text: string): Atom => ({ c: text, q: true, s: false, d: true });
