/**
 * Where a help or dry-run word counts (src/extract/help-words.ts): as an option, not as the
 * value of the option before it, nor after `--`.
 */
import { describe, expect, it } from 'vitest';
import { asksHelp, optionWord, trailingShortHelp } from '../../src/extract/help-words.js';
import { packVerdict } from '../helpers/command.js';

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

describe('trailingShortHelp', () => {
  it.each<[string[], boolean]>([
    [['sfdisk', '--delete', '/dev/sdb', '-h'], true],
    [['eksctl', 'delete', 'cluster', 'prod', '-h'], true],
    [['tool', '--force', '-h'], true],
    // a value of the option before it, a `-h` that is not last, after `--`, alone
    [['tool', 'delete', 'x', '--host', '-h'], false],
    [['mytool', '-h', 'db1', 'delete', 'x'], false],
    [['tool', 'delete', '--', 'x', '-h'], false],
    [['tool', '-h'], true],
  ])('%j → %s', (argv, want) => expect(trailingShortHelp(argv)).toBe(want));
});

const verdict = async (pack: string) => packVerdict(pack);
const fsPack = await verdict('filesystem');
const saas = await verdict('saas');

describe('a help request after the real arguments runs nothing', () => {
  it.each([
    ['wipefs -a /dev/sdb --help', 'allow'],
    ['wipefs --all /dev/sdb -h', 'allow'],
    ['sfdisk --delete /dev/sdb -h', 'allow'],
    ['sfdisk --delete /dev/sdb 2 --help', 'allow'],
    ['mkswap /dev/sdb2 -h', 'allow'],
    // `-h` is not help for these, or a help word that is an operand
    ['sgdisk --zap-all /dev/sdb -h', 'deny filesystem/wipe-device'],
    ['cryptsetup luksFormat /dev/sdb -h', 'deny filesystem/wipe-device'],
    ['wipefs -a /dev/sdb -- --help', 'deny filesystem/wipe-device'],
    ['sfdisk --delete /dev/sdb', 'deny filesystem/wipe-device'],
  ])('filesystem: %s → %s', (script, want) => expect(fsPack(script)).toBe(want));
  it.each([
    ['sfdisk --delete /dev/sdb -h', 'allow'],
    ['eksctl delete cluster prod -h', 'allow'],
    ['kafka-topics --delete --topic t -h', 'allow'],
    ['mytool -h db1 delete x', 'ask saas/unknown-cli-destroy'],
    ['mytool delete x --host -h', 'ask saas/unknown-cli-destroy'],
  ])('saas: %s → %s', (script, want) => expect(saas(script)).toBe(want));
});
