/**
 * Script files a tool runs in its own language (src/normalize/tool-scripts.ts): cmake -P,
 * diskshadow /s, diskpart /s.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';
import { cmakeScript, diskScript, mesonScript, millerCode } from '../../src/normalize/tool-scripts.js';

function commands(script: string, files: Record<string, string> = {}): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext(files));
  return r.commands.map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

describe('CMake scripts', () => {
  it.each<[string, string[]]>([
    ['file(REMOVE_RECURSE "/srv/a" /srv/b)', [`rm -rf -- '/srv/a' '/srv/b'`]],
    ['file(REMOVE "$ENV{HOME}/x")', [`rm -f -- "$HOME"'/x'`]],
    ['execute_process(COMMAND dropdb billing WORKING_DIRECTORY /tmp)', [`'dropdb' 'billing'`]],
    ['file(REMOVE_RECURSE ${CMAKE_BINARY_DIR}/gen)', [`rm -rf -- "$(cmake_variable)"'/gen'`]],
    // nothing removed or run
    ['message(STATUS "hi")\nfile(WRITE out.txt "x")', []],
    ['# file(REMOVE_RECURSE /srv)\nmessage(done)', []],
  ])('%s', (text, want) => expect(cmakeScript(text)).toEqual(want));
});

describe('diskshadow and diskpart scripts', () => {
  it.each<[string, string[]]>([
    ['delete shadows all\r\n', ['vssadmin delete shadows /all /quiet']],
    ['set context persistent\nadd volume c:\ncreate\n', []],
  ])('diskshadow %s', (text, want) => expect(diskScript('diskshadow', text)).toEqual(want));

  it.each<[string, string[]]>([
    [
      'select disk 1\r\nclean all\r\n',
      [`pwsh -c 'Clear-Disk -Number 1 -RemoveData -RemoveOEM -Confirm:$false'`],
    ],
    ['list disk\r\nlist volume\r\n', []],
  ])('diskpart %s', (text, want) => expect(diskScript('diskpart', text)).toEqual(want));
});

describe('meson.build run_command and Miller DSL', () => {
  it.each<[string, string[]]>([
    [`run_command('sh', '-c', 'dropdb billing', check: true)`, [`'sh' '-c' 'dropdb billing'`]],
    [`run_command(prog, 'x')`, [`"$(unknown_value)" 'x'`]],
    [`project('a', 'c')\n# run_command('rm', '-rf', '/')\nexecutable('a', 'a.c')`, []],
  ])('meson %s', (text, want) => expect(mesonScript(text)).toEqual(want));

  it.each<[string, string[]]>([
    ['end { system("rm -rf /srv") }', ['rm -rf /srv']],
    ['$y = exec("rm", ["-rf", "/srv"])', [`'rm' '-rf' '/srv'`]],
    ['$y = system($cmd)', ['"$(unknown_command)"']],
    ['$total = $a + $b', []],
  ])('mlr %s', (text, want) => expect(millerCode(text)).toEqual(want));
});

describe('the script a tool runs', () => {
  it.each<[string, string]>([
    [`printf 'file(REMOVE_RECURSE "/srv/data")\\n' > c.cmake && cmake -P c.cmake`, 'rm -rf -- /srv/data'],
    [
      `printf 'delete shadows all\\r\\n' > ds.txt && diskshadow /s ds.txt`,
      'vssadmin delete shadows /all /quiet',
    ],
    [
      `printf "run_command('rm', '-rf', '/srv/data')\\n" > meson.build && meson setup build`,
      'rm -rf /srv/data',
    ],
    [`mlr -n put 'end { system("rm -rf /srv/data") }'`, 'rm -rf /srv/data'],
    // fail closed: a script not known statically
    [`mlr -n put -f "$F"`, 'dynamic:mlr'],
    [`cmake -P "$SCRIPT"`, 'dynamic:$SCRIPT'],
    [`diskpart /s missing.txt`, 'dynamic:/w/missing.txt'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    [`cmake -S . -B build`, ['cmake -S . -B build']],
    [`meson setup build`, ['meson setup build']],
    [`mlr --icsv --ojson put '$t = $a + $b' d.csv`, ['mlr --icsv --ojson put $t = $a + $b d.csv']],
    [`cmake -P ci/version.cmake`, ['cmake -P ci/version.cmake']],
  ])('%s', (script, want) =>
    expect(commands(script, { '/w/ci/version.cmake': 'message(1.0)' })).toEqual(want),
  );
});
