/**
 * mv, ln and cp read GNU long-option prefixes as the tools do (`ln --symb --for`): the
 * abbreviated command gets the same verdict and rules as the spelled-out one, and the
 * link/copy over a dotfile is not allowed (an escape found by the differential oracle).
 */
import { describe, expect, it } from 'vitest';
import { loadEngine, makeContext } from '../../src/engine/analyze.js';

const engine = await loadEngine({ exampleCacheDir: '', noConfig: true });
const ctx = makeContext({ cwd: '/home/dev/project', home: '/home/dev', env: {} });
const judge = (c: string) => {
  const d = engine.analyze(c, ctx);
  return { decision: d.decision, rules: d.findings.map((f) => f.rule).sort() };
};

describe('GNU long-option prefixes of mv, ln, cp', () => {
  it.each<[string, string]>([
    ['ln --symb --for /dev/null ~/.bashrc', 'ln --symbolic --force /dev/null ~/.bashrc'],
    ['ln --for /dev/null ~/.bashrc', 'ln --force /dev/null ~/.bashrc'],
    ['cp --remove-d /dev/null ~/.bashrc', 'cp --remove-destination /dev/null ~/.bashrc'],
    ['mv --for ~/.ssh /tmp/gone', 'mv --force ~/.ssh /tmp/gone'],
  ])('%s is read as %s', (short, full) => {
    const a = judge(short);
    expect(a).toEqual(judge(full));
    expect(a.decision).not.toBe('allow');
  });
});
