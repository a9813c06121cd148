/**
 * The recommended preset run by the workspace scan (src/secrets/secretlint.ts): it still
 * finds secrets, and its profiler leaves no performance marks behind (it kept every one and
 * searched them all at each new one: quadratic in the files linted).
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { secretlintFindings } from '../../src/secrets/secretlint.js';

const KEY = `ghp_${'Hk2Lq9Wm4Xr7Tz1Vb5Nc8Pd3Fs6Jg0Ya2Eu4'.slice(0, 36)}`;

describe('secretlintFindings', () => {
  it('finds a secret and leaves the process timeline as it was, over many files', async () => {
    const marks = () => performance.getEntriesByType('mark').length;
    const found: string[] = [];
    const before = marks();
    for (let i = 0; i < 40; i++) {
      for (const f of await secretlintFindings(`GITHUB_TOKEN=${KEY}\nN=${i}\n`, `/ws/${i}/.env`))
        found.push(f.value);
    }
    expect(found.filter((v) => v === KEY)).toHaveLength(40);
    expect(marks()).toBe(before);
  });
});
