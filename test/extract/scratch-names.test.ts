/** Names that say they are one run's throwaway (src/extract/scratch-names.ts). */
import { describe, expect, it } from 'vitest';
import { scratchName } from '../../src/extract/scratch-names.js';

describe('scratch names', () => {
  it.each<[string, boolean]>([
    ['review-123', true],
    ['pr-42', true],
    ['pr-42.dev', true],
    ['scratch-test', true],
    ['e2e-tmp', true],
    ['ci-7f3a', true],
    ['Preview_Feature_X', true],
    // one word is a shared environment's name as often as not; kept words win
    ['test', false],
    ['ci', false],
    ['review', false],
    ['production', false],
    ['shop-prod', false],
    ['test-prod', false],
    ['staging-tmp', false],
    ['ci-runners', false],
    ['latest-build', false],
    ['', false],
  ])('%s → %s', (name, want) => expect(scratchName(name)).toBe(want));
});
