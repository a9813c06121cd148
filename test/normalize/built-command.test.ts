/**
 * Command strings built from literal text and values not known here (src/normalize/built-command.ts):
 * the shell text they build, each value a variable quoted for where it lands.
 */
import { describe, expect, it } from 'vitest';
import { builtShell, type Piece } from '../../src/normalize/built-command.js';

describe('builtShell', () => {
  it.each<[string, Piece[], { text: string; unknowns: string[] } | undefined]>([
    [
      'a value outside quotes is one quoted word',
      [{ text: 'ping -c1 ' }, { name: 'h' }, { text: ' && echo up ' }, { name: 'h' }],
      { text: 'ping -c1 "${h}" && echo up "${h}"', unknowns: ['h'] },
    ],
    [
      'inside double quotes',
      [{ text: 'echo "up ' }, { name: 'h' }, { text: '"' }],
      { text: 'echo "up ${h}"', unknowns: ['h'] },
    ],
    [
      'inside single quotes: the quotes closed around it',
      [{ text: "echo 'up " }, { name: 'h' }, { text: "'" }],
      { text: `echo 'up '"\${h}"''`, unknowns: ['h'] },
    ],
    [
      'a name that is no shell name gets one',
      [{ text: 'ping ' }, { name: 'host.name' }, { text: ' ' }, { name: 'a[0]' }],
      { text: 'ping "${value1}" "${value2}"', unknowns: ['value1', 'value2'] },
    ],
    [
      'the program word a value',
      [{ name: 'cmd' }, { text: ' --version' }],
      { text: '"${cmd}" --version', unknowns: ['cmd'] },
    ],
    // fail closed: a backslash that escapes the value
    ['a pending backslash', [{ text: 'echo \\' }, { name: 'h' }], undefined],
    // nothing built at run time: not this reader's
    ['all literal', [{ text: 'ls' }], undefined],
  ])('%s', (_what, pieces, want) => expect(builtShell(pieces)).toEqual(want));
});
