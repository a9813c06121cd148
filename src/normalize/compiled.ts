/**
 * Programs a compiler builds from source files this script wrote: `swiftc main.swift -o app`
 * then `./app` runs main.swift's Swift code, as `swift main.swift` would; `rustc x.rs -o x`
 * the same with Rust (read as `rust-script` reads it); `swift build` of a package the script
 * wrote makes `.build/debug/TARGET` (`.build/release/…` with `-c release`) from
 * `Sources/TARGET/*.swift`; `go build` of written Go files makes `-o OUT` (read as `gorun`
 * reads a source file); `cargo build` of a written crate makes `target/debug|release/NAME`;
 * `ocamlopt|ocamlc|ocamlfind ocamlopt x.ml -o x` the same with OCaml (read by the `ocaml` toplevel).
 * The output's text is taken to be the
 * sources behind a `#!` line naming the language's script runner, so running the program by
 * path is read through that runner (scripts.ts). Sources on disk that the script did not
 * write are the project's own code: the output is then not recorded. A written source whose
 * text is not known makes the output a written file of unknown text (fail closed: running it
 * is asked). A compile to a library or object file, or a syntax check, makes no program.
 */
import { absPath, basename, type Field, type Scope } from './state.js';
import { optValue } from './options.js';

interface Compiler {
  /** Source files it compiles. */
  source: RegExp;
  /** Options whose next word is their value. */
  valued: RegExp;
  /** Options that make something other than a program (a library, objects, a check only). */
  noProgram: RegExp;
  /** `--out-dir DIR`-like option: the program is DIR/STEM; undefined = none. */
  outDir?: RegExp;
  /** The output when no `-o` names it and several sources are given; undefined = the first source's stem. */
  several?: string;
  /** The program that runs the sources as a script. */
  runner: string;
}

/** The OCaml compilers (native and bytecode); the program runs as the `ocaml` toplevel runs the sources. */
const OCAML: Compiler = {
  source: /\.ml$/,
  valued:
    /^(-o|-I|-package|-pp|-ppx|-open|-cclib|-ccopt|-w|-warn-error|-for-pack|-intf|-impl|-predicates|-syntax|-thread-library|-linkopt|-dllib|-dllpath)$/,
  noProgram:
    /^(-c|-a|-shared|-i|-pack|-output-obj|-output-complete-obj|-stop-after|query|list|printconf|install|remove)$/,
  several: 'a.out',
  runner: 'ocaml',
};

const COMPILERS: Record<string, Compiler> = {
  swiftc: {
    source: /\.swift$/,
    valued:
      /^(-o|-module-name|-I|-L|-F|-sdk|-target|-j|-Xcc|-Xlinker|-Xfrontend|-emit-module-path|-swift-version|-D|-module-cache-path|-resource-dir|-output-file-map)$/,
    noProgram:
      /^(-emit-library|-emit-object|-c|-typecheck|-parse|-emit-sil|-emit-silgen|-emit-ir|-emit-bc|-emit-assembly|-dump-ast|-dump-parse|-print-ast|-emit-module|-parse-as-library)$/,
    several: 'main',
    runner: 'swift',
  },
  rustc: {
    source: /\.rs$/,
    valued:
      /^(-o|--out-dir|--crate-type|--edition|-C|--cfg|-L|-l|--target|--crate-name|--emit|-A|-W|-D|-F|--cap-lints|--sysroot|--error-format|--json|--explain|--print)$/,
    noProgram: /^(--crate-type=(?!bin)|--emit=(?!.*link)|--print|--explain|-V|--version)/,
    outDir: /^--out-dir$/,
    runner: 'rust-script',
  },
  ocamlopt: OCAML,
  'ocamlopt.opt': OCAML,
  ocamlc: OCAML,
  // `ocamlfind ocamlopt|ocamlc -package P -linkpkg x.ml -o x`
  ocamlfind: OCAML,
};

/**
 * `swift build [-c release] [--package-path DIR]` of a package the script wrote: each target
 * with written sources (`Sources/T/*.swift`) becomes the program `.build/CONFIG/T`.
 */
function swiftBuild(argv: Field[], scope: Scope): Map<string, string | null> {
  const out = new Map<string, string | null>();
  let config = 'debug';
  let root = scope.cwd;
  for (let i = 2; i < argv.length; i++) {
    const t = argv[i].text;
    const v = /^(?:-c|--configuration|--package-path)=(.*)$/.exec(t)?.[1] ?? argv[i + 1]?.text ?? '';
    if (/^(-c|--configuration)(=|$)/.test(t)) config = v;
    else if (/^--package-path(=|$)/.test(t)) root = absPath(scope.cwd, v);
  }
  // fail closed: a target with a written source whose text is not known is a program whose code is not known
  const targets = new Map<string, string[] | null>();
  for (const path of scope.written) {
    const rel = path.startsWith(`${root}/`) ? path.slice(root.length + 1) : '';
    const m = /^Sources\/([^/]+)\/.+\.swift$/.exec(rel);
    if (!m) continue;
    const text = scope.files.get(path);
    const prev = targets.get(m[1]);
    targets.set(m[1], text === undefined || prev === null ? null : [...(prev ?? []), text]);
  }
  for (const [t, texts] of targets)
    out.set(`${root}/.build/${config}/${t}`, texts && `#!/usr/bin/env swift\n${texts.join('\n')}`);
  return out;
}

/** The program's text as a script run by `runner`: null when a source's text is not known (fail closed). */
const asScript = (runner: string, texts: (string | undefined)[]) =>
  texts.some((t) => t === undefined) ? null : `#!/usr/bin/env ${runner}\n${texts.join('\n')}`;

/** go build's options that take a value. */
const GO_VALUED =
  /^-(o|tags|ldflags|gcflags|asmflags|C|mod|modfile|overlay|pgo|p|toolexec|buildmode|compiler|gccgoflags|installsuffix|pkgdir|buildvcs)$/;

/**
 * `go build [-o OUT] [FILE.go… | DIR]` of Go files the script wrote: the program OUT (else the
 * first file's stem, or the package folder's name), run as `gorun` runs a source file. A
 * package named by import path is not a folder here: nothing recorded.
 */
function goBuild(argv: Field[], scope: Scope): Map<string, string | null> {
  const out = new Map<string, string | null>();
  let output: Field | undefined;
  const files: Field[] = [];
  let pkg: Field | undefined;
  for (let i = 2; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '-o') output = argv[i + 1];
    if (GO_VALUED.test(t)) i++;
    else if (t.startsWith('-')) continue;
    else if (t.endsWith('.go')) files.push(argv[i]);
    else pkg ??= argv[i];
  }
  if (pkg && (pkg.dynamic || !/^(\.{1,2}(\/|$)|\/)/.test(pkg.text) || pkg.text.endsWith('...'))) return out;
  const dir = absPath(scope.cwd, pkg?.text ?? '.');
  const sources = files.length
    ? files.map((f) => (f.dynamic ? undefined : absPath(scope.cwd, f.text)))
    : [...scope.written].filter(
        (p) =>
          p.startsWith(`${dir}/`) && /^[^/]+\.go$/.test(p.slice(dir.length + 1)) && !p.endsWith('_test.go'),
      );
  // the sources this script wrote (one named by a value not known may be one); the others are the project's own
  const written = sources.filter((p) => p === undefined || scope.written.has(p));
  if (!written.length || output?.dynamic) return out;
  const stem = files.length ? files[0].text.replace(/^.*\//, '').replace(/\.go$/, '') : basename(dir);
  const path = output
    ? absPath(scope.cwd, output.text.endsWith('/') ? output.text + stem : output.text)
    : absPath(scope.cwd, stem);
  out.set(
    path,
    asScript(
      'gorun',
      written.map((p) => (p === undefined ? undefined : scope.files.get(p))),
    ),
  );
  return out;
}

/** The crate folder a cargo command works in: `--manifest-path DIR/Cargo.toml`'s DIR, else `cwd`. */
export function cargoRoot(argv: Field[], cwd: string): string {
  const manifest = optValue(argv, '--manifest-path');
  return manifest ? absPath(cwd, manifest.replace(/\/?Cargo\.toml$/, '') || '.') : cwd;
}

/**
 * `cargo build [--release|-r|--profile P] [--target-dir D] [--manifest-path M]` of a crate whose
 * Cargo.toml and sources (`src/**.rs`, `build.rs`) the script wrote: the program
 * `D/PROFILE/NAME` (NAME: the `[package]` name), run as `rust-script` runs a source file.
 */
function cargoBuild(argv: Field[], scope: Scope): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const root = cargoRoot(argv, scope.cwd);
  const toml = scope.files.get(`${root}/Cargo.toml`);
  const name = toml && /\[package\][^[]*?\bname\s*=\s*["']([^"']+)["']/.exec(toml)?.[1];
  if (!name) return out;
  const profile =
    optValue(argv, '--profile') ?? (argv.some((a) => /^(--release|-r)$/.test(a.text)) ? 'release' : 'dev');
  const dir = absPath(root, optValue(argv, '--target-dir') ?? 'target');
  const sources = [...scope.written].filter(
    (p) => p === `${root}/build.rs` || (p.startsWith(`${root}/src/`) && p.endsWith('.rs')),
  );
  if (!sources.length) return out;
  out.set(
    `${dir}/${profile === 'dev' ? 'debug' : profile}/${name}`,
    asScript(
      'rust-script',
      sources.map((p) => scope.files.get(p)),
    ),
  );
  return out;
}

/** The programs `argv` compiles from written sources: absolute output path → its text as a script (null = not known). Empty = none. */
export function compiledPrograms(program: string, argv: Field[], scope: Scope): Map<string, string | null> {
  if (program === 'swift' && argv[1]?.text === 'build') return swiftBuild(argv, scope);
  if (program === 'go' && argv[1]?.text === 'build') return goBuild(argv, scope);
  const sub = argv.slice(1).find((a) => !a.text.startsWith('-') && !a.text.startsWith('+'))?.text;
  if (program === 'cargo' && (sub === 'build' || sub === 'b')) return cargoBuild(argv, scope);
  const out = new Map<string, string | null>();
  const c = Object.hasOwn(COMPILERS, program) ? COMPILERS[program] : undefined;
  if (!c) return out;
  const sources: Field[] = [];
  let output: Field | undefined;
  let dir: Field | undefined;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (c.noProgram.test(t)) return out;
    if (t === '--crate-type' && argv[i + 1]?.text !== 'bin') return out;
    if (t === '-o') output = argv[i + 1];
    else if (c.outDir?.test(t)) dir = argv[i + 1];
    if (c.valued.test(t)) i++;
    else if (!t.startsWith('-') && c.source.test(t)) sources.push(argv[i]);
  }
  // the sources this script wrote (a name not known statically may be one); the others are the project's own
  const written = sources.filter((s) => s.dynamic || scope.written.has(absPath(scope.cwd, s.text)));
  if (!written.length) return out;
  const texts = written.map((s) => (s.dynamic ? undefined : scope.files.get(absPath(scope.cwd, s.text))));
  // the program's path: `-o FILE`, else the first source's stem (or the compiler's name for several), in `--out-dir` or here
  const stem =
    (sources.length > 1 && c.several) || (sources[0]?.text.replace(/^.*\//, '').replace(c.source, '') ?? '');
  if (output?.dynamic || dir?.dynamic || !stem) return out;
  const path = output ? absPath(scope.cwd, output.text) : absPath(absPath(scope.cwd, dir?.text ?? '.'), stem);
  // fail closed: a source written with text not known makes a program whose code is not known
  out.set(
    path,
    texts.some((t) => t === undefined) ? null : `#!/usr/bin/env ${c.runner}\n${texts.join('\n')}`,
  );
  return out;
}
