/** A git alias's value split into words (src/normalize/git-alias-words.ts). */
import { describe, expect, it } from 'vitest';
import { aliasWords, MAX_ALIAS_DEPTH } from '../../src/normalize/git-alias-words.js';

describe('git alias values as words', () => {
  it.each<[string, string[] | undefined]>([
    ['push --force origin main', ['push', '--force', 'origin', 'main']],
    ["commit -m 'two words'", ['commit', '-m', 'two words']],
    ['log\\ --oneline', ['log --oneline']],
    // empty: no words (each caller fails closed on it: see the module)
    ['', []],
    ['   ', []],
    // operators, redirections and globs are not read literally
    ['status && push -f', undefined],
    ['log > out.txt', undefined],
    ['add *.env', undefined],
  ])('%j → %j', (body, want) => expect(aliasWords(body)).toEqual(want));

  it('follows a bounded chain', () => expect(MAX_ALIAS_DEPTH).toBe(5));
});
