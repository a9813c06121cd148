/** Where the code is on interpreter command lines (src/normalize/interpreter-args.ts): R, PHP and the rest through findCode. */
import { describe, expect, it } from 'vitest';
import { findCode, interpreterFor, type CodeArgs } from '../../src/normalize/interpreter-args.js';

const f = (words: string) => words.split(' ').map((text) => ({ text, dynamic: false }));
/** `code:X`, `file:X`, `stdin` or `none`. */
const where = (a: CodeArgs) =>
  a.code ? `code:${a.code.text}` : a.file ? `file:${a.file.text}` : a.none ? 'none' : 'stdin';

describe('code on interpreter command lines', () => {
  it.each<[string, (argv: ReturnType<typeof f>) => CodeArgs, string]>([
    // QuickJS: its flags take no value
    ['qjs --std -e X', (a) => findCode('node', 'qjs', a), 'code:X'],
    ['qjs -m -e X', (a) => findCode('node', 'qjs', a), 'code:X'],
    ['qjs --std del.js', (a) => findCode('node', 'qjs', a), 'file:del.js'],
    ['ipython -c X', (a) => findCode('python', 'ipython', a), 'code:X'],
    // Coconut, pythonw, Windows' py launcher; Ammonite's -c
    ['coconut -c X', (a) => findCode('python', 'coconut', a), 'code:X'],
    ['py -3.12 -c X', (a) => findCode('python', 'py', a), 'code:X'],
    ['amm -c X', (a) => findCode('jvm', 'amm', a), 'code:X'],
    ['amm --code X', (a) => findCode('jvm', 'amm', a), 'code:X'],
    ['amm --code=X', (a) => findCode('jvm', 'amm', a), 'code:X'],
    ['amm del.sc', (a) => findCode('jvm', 'amm', a), 'file:del.sc'],
    // mix run: a script or inline code (the files -r requires: elixirRequires); other tasks and the project alone run none read here
    ['mix run priv/seed.exs', (a) => findCode('elixir', 'mix', a), 'file:priv/seed.exs'],
    ['mix run --no-halt -c cfg.exs del.exs a', (a) => findCode('elixir', 'mix', a), 'file:del.exs'],
    ['mix run -e X', (a) => findCode('elixir', 'mix', a), 'code:X'],
    ['mix run -r lib.exs', (a) => findCode('elixir', 'mix', a), 'none'],
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
    // php's own options before artisan: still Laravel's REPL
    ['php -d memory_limit=-1 artisan tinker --execute=X', (a) => findCode('php', 'php', a), 'code:X'],
    ['php -n -c php.ini artisan tinker --execute X', (a) => findCode('php', 'php', a), 'code:X'],
    ['php -d memory_limit=-1 artisan migrate:status', (a) => findCode('php', 'php', a), 'none'],
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
    // other Pythons, JavaScript engines, LuaTeX's Lua
    ['micropython', 'python'],
    ['jython', 'python'],
    ['graalpy', 'python'],
    ['coconut', 'python'],
    ['pythonw', 'python'],
    ['ipy', 'python'],
    ['amm', 'jvm'],
    ['coconut-run', undefined],
    // other Rubies
    ['jruby', 'ruby'],
    ['truffleruby', 'ruby'],
    ['mruby', 'ruby'],
    ['ruby3.3', 'ruby'],
    ['gjs', 'node'],
    ['cjs', 'node'],
    ['jrunscript', 'node'],
    ['rhino', 'node'],
    ['jjs', 'node'],
    ['d8', 'node'],
    ['texlua', 'lua'],
    ['texluajit', 'lua'],
    ['luatex', undefined],
    ['gjs-console', undefined],
  ])('%s → %s', (prog, lang) => expect(interpreterFor(prog)).toBe(lang));

  // `luatex --luaonly FILE` runs Lua; other luatex runs typeset (macro-shells.ts)
  it.each<[string, string[], string | undefined]>([
    ['luatex', ['--luaonly', 'c.lua'], 'lua'],
    ['luahbtex', ['--luaonly', 'c.lua'], 'lua'],
    ['luatex', ['doc.tex'], undefined],
  ])('%s %j → %s', (prog, words, lang) => expect(interpreterFor(prog, words)).toBe(lang));

  // `csi` names two interpreters: C# Interactive runs `.csx` files, CHICKEN's runs Scheme
  it.each<[string, string | undefined]>([
    ['csi purge.csx', 'dotnet'],
    ['csi /r:System.Net.Http.dll run.csx', 'dotnet'],
    ['csi -s purge.scm', 'scheme'],
    ["csi -e '(display 1)'", 'scheme'],
    ['csi', 'scheme'],
    // inline C# statements, not a Scheme form
    ['csi -e var c = new BlobContainerClient(conn, "b"); await c.DeleteAsync();', 'dotnet'],
    ['csi -e Console.WriteLine(1);', 'dotnet'],
    ['csi -e (display "a;")', 'scheme'],
  ])('%s → %s', (line, lang) => {
    const [prog, ...rest] = line.split(' ');
    // the words after -e are its one code argument
    const e = rest.indexOf('-e');
    const words = e >= 0 ? [...rest.slice(0, e + 1), rest.slice(e + 1).join(' ')] : rest;
    expect(interpreterFor(prog, words)).toBe(lang);
  });
});
