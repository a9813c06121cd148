/**
 * The vector pre-filter's nibble masks (teddy) of the native trigger search
 * (src/secrets/native/trigger-scan.c), built from the pair/third filter of native-scan.ts.
 * Pure: no I/O. Prebuilt copies are checked against this (prebuilt-tables.ts).
 */
import { popcount } from './native-prefix.js';

/** A byte folded as the C code folds the text (| 0x20). */
const fold = (c: number): number => c | 0x20;

/** Bytes of teddyMasks' result: 32 buckets in sets of 8, 96 bytes each. */
export const TEDDY_BYTES = 96 * 4;

/**
 * Nibble masks of the vector pre-filter: bytes 0, 1, 2 of every position the pair/third
 * filter keeps, folded (| 0x20, as the C code folds the text), each pair in one of 8
 * buckets (grouped by first byte, so a bucket's cross products stay few).
 */
export function teddyMasks(pairIndex: Uint16Array, third: Uint8Array): Uint8Array {
  const BUCKETS = 32;
  const keys = new Map<number, { thirds: Set<number> }>();
  for (let k = 0; k < 1 << 16; k++) {
    const list = pairIndex[k];
    if (list === 0) continue;
    const key = (fold(k >> 8) << 8) | fold(k & 255);
    const e = keys.get(key) ?? { thirds: new Set<number>() };
    keys.set(key, e);
    for (let c = 0; c < 256; c++) if (third[(list - 1) * 256 + c] !== 0) e.thirds.add(fold(c));
  }
  // Greedy: the pairs with most third bytes first, each into the bucket where it adds the
  // fewest accepted (byte 0, byte 1, byte 2) combinations over printable ASCII.
  const sorted = [...keys.keys()].sort(
    (a, b) => keys.get(b)!.thirds.size - keys.get(a)!.thirds.size || a - b,
  );
  // Per bucket and byte position, the low and the high nibbles set (16-bit masks): a byte
  // is accepted there when both its nibbles are.
  const lo = new Uint16Array(BUCKETS * 3);
  const hi = new Uint16Array(BUCKETS * 3);
  // The low nibbles of the printable folded bytes (c === c | 0x20), by high nibble.
  const loOfHi = new Uint16Array(16);
  for (let c = 0x20; c < 0x7f; c++) if (c === fold(c)) loOfHi[c >> 4] |= 1 << (c & 15);
  /** Printable folded bytes whose nibbles are both in `l` and `h`. */
  const count = (l: number, h: number): number => {
    let k = 0;
    for (let n = 0; n < 16; n++) if ((h >> n) & 1) k += popcount(l & loOfHi[n]);
    return k;
  };
  /** Accepted (byte 0, 1, 2) combinations with these nibble masks per position. */
  const accepted = (l: ArrayLike<number>, h: ArrayLike<number>): number =>
    count(l[0], h[0]) * count(l[1], h[1]) * count(l[2], h[2]);
  const now = new Float64Array(BUCKETS);
  const kl = [0, 0, 0];
  const kh = [0, 0, 0];
  const tl = [0, 0, 0];
  const th = [0, 0, 0];
  for (const key of sorted) {
    const bytes: number[][] = [[key >> 8], [key & 255], [...keys.get(key)!.thirds]];
    for (let pos = 0; pos < 3; pos++) {
      kl[pos] = kh[pos] = 0;
      for (const c of bytes[pos]) {
        kl[pos] |= 1 << (c & 15);
        kh[pos] |= 1 << (c >> 4);
      }
    }
    let best = 0;
    let bestCost = Infinity;
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      for (let pos = 0; pos < 3; pos++) {
        tl[pos] = lo[bucket * 3 + pos] | kl[pos];
        th[pos] = hi[bucket * 3 + pos] | kh[pos];
      }
      const cost = accepted(tl, th) - now[bucket];
      if (cost < bestCost) [best, bestCost] = [bucket, cost];
    }
    for (let pos = 0; pos < 3; pos++) {
      lo[best * 3 + pos] |= kl[pos];
      hi[best * 3 + pos] |= kh[pos];
    }
    now[best] = accepted(lo.subarray(best * 3, best * 3 + 3), hi.subarray(best * 3, best * 3 + 3));
  }
  // bucket b: bit b & 7 of the mask set b >> 3 (96 bytes each: low, high nibble of bytes 0, 1, 2)
  const m = new Uint8Array(TEDDY_BYTES);
  for (let b = 0; b < BUCKETS; b++)
    for (let pos = 0; pos < 3; pos++)
      for (let n = 0; n < 16; n++) {
        if ((lo[b * 3 + pos] >> n) & 1) m[(b >> 3) * 96 + pos * 32 + n] |= 1 << (b & 7);
        if ((hi[b * 3 + pos] >> n) & 1) m[(b >> 3) * 96 + pos * 32 + 16 + n] |= 1 << (b & 7);
      }
  return m;
}
