import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScript, type SyntaxNode } from '../../src/parse/parse.js';
import { DEFAULT_LIMITS, type Limits } from '../../src/engine/types.js';
import { execFileSync } from 'node:child_process';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const L: Limits = DEFAULT_LIMITS;
const codes = (s: string, limits: Limits = L) => parseScript(s, limits).issues.map((i) => i.code);

describe('parseScript', () => {
  it.each([
    ['ls -la', []],
    ['a && b || c; d | e &', []],
    ['cat <<EOF\nhi\nEOF', []],
    ['{rm,-rf,/}', []],
    ['echo "abc', ['E_PARSE_SYNTAX']],
    // a backslash that ends the script is a literal backslash to bash, not an error
    ['procdump64.exe -ma app.exe C:\\dumps\\', []],
    ['echo hi \\', []],
    ['echo hi \\\\', []],
    ["echo 'abc\\", ['E_PARSE_SYNTAX']],
    ['echo "abc\\', ['E_PARSE_SYNTAX']],
    ['if true; then echo', ['E_PARSE_SYNTAX']],
    ['echo a\0b', ['E_PARSE_NUL']],
    ['x'.repeat(DEFAULT_LIMITS.maxScriptBytes + 1), ['E_TOO_LARGE']],
  ])('%j → issues %j', (src, expected) => {
    expect([...new Set(codes(src))]).toEqual(expected);
  });

  // The words read are the ones bash passes (real bash as the reference).
  it.each([["printf '%s\\n' C:\\dumps\\"], ["printf '%s\\n' a b\\\\ c\\"], ["printf '%s\\n' x \\"]])(
    '%j: the arguments bash passes',
    (script) => {
      const bashWords = execFileSync('bash', ['-c', script], { encoding: 'utf8' }).split('\n').slice(0, -1);
      const r = normalizeIn(filesContext({}), script);
      expect(r.issues).toEqual([]);
      expect(r.commands[0].argv.slice(2)).toEqual(bashWords);
    },
  );

  it('a parse that timed out leaves nothing behind for the next one', () => {
    const slow = parseScript('echo ' + '{a,b}'.repeat(20_000), {
      ...L,
      maxMillis: 1,
      maxScriptBytes: 1e7,
      maxParseCost: 1e7,
    });
    expect(slow.issues.map((i) => i.code)).toContain('E_TIMEOUT');
    const next = parseScript('rm -rf /', L);
    expect(next.issues).toEqual([]);
    const cmd = (next.root as SyntaxNode).namedChildren[0];
    expect(cmd.namedChildren.map((c) => c.text)).toEqual(['rm', '-rf', '/']);
  });

  it('counts nodes against maxNodes', () => {
    expect(codes('echo a b c d e f g', { ...L, maxNodes: 5 })).toContain('E_TOO_MANY_NODES');
  });

  it('does not hand a 1 MB line to tree-sitter', () => {
    const t0 = performance.now();
    const r = parseScript('echo ' + 'a'.repeat(1024 * 1024), L);
    expect(r.root).toBeNull();
    expect(r.issues[0].code).toBe('E_TOO_LARGE');
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('keeps spans as string offsets of the original text', () => {
    const r = parseScript('é; {rm,-rf,/}', L);
    const root = r.root as { namedChildren: { startIndex: number; endIndex: number }[] };
    expect(root.namedChildren.map((c) => [c.startIndex, c.endIndex])).toEqual([
      [0, 1],
      [3, 13],
    ]);
  });

  it.each([
    ['10k nested $(', 'echo ' + '$('.repeat(10000) + 'x' + ')'.repeat(10000), null],
    ['257 nested (', '('.repeat(257) + 'x' + ')'.repeat(257), null],
    ['256 nested (', '('.repeat(256) + 'x' + ')'.repeat(256), 'E_TOO_DEEP-free'],
  ])('%s: parentheses deeper than 256 are refused before parsing (E_TOO_DEEP)', (_n, s, ok) => {
    const r = parseScript(s, L);
    if (ok === null) {
      expect(r.root).toBeNull();
      expect(r.issues.map((i) => i.code)).toEqual(['E_TOO_DEEP']);
    } else {
      expect(r.root).not.toBeNull();
      expect(r.issues.map((i) => i.code)).not.toContain('E_TOO_DEEP');
    }
  });

  it('never throws on random input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = parseScript(s, L);
        expect(Array.isArray(r.issues)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
