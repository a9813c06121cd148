/**
 * Compiled-language projects the script wrote and then builds or runs: which of the files it
 * wrote (scope.files, absolute path → text) are the code a command runs.
 * - `go run .` / `go run ./cmd/x` (a package directory: its `.go` files), `go test [PKG|./...]`,
 *   and `go generate [./...]`, whose `//go:generate CMD` lines run as shell commands;
 * - `cargo run|test|bench` (the crate's `src/**.rs`, and `build.rs`), `cargo build|check|clippy`
 *   (`build.rs` only: a build script runs at build time), `--manifest-path DIR/Cargo.toml`;
 * - `dotnet run|test [--project DIR]` (the project's `.cs` files, read as C#; `dotnet run FILE.cs`
 *   runs that one file: codescan-dotnet.ts);
 * - `dart run` / `dart test` of a package (its `bin/`, `lib/` and `test/` `.dart` files);
 * - `swift run` / `swift test` of a package (its `Sources/` and `Tests/` `.swift` files, and the
 *   manifest `Package.swift`, which SwiftPM runs first), `swift build` (the manifest only),
 *   `--package-path DIR`;
 * - `dune exec|test` of an OCaml project (its `.ml` files).
 * Files on disk and not written by the script are the project's own code: not read here.
 */
import { absPath, basename } from './state.js';
import type { Field, Res } from './state.js';
import type { K } from './emit.js';
import type { Lang } from './codelex.js';
import { runWritten } from './written-code.js';
import { fileBasedApp } from './codescan-dotnet.js';
import { cargoRoot } from './compiled.js';
import { optValue } from './options.js';

/** The code a project command runs: the written files' texts joined, and shell lines it runs; both empty = none known. */
export interface ProjectCode {
  /** Source text of the written files the command compiles and runs; '' = none written. */
  text: string;
  /** Shell command lines the build runs (`//go:generate` lines); empty = none. */
  shell: string[];
}

const NONE: ProjectCode = { text: '', shell: [] };

/** The written files under `dir` (recursively when `deep`, else directly in it) whose path matches `name`. */
function written(files: Map<string, string>, dir: string, deep: boolean, name: RegExp): string[] {
  const base = dir.endsWith('/') ? dir : `${dir}/`;
  const out: string[] = [];
  for (const [path, text] of files) {
    if (!path.startsWith(base)) continue;
    const rest = path.slice(base.length);
    if (!deep && rest.includes('/')) continue;
    if (/(^|\/)(bin|obj|target|\.build)\//.test(rest) && !/^bin\/[^/]+\.(dart|ml)$/.test(rest)) continue;
    if (name.test(rest)) out.push(text);
  }
  return out;
}

/** Go package operands (`.`, `./cmd/x`, `./...`; only the first when `one`); the cwd when none is given; undefined = `.go` files named (the file reader's). */
function goPackages(
  argv: Field[],
  from: number,
  cwd: string,
  one: boolean,
): { dir: string; deep: boolean }[] | undefined {
  const out: { dir: string; deep: boolean }[] = [];
  for (let i = from; i < argv.length; i++) {
    const t = argv[i].text;
    if (
      /^-(tags|ldflags|gcflags|exec|o|C|mod|modfile|overlay|pgo|p|toolexec|run|skip|count|timeout)$/.test(t)
    )
      i++;
    else if (t.startsWith('-')) continue;
    else if (t.endsWith('.go'))
      return undefined; // files: read by the file reader
    else if (argv[i].dynamic) return [];
    else if (/^\.{1,2}(\/|$)/.test(t) || t.startsWith('/')) {
      const deep = t.endsWith('/...');
      out.push({ dir: absPath(cwd, deep ? t.slice(0, -4) || '.' : t), deep });
      if (one) break; // `go run PKG ARGS…`: the rest are the program's arguments
    } else break; // an import path or the program's arguments
  }
  return out.length ? out : [{ dir: cwd, deep: false }];
}

function goCode(argv: Field[], cwd: string, files: Map<string, string>): ProjectCode {
  const sub = argv[1]?.text ?? '';
  if (!/^(run|test|generate)$/.test(sub)) return NONE;
  const pkgs = goPackages(argv, 2, cwd, sub === 'run');
  if (!pkgs) return NONE;
  const go = pkgs.flatMap((p) =>
    [...files].filter(
      ([path]) =>
        path.startsWith(`${p.dir}/`) &&
        path.endsWith('.go') &&
        (p.deep || !path.slice(p.dir.length + 1).includes('/')) &&
        (sub === 'test' || !path.endsWith('_test.go')),
    ),
  );
  if (sub === 'generate') {
    const shell = go.flatMap(([, text]) =>
      [...text.matchAll(/^\/\/go:generate[ \t]+(.+)$/gm)].map((m) => m[1].trim()),
    );
    return { text: '', shell };
  }
  return { text: go.map(([, t]) => t).join('\n'), shell: [] };
}

function cargoCode(argv: Field[], cwd: string, files: Map<string, string>): ProjectCode {
  const sub = argv.slice(1).find((a) => !a.text.startsWith('-') && !a.text.startsWith('+'))?.text ?? '';
  const root = cargoRoot(argv, cwd);
  const build = files.get(`${root}/build.rs`) ?? '';
  if (/^(build|b|check|c|clippy|doc|d)$/.test(sub)) return { text: build, shell: [] };
  if (!/^(run|r|test|t|bench)$/.test(sub)) return NONE;
  const src = written(files, `${root}/src`, true, /\.rs$/);
  const tests = /^(test|t|bench)$/.test(sub) ? written(files, `${root}/tests`, true, /\.rs$/) : [];
  return { text: [build, ...src, ...tests].filter(Boolean).join('\n'), shell: [] };
}

function dotnetCode(argv: Field[], cwd: string, files: Map<string, string>): ProjectCode {
  if (!/^(run|test|watch)$/.test(argv[1]?.text ?? '')) return NONE;
  if (fileBasedApp(argv)) return NONE; // one file, not the project: the script reader's (codescan-dotnet.ts)
  const project = optValue(argv, '--project') ?? optValue(argv, '-p');
  const dir = project ? absPath(cwd, project.replace(/\/?[^/]*\.(cs|fs)proj$/, '') || '.') : cwd;
  return { text: written(files, dir, true, /\.cs$/).join('\n'), shell: [] };
}

function dartCode(argv: Field[], cwd: string, files: Map<string, string>): ProjectCode {
  const sub = argv[1]?.text ?? '';
  if (!/^(run|test)$/.test(sub)) return NONE;
  if (argv.slice(2).some((a) => /\.dart$/.test(a.text))) return NONE; // a script: the file reader's
  const dirs = sub === 'test' ? ['test', 'lib'] : ['bin', 'lib'];
  return {
    text: dirs.flatMap((d) => written(files, `${cwd}/${d}`, true, /\.dart$/)).join('\n'),
    shell: [],
  };
}

/** `dune exec|test [--root DIR]` of a project the script wrote: its `.ml` files (`_build` left out). */
function duneCode(argv: Field[], cwd: string, files: Map<string, string>): ProjectCode {
  if (!/^(exec|test|runtest)$/.test(argv[1]?.text ?? '')) return NONE;
  const root = optValue(argv, '--root');
  const dir = root ? absPath(cwd, root) : cwd;
  return { text: written(files, dir, true, /^(?!_build\/).*\.ml$/).join('\n'), shell: [] };
}

function swiftCode(argv: Field[], cwd: string, files: Map<string, string>): ProjectCode {
  const sub = argv[1]?.text ?? '';
  if (!/^(run|test|build)$/.test(sub)) return NONE;
  const path = optValue(argv, '--package-path');
  const root = path ? absPath(cwd, path) : cwd;
  // SwiftPM runs the manifest (Package.swift) as a program before it builds
  const manifest = files.get(`${root}/Package.swift`) ?? '';
  if (sub === 'build') return { text: manifest, shell: [] };
  const dirs = sub === 'test' ? ['Sources', 'Tests'] : ['Sources'];
  return {
    text: [manifest, ...dirs.flatMap((d) => written(files, `${root}/${d}`, true, /\.swift$/))]
      .filter(Boolean)
      .join('\n'),
    shell: [],
  };
}

/** The written code `prog`'s project command (argv) compiles and runs in `cwd`; empty = none known. */
export function projectCode(
  prog: string,
  argv: Field[],
  cwd: string,
  files: Map<string, string>,
): ProjectCode {
  if (prog === 'go') return goCode(argv, cwd, files);
  if (prog === 'cargo') return cargoCode(argv, cwd, files);
  if (prog === 'dotnet') return dotnetCode(argv, cwd, files);
  if (prog === 'dart') return dartCode(argv, cwd, files);
  if (prog === 'swift') return swiftCode(argv, cwd, files);
  if (prog === 'dune') return duneCode(argv, cwd, files);
  return NONE;
}

/**
 * A compiled-language project the script wrote, built or run (`go run .`, `cargo run`, `dotnet
 * run`): the command, with its written code read as a script's (written-code.ts); undefined =
 * no written code it runs.
 */
export function runProject(lang: Lang, argv: Field[], k: K): Res | undefined {
  const prog = basename(argv[0].text);
  const project = projectCode(prog, argv, k.scope.cwd, k.scope.files);
  if (!project.text && project.shell.length === 0) return undefined;
  return runWritten(argv, k, { ...project, lang }, `${prog} ${argv[1]?.text ?? ''}`);
}
