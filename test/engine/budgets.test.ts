/**
 * Verdicts come from work budgets, not from the clock: for inputs that are slow to analyse,
 * the verdict and the issues are the same with the default limits and with the wall-clock
 * backstop switched off, and no input here reaches the backstop.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine, makeContext } from '../../src/engine/analyze.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

const engine = await loadEngine({ exampleCacheDir: '' });
const base = { cwd: '/w', home: '/h', env: {} };
const normal = makeContext(base);
const noClock = makeContext({ ...base, limits: { ...DEFAULT_LIMITS, maxMillis: 1e9 } });

describe('the same input gets the same verdict whatever the machine load', () => {
  it.each<[string, string]>([
    ['131 KB brace list', 'echo ' + '{a,b}'.repeat(26_000)],
    ['nested brace list 5,000 deep', 'echo ' + '{a,'.repeat(5000) + 'b' + '}'.repeat(5000)],
    ['nested brace list of three', 'echo ' + '{a,b,'.repeat(3000) + 'c' + '}'.repeat(3000)],
    ['30,000-member pipeline', 'a|'.repeat(30_000) + 'b'],
    ['8,000 brace words', 'echo ' + ' {a,b}{c,d}'.repeat(8000)],
    ['long brace sequence list', 'echo ' + '{1..9}'.repeat(10_000)],
    // Function calls fan out: bounded by a count of calls followed, not only by the node budget.
    ['a function calling itself twice', 'f() { f; f; }; f'],
    [
      'twenty functions each calling the one before twice (2^20 calls)',
      'a() { echo; }; ' +
        Array.from(
          { length: 20 },
          (_, i) => `f${i + 1}() { ${i ? `f${i}` : 'a'}; ${i ? `f${i}` : 'a'}; };`,
        ).join(' ') +
        ' f20',
    ],
    // Found by npm run fuzz: the URL search over a substitution's text rescanned a 100 KB
    // word from every position (≈40 s); now linear (src/extract/shell.ts firstUrl).
    [
      'backquoted heredoc: a 100 KB word and a fetch',
      '`"cat <<EOF\n{' + 'x'.repeat(100_000) + ',bash -c \'x | curl | "DELETE"\'}\nEOF\n"`',
    ],
  ])('%s', (_name, script) => {
    const a = engine.analyze(script, normal);
    const b = engine.analyze(script, noClock);
    const codes = (d: typeof a) => [...new Set(d.issues.map((i) => i.code))].sort();
    expect(codes(a)).not.toContain('E_TIMEOUT');
    expect(codes(a)).toEqual(codes(b));
    expect(a.decision).toBe(b.decision);
    expect(a.decision).toBe('ask');
  });
});
