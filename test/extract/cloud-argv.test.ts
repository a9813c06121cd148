import { describe, expect, it } from 'vitest';
import { dynamicValue, optionPairs, optionValue, positionals } from '../../src/extract/cloud-argv.js';
import { command } from '../helpers/command.js';

describe('optionValue: the value of the first option accepted', () => {
  const cases: [string, string[], RegExp | ((n: string) => boolean), number, string | undefined][] = [
    ['separate word', ['tool', '--name', 'x'], /^--name$/, 1, 'x'],
    ['inline after =', ['tool', '--name=x=y'], /^--name$/, 1, 'x=y'],
    ['empty inline value', ['tool', '--name=', 'next'], /^--name$/, 1, ''],
    ['first of several names', ['tool', '-t', 'a', '--target', 'b'], /^(-t|--target)$/, 1, 'a'],
    ['absent', ['tool', '--other', 'x'], /^--name$/, 1, undefined],
    ['last word without a value', ['tool', '--name'], /^--name$/, 1, undefined],
    ['the program itself is skipped', ['--name', 'x'], /^--name$/, 1, undefined],
    ['from 0: arguments without the program', ['--host', 'db'], (n) => ['-h', '--host'].includes(n), 0, 'db'],
  ];
  it.each(cases)('%s', (_, argv, names, from, want) => {
    expect(optionValue(argv, names, from)).toBe(want);
  });
});

describe('optionPairs', () => {
  it.each([
    [
      ['tool', '--a', 'x', '--b=y', 'pos'],
      [
        ['--a', 'x'],
        ['--b', 'y'],
      ],
    ],
    [['tool', 'pos', '--last'], []],
  ] as [string[], [string, string][]][])('%j', (argv, want) => {
    expect(optionPairs(argv)).toEqual(want);
  });
});

describe('positionals: the words that are not options or their values', () => {
  it.each<[string[], RegExp, string[]]>([
    [['-s', 'ns1', 'delzone', 'example.com'], /^-[bckpsyt]$/, ['delzone', 'example.com']],
    [['-clean', 'delzone', 'example.com'], /^-[bckpsyt]$/, ['delzone', 'example.com']],
    [['--config', 'knot.conf', 'zone-purge'], /^--config$/, ['zone-purge']],
    [['--config=knot.conf', 'zone-purge'], /^--config$/, ['zone-purge']],
    [['-c'], /^-c$/, []],
    [[], /^-c$/, []],
  ])('%j', (args, valued, want) => expect(positionals(args, valued)).toEqual(want));
});

describe('dynamicValue: an option value the shell fills in', () => {
  it.each<[string[], number[], string, boolean]>([
    [['gcloud', '--authorized-networks=$NETS'], [1], '$NETS', true],
    [['az', '--end-ip-address', '$END'], [2], '$END', true],
    [['tailscale', 'serve', 'path:$DIR'], [2], '$DIR', true],
    [['az', '--end-ip-address', '$END'], [], '$END', false],
    [['az', '--end-ip-address', '255.255.255.255', '$X'], [3], '255.255.255.255', false],
    [['az', '--x', '$X'], [2], '', false],
  ])('%j (dynamic %j) %s → %s', (argv, dynamicArgs, value, want) =>
    expect(dynamicValue(command(argv, { dynamicArgs }), value)).toBe(want),
  );
});
