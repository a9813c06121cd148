/** Where the code is on babashka, Clojure CLI, erl/escript and k6 command lines (src/normalize/interpreter-args-tools.ts). */
import { describe, expect, it } from 'vitest';
import type { CodeArgs } from '../../src/normalize/interpreter-args.js';
import {
  clojureArgs,
  elixirRequires,
  erlangArgs,
  jsEngineArgs,
  k6Args,
  mixArgs,
} from '../../src/normalize/interpreter-args-tools.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const f = (words: string) => words.split(' ').map((text) => ({ text, dynamic: false }));
/** `code:X`, `file:X`, `stdin` or `none`. */
const where = (a: CodeArgs) =>
  a.code ? `code:${a.code.text}` : a.file ? `file:${a.file.text}` : a.none ? 'none' : 'stdin';

describe('code on the command lines of interpreters with their own options', () => {
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
    ['nbb -e (x)', (a) => clojureArgs('nbb', a), 'code:(x)'],
    ['nbb del.cljs', (a) => clojureArgs('nbb', a), 'file:del.cljs'],
    ['joker -e (x)', (a) => clojureArgs('joker', a), 'code:(x)'],
    ['joker --working-dir /tmp del.joke', (a) => clojureArgs('joker', a), 'file:del.joke'],
    ['joker --lint core.joke', (a) => clojureArgs('joker', a), 'none'],
    ['joker --format core.joke', (a) => clojureArgs('joker', a), 'none'],
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
    // JavaScript engines outside Node
    ['gjs -c X', (a) => jsEngineArgs('gjs', a), 'code:X'],
    ['gjs --command=X', (a) => jsEngineArgs('gjs', a), 'code:X'],
    ['gjs -I lib -m app.js', (a) => jsEngineArgs('gjs', a), 'file:app.js'],
    ['cjs app.js', (a) => jsEngineArgs('cjs', a), 'file:app.js'],
    ['jrunscript -cp x.jar -e X', (a) => jsEngineArgs('jrunscript', a), 'code:X'],
    ['jrunscript -f del.js', (a) => jsEngineArgs('jrunscript', a), 'file:del.js'],
    ['jrunscript -f -', (a) => jsEngineArgs('jrunscript', a), 'stdin'],
    ['jrunscript arg1', (a) => jsEngineArgs('jrunscript', a), 'stdin'],
    ['rhino -opt 9 -e X', (a) => jsEngineArgs('rhino', a), 'code:X'],
    ['rhino -version 200 del.js', (a) => jsEngineArgs('rhino', a), 'file:del.js'],
    ['jjs -scripting del.js', (a) => jsEngineArgs('jjs', a), 'file:del.js'],
    ['jjs -version', (a) => jsEngineArgs('jjs', a), 'stdin'],
    ['d8 -e X', (a) => jsEngineArgs('d8', a), 'code:X'],
    ['d8 --allow-natives-syntax t.js', (a) => jsEngineArgs('d8', a), 'file:t.js'],
    ['k6 inspect t.js', (a) => k6Args(a), 'none'],
    ['k6 version', (a) => k6Args(a), 'none'],
    // mix run: the script after the files it requires
    ['mix run -r a.exs main.exs', (a) => mixArgs(a), 'file:main.exs'],
    ['mix run --require a.exs -e IO.puts(1)', (a) => mixArgs(a), 'code:IO.puts(1)'],
    ['mix run -r a.exs', (a) => mixArgs(a), 'none'],
    ['mix test', (a) => mixArgs(a), 'none'],
  ])('%s', (words, fn, want) => expect(where(fn(f(words)))).toBe(want));
});

describe('the files Elixir requires before its code', () => {
  it.each<[string, string[]]>([
    ['mix run -r a.exs -r b.exs main.exs', ['a.exs', 'b.exs']],
    ['mix run --no-start -pr lib/x.exs main.exs', ['lib/x.exs']],
    ['elixir -pa ebin -r setup.exs main.exs', ['setup.exs']],
    ['iex --sname dev -r helpers.exs', ['helpers.exs']],
    // arguments of the script are its own
    ['elixir main.exs -r other.exs', []],
    ['mix test -r a.exs', []],
  ])('%s', (words, want) => {
    const argv = f(words);
    expect(elixirRequires(argv[0].text, argv).map((a) => a.text)).toEqual(want);
  });
});

describe('a required file this script wrote is read with the code', () => {
  const written = 'cat > a.exs <<\'EOF\'\nFile.rm_rf!("/etc")\nEOF\n';
  it.each<[string, boolean]>([
    [`${written}elixir -r a.exs main.exs`, true],
    [`${written}mix run -r a.exs main.exs`, true],
    [`${written}mix run -r a.exs`, true],
    // not required, or a project file on disk: the project's own code, not read here
    [`${written}elixir main.exs`, false],
    ['mix run -r a.exs main.exs', false],
  ])('%s', (script, deletes) => {
    const r = normalizeIn(filesContext({}), script);
    const rm = r.commands.some((c) => c.program === 'rm' && c.argv.includes('/etc'));
    expect(rm).toBe(deletes);
  });
});
