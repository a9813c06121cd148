/**
 * The tables of the native trigger search (src/secrets/native/trigger-scan.c): the scanner's
 * pair lists, literals and families as flat arrays, each family's start conditions derived
 * from its patterns, and the vector pre-filter's nibble masks. Pure: no I/O.
 *
 * Everything here only filters: a position the native search drops is one where the JS
 * scan would find no match and hold nothing back (test/secrets/native-scan.test.ts
 * compares the two paths).
 */
import type { Family, PairEntry } from './families.js';
import { classTable } from './families.js';
import { maxLength, type Node } from './pattern.js';
import { prefixTables, PREFIX_BYTES } from './native-prefix.js';
import { prebuiltTables, tablesKey } from './prebuilt-tables.js';
import { TEDDY_BYTES, teddyMasks } from './native-teddy.js';

export { TEDDY_BYTES, teddyMasks };

/** The addon's `triggers()` (see trigger-scan.c for the arguments); count of triples, -1 bad, -2 `out` too small. */
export type TriggerFinder = (
  bytes: Uint8Array,
  pairIndex: Uint16Array,
  third: Uint8Array,
  teddy: Uint8Array,
  prog: Int32Array,
  tab: Uint8Array,
  out: Int32Array,
  flags: number,
  prefix?: Uint8Array,
) => number;

/**
 * Flags of `triggers()`: the input is final; scalar reference only; no AVX2 (SSSE3); no
 * AVX-512 (AVX2); no AVX-512 VBMI (the AVX-512BW teddy masks).
 */
export const FINAL = 1;
export const SCALAR = 2;
export const NO_AVX2 = 4;
export const NO_AVX512 = 8;
export const NO_VBMI = 16;

/** The arrays `triggers()` reads, and how to map its output back. */
export interface NativeProgram {
  teddy: Uint8Array;
  /** The VBMI pre-filter's byte tables (native-prefix.ts). */
  prefix: Uint8Array;
  prog: Int32Array;
  tab: Uint8Array;
  /** Entry index (in `out`) → its family. */
  entryFam: Family[];
  /** Per entry: the family's `follow` is not a single class, so JS tests it. */
  followInJs: boolean[];
  /** Most entries of one pair list (bounds the triples per position). */
  maxEntries: number;
}

/**
 * A text that must begin at a match's start: `lit` exactly (case-sensitive, may be empty),
 * then, when `next` is set and the text goes on, one char of that class.
 */
export interface StartCond {
  lit: string;
  next: string | null;
}

/** isAssertion's answers by node: startConds asks about the same nodes once per alternative before them. */
const assertions = new WeakMap<Node, boolean>();

/** True for a raw node that is one lookaround group (`(?<!…)`, `(?=…)`): it consumes nothing. */
function isAssertion(n: Node): boolean {
  let yes = assertions.get(n);
  if (yes === undefined) assertions.set(n, (yes = lookaround(n)));
  return yes;
}

function lookaround(n: Node): boolean {
  if (!('raw' in n) || !/^\(\?(?:<[=!]|[=!])/.test(n.raw) || maxLength(n) !== 0) return false;
  let depth = 0;
  for (let i = 0; i < n.raw.length; i++) {
    const c = n.raw[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < n.raw.length && n.raw[i] !== ']'; i++) if (n.raw[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i === n.raw.length - 1;
  }
  return false;
}

const flat = (nodes: Node[]): Node[] => nodes.flatMap((n) => ('seq' in n ? flat(n.seq) : [n]));

/**
 * What every match of `nodes` starts with, as alternatives; null = nothing known. Only
 * loosens: assertions are skipped, anything not understood ends the conditions.
 */
export function startConds(nodes: Node[]): StartCond[] | null {
  const f = flat(nodes);
  let i = 0;
  while (i < f.length && isAssertion(f[i])) i++;
  if (i === f.length) return null;
  const head = f[i];
  const rest = f.slice(i + 1);
  if ('lit' in head) {
    let j = 0;
    while (j < rest.length && isAssertion(rest[j])) j++;
    const nx = rest[j];
    const next = nx && 'cls' in nx && nx.min >= 1 ? nx.cls : null;
    return head.lit.map((lit) => ({ lit, next }));
  }
  if ('cls' in head) return head.min >= 1 ? [{ lit: '', next: head.cls }] : null;
  const union = (alts: Node[][]): StartCond[] | null => {
    const out: StartCond[] = [];
    for (const a of alts) {
      const c = startConds(a);
      if (c === null) return null;
      out.push(...c);
    }
    return out;
  };
  if ('alt' in head) return union(head.alt.map((a) => [a, ...rest]));
  if ('opt' in head) return union([[head.opt, ...rest], rest]);
  return null;
}

/** A family's conditions: the union of its members'; null when one member has none. */
function familyConds(fam: Family): StartCond[] | null {
  const out: StartCond[] = [];
  for (const m of fam.members) {
    const c = startConds([...m.p.lead, ...m.p.value, ...m.p.tail]);
    if (c === null || c.some((x) => /[^\x00-\xff]/.test(x.lit))) return null;
    out.push(...c);
  }
  return out;
}

const CLASS = String.raw`\[(?:\\.|[^\]\\])*\]`;
const STEP = new RegExp(String.raw`^(${CLASS})(\?|\{(\d+),(\d+)\})?`);
const LAST_OR_END = new RegExp(String.raw`^\(\?:(${CLASS})\|\$\)$`);

/** One step of a follow filter: a class repeated min..max times; `orEnd`: the end of input also does. */
export interface FollowStep {
  cls: string;
  min: number;
  max: number;
  orEnd: boolean;
}

/**
 * A follow regex as steps the C code matches greedily, or null when it is not a plain
 * sequence of classes (then JS tests it). Greedy matching equals the regex only because the
 * classes are pairwise disjoint over bytes, which is checked here.
 */
export function followSteps(src: string): FollowStep[] | null {
  const steps: FollowStep[] = [];
  let rest = src;
  while (rest) {
    const end = LAST_OR_END.exec(rest);
    if (end) {
      steps.push({ cls: end[1], min: 1, max: 1, orEnd: true });
      break;
    }
    const m = STEP.exec(rest);
    if (!m) return null;
    const [min, max] = m[2] === '?' ? [0, 1] : m[2] ? [Number(m[3]), Number(m[4])] : [1, 1];
    if (max < 1 || min > max) return null;
    steps.push({ cls: m[1], min, max, orEnd: false });
    rest = rest.slice(m[0].length);
  }
  if (steps.length === 0) return null;
  const tables = steps.map((x) => classTable(x.cls));
  for (let c = 0; c < 256; c++) if (tables.filter((t) => t[c] === 1).length > 1) return null;
  return steps;
}

/** The program for a scanner's pair lists (in their order, as the JS scan visits them). */
export function buildProgram(
  pairIndex: Uint16Array,
  third: Uint8Array,
  pairLists: PairEntry[][],
  families: Family[],
): NativeProgram {
  const tab: number[] = [];
  const tables = new Map<string, number>();
  const table = (key: string, make: () => Uint8Array): number => {
    let off = tables.get(key);
    if (off === undefined) {
      off = tab.length;
      tab.push(...make());
      tables.set(key, off);
    }
    return off;
  };
  const bytesOf = (s: string): number => {
    const off = tab.length;
    for (let i = 0; i < s.length; i++) tab.push(s.charCodeAt(i));
    return off;
  };
  // Entries of one family share its follow filter: its steps are worked out once (every
  // entry's own call made ≈ 300 of them, the bulk of this function's time at each start).
  const stepsOf = new Map<string, FollowStep[] | null>();
  const steps0 = (src: string): FollowStep[] | null => {
    if (!stepsOf.has(src)) stepsOf.set(src, followSteps(src));
    return stepsOf.get(src) ?? null;
  };
  const lists: number[] = [0];
  const ents: number[] = [];
  const lits: number[] = [];
  const entryFam: Family[] = [];
  const followInJs: boolean[] = [];
  for (const list of pairLists) {
    for (const e of list) {
      ents.push(families.indexOf(e.fam), lits.length / 2, lits.length / 2 + e.lits.length);
      for (const l of e.lits) lits.push(bytesOf(l), l.length);
      entryFam.push(e.fam);
      followInJs.push(!!e.fam.back && !!e.fam.follow && steps0(e.fam.follow.source) === null);
    }
    lists.push(ents.length / 3);
  }
  const fams: number[] = [];
  const conds: number[] = [];
  const steps: number[] = [];
  for (const fam of families) {
    const back = fam.back ? table(`back:${fam.back.join('')}`, () => fam.back!) : -1;
    const src = fam.follow?.source ?? '';
    const fs = fam.back && src ? steps0(src) : null;
    const follow = fs ? steps.length / 4 : -1;
    fs?.forEach((x, i) =>
      steps.push(
        table(`cls:${x.cls}`, () => classTable(x.cls)),
        x.min,
        x.max,
        (i === fs.length - 1 ? 1 : 0) | (x.orEnd ? 2 : 0),
      ),
    );
    const cs = familyConds(fam);
    const first = cs ? conds.length / 3 : -1;
    for (const c of cs ?? [])
      conds.push(
        bytesOf(c.lit),
        c.lit.length,
        c.next ? table(`cls:${c.next}`, () => classTable(c.next!)) : -1,
      );
    fams.push(back, follow, first, cs ? conds.length / 3 : -1);
  }
  const head = [
    2,
    pairLists.length,
    ents.length / 3,
    lits.length / 2,
    families.length,
    conds.length / 3,
    steps.length / 4,
  ];
  // The build's tables for these exact inputs when it has them (src/secrets/prebuilt-tables.ts).
  const pre = prebuiltTables(tablesKey(pairIndex, third, pairLists));
  const sized = pre && pre.teddy.length === TEDDY_BYTES && pre.prefix.length === PREFIX_BYTES;
  return {
    teddy: sized ? pre.teddy : teddyMasks(pairIndex, third),
    prefix: sized ? pre.prefix : prefixTables(pairLists),
    prog: Int32Array.from([...head, ...lists, ...ents, ...lits, ...fams, ...conds, ...steps]),
    tab: Uint8Array.from(tab),
    entryFam,
    followInJs,
    maxEntries: Math.max(1, ...pairLists.map((l) => l.length)),
  };
}
