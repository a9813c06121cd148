/** Payload helpers of the cloud run-command carriers (src/normalize/remote-cloud-payload.ts). */
import { describe, expect, it } from 'vitest';
import { guessLangs, optionWords } from '../../src/normalize/remote-cloud-payload.js';
import { lit } from '../../src/normalize/state.js';

describe('cloud payload helpers', () => {
  it.each<[string[], string[]]>([
    [
      ['--scripts', 'a', 'b', '--parameters', 'x'],
      ['a', 'b'],
    ],
    [['--scripts=a', '-g', 'rg'], ['a']],
    [['-g', 'rg'], []],
  ])('optionWords %j', (args, want) =>
    expect(optionWords(args.map(lit), '--scripts').map((f) => f.text)).toEqual(want),
  );

  it.each<[string, string[]]>([
    ['rm -rf /data', ['sh']],
    ['Remove-Item -Recurse C:\\data', ['sh', 'pwsh']],
    ['echo $env:TEMP', ['sh', 'pwsh']],
  ])('guessLangs %s', (text, want) => expect(guessLangs(text)).toEqual(want));
});
