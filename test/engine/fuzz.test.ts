/**
 * Random and adversarial input always yields a verdict: the engine never throws and
 * never hangs, and input it could not understand is never allowed.
 */
import fc from 'fast-check';
import { quote } from 'shell-quote';
import { describe, expect, it } from 'vitest';
import { loadEngine, makeContext } from '../../src/engine/analyze.js';

const engine = await loadEngine({ skipExamples: true });
const ctx = makeContext({ cwd: '/home/dev/project', home: '/home/dev', env: { HOME: '/home/dev' } });
const VERDICTS = ['allow', 'ask', 'deny'];

/** A hang detector, not a speed test (speed lives in `npm run bench`). */
const HANG_MS = 5_000;

/** `bash -c '…'` nested n times, each level quoted for the one outside it. */
function nestBashC(script: string, n: number): string {
  let s = script;
  for (let i = 0; i < n; i++) s = `bash -c ${quote([s])}`;
  return s;
}

function analyzeTimed(s: string) {
  const t0 = performance.now();
  const d = engine.analyze(s, ctx);
  return { d, ms: performance.now() - t0 };
}

describe('adversarial inputs', () => {
  it.each([
    ['1 MB line', 'a'.repeat(1 << 20)],
    ['1 MB of rm -rf', 'rm -rf / ;'.repeat(100_000)],
    ['10k nested $(', '$('.repeat(10_000) + 'rm -rf /' + ')'.repeat(10_000)],
    ['10k unclosed $(', '$('.repeat(10_000)],
    ['NUL bytes', 'rm -rf /\0tmp'],
    ['deep bash -c (properly quoted, past the depth cap)', nestBashC('rm -rf /', 12)],
    ['deep eval nesting', 'eval \'eval "eval rm -rf /"\''],
    ['huge brace expansion', 'echo ' + '{a,b,c,d,e,f,g,h,i,j}'.repeat(12)],
    ['unterminated quote', "rm -rf '/"],
    ['unterminated heredoc', 'cat <<EOF\nrm -rf /'],
  ])('%s: a non-allow verdict, no throw, no hang', (_name, input) => {
    const { d, ms } = analyzeTimed(input);
    expect(VERDICTS).toContain(d.decision);
    expect(d.decision).not.toBe('allow');
    expect(ms).toBeLessThan(HANG_MS);
  });
});

describe('property: any string', () => {
  it('always returns one of the three verdicts without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const { d, ms } = analyzeTimed(s);
        return VERDICTS.includes(d.decision) && ms < HANG_MS;
      }),
      { numRuns: 400 },
    );
  });

  it('shell-shaped noise: a script with a syntax error is never allowed', () => {
    const token = fc.constantFrom(
      'rm',
      '-rf',
      '/',
      '$(',
      ')',
      '"',
      "'",
      '`',
      '|',
      '&&',
      ';',
      '<<EOF',
      'EOF',
      '\n',
      '{',
      '}',
      'bash -c',
      'eval',
      '$x',
      '\\',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (parts) => {
        const s = parts.join(' ');
        const { d } = analyzeTimed(s);
        const syntaxError = d.issues.some((i) => i.code.startsWith('E_PARSE'));
        return VERDICTS.includes(d.decision) && (!syntaxError || d.decision !== 'allow');
      }),
      { numRuns: 400 },
    );
  });
});
