/**
 * The code skeleton's string literals and loop reading (src/normalize/codelex.ts) and what the
 * loop reading changes for commands run from a loop (src/normalize/codescan.ts), through the real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { kwarg, lex, loopElements } from '../../src/normalize/codelex.js';
import { E2E_CONTEXT } from '../helpers/command.js';
import { loadEngine } from '../../src/engine/analyze.js';

const engine = await loadEngine({ mask: (s) => s });
const verdict = (script: string) => engine.analyze(script, E2E_CONTEXT).decision;

describe('string literals with interpolations holding quotes', () => {
  it.each<[string, 'ruby' | 'node' | 'elixir' | 'ocaml' | 'lua' | 'c' | 'jvm', string[]]>([
    ['a = "Bearer #{ENV["T"]}"; b = "x"', 'ruby', ['Bearer #{ENV["T"]}', 'x']],
    ['a = "#{h.fetch("k") { "d" }}/v1"; b = "y"', 'ruby', ['#{h.fetch("k") { "d" }}/v1', 'y']],
    ['a = \'no #{interp}\'; b = "z"', 'ruby', ['no #{interp}', 'z']],
    ['a = `id: ${m[`k`]}`; b = "w"', 'node', ['id: ${m[`k`]}', 'w']],
    ['a = %q(drop "t"); b = %Q{x #{y}}; c = n%q', 'ruby', ['drop "t"', 'x #{y}']],
    ['a = "#{Map.get(m, "k")}"; b = "v"', 'elixir', ['#{Map.get(m, "k")}', 'v']],
    // block comments (nested in OCaml) are not code; OCaml's char literal and type variable
    ['(* "a" (* "b" *) "c" *) let x = "d"', 'ocaml', ['d']],
    [`let c = 'q' let f (x : 'a) = "s"`, 'ocaml', ['q', 's']],
    ['--[[ "a" ]] x = "b"', 'lua', ['b']],
    ['/* "a" */ char *x = "b";', 'c', ['b']],
    // Scala's interpolators: the string, the interpolator's name dropped from the skeleton
    ['val u = uri"https://a.example/x"; val c = s"rm $d"', 'jvm', ['https://a.example/x', 'rm $d']],
    ['val w = raw"C:\\x"; val n = users"y"', 'jvm', ['C:\\x']],
  ])('%j (%s)', (code, lang, want) => {
    expect(lex(code, lang).lits.map((l) => l.value)).toEqual(want);
  });
});

describe('loopElements', () => {
  it.each<[string, string, number | undefined]>([
    ["for cmd in (['npm', 'test'], ['npm', 'run', 'lint']):\n    run(cmd)", 'cmd', 2],
    ["for c in ['ls', 'pwd']:\n    os.system(c)", 'c', 2],
    ["for c in (['ls'],):\n    run(c)", 'c', 1],
    ['for c in [["ls"], ["pwd"]]\n  system(*c)\nend', 'c', 2],
    // a generator or comprehension over a literal sequence
    ["b''.join(p.read_bytes() for p in ['/a', '/b'])", 'p', 2],
    ["[open(f).read() for f in ('/a', '/b', '/c') if f]", 'f', 3],
    // not known: bound twice, also assigned, or bound by something other than a literal sequence
    ["for c in ['ls']:\n    pass\nfor c in ['rm']:\n    run(c)", 'c', undefined],
    ["c = 'x'\nfor c in ['ls']:\n    run(c)", 'c', undefined],
    ['for c in cmds:\n    run(c)', 'c', undefined],
    ["for c in ['a', 'b'] + extra:\n    run(c)", 'c', undefined],
    ['for c in range(3):\n    run(c)', 'c', undefined],
  ])('%j → %s', (code, name, n) => {
    expect(loopElements(name, lex(code, 'python'))?.length).toBe(n);
  });
});

describe('commands run from a loop over literal commands', () => {
  const py = (body: string) => `python3 - <<'PY'\nimport subprocess, os\n${body}\nPY`;
  it.each([
    [
      py("for cmd in (['npm', 'run', 'lint'], ['npm', 'test']):\n    subprocess.run(cmd, check=True)"),
      'allow',
    ],
    [py("for c in ('git status', 'ls -la'):\n    os.system(c)"), 'allow'],
    [py("for cmd in (['npm', 'test'], ['rm', '-rf', '/']):\n    subprocess.run(cmd)"), 'deny'],
    [py("for c in ('ls', 'rm -rf ~'):\n    os.system(c)"), 'deny'],
    // fail closed: an element that is not a literal command stays unknown
    [py("for cmd in (['npm', 'test'], other):\n    subprocess.run(cmd)"), 'ask'],
    [py('for cmd in cmds:\n    subprocess.run(cmd)'), 'ask'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});

describe('kwarg', () => {
  it.each<[string[], string, string | undefined]>([
    [['url', 'data=q'], 'data', 'q'],
    [["{method: 'POST', body: b}"], 'body', 'b'],
    // JavaScript's shorthand property names the variable of that name
    [["{method: 'POST', body}"], 'body', 'body'],
    [['body'], 'body', undefined],
    [["{method: 'POST'}"], 'body', undefined],
  ])('%j %s', (args, key, want) => expect(kwarg(args, key)).toBe(want));
});
