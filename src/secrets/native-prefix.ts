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
/** Bytes of prefixTables' result: every set of 8 buckets. */
export const PREFIX_BYTES = (BUCKETS / 8) * SET_BYTES;

/** Set bits of a 32-bit integer. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

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
  // Per bucket and position: the entries taken, as a 32-bit mask of entry - 32 (every entry
  // is 32 or more: entryOf sets bit 5), and whether every byte is (a literal ended there).
  const taken = new Uint32Array(BUCKETS * PREFIX);
  const open = new Uint8Array(BUCKETS * PREFIX);
  const used = new Uint8Array(BUCKETS);
  /** Printable ASCII combinations a bucket accepts with these masks (an open position: all 95). */
  const cost = (masks: ArrayLike<number>, opens: ArrayLike<number>): number => {
    let prod = 1;
    for (let p = 0; p < PREFIX; p++) prod *= opens[p] ? 95 : popcount(masks[p]);
    return prod;
  };
  const lm = new Uint32Array(PREFIX);
  const lo = new Uint8Array(PREFIX);
  const tm = new Uint32Array(PREFIX);
  const to = new Uint8Array(PREFIX);
  for (const lit of lits) {
    entries(lit).forEach((e, p) => {
      lo[p] = e === null ? 1 : 0;
      lm[p] = 0;
      for (const c of e ?? []) lm[p] |= 1 << (c - 32);
    });
    let best = 0;
    let bestCost = Infinity;
    for (let b = 0; b < BUCKETS; b++) {
      for (let p = 0; p < PREFIX; p++) {
        tm[p] = taken[b * PREFIX + p] | lm[p];
        to[p] = open[b * PREFIX + p] | lo[p];
      }
      const mine = [b * PREFIX, b * PREFIX + PREFIX] as const;
      const added = cost(tm, to) - (used[b] ? cost(taken.subarray(...mine), open.subarray(...mine)) : 0);
      if (added < bestCost) [best, bestCost] = [b, added];
    }
    used[best] = 1;
    for (let p = 0; p < PREFIX; p++) {
      taken[best * PREFIX + p] |= lm[p];
      open[best * PREFIX + p] |= lo[p];
    }
  }
  const out = new Uint8Array(PREFIX_BYTES);
  for (let b = 0; b < BUCKETS; b++) {
    if (!used[b]) continue;
    for (let p = 0; p < PREFIX; p++)
      for (let c = 0; c < ENTRIES; c++)
        if (open[b * PREFIX + p] || (c >= 32 && (taken[b * PREFIX + p] >>> (c - 32)) & 1))
          out[(b >> 3) * SET_BYTES + p * ENTRIES + c] |= 1 << (b & 7);
  }
  return out;
}
