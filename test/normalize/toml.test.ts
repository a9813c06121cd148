/** TOML documents of task runners' config files, read with smol-toml (src/normalize/toml.ts). */
import { describe, expect, it } from 'vitest';
import { tomlParse } from '../../src/normalize/toml.js';

describe('tomlParse', () => {
  it.each<[string, unknown]>([
    ['[tasks.reset]\nrun = "rm -rf x" # c\n', { tasks: { reset: { run: 'rm -rf x' } } }],
    [
      "[tasks]\na = 'lit\\n'\nb = { run = [\"x\", 'y'], depends = [] }\n",
      { tasks: { a: 'lit\\n', b: { run: ['x', 'y'], depends: [] } } },
    ],
    ['x = """\nline1\nline2\\\n   cont"""\n', { x: 'line1\nline2cont' }],
    ["x = '''\nraw \\n'''\n", { x: 'raw \\n' }],
    ['[a."b c"]\nd.e = 1\nf = [\n  1,\n  2,\n]\n', { a: { 'b c': { d: { e: '1' }, f: ['1', '2'] } } }],
    ['[[p]]\nn = "a"\n[[p]]\nn = "b"\n', { p: [{ n: 'a' }, { n: 'b' }] }],
    ['t = 1979-05-27T07:32:00Z\nok = true\n', { t: '1979-05-27T07:32:00.000Z', ok: 'true' }],
  ])('%s', (text, want) => expect(tomlParse(text)).toEqual(want));

  it.each<string>([
    'a = "unterminated\n',
    'a = 1\na = 2\n',
    '[tasks\n',
    'a = "x" b\n',
    'a = [1 2]\n',
    '= 1\n',
  ])('not read: %s', (text) => expect(tomlParse(text)).toBeUndefined());
});
