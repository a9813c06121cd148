import { describe, expect, it } from 'vitest';
import { PatternScanner } from '../../src/secrets/detect.js';
import { entryOf, ENTRIES, PREFIX, prefixTables, SET_BYTES } from '../../src/secrets/native-prefix.js';
import type { ScannerTables } from '../../src/secrets/scanner-tables.js';

// The byte tables of the AVX-512 VBMI pre-filter (src/secrets/native-prefix.ts), read here
// the way trigger-simd.c's run_vbmi reads them: a position is kept when some bucket takes
// each of its first four bytes (by entryOf: the low six bits after | 0x20; bytes 0 and 1
// must be ASCII).

const tables = (new PatternScanner(undefined, null) as unknown as { t: ScannerTables }).t;
const m = prefixTables(tables.pairLists);
const lits = [...new Set(tables.pairLists.flatMap((l) => l.flatMap((e) => e.lits)))];

/** run_vbmi's test of the position `at` of `b` (which has at least four bytes from there). */
function kept(b: Buffer, at: number): boolean {
  let any = 0;
  for (let s = 0; s < m.length / SET_BYTES; s++) {
    let r = 0xff;
    for (let p = 0; p < PREFIX; p++) {
      const c = b[at + p];
      r &= p < 2 && c >= 0x80 ? 0 : m[s * SET_BYTES + p * ENTRIES + entryOf(c)];
    }
    any |= r;
  }
  return any !== 0;
}

describe('VBMI pre-filter tables', () => {
  it('have one to four sets of 8 buckets', () => {
    expect(m.length % SET_BYTES).toBe(0);
    expect(m.length / SET_BYTES).toBeGreaterThanOrEqual(1);
    expect(m.length / SET_BYTES).toBeLessThanOrEqual(4);
    expect(lits.length).toBeGreaterThan(50);
  });

  it('keep every trigger literal in lower, upper and mixed case, followed by any byte', () => {
    const mixed = (l: string) => [...l].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
    const missed: string[] = [];
    for (const l of lits)
      for (const form of [l, l.toUpperCase(), mixed(l)])
        for (const after of ['', ' ', 'x', '\0', '\xff', '\x80'])
          if (!kept(Buffer.from(form + after + '    ', 'latin1'), 0))
            missed.push(JSON.stringify(form + after));
    expect(missed).toEqual([]);
  });

  it.each([
    ['message', 4],
    ['online', 2],
    ['create', 0],
    ['metadata', 3],
    ['gitlab', 0],
    ['\xe1\xe7e- (the low bits of age-)', 0],
  ])('drop the start of a common word that only shares three bytes with a literal: %s at %i', (word, at) => {
    expect(kept(Buffer.from(word + '    ', 'latin1'), at)).toBe(false);
  });

  it.each([
    ['age-secret-key-1', 0],
    ['x ghp_abc', 2],
    ['export TOKEN=', 7],
    ['sk-ant-', 0],
  ])('keep a literal inside text: %s at %i', (text, at) => {
    expect(kept(Buffer.from(text + '    ', 'latin1'), at)).toBe(true);
  });
});
