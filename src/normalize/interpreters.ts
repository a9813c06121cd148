/**
 * Inline interpreter code: `python -c`, `node -e/--eval/-p`, `deno eval`, `bun -e`,
 * `ruby -e`, `perl -e/-E`, `php -r`, Tcl (`tclsh`, `expect -c`), Scheme (`guile -c`,
 * `racket -e`), Elixir (`elixir -e`), the JVM scripting languages (`groovy -e`, `kotlin -e`,
 * `scala -e`, jshell), Rust (`rust-script -e`), AppleScript and JXA (`osascript -e`), Clojure
 * (`bb -e`, `clojure -M -e`), IPython (`ipython -c`, its `!CMD` and magics: ipython.ts), Hy
 * (as Python), Raku (as Perl) (dialects.ts) and CoffeeScript (as JavaScript: dialect-coffee.ts), kscript (Kotlin: front-ends.ts), Common Lisp (`sbcl --eval`, read as Scheme), Erlang (`erl -eval`, escript) k6 scripts (interpreter-args.ts), F# and C# scripts (`dotnet fsi`, `dotnet script`: codescan-dotnet.ts), Haskell, Prolog and Zig (`ghc -e`, `swipl -g`, `zig run`: codescan-extra-langs.ts), Nim, D and C/C++ (`nim r`, `rdmd`, `tcc -run`, a compiler building a written file: codescan-native.ts), Ruby run by `rails runner`/`rails console` (rails-runner.ts), Dart (`dart run FILE`: codescan-dart.ts), Swift (`swift FILE`, `swift -`: codescan-swift.ts), a script file written earlier in the same script (also `go run FILE.go`), and
 * code on stdin (heredoc, here-string, constant pipe). The interpreter itself is emitted;
 * what the code does becomes synthetic commands the extractors understand (`rm -rf X`,
 * the command it runs, `curl -X METHOD URL -d BODY`), with wrapper `python -c` etc.
 * Code that evaluates something not readable statically marks the interpreter dynamic.
 * PowerShell (pwsh.ts), Nushell (codescan-nu.ts), Octave/MATLAB (codescan-octave.ts) and Maxima
 * (codescan-maxima.ts) are read by their own scanners (the last three run: interpreters-more.ts).
 */
import { absPath, basename, lit } from './state.js';
import type { Field, Res } from './state.js';
import type { StdinSource } from '../engine/types.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { runArgv } from './carriers.js';
import { scanCode, type Effect } from './codescan.js';
import type { Lang } from './codelex.js';
import { pwshCommand, scanPwsh } from './pwsh.js';
import { scriptOperand, writtenPwshScript } from './pwsh-file.js';
import { findCode, interpreterFor, type CodeArgs } from './interpreter-args.js';
import { elixirRequires } from './interpreter-args-tools.js';
import { ipythonToPython } from './ipython.js';
import { hyToPython, rakuToPerl } from './dialects.js';
import { coffeeToJs } from './dialect-coffee.js';
import { runProject } from './project-code.js';
import { runUn } from './ruby-un.js';
import { runJenkinsConsole } from './jenkins-console.js';
import { unknownScope } from './built-command.js';

export { runGp, runMaxima, runNu, runOctave } from './interpreters-more.js';

export type { Lang };
export { interpreterFor };

/** Nested `exec('…')` levels followed inside one code string. */
const MAX_CODE_DEPTH = 4;

/**
 * `go run [build flags] FILE.go… [args]`: the Go files the script wrote earlier are the code
 * (a package directory, or files on disk, are the project's own code: not read); `gorun FILE`
 * runs FILE's Go source (a program `go build` made from written files: compiled.ts); any other
 * go command runs no code of its own here.
 */
function goRun(argv: Field[], k: K): CodeArgs {
  if (basename(argv[0].text) === 'gorun') {
    const file = argv[1];
    const text = !file || file.dynamic ? undefined : k.scope.files.get(absPath(k.scope.cwd, file.text));
    return text === undefined ? { label: 'gorun' } : { code: { text, dynamic: false }, label: 'gorun' };
  }
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
  const project = runProject(lang, argv, k);
  if (project) return project;
  // `ruby -run -e rm -- -rf DIR`: Ruby's built-in Unix commands (ruby-un.ts)
  const un = lang === 'ruby' ? runUn(argv, k, runArgv) : undefined;
  if (un) return un;
  if (lang === 'go') {
    const found = goRun(argv, k);
    return runCode(
      argv,
      k,
      found.code,
      found.label,
      (text) => {
        const effects = scanCode(text, lang, k.frame.remote ? '~' : k.run.ctx.home);
        return { effects, opaque: effects.some((e) => e.kind === 'dynamic') };
      },
      found.code?.text,
    );
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
  let source: string | undefined;
  if (!code && found.file) {
    const abs = absPath(k.scope.cwd, found.file.text);
    const text = found.file.dynamic ? undefined : k.scope.files.get(abs);
    // A project script on disk is the project's own code: not re-read here, not dynamic.
    if (text !== undefined) code = { text, dynamic: false };
    source = text;
    // fail closed: a script file known only at run time (`kotlin $F`) is a dynamic command
    if (found.file.dynamic) return emit(argv, k, { dynamic: true });
  }
  // files Elixir requires first (`-r A.exs`): each one this script wrote is read with the code
  const required = (lang === 'elixir' ? elixirRequires(prog, argv) : [])
    .map((f) => (f.dynamic ? undefined : k.scope.files.get(absPath(k.scope.cwd, f.text))))
    .filter((t): t is string => t !== undefined);
  if (required.length) {
    code = { text: [...required, code?.text ?? ''].join('\n'), dynamic: !!code?.dynamic };
    source = [...required, source ?? ''].join('\n');
  }
  // Without inline code or a script file, the code is what stdin carries (not for `-m`).
  const given = code ?? (found.file || found.none || found.label.endsWith('-m') ? undefined : 'stdin');
  const home = k.frame.remote ? '~' : k.run.ctx.home;
  const ipython = /^ipython[\d.]*$/.test(prog);
  const dialect = /^hy[\d.]*$/.test(prog)
    ? hyToPython
    : /^(raku|perl6|rakudo)$/.test(prog)
      ? rakuToPerl
      : prog === 'coffee'
        ? coffeeToJs
        : undefined;
  return runCode(
    argv,
    k,
    given,
    found.label,
    (raw) => {
      const text = ipython ? ipythonToPython(raw) : dialect ? dialect(raw) : raw;
      const effects = scanCode(text, lang, home);
      const opaque = effects.some((e) => e.kind === 'dynamic') || nestedOpaque(effects, lang, home, 0);
      return { effects, opaque, lang };
    },
    source,
  );
}

/** PowerShell (`pwsh -Command …`): its statements' effects (pwsh.ts), applied as the other interpreters' are. */
export function runPwsh(argv: Field[], k: K): Res {
  // A script file this script wrote (`-File F.ps1`, `pwsh F.ps1`) is the code (pwsh-file.ts);
  // one on disk is the project's own code: not re-read here.
  const script = writtenPwshScript(argv, k);
  const found = script ? undefined : pwshCommand(argv);
  const onDisk = found !== undefined && 'file' in found ? found.file : undefined;
  const code = script ?? (found === undefined ? 'stdin' : 'file' in found ? undefined : found);
  const label = script || onDisk ? `pwsh ${scriptOperand(argv)?.text ?? onDisk?.text ?? '-File'}` : 'pwsh -c';
  const scan = (text: string) => {
    const effects = scanPwsh(text, k.frame.remote ? '~' : k.run.ctx.home);
    return { effects, opaque: effects.some((e) => e.kind === 'dynamic') };
  };
  const source = script && !script.dynamic ? script.text : undefined;
  return runCode(argv, k, code, label, scan, source);
}

/** PowerShell code's effects, applied as commands of `k` (pwsh-script.ts: a script typed as PowerShell). */
export function applyPwsh(text: string, k: K): void {
  apply(scanPwsh(text, k.frame.remote ? '~' : k.run.ctx.home), undefined, k, 0);
}

/**
 * Emits an interpreter and applies what its code does. `code`: the code given; 'stdin' =
 * the code is whatever stdin carries (read when known; the interpreter keeps it as its stdin,
 * so readers of code such as the ORM and SDK ones see it too; not readable = dynamic); undefined = none to read (a project file, a module). `scan` reads the code's
 * effects: `opaque` marks the interpreter dynamic, `lang` is the language of nested code
 * (undefined = none followed). The effects run under the wrapper `label`. `source`: the text
 * of the written file(s) the program runs, kept on the command for the SDK and ORM readers
 * (undefined = none).
 */
export function runCode(
  argv: Field[],
  k: K,
  code: Field | 'stdin' | undefined,
  label: string,
  scan: (text: string) => { effects: Effect[]; opaque: boolean; lang?: Lang },
  source?: string,
): Res {
  // the input piped or redirected to the program, when the code is not itself read from stdin
  const input = code === 'stdin' ? undefined : k.io.stdin;
  if (code === 'stdin') {
    if (!k.io.stdin) return emit(argv, k);
    if (k.io.stdin.text === undefined) return emit(argv, k, { dynamic: true });
    code = { text: k.io.stdin.text, dynamic: false };
  }
  if (!code) return emit(argv, k);
  // fail closed: code known only at run time (`kotlin -e "$CODE"`) is a dynamic command; the
  // shell reader (extract/shell-programs.ts) asks for it as interpreter code
  if (code.dynamic) return emit(argv, k, { dynamic: true });
  const { effects, opaque, lang } = scan(code.text);
  const res = emit(argv, k, { dynamic: opaque, ...(source !== undefined ? { source } : {}) });
  const inner: K = {
    ...k,
    io: { writes: [] },
    frame: { ...k.frame, depth: k.frame.depth + 1, wrappers: [...k.frame.wrappers, label] },
  };
  apply(effects, lang, inner, 0, input && READS_STDIN.test(code.text) ? input : undefined);
  return res;
}

export function nestedOpaque(effects: Effect[], lang: Lang, home: string, depth: number): boolean {
  for (const e of effects) {
    if (e.kind !== 'code') continue;
    if (depth >= MAX_CODE_DEPTH) return true;
    const sub = scanCode(e.code, lang, home);
    if (sub.some((s) => s.kind === 'dynamic') || nestedOpaque(sub, lang, home, depth + 1)) return true;
  }
  return false;
}

/**
 * Code that reads its own standard input, in any of the languages (`sys.stdin.read()`,
 * `process.stdin`, `fs.readFileSync(0)`, `STDIN.read`, `$stdin`, `ARGF`, `<STDIN>`,
 * `php://stdin`, `Deno.stdin`, `io.read`, `readLines(stdin)`, `/dev/stdin`).
 */
const READS_STDIN =
  /\bsys\.stdin\b|\bprocess\.stdin\b|readFileSync\s*\(\s*(?:0\b|['"]\/dev\/stdin)|\bSTDIN\b|\$stdin\b|\bARGF\b|php:\/\/stdin|\b(?:Deno|Bun)\.stdin\b|\bio\.(?:read|lines)\b|\bstdin\s*\(\s*\)|\/dev\/stdin\b|\bfileinput\b/;

/**
 * `lang`: the language of nested code effects; undefined = none are followed (PowerShell makes none).
 * `fed`: the program's standard input when its code reads it; a request whose body the code
 * computes then sends what arrives there (`gopass show x | python3 -c 'urlopen(u, sys.stdin.read())'`).
 */
function apply(effects: Effect[], lang: Lang | undefined, k: K, depth: number, fed?: StdinSource): void {
  for (const e of effects) {
    if (k.run.stopped) return;
    switch (e.kind) {
      case 'rm':
        emit([lit('rm'), lit('-rf'), e.target], k);
        break;
      case 'shell':
        reparse(
          e.script.text,
          k.frame.wrappers[k.frame.wrappers.length - 1] ?? 'interpreter',
          { ...k, frame: { ...k.frame, depth: k.frame.depth - 1, wrappers: k.frame.wrappers.slice(0, -1) } },
          // a command built from values not known here: those names are not this shell's
          e.unknowns?.length ? { scope: unknownScope(k.scope, e.unknowns) } : {},
        );
        // fail closed: values pasted into shell text may hold shell syntax of their own
        // (`x; rm -rf ~`), so a command built from them is not fully known (ask at least)
        if (e.unknowns?.length) emit([{ text: e.script.text, dynamic: true }], k, { dynamic: true });
        break;
      case 'exec':
        runArgv(e.argv, k);
        break;
      case 'http': {
        const argv = [lit('curl'), lit('-X'), lit(e.method), e.url];
        for (const h of e.headers ?? []) argv.push(lit('-H'), lit(h));
        // The environment as the body: the same word `curl -d "$(env)"` leaves behind.
        if (e.bodyEnv) argv.push(lit('-d'), { text: '$(env)', dynamic: true });
        // what the stages before it print, left unexpanded as the word `curl -d "$(…)"` leaves
        else if (e.bodyPiped) argv.push(lit('-d'), { text: e.bodyPiped, dynamic: true });
        else if (e.body !== undefined) argv.push(lit('-d'), lit(e.body));
        else if (e.bodyFile) argv.push(lit('--data-binary'), { ...e.bodyFile, text: `@${e.bodyFile.text}` });
        else if (e.bodyUnknown && fed) {
          argv.push(lit('--data-binary'), lit('@-'));
          emit(argv, k, { stdin: fed });
          break;
        } else if (e.bodyUnknown) argv.push(lit('-d'), { text: '(body)', dynamic: true });
        // a script console's request (`requests.post(URL + '/scriptText', data={'script': …})`) runs its script
        if (!runJenkinsConsole('curl', argv, k)) emit(argv, k);
        break;
      }
      case 'code':
        if (lang && depth < MAX_CODE_DEPTH)
          apply(scanCode(e.code, lang, k.run.ctx.home), lang, k, depth + 1, fed);
        break;
      case 'dynamic':
        // fail closed: code that runs or evaluates something not known statically
        // (`os.system(input())`, `eval(argv[1])`) leaves a command whose name is unknown.
        emit([{ text: e.text, dynamic: true }], k, { dynamic: true });
        break;
    }
  }
}
