import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PatternScanner, type ScanResult } from '../../src/secrets/detect.js';
import type { ScannerTables } from '../../src/secrets/scanner-tables.js';
import { ChainMasker, StreamStage } from '../../src/secrets/masker.js';
import {
  NO_AVX2,
  NO_AVX512,
  NO_VBMI,
  SCALAR,
  startConds,
  type TriggerFinder,
} from '../../src/secrets/native-scan.js';
import { cls, lit, alt, opt, seq, behind, ahead, type Node } from '../../src/secrets/pattern.js';
import { nativeFinders, type NativeFinders } from '../../src/secrets/trigger-finder.js';
import { BENIGN, plantedSecrets } from '../fixtures/secrets/planted.js';
import { CONTEXTS } from '../../src/secrets/context.js';
import { FORMATS } from '../../src/secrets/formats.js';
import { streamed } from '../helpers/streamed.js';

// The native trigger search (src/secrets/native/trigger-scan.c, trigger-simd.c, tables from
// src/secrets/native-scan.ts) against the scanner's JS loop without family gates (the
// reference): same hits, same holds, same masked bytes, on each vector path and the scalar
// one (AVX-512 VBMI, AVX-512BW, AVX2 and SSSE3 where this CPU has them). Without the built addon this file fails (the comparison would be JS against JS).

const planted = plantedSecrets();
const finders = nativeFinders();
const ref = new PatternScanner(undefined, null, false);
/** The reference before the key-name follow filter was tightened (one char of `["' \t=:]`). */
const looseFollow = new PatternScanner(
  [...FORMATS, ...CONTEXTS].map((p) => (p.follow?.includes('$') ? { ...p, follow: `["' \\t=:]` } : p)),
  null,
  false,
);
const withFlags = (flags: number): PatternScanner => {
  const sc = new PatternScanner(undefined, finders);
  sc.nativeFlags = flags;
  return sc;
};
/** A scan's hits sorted (by start, end, pattern): the masked regions do not depend on their order. */
const unordered = (r: ScanResult): ScanResult => ({
  hold: r.hold,
  hits: [...r.hits].sort((a, b) => a.start - b.start || a.end - b.end || a.pattern.localeCompare(b.pattern)),
});
const paths: [string, PatternScanner][] = [
  ['fastest', withFlags(0)],
  ['no avx-512 vbmi', withFlags(NO_VBMI)],
  ['no avx-512', withFlags(NO_AVX512)],
  ['no avx2', withFlags(NO_AVX2)],
  ['scalar', withFlags(SCALAR)],
];

/** Trigger-dense pieces: literals in every case, cut-off triggers, separators, wide and high chars, NULs. */
const PIECES = [
  ...planted.map((p) => p.text),
  ...BENIGN,
  'token',
  'TOKEN',
  'ToKeN',
  'api_key',
  'apiKey',
  'Key',
  'key-',
  'secret',
  'SeCrEt',
  'passwd',
  'credential',
  'CREDENTIALS',
  'Passphrase',
  'password ',
  'PASSWORD',
  'Authorization: Bearer ',
  'authorization',
  'bearer ',
  'ghp_',
  'gh',
  'AKIA',
  'akia',
  'sk-',
  'SK',
  'sk',
  'SKa',
  '://',
  ':/',
  'https://',
  'user:pw@host',
  '-----BEGIN',
  '-u',
  '-u ',
  '--',
  '--token ',
  '=',
  ': ',
  ':=',
  '"',
  "'",
  ' ',
  '\n',
  '\t',
  '\0',
  'a1B2c3D4e5F6g7H8i9J0',
  '0123456789abcdef0123456789abcdef',
  'xxxxxxxxxxxx',
  '\u0174\u016b', // chars above 0xff whose low bytes are 't' and 'k'
  '\u0153\u014b', // low bytes 'S' and 'K'
  '\u00e9\u00ff\u0080\u00c0',
];

const text = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 60 })
  .map((xs) => xs.join(''));

describe('native trigger search', () => {
  it('is built with the trigger search', () => {
    expect(typeof finders?.triggers).toBe('function');
    expect(['avx512vbmi', 'avx512bw', 'avx2', 'ssse3', 'scalar']).toContain(finders?.simd?.());
  });

  it.each([
    ['empty', ''],
    ['one byte', 't'],
    ['a trigger at the very end', 'x = ghp_'],
    ['a cut trigger', 'MY_TOK'],
    ['an upper-case twin of a case-sensitive literal', 'sk' + 'a'.repeat(32) + ' SK' + 'a'.repeat(32)],
    ['a key name with a value', 'export GITHUB_TOKEN=abcDEF123456789xyz\n'],
    ['a flag', 'tool --api-key s3cr3tV4lu3 run'],
    ['every byte value', String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i))],
    ['triggers back to back', 'tokentokenKEYkeyghp_ghp_://://--token '.repeat(40)],
    [
      'a long run of key-name bytes full of triggers (one forward run shared by its triggers)',
      'x_' + 'secret_Token-key.'.repeat(400) + '=abcDEF123456789xyz\n' + 'secret'.repeat(500) + ' pass',
    ],
  ])('same hits and holds as the JS loop: %s', (_name, s) => {
    for (const final of [true, false])
      for (const [, sc] of paths) expect(sc.scan(s, 0, final)).toEqual(ref.scan(s, 0, final));
  });

  it('every trigger literal, in three case forms, at every offset of a vector block', () => {
    const lits = (ref as unknown as { t: ScannerTables }).t.families.flatMap((f) => f.lits);
    const forms = [...new Set(lits.flatMap((l) => [l, l.toUpperCase(), l.toLowerCase()]))];
    expect(forms.length).toBeGreaterThan(100);
    for (const l of forms)
      for (let off = 0; off < 40; off++) {
        const s = `${'x'.repeat(off)}${l}=a1B2c3D4e5F6a1B2c3D4e5F6a1B2c3D4e5F6 ${l} ${'y'.repeat(40 - off)}`;
        const want = ref.scan(s, 0, false);
        for (const [name, sc] of paths)
          expect([name, l, off, sc.scan(s, 0, false)]).toEqual([name, l, off, want]);
      }
  });

  it('a text with more triggers than the first output buffer holds (it grows and retries)', () => {
    const s = 'a_token=x'.repeat(20000) + ' apiKey: "v4lu3V4LU3v4lu3"\n'.repeat(3000);
    for (const [, sc] of paths) expect(sc.scan(s, 0, false)).toEqual(ref.scan(s, 0, false));
  });

  it('trigger-dense text: same hits and holds at any start, final or not, on every path', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.boolean(), (s, f, final) => {
        const bin = Buffer.from(s, 'utf8').toString('latin1');
        // the raw string too: chars above 0xff reach the scanner on text (then JS scans)
        for (const x of [bin, s]) {
          const from = f % (x.length + 1);
          const want = ref.scan(x, from, final);
          for (const [, sc] of paths) expect(sc.scan(x, from, final)).toEqual(want);
        }
      }),
      { numRuns: 1200, seed: 31 },
    );
  });

  it('the tightened key-name follow filter drops nothing: same hits and holds as the loose one', () => {
    expect(CONTEXTS.filter((p) => p.follow?.includes('$')).length).toBe(5);
    fc.assert(
      fc.property(text, fc.nat(), fc.boolean(), (s, f, final) => {
        const bin = Buffer.from(s, 'utf8').toString('latin1');
        const from = f % (bin.length + 1);
        // In any order: with the loose filter the environment-style pattern shares its family
        // with the other key-name ones (same follow), so its hits come in another order.
        const want = unordered(looseFollow.scan(bin, from, final));
        expect(unordered(ref.scan(bin, from, final))).toEqual(want);
        expect(unordered(paths[0][1].scan(bin, from, final))).toEqual(want);
      }),
      { numRuns: 1500, seed: 41 },
    );
  });

  it('random bytes: same hits and holds on every path', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.boolean(), (bytes, final) => {
        const s = Buffer.from(bytes).toString('latin1');
        const want = ref.scan(s, 0, final);
        for (const [, sc] of paths) expect(sc.scan(s, 0, final, bytes)).toEqual(want);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('streamed masking is byte-identical to the reference wherever the stream is cut', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 12 }), (s, cuts) => {
        const input = Buffer.from(s, 'utf8');
        const st = new StreamStage(looseFollow, 1024);
        const old = {
          push: (c: Buffer) => Buffer.from(st.push(c.toString('latin1')), 'latin1'),
          flush: () => Buffer.from(st.flush(), 'latin1'),
        } as ChainMasker;
        const want = streamed(old, input, cuts);
        for (const [, sc] of paths)
          expect(streamed(new ChainMasker([new StreamStage(sc, 1024)]), input, cuts).equals(want)).toBe(true);
      }),
      { numRuns: 600, seed: 13 },
    );
  });

  it.each([
    ['refuses (-1)', (() => -1) as TriggerFinder],
    [
      'throws',
      (() => {
        throw new Error('boom');
      }) as TriggerFinder,
    ],
    ['asks for room forever (-2)', (() => -2) as TriggerFinder],
  ])('fail closed: a trigger search that %s leaves the scan to the other paths, same output', (_n, bad) => {
    const broken = new PatternScanner(undefined, { ...(finders as NativeFinders), triggers: bad });
    const s = planted.map((p) => p.text).join('\n') + '\nexport API_TOKEN=zzTop123456789\n';
    expect(broken.scan(s, 0, true)).toEqual(ref.scan(s, 0, true));
    expect(broken.scan(s, 0, true).hits.length).toBeGreaterThan(planted.length / 2);
  });

  it('rejects bad tables with -1', () => {
    const sc = withFlags(0) as unknown as {
      t: ScannerTables;
      search(b: Uint8Array, f: boolean): number;
      native: { teddy: Uint8Array; prog: Int32Array; tab: Uint8Array };
    };
    sc.search(Buffer.from('token'), true);
    const { teddy, prog, tab } = sc.native;
    const b = Buffer.from('api_token = abc123456789');
    const out = new Int32Array(300);
    const run = finders!.triggers!;
    expect(run(b, sc.t.pairIndex, sc.t.third, teddy, prog, tab, out, 0)).toBeGreaterThan(0);
    const bad = prog.slice();
    bad[7 + prog[1] + 1] = 1e6; // the first entry's family out of range
    expect(run(b, sc.t.pairIndex, sc.t.third, teddy, bad, tab, out, 0)).toBe(-1);
    expect(run(b, sc.t.pairIndex, sc.t.third, teddy, prog, tab.subarray(0, 3), out, 0)).toBe(-1);
    expect(run(b, sc.t.pairIndex, sc.t.third, teddy.subarray(0, 50), prog, tab, out, 0)).toBe(-1);
    expect(run(b, sc.t.pairIndex, sc.t.third.subarray(0, 256), teddy, prog, tab, out, 0)).toBe(-1);
    expect(run(b, sc.t.pairIndex, sc.t.third, teddy, prog, tab, new Int32Array(2), 0)).toBe(-2);
  });
});

describe('start conditions derived from patterns', () => {
  const c = (nodes: Node[]): unknown => startConds(nodes);
  it.each<[string, Node[], unknown]>([
    [
      'a literal then a class',
      [behind('(?<![a-z])'), lit('SK'), cls('[0-9a-f]', 32, 32)],
      [{ lit: 'SK', next: '[0-9a-f]' }],
    ],
    ['a class that may be empty ends them', [lit('--'), cls('[a-z]', 0, 4)], [{ lit: '--', next: null }]],
    ['a leading class', [cls('[A-Za-z]', 1, 1), lit('://')], [{ lit: '', next: '[A-Za-z]' }]],
    ['a leading optional class: nothing known', [cls('[a-z]', 0, 3), lit('x')], null],
    [
      'alternatives',
      [alt(seq(lit('a'), cls('[0-9]', 1, 2)), lit('b'))],
      [
        { lit: 'a', next: '[0-9]' },
        { lit: 'b', next: null },
      ],
    ],
    [
      'an optional head',
      [opt(lit('x')), lit('y')],
      [
        { lit: 'x', next: null },
        { lit: 'y', next: null },
      ],
    ],
    [
      'a lookahead between is skipped',
      [lit('k'), ahead('(?![_])'), cls('[a-z]', 2, 2)],
      [{ lit: 'k', next: '[a-z]' }],
    ],
    ['a raw node that consumes: nothing known', [{ raw: 'ab', partial: '$', max: 2 }, lit('x')], null],
    ['a raw assertion followed by more: not an assertion', [{ raw: '(?=a)b', partial: '$' }, lit('x')], null],
  ])('%s', (_name, nodes, want) => {
    expect(c(nodes)).toEqual(want);
  });
});
