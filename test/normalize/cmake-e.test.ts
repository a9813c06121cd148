/**
 * `cmake -E` (src/normalize/cmake-e.ts): each command mode operation is read as the shell
 * command it performs; other cmake invocations stay cmake.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

describe('cmake -E', () => {
  it.each<[string, string[]]>([
    [`cmake -E rm -rf "$HOME"`, ['rm -rf /h']],
    [`cmake -E remove_directory /var/lib/postgresql`, ['rm -rf -- /var/lib/postgresql']],
    [`cmake -E remove -f a.o b.o`, ['rm -f a.o b.o']],
    [`cmake -E rm -rf build CMakeFiles CMakeCache.txt`, ['rm -rf build CMakeFiles CMakeCache.txt']],
    [`cmake -E rename a b`, ['mv -f a b']],
    [`cmake -E copy_directory assets /srv/www`, ['cp -rf assets /srv/www']],
    [`cmake -E env FOO=1 -- sh -c 'rm -rf /srv'`, ['rm -rf /srv']],
    [`cmake -E chdir /tmp rm -rf x`, ['rm -rf x']],
    [`cmake -E time make -j4`, ['make -j4']],
    // nothing the extractors judge: cmake itself
    [`cmake -E echo hi`, ['cmake -E echo hi']],
    [`cmake -E make_directory build`, ['cmake -E make_directory build']],
    [`cmake -S . -B build`, ['cmake -S . -B build']],
    [`cmake --build build --target clean`, ['cmake --build build --target clean']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});
