/**
 * GNU's tools under their `g` names (src/normalize/gnu-prefixed.ts): read as the tools
 * themselves, wrappers included; other `g` programs keep their names. Windows' `.exe` names
 * of wrappers and carriers are peeled as the programs themselves; the command keeps its name.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';
import { gnuBareName, windowsBareName } from '../../src/normalize/gnu-prefixed.js';

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

describe('Windows .exe names of wrappers and carriers', () => {
  it.each<[string, string | undefined]>([
    ['gosu.exe', 'gosu'],
    ['KUBECTL.EXE', 'kubectl'],
    ['C:\\tools\\Bash.exe', 'bash'],
    ['.exe', undefined],
    ['kubectl', undefined],
    ['setup.exe.txt', undefined],
  ])('%s → %s', (name, bare) => {
    expect(windowsBareName(name)).toBe(bare);
  });

  it.each<[string, string[]]>([
    ['gosu.exe root rm -rf /srv/data', ['gosu -u root|rm|rm -rf /srv/data']],
    ['TIMEOUT.EXE 5 rm -rf /srv/data', ['timeout|rm|rm -rf /srv/data']],
    ['bash.exe -c "rm -rf /srv/x"', ['bash -c|rm|rm -rf /srv/x']],
    // not a wrapper or a carrier: the command keeps the name it was run by
    ['t.exe --install', ['|t.exe|t.exe --install']],
    ['notepad.exe notes.txt', ['|notepad.exe|notepad.exe notes.txt']],
  ])('%s', (script, want) => {
    expect(commands(script)).toEqual(want);
  });
});
