/**
 * Where a help or dry-run word counts (src/extract/help-words.ts): as an option, not as the
 * value of the option before it, nor after `--`.
 */
import { describe, expect, it } from 'vitest';
import { asksHelp, optionWord } from '../../src/extract/help-words.js';

const helpOrDry = (argv: string[]) => optionWord(argv, (w) => w === '--help' || w === '--dry-run');

describe('optionWord', () => {
  it.each<[string[], boolean]>([
    [['tool', '--help'], true],
    [['tool', 'delete', 'x', '--help'], true],
    [['tool', 'delete', 'x', '--force', '--help'], true],
    [['tool', 'delete', 'x', '--dry-run', '--help'], true],
    [['tool', 'delete', 'x', '--comment=a', '--dry-run'], true],
    [['tool', '--dry-run', 'delete', 'x'], true],
    [['tool', 'label', 'ns', 'a=b', '--overwrite', '--dry-run'], true],
    // a value of the option before it, or an operand after `--`
    [['tool', 'delete', 'x', '--comment', '--help'], false],
    [['tool', 'delete', 'x', '-m', '--dry-run'], false],
    [['tool', 'delete', '--', '--help'], false],
    // a longer word is not the option
    [['tool', 'delete', 'x', '--help-text'], false],
    [['tool', 'delete', 'x'], false],
  ])('%j → %s', (argv, want) => expect(helpOrDry(argv)).toBe(want));

  it('takes a tool’s own switches', () => {
    expect(asksHelp(['userdel', '-r', '--help'])).toBe(false);
    expect(asksHelp(['userdel', '-r', '--help'], /^-r$/)).toBe(true);
  });
});
