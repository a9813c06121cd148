/** Where the code is on babashka, Clojure CLI, erl/escript, k6, mix and R command lines (src/normalize/interpreter-args.ts). */
import { describe, expect, it } from 'vitest';
import {
  clojureArgs,
  erlangArgs,
  findCode,
  interpreterFor,
  k6Args,
  type CodeArgs,
} from '../../src/normalize/interpreter-args.js';

const f = (words: string) => words.split(' ').map((text) => ({ text, dynamic: false }));
/** `code:X`, `file:X`, `stdin` or `none`. */
const where = (a: CodeArgs) =>
  a.code ? `code:${a.code.text}` : a.file ? `file:${a.file.text}` : a.none ? 'none' : 'stdin';

describe('code on interpreter command lines', () => {
  it.each<[string, (argv: ReturnType<typeof f>) => CodeArgs, string]>([
    ['bb -e (x)', (a) => clojureArgs('bb', a), 'code:(x)'],
    ['bb -e (x) -e (y)', (a) => clojureArgs('bb', a), 'code:(x)\n(y)'],
    ['bb (x)', (a) => clojureArgs('bb', a), 'code:(x)'],
    ['bb -f del.clj', (a) => clojureArgs('bb', a), 'file:del.clj'],
    ['bb del.clj arg', (a) => clojureArgs('bb', a), 'file:del.clj'],
    ['bb -i (x)', (a) => clojureArgs('bb', a), 'code:(x)'],
    ['bb', (a) => clojureArgs('bb', a), 'stdin'],
    ['bb test', (a) => clojureArgs('bb', a), 'none'],
    ['bb -m acme.main', (a) => clojureArgs('bb', a), 'none'],
    ['bb -i', (a) => clojureArgs('bb', a), 'none'],
    ['clojure -M -e (x)', (a) => clojureArgs('clojure', a), 'code:(x)'],
    ['clojure -Sdeps {} -M -e (x)', (a) => clojureArgs('clojure', a), 'code:(x)'],
    ['clj -M del.clj', (a) => clojureArgs('clj', a), 'file:del.clj'],
    ['clj -M -i init.clj', (a) => clojureArgs('clj', a), 'file:init.clj'],
    ['clojure -X:deps tree', (a) => clojureArgs('clojure', a), 'none'],
    ['clojure -M:test', (a) => clojureArgs('clojure', a), 'none'],
    ['clojure', (a) => clojureArgs('clojure', a), 'stdin'],
    ['erl -noshell -eval X. -s init stop', (a) => erlangArgs('erl', a), 'code:X.'],
    ['erl -noshell -s app start', (a) => erlangArgs('erl', a), 'none'],
    ['erl -sname dev', (a) => erlangArgs('erl', a), 'stdin'],
    ['erl -noshell -extra -eval X', (a) => erlangArgs('erl', a), 'none'],
    ['escript del.erl x', (a) => erlangArgs('escript', a), 'file:del.erl'],
    ['escript -s del.erl', (a) => erlangArgs('escript', a), 'none'],
    ['k6 run --vus 1 --iterations 1 del.js', (a) => k6Args(a), 'file:del.js'],
    ['k6 run -e A=1 -o json=x.json t.js', (a) => k6Args(a), 'file:t.js'],
    ['k6 cloud t.js', (a) => k6Args(a), 'file:t.js'],
    ['k6 run -', (a) => k6Args(a), 'stdin'],
    ['k6 inspect t.js', (a) => k6Args(a), 'none'],
    ['k6 version', (a) => k6Args(a), 'none'],
    // QuickJS: its flags take no value
    ['qjs --std -e X', (a) => findCode('node', 'qjs', a), 'code:X'],
    ['qjs -m -e X', (a) => findCode('node', 'qjs', a), 'code:X'],
    ['qjs --std del.js', (a) => findCode('node', 'qjs', a), 'file:del.js'],
    ['ipython -c X', (a) => findCode('python', 'ipython', a), 'code:X'],
    // mix run: a script, inline code or a required file; other tasks and the project alone run none read here
    ['mix run priv/seed.exs', (a) => findCode('elixir', 'mix', a), 'file:priv/seed.exs'],
    ['mix run --no-halt -c cfg.exs del.exs a', (a) => findCode('elixir', 'mix', a), 'file:del.exs'],
    ['mix run -e X', (a) => findCode('elixir', 'mix', a), 'code:X'],
    ['mix run -r lib.exs', (a) => findCode('elixir', 'mix', a), 'file:lib.exs'],
    ['mix run --no-halt', (a) => findCode('elixir', 'mix', a), 'none'],
    ['mix ecto.migrate', (a) => findCode('elixir', 'mix', a), 'none'],
    // R: -f / --file=, R CMD BATCH; other R CMD tools run none; Rscript as before
    ['R --no-save -f del.R', (a) => findCode('r', 'R', a), 'file:del.R'],
    ['R --vanilla --file=del.R', (a) => findCode('r', 'R', a), 'file:del.R'],
    ['R CMD BATCH --vanilla del.R out.Rout', (a) => findCode('r', 'R', a), 'file:del.R'],
    ['R CMD INSTALL pkg.tar.gz', (a) => findCode('r', 'R', a), 'none'],
    ['R -q -e X', (a) => findCode('r', 'R', a), 'code:X'],
    ['R --no-save', (a) => findCode('r', 'R', a), 'stdin'],
    ['Rscript --vanilla del.R', (a) => findCode('r', 'Rscript', a), 'file:del.R'],
    ['php -f t.php', (a) => findCode('php', 'php', a), 'file:t.php'],
    ['php -d display_errors=1 -f t.php -- x', (a) => findCode('php', 'php', a), 'file:t.php'],
  ])('%s', (words, fn, want) => expect(where(fn(f(words)))).toBe(want));
});

describe('which programs are interpreters', () => {
  it.each<[string, string | undefined]>([
    ['ipython', 'python'],
    ['ipython3', 'python'],
    ['qjs', 'node'],
    ['quickjs', 'node'],
    ['mix', 'elixir'],
    ['ipcalc', undefined],
    ['qjsc', undefined],
  ])('%s → %s', (prog, lang) => expect(interpreterFor(prog)).toBe(lang));

  // `csi` names two interpreters: C# Interactive runs `.csx` files, CHICKEN's runs Scheme
  it.each<[string, string | undefined]>([
    ['csi purge.csx', 'dotnet'],
    ['csi /r:System.Net.Http.dll run.csx', 'dotnet'],
    ['csi -s purge.scm', 'scheme'],
    ["csi -e '(display 1)'", 'scheme'],
    ['csi', 'scheme'],
  ])('%s → %s', (line, lang) => {
    const [prog, ...words] = line.split(' ');
    expect(interpreterFor(prog, words)).toBe(lang);
  });
});
