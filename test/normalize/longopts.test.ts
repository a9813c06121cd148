import { describe, expect, it } from 'vitest';
import { isLongOpt, resolveLong } from '../../src/normalize/longopts.js';

const T = ['force', 'force-with-lease', 'force-if-includes', 'hard', 'help', 'dry-run'];

describe('resolveLong', () => {
  it.each<[string, string[]]>([
    ['hard', ['hard']],
    ['har', ['hard']],
    ['ha', ['hard']],
    ['h', ['hard', 'help']], // ambiguous: every candidate (fail closed)
    ['force', ['force']], // exact wins over longer names
    ['forc', ['force', 'force-with-lease', 'force-if-includes']],
    ['force-w', ['force-with-lease']],
    ['dry', ['dry-run']],
    ['nothing', ['nothing']],
  ])('--%s → %o', (w, want) => expect(resolveLong(w, T)).toEqual(want));

  it.each<[string, boolean]>([
    ['--d', true],
    ['--dec', true],
    ['--decode', true],
    ['--decode=x', true],
    ['--w', false],
    ['-d', false],
    ['--decoder', false],
  ])('base64 %s is --decode: %s', (w, want) =>
    expect(isLongOpt(w, 'decode', ['decode', 'ignore-garbage', 'wrap', 'help', 'version'])).toBe(want),
  );
});
