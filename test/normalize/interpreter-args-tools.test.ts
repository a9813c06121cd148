/** Where the code is on babashka, Clojure CLI, erl/escript and k6 command lines (src/normalize/interpreter-args-tools.ts). */
import { describe, expect, it } from 'vitest';
import type { CodeArgs } from '../../src/normalize/interpreter-args.js';
import { clojureArgs, erlangArgs, jsEngineArgs, k6Args } from '../../src/normalize/interpreter-args-tools.js';

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
  ])('%s', (words, fn, want) => expect(where(fn(f(words)))).toBe(want));
});
