/** Swift's strings and skeleton in the code lexer (src/normalize/codelex-swift.ts through src/normalize/codelex.ts). */
import { describe, expect, it } from 'vitest';
import { lex } from '../../src/normalize/codelex.js';

describe('Swift string literals', () => {
  it.each<[string, [string, boolean][]]>([
    [
      'let a = "x"; let b = "y"',
      [
        ['x', false],
        ['y', false],
      ],
    ],
    // an interpolation may hold quotes of its own
    [
      'let a = "k=\\(d["k"])"; let b = "z"',
      [
        ['k=\\(d["k"])', true],
        ['z', false],
      ],
    ],
    // raw strings: no escapes, `\#(…)` interpolates
    [
      'let a = #"C:\\dir"#; let b = ##"say "hi""##',
      [
        ['C:\\dir', false],
        ['say "hi"', false],
      ],
    ],
    ['let a = #"v=\\#(x)"#', [['v=\\#(x)', true]]],
    // multi-line strings: the closing line's indentation taken off
    ['let q = """\n    DROP TABLE t;\n      -- done\n    """', [['DROP TABLE t;\n  -- done', false]]],
    ['let q = #"""\n  a\\n\n  """#', [['a\\n', false]]],
    // `'` starts no string, `//` and `/* */` are comments, `#if` is code
    ['#if DEBUG\nlet c = 1 // it\'s "not" read\n/* "no" */\n#endif', []],
  ])('%j', (code, want) => {
    expect(lex(code, 'swift').lits.map((l) => [l.value, l.dynamic])).toEqual(want);
  });
});

describe('the Swift skeleton', () => {
  it.each<[string, string, string | null | undefined]>([
    ['let p: String = "/srv"', 'p', '\u00010\u0002'],
    ['var cfg: [String: Any] = ["a": 1]', 'cfg', '["a": 1]'.replace('"a"', '\u00010\u0002')],
    [
      'let f = try FileManager.default.contentsOfDirectory(atPath: d)',
      'f',
      'FileManager.default.contentsOfDirectory(atPath: d)',
    ],
    ['let (d, _) = await session.data(for: r)', 'd', undefined],
    ['var n: Int = 1\nn = 2', 'n', null],
  ])('%j: %s', (code, name, want) => {
    expect(lex(code, 'swift').vars.get(name)).toEqual(want);
  });
});
