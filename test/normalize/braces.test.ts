/**
 * Brace expansion is bounded by the size of its output and by its work, not only by the
 * number of words: inputs under the script-size limit that once exhausted the heap or
 * stalled the engine for seconds end as ask from a budget that depends on the text only.
 */
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS, type AnalyzeContext } from '../../src/engine/types.js';

// The wall-clock backstop is switched off here: only the work budgets may decide.
const limits = { ...DEFAULT_LIMITS, maxMillis: 1e9 };
const ctx: AnalyzeContext = { cwd: '/w', workspace: '/w', home: '/h', env: {}, limits };

function run(script: string) {
  const parsed = parseScript(script, limits);
  const r = normalize(parsed, ctx);
  return { commands: r.commands, codes: [...parsed.issues, ...r.issues].map((i) => i.code) };
}

describe('brace expansion budgets', () => {
  it.each<[string, string]>([
    ['few braces on a long word (1,000 words of 20 KB)', 'echo ' + 'x'.repeat(20_000) + '{a,b}'.repeat(10)],
    ['nested list 5,000 deep', 'echo ' + '{a,'.repeat(5000) + 'b' + '}'.repeat(5000)],
    ['nested list of three 3,000 deep', 'echo ' + '{a,b,'.repeat(3000) + 'c' + '}'.repeat(3000)],
  ])('%s → E_TOO_MANY_WORDS', (_name, script) => {
    const r = run(script);
    expect(r.codes).toContain('E_TOO_MANY_WORDS');
    expect(r.codes).not.toContain('E_TIMEOUT');
  });

  it('a word kept unexpanded is dynamic', () => {
    const r = run('rm ' + 'x'.repeat(20_000) + '{a,b}'.repeat(10));
    expect(r.commands[0].argv).toHaveLength(2);
    expect(r.commands[0].dynamicArgs).toEqual([1]);
  });

  it.each<[string, string, number]>([
    ['small lists expand fully', 'echo {a,b}{c,d}{e,f}', 8],
    ['nested lists expand fully', 'echo {a,{b,{c,d}}}', 4],
  ])('%s', (_name, script, words) => {
    const r = run(script);
    expect(r.codes).toEqual([]);
    expect(r.commands[0].argv).toHaveLength(words + 1);
  });
});

describe('parse budget', () => {
  it.each<[string, string]>([
    ['131 KB of {a,b}', 'echo ' + '{a,b}'.repeat(26_000)],
    ['30,000-member pipeline', 'a|'.repeat(30_000) + 'b'],
  ])('%s is not parsed → E_TOO_LARGE', (_name, script) => {
    const r = parseScript(script, limits);
    expect(r.root).toBeNull();
    expect(r.issues.map((i) => i.code)).toEqual(['E_TOO_LARGE']);
  });
});
