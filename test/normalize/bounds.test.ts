import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS, type AnalyzeContext, type Limits } from '../../src/engine/types.js';

const ctx = (limits: Limits = DEFAULT_LIMITS): AnalyzeContext => ({
  cwd: '/w',
  workspace: '/w',
  home: '/h',
  env: {},
  limits,
});

function run(script: string, limits: Limits = DEFAULT_LIMITS) {
  const t0 = performance.now();
  const parsed = parseScript(script, limits);
  const r = normalize(parsed, ctx(limits));
  return { ...r, issues: [...parsed.issues, ...r.issues], ms: performance.now() - t0 };
}

const codes = (r: { issues: { code: string }[] }) => r.issues.map((i) => i.code);

describe('bounds: always returns, never throws', () => {
  it.each<[string, string, string]>([
    ['1 MB line', 'echo ' + 'a'.repeat(1024 * 1024), 'E_TOO_LARGE'],
    ['NUL byte', 'rm -rf /tmp/x\0; ls', 'E_PARSE_NUL'],
    ['10k nested $(', 'echo ' + '$('.repeat(10000) + 'x' + ')'.repeat(10000), 'E_TOO_DEEP'],
    ['brace bomb', 'echo ' + '{a,b}'.repeat(12), 'E_TOO_MANY_WORDS'],
    ['deep eval', 'eval '.repeat(50) + 'rm -rf /', 'E_TOO_DEEP'],
    ['recursive function', 'f() { f; }; f', 'E_TOO_DEEP'],
    ['recursive alias via eval', "alias a='eval a'; a", 'E_TOO_DEEP'],
  ])('%s → %s', (_name, script, code) => {
    const r = run(script);
    expect(codes(r)).toContain(code);
    expect(r.ms).toBeLessThan(3000);
  });

  it('deep bash -c nesting ends with a depth or time issue', () => {
    const r = run(nestShells(9));
    expect(codes(r).some((c) => c === 'E_TOO_DEEP' || c === 'E_TIMEOUT')).toBe(true);
    expect(r.ms).toBeLessThan(3000);
  });

  it('stops at maxNodes with an issue', () => {
    const r = run('echo a; '.repeat(2000), { ...DEFAULT_LIMITS, maxNodes: 500 });
    expect(codes(r)).toContain('E_TOO_MANY_NODES');
  });

  it('stops at maxMillis with an issue', () => {
    const r = run('echo a | sh; '.repeat(3000), { ...DEFAULT_LIMITS, maxMillis: 1 });
    expect(codes(r).some((c) => c === 'E_TIMEOUT' || c === 'E_TOO_MANY_NODES')).toBe(true);
  });

  it('random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = run(s);
        expect(Array.isArray(r.commands)).toBe(true);
        expect(codes(r)).not.toContain('E_NORMALIZE_INTERNAL');
      }),
      { numRuns: 300 },
    );
  });

  it('random shell-ish token soups', () => {
    const token = fc.constantFrom(
      'rm',
      '-rf',
      '/',
      '~',
      '$x',
      '"',
      "'",
      '$(',
      ')',
      '`',
      '{',
      '}',
      ',',
      '|',
      '&&',
      ';',
      '<<EOF\n',
      'EOF',
      'bash -c',
      'eval',
      'x=',
      '${',
      ':-',
      '\\',
      '\n',
      ' ',
      '<(',
      '>',
      'xargs',
      'find',
      '-exec',
      '{}',
      '\\;',
      'python3 -c',
      "'import os'",
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (parts) => {
        const r = run(parts.join(' '));
        expect(codes(r)).not.toContain('E_NORMALIZE_INTERNAL');
      }),
      { numRuns: 400 },
    );
  });
});

function nestShells(n: number): string {
  let s = 'rm -rf /';
  for (let i = 0; i < n; i++) s = `bash -c '${s.replace(/'/g, `'\\''`)}'`;
  return s;
}
