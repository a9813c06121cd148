/**
 * A small fixed run of the differential oracle (test/tools/oracle.mjs): 200 rewrites of
 * destructive seeds; each one the engine allows runs in a bwrap sandbox with logging stubs,
 * and none may run its seed's destructive argv. The full run is `npm run fuzz`.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadEngine, makeContext } from '../../src/engine/analyze.js';
// @ts-expect-error plain ESM test tool without type declarations
import { makeSandbox, runOracle, SEEDS } from '../tools/oracle.mjs';

const engine = await loadEngine({ exampleCacheDir: '' });
const ctx = makeContext({ cwd: '/home/dev/project', home: '/home/dev', env: { HOME: '/home/dev' } });
const hasBwrap = spawnSync('bwrap', ['--version']).status === 0;

describe.skipIf(!hasBwrap)('differential oracle (bwrap sandbox, stubbed destructive programs)', () => {
  it('control: every seed runs its destructive argv in the sandbox without agentfw', () => {
    const box = makeSandbox();
    try {
      for (const s of SEEDS as string[]) {
        const ran: string[][] = box.exec(s);
        expect(ran.map((a) => a[0])).toContain(s.split(' ')[0]);
      }
      // …and a rewrite that bash runs the same way logs the same argv.
      expect(box.exec('git p"${@}"ush --force')).toEqual([['git', 'push', '--force']]);
    } finally {
      box.close();
    }
  });

  it('200 rewrites: none the engine allows runs a seed’s destructive argv', () => {
    const res = runOracle({ analyze: (s: string) => engine.analyze(s, ctx).decision, cases: 200, seed: 7 });
    expect(res.controlFailures).toEqual([]);
    expect(res.cases).toBe(200);
    expect(res.misses).toEqual([]);
  });
});
