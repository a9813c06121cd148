/** ninja build files (src/normalize/ninja.ts): each build statement runs its rule's command. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
/** Each normalized command as `wrappers|argv…` (dynamic ones marked), in order. */
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

import { ninjaCommands } from '../../src/normalize/ninja.js';

describe('ninja', () => {
  it.each<[string, string]>([
    [
      `printf 'rule r\\n  command = rm -rf $$HOME\\nbuild x: r\\n' > /tmp/b.ninja && ninja -f /tmp/b.ninja`,
      'ninja|rm -rf /h',
    ],
    [`printf 'rule r\\n  command = rm -rf /srv\\nbuild x: r\\n' > build.ninja && ninja`, 'ninja|rm -rf /srv'],
    [
      `printf 'rule r\\n  command = rm -rf $in\\nbuild x: r /srv\\n' > build.ninja && samu`,
      'ninja|rm -rf /srv',
    ],
    ['ninja -f "$F"', 'ninja|dynamic:$F'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, (string | undefined)[]]>([
    ['rule cc\n  command = gcc -c $in -o $out\nbuild a.o: cc a.c\n', ['gcc -c a.c -o a.o']],
    ['cflags = -O2\nrule cc\n  command = gcc $cflags ${in}\nbuild a.o: cc a.c\n', ['gcc -O2 a.c']],
    ['rule cc\n  command = gcc $undefined_var\nbuild a.o: cc a.c\n', [undefined]],
    ['include rules.ninja\nbuild a.o: cc a.c\n', [undefined]],
    ['build all: phony a.o\n', []],
  ])('%j', (text, want) => expect(ninjaCommands(text)).toEqual(want));

  it.each<[string]>([
    // the project's own build, dry runs and tools
    ['ninja -C build'],
    ['ninja -C build -t compdb'],
    [`printf 'rule r\\n  command = rm -rf /srv\\nbuild x: r\\n' > build.ninja && ninja -n`],
  ])('%s runs no rule read here', (script) =>
    expect(commands(script).filter((c) => c.startsWith('ninja'))).toEqual([]),
  );
});
