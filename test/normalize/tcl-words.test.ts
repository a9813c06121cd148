/**
 * Tcl read without running it (src/normalize/tcl-words.ts): commands and raw words, the
 * words of control commands that are scripts or expressions, and what `exec` amounts to.
 */
import { describe, expect, it } from 'vitest';
import { execWords, parts, tclCommands } from '../../src/normalize/tcl-words.js';

const f = (text: string, dynamic = false) => ({ text, dynamic });

describe('tcl words', () => {
  it.each<[string, string[][]]>([
    [
      'set a 1; puts $a',
      [
        ['set', 'a', '1'],
        ['puts', '$a'],
      ],
    ],
    ['puts {a b; c}', [['puts', 'a b; c']]],
    ['puts "x [exec ls; pwd] y"', [['puts', 'x [exec ls; pwd] y']]],
    ['# comment; not a command\nputs ok', [['puts', 'ok']]],
    ['exec \\\n  rm -rf x', [['exec', 'rm', '-rf', 'x']]],
  ])('%j', (script, want) => expect(tclCommands(script).map((c) => c.map((w) => w.text))).toEqual(want));

  it.each<[string, string, string[], string[]]>([
    ['if', '{$x > 1} {a} elseif {$y} {b} else {c}', ['a', 'b', 'c'], ['$x > 1', '$y']],
    ['while', '{$i < 3} {body}', ['body'], ['$i < 3']],
    ['foreach', 'd {a b} {body}', ['body'], []],
    ['proc', 'f {x} {body}', ['body'], []],
    ['switch', '-exact -- $v {a {one} b {two}}', ['one', 'two'], []],
    ['puts', '{not code}', [], []],
  ])('%s %s', (name, args, scripts, exprs) => {
    const p = parts(name, tclCommands(`${name} ${args}`)[0].slice(1));
    expect(p.scripts.map((w) => w.text)).toEqual(scripts);
    expect(p.exprs.map((w) => w.text)).toEqual(exprs);
  });

  it.each<[string, ReturnType<typeof execWords>]>([
    ['rm -rf /x', { shell: "'rm' '-rf' '/x'", stages: [] }],
    ['ls | wc -l', { shell: "'ls' | 'wc' '-l'", stages: [] }],
    ['echo x >/etc/motd', { shell: "'echo' 'x' > '/etc/motd'", stages: [] }],
    ['ls 2>@1', { shell: "'ls'", stages: [] }],
    ['-ignorestderr -- make &', { shell: "'make' &", stages: [] }],
  ])('exec %s', (words, want) => expect(execWords(words.split(' ').map((w) => f(w)))).toEqual(want));

  it('exec with unknown words: each stage as an argv', () =>
    expect(execWords([f('rm'), f('-rf'), f('$d', true), f('|'), f('cat'), f('>'), f('log')])).toEqual({
      stages: [[f('rm'), f('-rf'), f('$d', true)], [f('cat')]],
    }));
});
