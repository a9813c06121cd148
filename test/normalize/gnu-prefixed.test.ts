/**
 * GNU's tools under their `g` names (src/normalize/gnu-prefixed.ts): read as the tools
 * themselves, wrappers included; other `g` programs keep their names.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';
import { gnuBareName } from '../../src/normalize/gnu-prefixed.js';

/** Each normalized command as `wrappers|program|argv`. */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => `${c.wrappers.join('>')}|${c.program}|${c.argv.join(' ')}`);
}

describe('g-prefixed GNU names', () => {
  it.each<[string, string | undefined]>([
    ['grm', 'rm'],
    ['gshred', 'shred'],
    ['gdd', 'dd'],
    ['gfind', 'find'],
    ['gtimeout', 'timeout'],
    ['gcc', undefined],
    ['gdb', undefined],
    ['gpg', undefined],
    ['gs', undefined],
    ['gawk', undefined],
    ['gmake', undefined],
    ['gstat', undefined],
    ['gpart', undefined],
    ['rm', undefined],
  ])('%s → %s', (name, bare) => {
    expect(gnuBareName(name)).toBe(bare);
  });

  it.each<[string, string[]]>([
    ['grm -rf ./build', ['|rm|rm -rf ./build']],
    ['/opt/homebrew/bin/gshred -u x', ['|shred|/opt/homebrew/bin/shred -u x']],
    ['sudo gdd if=/dev/zero of=/dev/disk2', ['sudo|dd|dd if=/dev/zero of=/dev/disk2']],
    ['gtimeout 60 grm -rf build', ['timeout|rm|rm -rf build']],
    ['gcc -o a a.c', ['|gcc|gcc -o a a.c']],
  ])('%s', (script, want) => {
    expect(commands(script)).toEqual(want);
  });
});
