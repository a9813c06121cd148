/** A call's arguments split at its top-level commas, by language (src/normalize/call-args.ts). */
import { describe, expect, it } from 'vitest';
import {
  SKELETON,
  splitCall,
  statementFrom,
  trimmedArgs,
  type CallSyntax,
} from '../../src/normalize/call-args.js';

const WOLFRAM: CallSyntax = {
  open: ['[', '{', '(', '<|'],
  close: [']', '}', ')', '|>'],
  strings: { '"': /"(?:[^"\\]|\\[\s\S])*"?/y },
};
const OCTAVE: CallSyntax = {
  open: ['(', '[', '{'],
  close: [')', ']', '}'],
  strings: { "'": /'(?:[^']|'')*'/y, '"': /"(?:[^"\\]|\\.)*"/y },
};

describe('call arguments, trimmed', () => {
  it.each<[string, CallSyntax, string, string[]]>([
    ['wolfram', WOLFRAM, 'Run["rm -rf /", x]', ['"rm -rf /"', 'x']],
    [
      'wolfram',
      WOLFRAM,
      'f[{a, b}, <|"k" -> 1, "j" -> 2|>, g[h, i]]',
      ['{a, b}', '<|"k" -> 1, "j" -> 2|>', 'g[h, i]'],
    ],
    ['wolfram', WOLFRAM, 'f["a,]b", c] + d', ['"a,]b"', 'c']],
    ['wolfram', WOLFRAM, 'f["esc \\" ,", c]', ['"esc \\" ,"', 'c']],
    ['wolfram', WOLFRAM, 'f["unclosed, c]', ['"unclosed, c]']],
    ['wolfram', WOLFRAM, 'f[]', []],
    ['wolfram', WOLFRAM, 'f[a, ]', ['a']],
    ['wolfram', WOLFRAM, 'f[, a]', ['', 'a']],
    // Octave: a quote doubled in '…', a backslash escape in "…", the other quote inside
    ['octave', OCTAVE, "system('rm -rf ''x,y''', 1)", ["'rm -rf ''x,y'''", '1']],
    ['octave', OCTAVE, 'unix("a\\",b", [1, 2])', ['"a\\",b"', '[1, 2]']],
    ['octave', OCTAVE, 'delete(fullfile(d, "x"), {1, 2})', ['fullfile(d, "x")', '{1, 2}']],
    ['octave', OCTAVE, 'f("it\'s, here", b)', ['"it\'s, here"', 'b']],
    // the skeleton: no strings, `<` is no bracket
    ['skeleton', SKELETON, 'f(a < b, "x,y")', ['a < b', '"x', 'y"']],
  ])('%s: %s', (_lang, syntax, src, want) =>
    expect(trimmedArgs(src, src.search(/[[(]/), syntax)).toEqual(want),
  );
});

describe('call pieces as written, and where the call ends', () => {
  it.each<[string, number, { pieces: string[]; end: number }]>([
    ['f( a , b )', 2, { pieces: [' a ', ' b '], end: 9 }],
    ['f()', 2, { pieces: [''], end: 2 }],
    ['f(a,)', 2, { pieces: ['a', ''], end: 4 }],
    ['f(g(a, b), [c, d]) + 1', 2, { pieces: ['g(a, b)', ' [c, d]'], end: 17 }],
    ['f(a, b', 2, { pieces: ['a', ' b'], end: 6 }],
  ])('%s', (src, from, want) => expect(splitCall(src, from, SKELETON)).toEqual(want));
});

describe('statementFrom: the rest of a statement of the skeleton', () => {
  it.each<[string, number, boolean, string]>([
    ['x = c.post(u).json(b).send(); y()', 6, false, 'post(u).json(b).send()'],
    ['f(c.delete(u).send())', 2, false, 'c.delete(u).send()'],
    ['c.post(u)\n  .json(b)\n  .send()', 0, false, 'c.post(u)\n  .json(b)\n  .send()'],
    // a line end ends the statement where no `;` is needed, unless the next line goes on with `.`
    ['r.post(u)\nval y = 1', 0, true, 'r.post(u)'],
    ['r.post(u)\n  .body(b)\nval y = 1', 0, true, 'r.post(u)\n  .body(b)'],
    ['r.post(f(a,\n b))', 0, true, 'r.post(f(a,\n b))'],
    ['r.post(u)', 0, true, 'r.post(u)'],
  ])('%j from %i (line ends: %s)', (skel, at, lineEnds, want) =>
    expect(statementFrom(skel, at, lineEnds)).toEqual(want),
  );
});
