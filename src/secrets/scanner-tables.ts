/**
 * The pattern scanner's tables, compiled once from the patterns: families grouped by
 * trigger (with their member regexes), the trigger regex and prefix maps, and the pair
 * tables the JS loop and the native finders read (src/secrets/native/). Pure: no I/O.
 */
import type { SecretPattern } from './formats.js';
import { classTable, familyGates, MAX_BACK, type Family, type PairEntry } from './families.js';
import { escape, full, hasMid, maxLength, partial } from './pattern.js';
import { programBefore } from './program-before.js';

/** What PatternScanner reads. */
export interface ScannerTables {
  families: Family[];
  /** Every trigger literal; matches are taken at every position (overlapping). */
  anyTrigger: RegExp;
  /** lower-case first character of a trigger → families. */
  byFirst: Map<string, Family[]>;
  /** lower-case proper prefix of a trigger → families that have it. */
  prefixes: Map<string, Family[]>;
  longestTrigger: number;
  /**
   * Families by the (case-variant) first two bytes of their triggers, `b0 << 8 | b1`, in
   * family order; undefined = no trigger starts with that pair. Empty table when some
   * trigger is shorter than two chars or not ASCII (then `anyTrigger` finds positions).
   */
  pairIndex: Uint16Array;
  /** pairIndex[b0 << 8 | b1] - 1 indexes this list; 0 = no trigger starts with that pair. */
  pairLists: PairEntry[][];
  pairable: boolean;
  /**
   * (pairIndex - 1) * 256 + third byte → 1 when some trigger of that pair list may go on
   * with that byte (every byte for a two-char trigger).
   */
  third: Uint8Array;
  /** Bit k set iff pairIndex[k] !== 0 (for the native finder). */
  pairBits: Uint8Array;
  /** Longest match any pattern can produce (plus the backwards reach). */
  maxLength: number;
}

/** Compiles `patterns`; `gates` false leaves every family's gate regex out (for comparisons). */
export function compileTables(patterns: SecretPattern[], gates: boolean): ScannerTables {
  const byFirst = new Map<string, Family[]>();
  const prefixes = new Map<string, Family[]>();
  const pairIndex = new Uint16Array(1 << 16);
  const pairLists: PairEntry[][] = [];
  const pairBits = new Uint8Array(8192);
  const byKey = new Map<string, Family>();
  const all: string[] = [];
  patterns.forEach((p, index) => {
    const first = p.value[0];
    const trig = p.trigger ?? (first && 'lit' in first ? first.lit : []);
    if (trig.length === 0) throw new Error(`secret pattern ${p.id} has no trigger`);
    const key = [
      trig
        .map((t) => t.toLowerCase())
        .sort()
        .join('|'),
      p.back ?? '',
      p.follow ?? '',
    ].join('\0');
    let fam = byKey.get(key);
    if (!fam) {
      fam = {
        lits: trig,
        trigger: new RegExp(`(?:${trig.map(escape).join('|')})`, 'iy'),
        back: p.back ? classTable(p.back) : null,
        follow: p.follow ? new RegExp(p.follow, 'y') : null,
        members: [],
        gates: [],
        gateOf: [],
      };
      byKey.set(key, fam);
      for (const t of trig) {
        all.push(t);
        const add = (map: Map<string, Family[]>, k: string): void => {
          const list = map.get(k) ?? [];
          if (!list.includes(fam!)) list.push(fam!);
          map.set(k, list);
        };
        add(byFirst, t[0].toLowerCase());
        add(byFirst, t[0].toUpperCase());
        for (let i = 1; i < t.length; i++) add(prefixes, t.slice(0, i).toLowerCase());
      }
    }
    const node = { seq: [...p.lead, ...p.value, ...p.tail] };
    const parts = (mid: boolean): RegExp =>
      new RegExp(
        `(${p.lead.map((x) => full(x, mid)).join('')})(${p.value.map((x) => full(x, mid)).join('')})(${p.tail.map((x) => full(x, mid)).join('')})`,
        'y',
      );
    // `partial` and `mid` are built at their first use (a scan with more input to follow):
    // a start's first scans (the environment's values, whole) need neither, and building
    // their sources was a fifth of the tables' cost, on the way to the agent's start.
    let partialRe: RegExp | undefined;
    let midRe: RegExp | null | undefined;
    fam.members.push({
      p,
      index,
      parts: parts(false),
      get mid(): RegExp | null {
        if (midRe === undefined) midRe = hasMid(node) ? parts(true) : null;
        return midRe;
      },
      get partial(): RegExp {
        return (partialRe ??= new RegExp(partial(node), 'y'));
      },
      lead: new RegExp(p.lead.map((x) => full(x)).join(''), 'y'),
      valueAtStart: p.lead.every((n) => maxLength(n) === 0),
      maxLength: maxLength(node),
      before: p.before ? programBefore(p.before.programs) : null,
      beforeAt: p.before?.at ?? 0,
    });
  });
  const families = [...byKey.values()];
  if (gates) for (const fam of families) Object.assign(fam, familyGates(fam.members));
  const variants = (c: string): number[] => [
    ...new Set([c.toLowerCase().charCodeAt(0), c.toUpperCase().charCodeAt(0)]),
  ];
  const pairable = all.every((t) => /^[\x00-\x7f]+$/.test(t) && t.length >= 2);
  if (pairable) {
    for (const fam of families)
      for (const t of fam.lits)
        for (const a of variants(t[0]))
          for (const b of variants(t[1])) {
            const k = (a << 8) | b;
            if (pairIndex[k] === 0) pairIndex[k] = pairLists.push([]);
            const list = pairLists[pairIndex[k] - 1];
            let e = list.find((x) => x.fam === fam);
            if (!e) list.push((e = { fam, lits: [] }));
            if (!e.lits.includes(t.toLowerCase())) e.lits.push(t.toLowerCase());
          }
  }
  const third = new Uint8Array(pairLists.length * 256);
  for (let k = 0; k < pairLists.length; k++)
    for (const e of pairLists[k])
      for (const lit of e.lits) {
        if (lit.length === 2) third.fill(1, k * 256, k * 256 + 256);
        else for (const c of variants(lit[2])) third[k * 256 + c] = 1;
      }
  for (let k = 0; k < 1 << 16; k++) if (pairIndex[k] !== 0) pairBits[k >> 3] |= 1 << (k & 7);
  const uniq = [...new Set(all.map((t) => t.toLowerCase()))].sort((a, b) => b.length - a.length);
  const anyTrigger = new RegExp(uniq.map(escape).join('|'), 'gi');
  const longestTrigger = Math.max(...uniq.map((t) => t.length));
  const maxLength_ = Math.max(...families.flatMap((f) => f.members.map((m) => m.maxLength))) + MAX_BACK;
  return {
    families,
    anyTrigger,
    byFirst,
    prefixes,
    longestTrigger,
    pairIndex,
    pairLists,
    pairable,
    third,
    pairBits,
    maxLength: maxLength_,
  };
}
