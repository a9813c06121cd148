/**
 * Where the code is on an interpreter's command line (findCode): after a code option
 * (`python -c`, `node -e`, `ruby -e`…), a script file operand, or stdin. Interpreters whose
 * options have their own shape have their own readers (interpreter-args-tools.ts):
 * babashka (`bb -e CODE`, `bb '(…)'`, `bb -f FILE`, `bb FILE.clj`; a task name runs the
 * project's bb.edn), the Clojure CLI (`clojure -M -e CODE`, `clj -M FILE.clj`, `-i FILE`;
 * `-X`/`-T`/`-m NS`/`-M:alias` run project code), Erlang (`erl -eval CODE`, the shell
 * reading stdin unless `-noshell`; `escript FILE`) and k6 (`k6 run FILE.js`, `k6 run -`).
 * The result is what interpreters.ts reads: inline code, a file (read when the script wrote
 * it), or neither; `none` = no code to read at all (stdin is data, not code).
 */
import type { Lang } from './codelex.js';
import type { Field } from './state.js';
import { dotnetArgs, DOTNET_PROGRAMS } from './codescan-dotnet.js';
import { dartArgs } from './codescan-dart.js';
import { extraArgs, extraLangFor } from './codescan-extra-langs.js';
import { RAILS, railsArgs } from './rails-runner.js';
import { swiftArgs } from './codescan-swift.js';
import { PHP_TOOLS, phpToolArgs } from './php-runners.js';
import { jsRunnerArgs } from './js-runners.js';
import { coffeeArgs, kscriptArgs } from './front-ends.js';
import {
  clojureArgs,
  erlangArgs,
  jsEngineArgs,
  JS_ENGINE,
  k6Args,
  mixArgs,
} from './interpreter-args-tools.js';

export interface CodeArgs {
  /** Inline code; undefined = none given inline. */
  code?: Field;
  /** A script file the interpreter runs; undefined = none. */
  file?: Field;
  label: string;
  /** True when nothing is read as code (not even stdin). */
  none?: boolean;
}

/**
 * R: `R CMD BATCH [opts] FILE` (other `R CMD` tools run no code read here), `R -f FILE` /
 * `--file=FILE`, `R -e EXPR`; `Rscript` is read by findCode. Undefined = read by findCode.
 */
function rArgs(prog: string, argv: Field[]): CodeArgs | undefined {
  if (prog !== 'R') return undefined;
  if (argv[1]?.text === 'CMD') {
    const file = argv[2]?.text === 'BATCH' ? argv.slice(3).find((a) => !a.text.startsWith('-')) : undefined;
    return file ? { file, label: `R CMD BATCH ${file.text}` } : { label: 'R CMD', none: true };
  }
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '-f' && argv[i + 1]) return { file: argv[i + 1], label: `R -f ${argv[i + 1].text}` };
    if (t.startsWith('--file=')) return { file: { ...argv[i], text: t.slice(7) }, label: `R ${t}` };
  }
  return undefined;
}

/**
 * The language `prog` interprets; undefined = not an interpreter read here. `words`, its
 * arguments when known, tell apart two interpreters of one name: `csi FILE.csx` (or `csi
 * /r:LIB …`) is C# Interactive, other `csi` runs are CHICKEN Scheme's.
 */
export function interpreterFor(prog: string, words: string[] = []): Lang | undefined {
  if (prog === 'csi' && words.some((w) => /\.csx$|^\/\w+:/.test(w))) return 'dotnet';
  // `csi -e CODE` whose code is C# statements (`var c = …;`), not a Scheme form (`(display 1)`)
  if (prog === 'csi' && /^\s*[A-Za-z_][^]*;\s*$/.test(words[words.indexOf('-e') + 1] ?? '')) return 'dotnet';
  // IPython's own syntax (`!CMD`, magics) is rewritten as Python first (ipython.ts)
  // Hy is Lisp syntax for Python (rewritten as Python: dialects.ts)
  if (/^python[\d.]*$|^pypy[\d.]*$|^ipython[\d.]*$|^hy[\d.]*$/.test(prog)) return 'python';
  // other Pythons: MicroPython, Jython (on the JVM), GraalPy, Pyston, RustPython, IronPython (`ipy`), pythonw, Windows' launcher `py`, and Coconut (a superset of Python)
  if (
    /^(micropython|jython|graalpy|pyston[\d.]*|rustpython|ipy|ipy64|ironpython|pythonw[\d.]*|py|coconut)$/.test(
      prog,
    )
  )
    return 'python';
  // QuickJS (`qjs -e`, its std and os modules read with Node's patterns)
  if (/^(node|nodejs|deno|bun|tsx|ts-node|zx|qjs|quickjs)$/.test(prog)) return 'node';
  // CoffeeScript, rewritten as JavaScript (front-ends.ts, dialect-coffee.ts)
  if (prog === 'coffee') return 'node';
  // GJS/CJS, jrunscript, Rhino, Nashorn's jjs, V8's d8: JavaScript (their own calls: codescan-js-engines.ts)
  if (JS_ENGINE.test(prog)) return 'node';
  // Crystal's syntax and standard calls read as Ruby's (`crystal eval CODE`, `crystal run F.cr`)
  if (/^ruby[\d.]*$|^irb$|^crystal$/.test(prog)) return 'ruby';
  // other Rubies: JRuby (and its jirb), TruffleRuby, mruby (and its mirb)
  if (/^(jruby|jirb|truffleruby|mruby|mirb)$/.test(prog)) return 'ruby';
  // Raku is rewritten as Perl (dialects.ts)
  if (/^perl[\d.]*$|^(raku|perl6|rakudo)$/.test(prog)) return 'perl';
  if (/^php[\d.]*$/.test(prog) || PHP_TOOLS.test(prog)) return 'php'; // wp eval, drush php:eval (php-runners.ts)
  // LuaTeX's texlua (`luatex --luaonly FILE` alike): Lua with LuaTeX's own os additions
  if (/^(lua[\d.]*|luajit|texlua|texluajit)$/.test(prog)) return 'lua';
  if (/^(luatex|luahbtex|luajittex)$/.test(prog) && words.includes('--luaonly')) return 'lua';
  if (prog === 'Rscript' || prog === 'R') return 'r';
  if (prog === 'julia') return 'julia';
  if (/^(tclsh[\d.]*|wish[\d.]*|expect|jimsh)$/.test(prog)) return 'tcl';
  // Common Lisp (sbcl, ccl, ecl, clisp), and Gauche (gosh) are read by the Scheme reader, their package prefixes dropped
  if (
    /^(guile[\d.]*|racket|csi|chicken-csi|gsi|chibi-scheme|scheme|chez|chezscheme|petite|gosh|sbcl|ccl|ccl64|lx86cl64|ecl|clisp)$/.test(
      prog,
    )
  )
    return 'scheme';
  if (prog === 'go' || prog === 'gorun') return 'go'; // gorun FILE: Go source run as a script
  if (prog === 'elixir' || prog === 'iex' || prog === 'mix') return 'elixir';
  // java and jbang run a single-file program (`java Del.java`, `jbang Del.java`) the script wrote
  // Ammonite (`amm -c CODE`, `amm F.sc`) runs Scala
  // kscript runs Kotlin (front-ends.ts)
  if (/^(groovy|kotlin|kotlinc|kotlinc-jvm|kscript|scala|scala-cli|amm|jshell|java|jbang)$/.test(prog))
    return 'jvm';
  if (prog === 'rust-script' || prog === 'cargo-script') return 'rust';
  if (prog === 'osascript') return 'applescript';
  // ClojureScript on Node (nbb, planck, lumo) and Joker: Clojure with their own host calls (codescan-clojure-hosts.ts)
  if (/^(bb|babashka|clojure|clj|nbb|planck|plk|lumo|joker)$/.test(prog)) return 'clojure';
  if (prog === 'erl' || prog === 'escript') return 'erlang';
  if (DOTNET_PROGRAMS.test(prog)) return 'dotnet'; // F# and C# scripts (codescan-dotnet.ts)
  const extra = extraLangFor(prog); // Haskell, Prolog, Zig, OCaml (codescan-extra-langs.ts)
  if (extra) return extra;
  if (prog === 'dart') return 'dart';
  if (prog === 'swift' || prog === 'swift-sh') return 'swift';
  if (prog === 'k6') return 'node'; // k6 runs JavaScript (codescan-k6.ts reads its http module)
  return undefined;
}

/** Options (per language) whose next word is inline code. */
const CODE_FLAGS: Record<Lang, RegExp> = {
  python: /^-[a-zA-Z]*c$/,
  node: /^(-e|--eval|-p|--print|-pe|eval)$/,
  ruby: /^-[a-zA-Z]*e$/,
  perl: /^-[a-zA-Z]*[eE]$/,
  php: /^-r$/,
  lua: /^-e$/,
  r: /^(-e|--expr)$/,
  julia: /^(-e|--eval|-E|--print)$/,
  go: /(?!)/,
  // expect -c, jimsh -e
  tcl: /^(-c|-e)$/,
  // guile -c, racket -e/--eval, csi -e/-p/-P, gsi -e, chibi-scheme -e/-p, gosh -e/-E
  scheme: /^(-c|-e|-E|--eval|-eval|-p|-P|-print|--print)$/,
  elixir: /^(-e|--eval)$/,
  // groovy -e, kotlin -e / kotlinc -expression, scala -e
  jvm: /^(-e|-expression|--expression)$/,
  rust: /^(-e|--expr)$/,
  applescript: /^-e$/,
  // read by interpreter-args.ts
  clojure: /(?!)/,
  erlang: /(?!)/,
  // read by codescan-dotnet.ts
  dotnet: /(?!)/,
  // read by codescan-extra-langs.ts
  haskell: /(?!)/,
  prolog: /(?!)/,
  zig: /(?!)/,
  // read by codescan-native.ts
  nim: /(?!)/,
  d: /(?!)/,
  c: /(?!)/,
  dart: /(?!)/, // read by codescan-dart.ts
  swift: /(?!)/, // read by codescan-swift.ts
  ocaml: /(?!)/, // read by codescan-ocaml.ts
};

/** Options of one language's interpreters that take a value that is not code (racket -l LIB, guile -L DIR). */
const LANG_VALUE_FLAGS: Partial<Record<Lang, RegExp>> = {
  scheme: /^(-l|-L|-t|-r|-u|-k|-S|-x|-C|-I|-A|--lib|--require)$/,
  elixir: /^(-r|-pa|-pz|--erl|--sname|--name|--cookie|--logger-\w+)$/,
  jvm: /^(-cp|-classpath|--classpath|-D|--encoding|-c|-l|-jvm-args|--toolkit|--dep|--deps|--source|--module-path|-p|--add-modules|--add-opens|--add-exports|--repos|--java-options|-J|--scala|-S|--jvm)$/,
  rust: /^(-d|--dep|-F|--features|--toolchain|--base-path)$/,
  applescript: /^(-l|-s|-i)$/,
};

/** Options that take a value and are not code. */
const VALUE_FLAGS =
  /^(-m|-W|-X|-r|--require|--import|--loader|-I|--input-type|--env-file|-C|-M|-d|-x|-f|-c)$/;

/** php's options that take the next word (`-d K=V`, `-c php.ini`); `-f FILE` names the script. */
const PHP_VALUED = /^(-[cdzSt]|--php-ini|--define|--zend-extension|--docroot)$/;

/**
 * The index of the script php runs (its first word that is not an option or an option's
 * value, or `-f`'s); -1 when its code is inline (`-r`, `-B`, `-R`, `-F`, `-E`) or there is none.
 */
function phpScript(argv: Field[]): number {
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '--' || t === '-f' || t === '--file') return i + 1 < argv.length ? i + 1 : -1;
    if (/^-[rBRFE]$|^--(run|process-(begin|code|file|end))$/.test(t)) return -1;
    if (PHP_VALUED.test(t)) i++;
    else if (!t.startsWith('-')) return i;
  }
  return -1;
}

/** Where `prog`'s command line (interpreter of `lang`) puts its code: inline, a file, or stdin. */
export function findCode(lang: Lang, prog: string, argv: Field[]): CodeArgs {
  if (lang === 'clojure') return clojureArgs(prog, argv);
  if (lang === 'erlang') return erlangArgs(prog, argv);
  if (prog === 'k6') return k6Args(argv);
  if (prog === 'coffee') return coffeeArgs(argv);
  if (prog === 'kscript') return kscriptArgs(argv);
  if (JS_ENGINE.test(prog)) return jsEngineArgs(prog, argv);
  if (RAILS.test(prog)) return railsArgs(prog, argv) ?? { label: prog, none: true };
  if (lang === 'dotnet') return dotnetArgs(prog, argv);
  if (lang === 'dart') return dartArgs(argv);
  if (lang === 'swift') return swiftArgs(argv);
  if (PHP_TOOLS.test(prog)) return phpToolArgs(prog, argv);
  // `php [-d K=V …] artisan tinker`: Laravel's REPL (php-runners.ts)
  const script = lang === 'php' ? phpScript(argv) : -1;
  if (script > 0 && /(^|\/)artisan$/.test(argv[script].text))
    return phpToolArgs('artisan', argv.slice(script));
  // Ammonite: `amm -c|--code CODE`, `--code=CODE`
  const amm = prog === 'amm' ? argv.findIndex((a) => /^(-c|--code)(=|$)/.test(a.text)) : -1;
  const inline = amm > 0 && argv[amm].text.startsWith('--code=');
  if (inline) return { code: { ...argv[amm], text: argv[amm].text.slice(7) }, label: 'amm -c' };
  if (amm > 0 && argv[amm + 1]) return { code: argv[amm + 1], label: 'amm -c' };
  if (extraLangFor(prog) === lang) return extraArgs(prog, argv); // Haskell, Prolog, Zig, Nim, D, C
  if (prog === 'mix') return mixArgs(argv);
  const js = lang === 'node' ? jsRunnerArgs(prog, argv) : undefined; // deno run, bun run, tsx watch
  if (js) return js;
  const r = lang === 'r' ? rArgs(prog, argv) : undefined;
  if (r) return r;
  const parts: string[] = [];
  let dynamic = false;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (lang === 'node' && /^--(eval|print)=/.test(t)) {
      parts.push(t.slice(t.indexOf('=') + 1));
      dynamic ||= argv[i].dynamic;
      continue;
    }
    // CLISP's `-x EXPRESSIONS`
    const clispCode = prog === 'clisp' && t === '-x';
    if (
      (clispCode || CODE_FLAGS[lang].test(t)) &&
      !(t === '-c' && lang !== 'python' && lang !== 'tcl' && lang !== 'scheme')
    ) {
      if (lang === 'node' && t === 'eval' && i !== 1) break;
      const c = argv[i + 1];
      if (c) {
        parts.push(c.text);
        dynamic ||= c.dynamic;
      }
      i++;
      if (lang === 'python' || lang === 'node' || lang === 'php') break;
      continue;
    }
    if (parts.length > 0) break;
    if (lang === 'jvm' && i === 1 && t === 'run' && /^(jbang|scala-cli)$/.test(prog)) continue;
    if (prog === 'crystal' && i === 1 && !/^(eval|run|-.*|.*\.cr)$/.test(t)) return { label: prog };
    if (prog === 'crystal' && i === 1 && (t === 'eval' || t === 'run')) {
      const c = argv[i + 1];
      if (t === 'eval' && c) return { code: c, label: 'crystal eval' };
      continue;
    }
    if (t === '-m' && lang === 'python') return { label: `${prog} -m` };
    // `php -f FILE`: the script file
    if (t === '-f' && lang === 'php' && argv[i + 1])
      return { file: argv[i + 1], label: `${prog} ${argv[i + 1].text}` };
    if (/^(-m|--module|--std|--script)$/.test(t) && /^(qjs|quickjs)$/.test(prog)) continue; // QuickJS flags
    if ((VALUE_FLAGS.test(t) || LANG_VALUE_FLAGS[lang]?.test(t)) && !CODE_FLAGS[lang].test(t)) {
      i++;
      continue;
    }
    if (t === '-') break; // code on stdin
    if (t.startsWith('-')) continue;
    if (lang === 'node' && /^(run|test|install|add|x|create|upgrade|fmt|lint|compile|task|repl)$/.test(t))
      return { label: prog };
    return { file: argv[i], label: `${prog} ${t}` };
  }
  if (parts.length > 0) {
    const flag =
      lang === 'python' || lang === 'tcl' || lang === 'scheme' ? '-c' : lang === 'php' ? '-r' : '-e';
    return { code: { text: parts.join('\n'), dynamic }, label: `${prog.replace(/[\d.]+$/, '')} ${flag}` };
  }
  return { label: `${prog.replace(/[\d.]+$/, '')} stdin` };
}
