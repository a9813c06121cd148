/**
 * The byte tables of the trigger search's AVX-512 VBMI pre-filter (src/secrets/native/
 * trigger-simd.c): the first four bytes of every trigger literal, each literal in one of
 * 32 buckets, a 64-entry table per bucket set and byte position, indexed by the byte's low
 * six bits after `| 0x20` (one single-source permute looks a byte up). Pure: no I/O.
 *
 * Only filters: a position every bucket rejects is one where no literal of the scanner's
 * pair lists starts (lit_at would find none), so the trigger search would write nothing
 * there. Bytes that share an entry (`a`/`A`, `0`/`p`) share its answer, so an entry keeps
 * a position when any of its bytes may be there; a literal shorter than four bytes
 * accepts any byte after its end.
 */
import type { PairEntry } from './families.js';

/** Buckets (8 per set of tables); the C code takes 1 to 4 sets. */
const BUCKETS = 32;
/** Bytes of each literal the tables check. */
export const PREFIX = 4;
/** Entries of one table (six bits of index). */
export const ENTRIES = 64;
/** Bytes of one set's tables: PREFIX positions × ENTRIES. */
export const SET_BYTES = PREFIX * ENTRIES;

/** The table entry of byte `c` (as trigger-simd.c computes it). */
export const entryOf = (c: number): number => (c | 0x20) & (ENTRIES - 1);

/** The bytes lit_at accepts for the lower-case literal char `c`: itself, and its upper case for a-z. */
function accepts(c: number): number[] {
  return c >= 97 && c <= 122 ? [c, c - 32] : [c];
}

/** Per position, the entries a literal accepts (null = every byte: past its end). */
function entries(lit: string): (Set<number> | null)[] {
  return Array.from({ length: PREFIX }, (_, p) =>
    p < lit.length ? new Set(accepts(lit.charCodeAt(p)).map(entryOf)) : null,
  );
}

/**
 * The tables for the literals of `pairLists`: `sets * SET_BYTES` bytes, entry
 * `s * SET_BYTES + p * ENTRIES + entryOf(byte)` = the buckets of set s (bit b & 7 of
 * bucket b) that accept that byte at position p. Literals go greedily (shortest first)
 * into the bucket where they add the fewest accepted combinations of four entries.
 */
export function prefixTables(pairLists: PairEntry[][]): Uint8Array {
  const lits = [...new Set(pairLists.flatMap((l) => l.flatMap((e) => e.lits)))].sort(
    (a, b) => Math.min(a.length, PREFIX) - Math.min(b.length, PREFIX) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const buckets: Set<number>[][] = Array.from({ length: BUCKETS }, () =>
    Array.from({ length: PREFIX }, () => new Set<number>()),
  );
  const open: boolean[][] = Array.from({ length: BUCKETS }, () => new Array<boolean>(PREFIX).fill(false));
  const used = new Array<boolean>(BUCKETS).fill(false);
  /** Printable ASCII combinations a bucket accepts (an open position: all 95). */
  const cost = (sets: Set<number>[], opens: boolean[]): number =>
    sets.reduce(
      (prod, s, p) => prod * (opens[p] ? 95 : [...s].filter((c) => c >= 0x20 && c < 0x7f).length),
      1,
    );
  for (const lit of lits) {
    const e = entries(lit);
    let best = 0;
    let bestCost = Infinity;
    for (let b = 0; b < BUCKETS; b++) {
      const sets = buckets[b].map((s, p) => new Set([...s, ...(e[p] ?? [])]));
      const opens = open[b].map((o, p) => o || e[p] === null);
      const added = cost(sets, opens) - (used[b] ? cost(buckets[b], open[b]) : 0);
      if (added < bestCost) [best, bestCost] = [b, added];
    }
    used[best] = true;
    e.forEach((s, p) => {
      if (s === null) open[best][p] = true;
      else for (const c of s) buckets[best][p].add(c);
    });
  }
  const out = new Uint8Array((BUCKETS / 8) * SET_BYTES);
  for (let b = 0; b < BUCKETS; b++) {
    if (!used[b]) continue;
    for (let p = 0; p < PREFIX; p++)
      for (let c = 0; c < ENTRIES; c++)
        if (open[b][p] || buckets[b][p].has(c)) out[(b >> 3) * SET_BYTES + p * ENTRIES + c] |= 1 << (b & 7);
  }
  return out;
}
