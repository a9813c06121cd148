/**
 * The pattern scanner's compiled form: patterns grouped into families by trigger, the
 * family gate regex, and the small helpers the JS scan and the native program builder
 * (native-scan.ts) share, with the vetting and naming of a matched value. Pure: no I/O.
 */
import type { SecretPattern } from './formats.js';
import { full, type Node } from './pattern.js';
import type { ProgramBefore } from './program-before.js';
import { isPlaceholderValue, MIN_CONTEXT_LENGTH } from './placeholder.js';

export interface Compiled {
  p: SecretPattern;
  /** Index in the scanner's pattern list (for de-duplication). */
  index: number;
  /** Sticky: (lead)(value)(tail). */
  parts: RegExp;
  /**
   * Sticky: (lead)(value)(tail) while more input may follow: the end of the buffer does
   * not satisfy a lookahead's end-of-input branch. Null when the same as `parts`.
   */
  mid: RegExp | null;
  /** Sticky: a prefix of a match that reaches the end of the input. */
  partial: RegExp;
  /** Sticky: the lead alone (to find where a pending value starts). */
  lead: RegExp;
  /** True when the value starts where the match starts (the lead is only an assertion). */
  valueAtStart: boolean;
  maxLength: number;
  /** The pattern's `before` filter, built; null = none. */
  before: ProgramBefore | null;
  /** Where `before` is tested: chars after the match's start. */
  beforeAt: number;
}

export interface Family {
  /** The trigger literals (as written in the patterns). */
  lits: string[];
  /** Sticky, case-insensitive test for this family's trigger at a position. */
  trigger: RegExp;
  /** Byte table of the backwards-extension class (1 = in class), or null: start at the trigger. */
  back: Uint8Array | null;
  /** Sticky filter tested after the run of `back` characters, or null. */
  follow: RegExp | null;
  members: Compiled[];
  /**
   * Gate regexes, each for a group of members that begin with the same node (see
   * familyGate): sticky, it matches at a start exactly when some member of its group
   * matches there (the group's shared leading nodes written once, so a key name is matched
   * once for all of them). Empty = each member is tried on its own.
   */
  gates: RegExp[];
  /** Per member (same order): the index of its group's gate in `gates`; -1 = none (tried on its own). */
  gateOf: number[];
}

/** A family whose triggers (`lits`, lower case) start with one two-byte pair. */
export interface PairEntry {
  fam: Family;
  lits: string[];
}

/** True when the lower-case ASCII literal `lit` is at `t` in `s`, ASCII case-insensitively (as /i). */
export function litAt(s: string, t: number, lit: string): boolean {
  if (t + lit.length > s.length) return false;
  for (let j = 0; j < lit.length; j++) {
    let c = s.charCodeAt(t + j);
    if (c >= 65 && c <= 90) c |= 32;
    if (c !== lit.charCodeAt(j)) return false;
  }
  return true;
}

export const MAX_BACK = 200;

/**
 * One sticky regex for a family's members: their common leading nodes, then the rest of
 * each as alternatives. It matches at a position exactly when one of the members does (an
 * alternation after a shared prefix has the same matches as the alternation of the whole
 * sequences). Null when there is nothing to share or the sources refer to groups by number
 * or name (the numbering would change).
 */
export function familyGate(ps: SecretPattern[]): RegExp | null {
  if (ps.length < 2) return null;
  const seqs = ps.map((p) => [...p.lead, ...p.value, ...p.tail]);
  const key = (n: Node): string => JSON.stringify(n);
  let common = 0;
  while (
    common < Math.min(...seqs.map((q) => q.length)) &&
    seqs.every((q) => key(q[common]) === key(seqs[0][common]))
  )
    common++;
  if (common === 0) return null;
  const src = (q: Node[]): string => q.map((x) => full(x)).join('');
  const source = `${src(seqs[0].slice(0, common))}(?:${seqs.map((q) => src(q.slice(common))).join('|')})`;
  if (/\\[1-9]|\\k</.test(source)) return null;
  try {
    return new RegExp(source, 'y');
  } catch {
    return null;
  }
}

/**
 * A family's gates: its members grouped by their first node (members that begin
 * differently, as the environment-style key name beside the quoted ones, share nothing
 * at the start), one familyGate per group of two or more.
 */
export function familyGates(members: Compiled[]): Pick<Family, 'gates' | 'gateOf'> {
  const gates: RegExp[] = [];
  const gateOf = members.map(() => -1);
  const groups = new Map<string, number[]>();
  members.forEach((c, i) => {
    const first = JSON.stringify([...c.p.lead, ...c.p.value, ...c.p.tail][0] ?? null);
    groups.set(first, [...(groups.get(first) ?? []), i]);
  });
  for (const idx of groups.values()) {
    const gate = familyGate(idx.map((i) => members[i].p));
    if (!gate || gates.length >= 30) continue;
    for (const i of idx) gateOf[i] = gates.length;
    gates.push(gate);
  }
  return { gates, gateOf };
}

export function classTable(cls: string): Uint8Array {
  const re = new RegExp(`^${cls}$`);
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) t[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
  return t;
}

/** Random-looking: a digit, or upper and lower case in a long value. */
const OPAQUE = (v: string): boolean => /\d/.test(v) || (v.length >= 16 && /[a-z]/.test(v) && /[A-Z]/.test(v));

/** A format match that is obviously a documentation example or a filler. */
const FILLER_TOKEN = /([xX*0._-])\1{7,}|EXAMPLE|example/;

/** Whether a pattern's matched value counts as a secret (not a filler, placeholder or small number). */
export function vetValue(p: SecretPattern, value: string): boolean {
  const vet = p.vet ?? 'filler';
  if (FILLER_TOKEN.test(value)) return false;
  if (vet === 'filler') return true;
  if (value.length < MIN_CONTEXT_LENGTH || isPlaceholderValue(value) || value.startsWith('$')) return false;
  if (/^\d{1,5}$/.test(value)) return false; // uids, ports, counts: `-u 1000:1000`
  if (vet === 'opaque') return OPAQUE(value);
  return true;
}

/** The name a hit is masked under: the pattern id, or the key name its lead holds. */
export function hitName(p: SecretPattern, lead: string): string {
  if (
    p.kind === 'format' ||
    p.nameIsId ||
    p.id === 'authorization' ||
    p.id === 'bearer' ||
    p.id === 'basic-auth'
  )
    return p.id;
  const m = /[A-Za-z0-9_.-]+/.exec(lead.replace(/^[-"']+/, ''));
  return m ? m[0] : p.id;
}
