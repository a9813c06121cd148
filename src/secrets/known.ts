/**
 * Matching of known secret values (from the environment and the workspace scan). One
 * pass: a two-byte prefix table, then a hash of the first MIN_KNOWN_LENGTH bytes, find
 * candidates whatever the number of values; the longest value wins at each position.
 * Works on "binary strings" (latin1: one char per byte). Pure: no I/O.
 */
import type { Hit, ScanResult } from './detect.js';
import { MIN_KNOWN_LENGTH } from './placeholder.js';

const K = MIN_KNOWN_LENGTH;
const BASE = 257;
const BITS = 20;
const MASK = (1 << BITS) - 1;

function hashAt(s: string, i: number): number {
  let h = 0;
  for (let j = 0; j < K; j++) h = (Math.imul(h, BASE) + s.charCodeAt(i + j)) | 0;
  return h;
}

/**
 * Up to this many values, `clean()` searches each with Buffer.indexOf (native; measured 1.5–1.9
 * GB/s for 1–2 values, 1.1 GB/s for 4, even with the table search near 8, which wins above).
 */
export const NATIVE_SEARCH_MAX = 6;

/** A known secret: its bytes as a latin1 string, and the NAME shown in its placeholder. */
export interface KnownValue {
  value: string;
  name: string;
}

export class KnownMatcher {
  /** Longest value (how much a stream may need to hold back). */
  readonly maxLength: number;
  readonly size: number;
  private readonly bits = new Uint8Array(1 << BITS);
  /** 1 at (byte0 << 8 | byte1) for every value's first two bytes; pair2/pair3 the same for bytes 2–3 and 4–5. */
  private readonly pair = new Uint8Array(1 << 16);
  private readonly pair2 = new Uint8Array(1 << 16);
  private readonly pair3 = new Uint8Array(1 << 16);
  /**
   * Safe skip per two-byte block (block-shift search): how far a window at i may move when
   * bytes i+K-2, i+K-1 are this pair; 0 = some value has the pair at its bytes K-2..K-1
   * (check here). A pair found in no value's first K bytes skips K-1.
   */
  private readonly shift = new Uint8Array(1 << 16).fill(K - 1);
  private readonly buckets = new Map<number, KnownValue[]>();
  /** Every proper prefix shorter than K, for tails too short to hash. */
  private readonly shortPrefixes = new Set<string>();
  /** The values as bytes, for `clean()`; empty when there are more than NATIVE_SEARCH_MAX. */
  private readonly needles: Buffer[] = [];

  /** `values` are latin1 strings; shorter than MIN_KNOWN_LENGTH are ignored; first name wins. */
  constructor(values: KnownValue[]) {
    const uniq = new Map<string, string>();
    for (const v of values) if (v.value.length >= K && !uniq.has(v.value)) uniq.set(v.value, v.name);
    let max = 0;
    for (const [value, name] of uniq) {
      const h = hashAt(value, 0);
      this.bits[h & MASK] = 1;
      const at = (i: number): number =>
        ((value.charCodeAt(i) & 0xff) << 8) | (value.charCodeAt(i + 1) & 0xff);
      this.pair[at(0)] = 1;
      this.pair2[at(2)] = 1;
      this.pair3[at(4)] = 1;
      for (let j = 0; j <= K - 2; j++) this.shift[at(j)] = Math.min(this.shift[at(j)], K - 2 - j);
      const list = this.buckets.get(h) ?? [];
      list.push({ value, name });
      this.buckets.set(h, list);
      for (let i = 1; i < K; i++) this.shortPrefixes.add(value.slice(0, i));
      max = Math.max(max, value.length);
    }
    for (const list of this.buckets.values()) list.sort((a, b) => b.value.length - a.value.length);
    this.maxLength = max;
    this.size = uniq.size;
    if (uniq.size <= NATIVE_SEARCH_MAX)
      for (const v of uniq.keys()) this.needles.push(Buffer.from(v, 'latin1'));
  }

  /**
   * True when `buf`, as a whole stream chunk with nothing held before it, needs no work:
   * no value occurs in it and no tail of it can be the start of a value. Then `scan()`
   * would find no hit and hold nothing. False also when this matcher has too many values
   * for the native search (the caller then scans).
   */
  clean(buf: Buffer): boolean {
    if (this.size === 0) return true;
    if (this.needles.length === 0) return false;
    for (const v of this.needles) if (buf.indexOf(v) !== -1) return false;
    // fail closed: a tail that may begin a value goes the slow way, which holds it back
    const tail = buf.toString('latin1', Math.max(0, buf.length - this.maxLength + 1));
    return this.scan(tail, 0, false).hold === tail.length;
  }

  /** Leftmost-longest, non-overlapping occurrences from `from`; `hold` as in ScanResult. */
  scan(s: string, from: number, final = true): ScanResult {
    const hits: Hit[] = [];
    const n = s.length;
    if (this.size === 0) return { hits, hold: n };
    // Tables of the values' first six bytes (two at a time) filter positions cheaply; the
    // hash of the first K bytes and a compare confirm.
    const { pair, pair2, pair3, shift } = this;
    let i = from;
    while (i + K <= n) {
      // No value starts in [i, i + skip): its bytes K-2..K-1 would be this pair.
      const skip = shift[(s.charCodeAt(i + K - 2) << 8) | s.charCodeAt(i + K - 1)];
      if (skip !== 0) {
        i += skip === undefined ? 1 : skip; // undefined: a char above 0xff, in no value
        continue;
      }
      if (
        pair[(s.charCodeAt(i) << 8) | s.charCodeAt(i + 1)] === 1 &&
        pair2[(s.charCodeAt(i + 2) << 8) | s.charCodeAt(i + 3)] === 1 &&
        pair3[(s.charCodeAt(i + 4) << 8) | s.charCodeAt(i + 5)] === 1
      ) {
        const h = hashAt(s, i);
        if (this.bits[h & MASK] === 1) {
          const found = this.buckets.get(h)?.find((v) => s.startsWith(v.value, i));
          if (found) {
            hits.push({ start: i, end: i + found.value.length, name: found.name, pattern: 'known' });
            i += found.value.length;
            continue;
          }
        }
      }
      i++;
    }
    let hold = n;
    if (!final) {
      // Earliest tail that is a proper prefix of a known value: it may complete later.
      for (let p = Math.max(from, n - this.maxLength + 1); p < n; p++) {
        const len = n - p;
        const maybe =
          len < K
            ? this.shortPrefixes.has(s.slice(p))
            : (this.buckets
                .get(hashAt(s, p))
                ?.some((v) => v.value.length > len && v.value.startsWith(s.slice(p))) ?? false);
        if (maybe) {
          hold = p;
          break;
        }
      }
    }
    return { hits, hold };
  }
}
