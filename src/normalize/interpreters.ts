/**
 * Inline interpreter code: `python -c`, `node -e/--eval/-p`, `deno eval`, `bun -e`,
 * `ruby -e`, `perl -e/-E`, `php -r`, Tcl (`tclsh`, `expect -c`), Scheme (`guile -c`,
 * `racket -e`), Elixir (`elixir -e`), the JVM scripting languages (`groovy -e`, `kotlin -e`,
 * `scala -e`, jshell), Rust (`rust-script -e`), AppleScript and JXA (`osascript -e`), Clojure
 * (`bb -e`, `clojure -M -e`), Erlang (`erl -eval`, escript) and k6 scripts (interpreter-args.ts), a script file written earlier in the same script (also `go run FILE.go`), and
 * code on stdin (heredoc, here-string, constant pipe). The interpreter itself is emitted;
 * what the code does becomes synthetic commands the extractors understand (`rm -rf X`,
 * the command it runs, `curl -X METHOD URL -d BODY`), with wrapper `python -c` etc.
 * Code that evaluates something not readable statically marks the interpreter dynamic.
 * PowerShell (pwsh.ts) and Nushell (codescan-nu.ts) are read by their own scanners.
 */
import { absPath } from './state.js';
import type { Field, Res } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { runArgv } from './carriers.js';
import { scanCode, type Effect } from './codescan.js';
import type { Lang } from './codelex.js';
import { pwshCommand, scanPwsh } from './pwsh.js';
import { nuCode, scanNu } from './codescan-nu.js';
import { clojureArgs, erlangArgs, k6Args, type CodeArgs } from './interpreter-args.js';

export type { Lang };

/** Nested `exec('…')` levels followed inside one code string. */
const MAX_CODE_DEPTH = 4;

export function interpreterFor(prog: string): Lang | undefined {
  if (/^python[\d.]*$|^pypy[\d.]*$/.test(prog)) return 'python';
  if (/^(node|nodejs|deno|bun|tsx|ts-node|zx)$/.test(prog)) return 'node';
  // Crystal's syntax and standard calls read as Ruby's (`crystal eval CODE`, `crystal run F.cr`)
  if (/^ruby[\d.]*$|^irb$|^crystal$/.test(prog)) return 'ruby';
  if (/^perl[\d.]*$/.test(prog)) return 'perl';
  if (/^php[\d.]*$/.test(prog)) return 'php';
  if (/^(lua[\d.]*|luajit)$/.test(prog)) return 'lua';
  if (prog === 'Rscript' || prog === 'R') return 'r';
  if (prog === 'julia') return 'julia';
  if (/^(tclsh[\d.]*|wish[\d.]*|expect|jimsh)$/.test(prog)) return 'tcl';
  if (/^(guile[\d.]*|racket|csi|chicken-csi|gsi|chibi-scheme|scheme|chez|chezscheme|petite)$/.test(prog))
    return 'scheme';
  if (prog === 'go') return 'go';
  if (prog === 'elixir' || prog === 'iex') return 'elixir';
  // java and jbang run a single-file program (`java Del.java`, `jbang Del.java`) the script wrote
  if (/^(groovy|kotlin|kotlinc|kotlinc-jvm|scala|scala-cli|jshell|java|jbang)$/.test(prog)) return 'jvm';
  if (prog === 'rust-script' || prog === 'cargo-script') return 'rust';
  if (prog === 'osascript') return 'applescript';
  if (/^(bb|babashka|clojure|clj)$/.test(prog)) return 'clojure';
  if (prog === 'erl' || prog === 'escript') return 'erlang';
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
  // guile -c, racket -e/--eval, csi -e/-p/-P, gsi -e, chibi-scheme -e/-p
  scheme: /^(-c|-e|--eval|-eval|-p|-P|-print|--print)$/,
  elixir: /^(-e|--eval)$/,
  // groovy -e, kotlin -e / kotlinc -expression, scala -e
  jvm: /^(-e|-expression|--expression)$/,
  rust: /^(-e|--expr)$/,
  applescript: /^-e$/,
  // read by interpreter-args.ts
  clojure: /(?!)/,
  erlang: /(?!)/,
};

/** Options of one language's interpreters that take a value that is not code (racket -l LIB, guile -L DIR). */
const LANG_VALUE_FLAGS: Partial<Record<Lang, RegExp>> = {
  scheme: /^(-l|-L|-t|-r|-u|-k|-S|-x|-C|-I|--lib|--require)$/,
  elixir: /^(-r|-pa|-pz|--erl|--sname|--name|--cookie|--logger-\w+)$/,
  jvm: /^(-cp|-classpath|--classpath|-D|--encoding|-c|-l|-jvm-args|--toolkit|--dep|--deps|--source|--module-path|-p|--add-modules|--add-opens|--add-exports|--repos|--java-options|-J|--scala|-S|--jvm)$/,
  rust: /^(-d|--dep|-F|--features|--toolchain|--base-path)$/,
  applescript: /^(-l|-s|-i)$/,
};

/** Options that take a value and are not code. */
const VALUE_FLAGS =
  /^(-m|-W|-X|-r|--require|--import|--loader|-I|--input-type|--env-file|-C|-M|-d|-x|-f|-c)$/;

type Found = CodeArgs;

function findCode(lang: Lang, prog: string, argv: Field[]): Found {
  if (lang === 'clojure') return clojureArgs(prog, argv);
  if (lang === 'erlang') return erlangArgs(prog, argv);
  if (prog === 'k6') return k6Args(argv);
  const parts: string[] = [];
  let dynamic = false;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (lang === 'node' && /^--(eval|print)=/.test(t)) {
      parts.push(t.slice(t.indexOf('=') + 1));
      dynamic ||= argv[i].dynamic;
      continue;
    }
    if (
      CODE_FLAGS[lang].test(t) &&
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

/**
 * `go run [build flags] FILE.go… [args]`: the Go files the script wrote earlier are the code
 * (a package directory, or files on disk, are the project's own code: not read); any other go
 * command runs no code of its own here.
 */
function goRun(argv: Field[], k: K): Found {
  if (argv[1]?.text !== 'run') return { label: 'go' };
  const texts: string[] = [];
  for (let i = 2; i < argv.length; i++) {
    const t = argv[i].text;
    if (
      /^-(tags|ldflags|gcflags|exec|o|C|mod|modfile|overlay|pgo|p|toolexec|asmflags|buildmode|compiler|gccgoflags|installsuffix|pkgdir)$/.test(
        t,
      )
    )
      i++;
    else if (t.startsWith('-')) continue;
    else if (!t.endsWith('.go')) break;
    else {
      const text = argv[i].dynamic ? undefined : k.scope.files.get(absPath(k.scope.cwd, t));
      if (text !== undefined) texts.push(text);
    }
  }
  return texts.length
    ? { code: { text: texts.join('\n'), dynamic: false }, label: 'go run' }
    : { label: 'go run' };
}

export function runInterpreter(lang: Lang, argv: Field[], k: K): Res {
  const prog = argv[0].text.replace(/.*\//, '');
  if (lang === 'go') {
    const found = goRun(argv, k);
    return runCode(argv, k, found.code, found.label, (text) => {
      const effects = scanCode(text, lang, k.frame.remote ? '~' : k.run.ctx.home);
      return { effects, opaque: effects.some((e) => e.kind === 'dynamic') };
    });
  }
  // `osascript -l JavaScript`: JXA, read as JavaScript.
  const jxa =
    lang === 'applescript' &&
    argv.some((a, i) => a.text === '-l' && /^JavaScript$/i.test(argv[i + 1]?.text ?? ''));
  if (jxa) lang = 'node';
  const found = findCode(
    lang,
    prog,
    jxa ? argv.filter((f, i) => f.text !== '-l' && argv[i - 1]?.text !== '-l') : argv,
  );
  let code: Field | undefined = found.code;
  if (!code && found.file) {
    const abs = absPath(k.scope.cwd, found.file.text);
    const text = found.file.dynamic ? undefined : k.scope.files.get(abs);
    // A project script on disk is the project's own code: not re-read here, not dynamic.
    if (text !== undefined) code = { text, dynamic: false };
  }
  // Without inline code or a script file, the code is what stdin carries (not for `-m`).
  const given = code ?? (found.file || found.none || found.label.endsWith('-m') ? undefined : 'stdin');
  const home = k.frame.remote ? '~' : k.run.ctx.home;
  return runCode(argv, k, given, found.label, (text) => {
    const effects = scanCode(text, lang, home);
    const opaque = effects.some((e) => e.kind === 'dynamic') || nestedOpaque(effects, lang, home, 0);
    return { effects, opaque, lang };
  });
}

/** PowerShell (`pwsh -Command …`): its statements' effects (pwsh.ts), applied as the other interpreters' are. */
export function runPwsh(argv: Field[], k: K): Res {
  const code = pwshCommand(argv);
  return runCode(argv, k, code === 'file' ? undefined : (code ?? 'stdin'), 'pwsh -c', (text) => {
    const effects = scanPwsh(text, k.frame.remote ? '~' : k.run.ctx.home);
    return { effects, opaque: effects.some((e) => e.kind === 'dynamic') };
  });
}

/** Nushell (`nu -c …`, a script written earlier, stdin): its statements' effects (codescan-nu.ts). */
export function runNu(argv: Field[], k: K): Res {
  const found = nuCode(argv);
  // A project script on disk is the project's own code: not re-read here, not dynamic.
  const written =
    found.file && !found.file.dynamic ? k.scope.files.get(absPath(k.scope.cwd, found.file.text)) : undefined;
  const code = found.code ?? (written !== undefined ? { text: written, dynamic: false } : undefined);
  return runCode(argv, k, code ?? (found.file ? undefined : 'stdin'), 'nu -c', (text) => {
    const effects = scanNu(text, k.frame.remote ? '~' : k.run.ctx.home);
    return { effects, opaque: effects.some((e) => e.kind === 'dynamic') };
  });
}

/**
 * Emits an interpreter and applies what its code does. `code`: the code given; 'stdin' =
 * the code is whatever stdin carries (read when known; the interpreter keeps it as its stdin,
 * so readers of code such as the ORM and SDK ones see it too; not readable = dynamic); undefined = none to read (a project file, a module). `scan` reads the code's
 * effects: `opaque` marks the interpreter dynamic, `lang` is the language of nested code
 * (undefined = none followed). The effects run under the wrapper `label`.
 */
function runCode(
  argv: Field[],
  k: K,
  code: Field | 'stdin' | undefined,
  label: string,
  scan: (text: string) => { effects: Effect[]; opaque: boolean; lang?: Lang },
): Res {
  if (code === 'stdin') {
    if (!k.io.stdin) return emit(argv, k);
    if (k.io.stdin.text === undefined) return emit(argv, k, { dynamic: true });
    code = { text: k.io.stdin.text, dynamic: false };
  }
  if (!code) return emit(argv, k);
  if (code.dynamic) return emit(argv, k, { dynamic: true });
  const { effects, opaque, lang } = scan(code.text);
  const res = emit(argv, k, { dynamic: opaque });
  const inner: K = {
    ...k,
    io: { writes: [] },
    frame: { ...k.frame, depth: k.frame.depth + 1, wrappers: [...k.frame.wrappers, label] },
  };
  apply(effects, lang, inner, 0);
  return res;
}

function nestedOpaque(effects: Effect[], lang: Lang, home: string, depth: number): boolean {
  for (const e of effects) {
    if (e.kind !== 'code') continue;
    if (depth >= MAX_CODE_DEPTH) return true;
    const sub = scanCode(e.code, lang, home);
    if (sub.some((s) => s.kind === 'dynamic') || nestedOpaque(sub, lang, home, depth + 1)) return true;
  }
  return false;
}

const lit = (text: string): Field => ({ text, dynamic: false });

/** `lang`: the language of nested code effects; undefined = none are followed (PowerShell makes none). */
function apply(effects: Effect[], lang: Lang | undefined, k: K, depth: number): void {
  for (const e of effects) {
    if (k.run.stopped) return;
    switch (e.kind) {
      case 'rm':
        emit([lit('rm'), lit('-rf'), e.target], k);
        break;
      case 'shell':
        reparse(e.script.text, k.frame.wrappers[k.frame.wrappers.length - 1] ?? 'interpreter', {
          ...k,
          frame: { ...k.frame, depth: k.frame.depth - 1, wrappers: k.frame.wrappers.slice(0, -1) },
        });
        break;
      case 'exec':
        runArgv(e.argv, k);
        break;
      case 'http': {
        const argv = [lit('curl'), lit('-X'), lit(e.method), e.url];
        for (const h of e.headers ?? []) argv.push(lit('-H'), lit(h));
        // The environment as the body: the same word `curl -d "$(env)"` leaves behind.
        if (e.bodyEnv) argv.push(lit('-d'), { text: '$(env)', dynamic: true });
        else if (e.body !== undefined) argv.push(lit('-d'), lit(e.body));
        else if (e.bodyFile) argv.push(lit('--data-binary'), { ...e.bodyFile, text: `@${e.bodyFile.text}` });
        else if (e.bodyUnknown) argv.push(lit('-d'), { text: '(body)', dynamic: true });
        emit(argv, k);
        break;
      }
      case 'code':
        if (lang && depth < MAX_CODE_DEPTH) apply(scanCode(e.code, lang, k.run.ctx.home), lang, k, depth + 1);
        break;
      case 'dynamic':
        // fail closed: code that runs or evaluates something not known statically
        // (`os.system(input())`, `eval(argv[1])`) leaves a command whose name is unknown.
        emit([{ text: e.text, dynamic: true }], k, { dynamic: true });
        break;
    }
  }
}
