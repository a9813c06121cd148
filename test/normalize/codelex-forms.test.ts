/**
 * String literals of the code lexer that are not plain quoted strings (src/normalize/codelex-forms.ts):
 * Ruby's and Perl's heredocs, Elixir's sigils and `"""` heredocs, R's raw strings. Each is one
 * literal on the skeleton, where it is written; the code around it stays code.
 */
import { describe, expect, it } from 'vitest';
import { lex, type Lang } from '../../src/normalize/codelex.js';

/** The skeleton with each literal shown as `«value»` (`«?value»` when it interpolates). */
function shown(code: string, lang: Lang): string {
  const lx = lex(code, lang);
  return lx.skel.replace(/\u0001(\d+)\u0002/g, (_m, n: string) => {
    const l = lx.lits[Number(n)];
    return `«${l.dynamic ? '?' : ''}${l.value}»`;
  });
}

describe('literal forms', () => {
  it.each<[Lang, string, string]>([
    // Ruby: squiggly (indentation taken off), dash (indented closing tag), quoted tags, two on a line
    [
      'ruby',
      'c.query <<~GQL\n  mutation {\n    a\n  }\nGQL\nputs 1',
      'c.query «mutation {\n  a\n}\n»\nputs 1',
    ],
    ['ruby', "x = <<-'EOS'\n  raw #{y}\n  EOS\nz", 'x = «  raw #{y}\n»\nz'],
    ['ruby', 'x = <<~EOS\n  hi #{name}\nEOS\n', 'x = «?hi #{name}\n»\n'],
    ['ruby', 'f(<<~A, <<~B)\n  one\nA\n  two\nB\ng', 'f(«one\n», «two\n»)\ng'],
    ['ruby', 'run <<~`SH`\n  rm -rf /srv\nSH\n', 'run «rm -rf /srv\n»\n'],
    // percent strings: raw, interpolating, bare where a value starts (not a modulo), brackets nested
    [
      'ruby',
      'a = %q(x (y) \\) z); b = 5 % (2); c = %Q{#{d}}; f(%(p)); w = %w[a b]',
      'a = «x (y) ) z»; b = 5 % (2); c = «?#{d}»; f(«p»); w = «a b»',
    ],
    ['ruby', 'puts `ls`; x = %x(rm -rf /srv)', 'puts «ls»; x = «rm -rf /srv»'],
    // shifts and appends are not heredocs
    ['ruby', 'list << item\nn = 1 << 2', 'list << item\nn = 1 << 2'],
    ['perl', 'print <<"END";\nhello $name\nEND\nexit;', 'print «?hello $name\n»;\nexit;'],
    ['perl', "my $q = <<'END';\nmutation { a }\nEND\n", 'my $q = «mutation { a }\n»;\n'],
    // Elixir: heredoc strings, raw and interpolating sigils with any delimiter, modifiers
    ['elixir', 'q = """\nmutation { a(id: "1") }\n"""\nx', 'q = «\nmutation { a(id: "1") }\n»\nx'],
    ['elixir', 'q = ~S"""\nraw #{x} \\n\n"""', 'q = «\nraw #{x} \\n\n»'],
    ['elixir', 'a = ~s(hi #{u}); b = ~S|x|; c = ~r/ab+/i', 'a = «?hi #{u}»; b = «x»; c = «ab+»'],
    // R: raw strings with any bracket and dashes
    ['r', 'm <- r"(mutation { a(x: "1") })"', 'm <- «mutation { a(x: "1") }»'],
    ['r', "m <- R'---[a ]' b]---'; n <- 1", "m <- «a ]' b»; n <- 1"],
    ['r', 'for (r in rs) print(r)', 'for (r in rs) print(r)'],
  ])('%s: %j', (lang, code, want) => expect(shown(code, lang)).toBe(want));
});
