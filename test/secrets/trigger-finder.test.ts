import fc from 'fast-check';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PatternScanner } from '../../src/secrets/detect.js';
import type { ScannerTables } from '../../src/secrets/scanner-tables.js';
import { ChainMasker, StreamStage } from '../../src/secrets/masker.js';
import {
  ADDON_PATH,
  loadFinder,
  nativeFinder,
  triggerFinderStatus,
} from '../../src/secrets/trigger-finder.js';
import { BENIGN, plantedSecrets } from '../fixtures/secrets/planted.js';
import { streamed } from '../helpers/streamed.js';

// The native position filter (src/secrets/native/trigger-finder.c) against the scanner's JS
// loop: same positions, same hits and holds, same masked bytes. `npm test` builds the addon
// first (scripts/build-shim.mjs); without it the scanner would quietly fall back to JS and
// this comparison would compare JS with itself, so its absence fails here.

const planted = plantedSecrets();
const native = nativeFinder();
/** The old path: the JS position loop, every family member tried on its own. */
const js = new PatternScanner(undefined, null, false);
/** The new path: native positions, family gates. */
const nat = new PatternScanner(undefined, native);
/** JS positions with family gates (what runs when the addon is missing). */
const jsGated = new PatternScanner(undefined, null);

/** Pieces that make trigger-dense text: literals in both cases, their prefixes, separators, values. */
const PIECES = [
  ...planted.map((p) => p.text),
  ...BENIGN,
  'token',
  'TOKEN',
  'api_key',
  'Key',
  'secret',
  'passwd',
  'Authorization: Bearer ',
  'bearer',
  'ghp_',
  'gh',
  'AKIA',
  'sk-',
  'SK',
  '://',
  ':/',
  'user:pw@host',
  '-----BEGIN',
  '-u',
  '=',
  ': ',
  '"',
  "'",
  ' ',
  '\n',
  '\t',
  'a1B2c3D4e5F6g7H8i9J0',
  '0123456789abcdef0123456789abcdef',
  'xxxxxxxxxxxx',
  '\u0174\u016b', // chars above 0xff whose low bytes are 't' and 'k'
  '\u00e9\u00ff\u0000',
];

const text = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 40 })
  .map((xs) => xs.join(''));

/** A scanner's own compiled tables (a private field). */
const tablesOf = (sc: PatternScanner): ScannerTables => (sc as unknown as { t: ScannerTables }).t;

/** The positions the JS loop keeps (as in PatternScanner.scan). */
function jsPositions(sc: PatternScanner, b: Uint8Array): number[] {
  const { pairIndex, third } = tablesOf(sc);
  const out: number[] = [];
  const n = b.length;
  for (let t = 0; t < n - 1; t++) {
    const k = pairIndex[(b[t] << 8) | b[t + 1]];
    if (k === 0 || (t + 2 < n && third[(k - 1) * 256 + b[t + 2]] === 0)) continue;
    out.push(t);
  }
  return out;
}

function nativePositions(sc: PatternScanner, b: Uint8Array): number[] {
  const { pairIndex, third, pairBits } = tablesOf(sc);
  const out = new Int32Array(b.length + 1);
  const count = native!(b, pairIndex, third, pairBits, out);
  return [...out.subarray(0, Math.max(0, count))];
}

describe('native trigger finder', () => {
  it('is built and loads (npm run build compiles it)', () => {
    expect(existsSync(ADDON_PATH)).toBe(true);
    expect(triggerFinderStatus()).toMatch(/^native (avx512vbmi|avx512bw|avx2|ssse3|scalar)$/);
  });

  it('a missing or broken addon leaves the JS loop (and says why)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-finder-'));
    try {
      const broken = path.join(dir, 'broken.node');
      writeFileSync(broken, 'not a shared object');
      expect(loadFinder(path.join(dir, 'missing.node'))).toEqual({ finder: null, why: 'addon not built' });
      expect(loadFinder(broken)).toEqual({ finder: null, why: 'addon failed to load' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['empty', ''],
    ['one byte', 't'],
    ['a pair at the very end', 'xx gh'],
    ['a pair then one byte', 'ghp'],
    ['every byte value', String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i))],
    ['triggers back to back', 'tokentokenKEYkeyghp_ghp_://://'],
  ])('keeps the positions the JS loop keeps: %s', (_name, s) => {
    const b = Buffer.from(s, 'latin1');
    expect(nativePositions(nat, b)).toEqual(jsPositions(js, b));
  });

  it('refuses bad arguments with -1 (the scanner then runs its JS loop)', () => {
    const { pairIndex, third, pairBits } = tablesOf(nat);
    const b = Buffer.from('token = abc');
    expect(native!(b, pairIndex, third, pairBits, new Int32Array(3))).toBe(-1); // out too small
    expect(native!(b, new Uint16Array(10), third, pairBits, new Int32Array(b.length))).toBe(-1);
    expect(native!(b, pairIndex, third, new Uint8Array(256), new Int32Array(b.length))).toBe(-1);
    const call = native as unknown as (...a: unknown[]) => number;
    expect(call('token', pairIndex, third, pairBits, new Int32Array(8))).toBe(-1);
    expect(call(b, pairIndex, third, pairBits)).toBe(-1);
  });

  it('random bytes: the same positions as the JS loop', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        expect(nativePositions(nat, bytes)).toEqual(jsPositions(js, bytes));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('trigger-dense text: the same hits and holds as the old JS scan, at any start and end', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.boolean(), (s, f, final) => {
        const bin = Buffer.from(s, 'utf8').toString('latin1');
        // also the raw string: chars above 0xff reach the scanner when it is used on text
        for (const x of [bin, s]) {
          const from = f % (x.length + 1);
          const want = js.scan(x, from, final);
          expect(nat.scan(x, from, final)).toEqual(want);
          expect(jsGated.scan(x, from, final)).toEqual(want);
        }
      }),
      { numRuns: 1500, seed: 23 },
    );
  });

  it('streamed masking is byte-identical to the old JS path wherever the stream is cut', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 10 }), (s, cuts) => {
        const input = Buffer.from(s, 'utf8');
        // new: native positions, bytes in and out (StreamStage.pushBytes)
        const a = streamed(new ChainMasker([new StreamStage(nat, 1024)]), input, cuts);
        // old: JS positions, each chunk as a latin1 string through StreamStage.push
        const st = new StreamStage(js, 1024);
        const old = {
          push: (c: Buffer) => Buffer.from(st.push(c.toString('latin1')), 'latin1'),
          flush: () => Buffer.from(st.flush(), 'latin1'),
        } as ChainMasker;
        const b = streamed(old, input, cuts);
        // and the JS positions through the bytes path
        const c = streamed(new ChainMasker([new StreamStage(js, 1024)]), input, cuts);
        expect(a.equals(b)).toBe(true);
        expect(c.equals(b)).toBe(true);
      }),
      { numRuns: 800, seed: 5 },
    );
  });
});
