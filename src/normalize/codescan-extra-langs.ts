/**
 * Haskell (`ghc -e EXPR`, `runghc FILE.hs`), Prolog (`swipl -g GOAL`, `gprolog --query-goal GOAL`, `swipl FILE.pl`) and Zig
 * (`zig run FILE.zig`) (OCaml: codescan-ocaml.ts): where the code is (extraArgs) and what it deletes or runs
 * (extraPatterns), on the generic lexer's skeleton:
 * - Haskell's System.Directory removals (`removeDirectoryRecursive "/srv"`, `removePathForcibly`,
 *   `removeFile`), System.Process's `callCommand`/`system`/`spawnCommand CMD` and
 *   `callProcess`/`rawSystem`/`readProcess PROG [ARGS]`;
 * - Prolog's `delete_directory_and_contents(D)`, `delete_directory(D)`, `delete_file(F)`, `unlink(F)`,
 *   `shell(CMD)`, `system(CMD)`, `popen(CMD, …)` and `process_create(path(PROG), [ARGS], _)`;
 * - Zig's `std.fs.deleteTreeAbsolute(p)` (and deleteFile/deleteDir, absolute or on a Dir),
 *   and `std.process.Child` / `std.ChildProcess` argvs (`&.{ "rm", "-rf", p }`).
 * Other subcommands of these tools (ghc compiling, `zig build`) run no code read here.
 */
import { callArgs, literalOf, type Lexed } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import type { Effect } from './codescan.js';
import type { CodeArgs } from './interpreter-args.js';
import type { Field } from './state.js';
import { nativeArgs, nativeLangFor, nativePatterns, type NativeLang } from './codescan-native.js';
import { OCAML_PROGRAMS, ocamlArgs, ocamlPatterns } from './codescan-ocaml.js';

/** These and Nim, D and C/C++ (codescan-native.ts), OCaml (codescan-ocaml.ts). */
export type ExtraLang = 'haskell' | 'prolog' | 'zig' | 'ocaml' | NativeLang;

/** The language `prog` runs; undefined = none of these. */
export function extraLangFor(prog: string): ExtraLang | undefined {
  if (/^(ghc|ghci|runghc|runhaskell)$/.test(prog)) return 'haskell';
  // GNU Prolog, SWI, Scryer, YAP, Trealla (tpl), SICStus
  if (/^(swipl|swi-prolog|gprolog|scryer-prolog|yap|tpl|sicstus)$/.test(prog)) return 'prolog';
  if (prog === 'zig') return 'zig';
  if (OCAML_PROGRAMS.test(prog)) return 'ocaml';
  return nativeLangFor(prog);
}

/** Where the code is: `ghc -e`, `swipl -g/-t`, a script file operand, `zig run FILE`; else stdin or none. */
export function extraArgs(prog: string, argv: Field[]): CodeArgs {
  if (nativeLangFor(prog)) return nativeArgs(prog, argv);
  if (OCAML_PROGRAMS.test(prog)) return ocamlArgs(prog, argv);
  const parts: Field[] = [];
  if (prog === 'zig') {
    if (argv[1]?.text !== 'run') return { label: 'zig', none: true };
    const file = argv.slice(2).find((a) => !a.text.startsWith('-') && /\.zig$/.test(a.text));
    return file ? { file, label: 'zig run' } : { label: 'zig run', none: true };
  }
  // Prolog goals: swipl -g/-t, gprolog --query-goal/--init-goal/--entry-goal
  const codeFlag =
    prog === 'ghc' || prog === 'ghci'
      ? /^-e$/
      : /^(-g|-t|--goal|--toplevel|--query-goal|--init-goal|--entry-goal)$/;
  let file: Field | undefined;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (codeFlag.test(t) && argv[i + 1]) parts.push(argv[++i]);
    else if (t === '--consult-file' && argv[i + 1] && !file) file = argv[++i];
    else if (t === '--') break;
    else if (!t.startsWith('-') && !file) file = argv[i];
  }
  if (parts.length)
    return {
      code: {
        text: parts.map((p) => p.text).join(prog.startsWith('ghc') ? '\n' : ',\n'),
        dynamic: parts.some((p) => p.dynamic),
      },
      label: `${prog} ${prog.startsWith('ghc') ? '-e' : '-g'}`,
    };
  // ghc without -e compiles; it runs nothing
  if (prog === 'ghc') return { label: 'ghc', none: true };
  return file ? { file, label: `${prog} ${file.text}` } : { label: `${prog} stdin` };
}

/** A literal list's items (`["-rf", p]`, `&.{ "rm", p }`), or undefined when not a literal list. */
function listItems(expr: string | undefined): string[] | undefined {
  const m = /^\s*(?:&\s*(?:\[_\]\[\]const u8)?\.?\s*)?[[{]([\s\S]*)[\]}]\s*$/.exec(expr ?? '');
  return m ? callArgs(m[1] + ')', 0).args.filter((a) => a.trim() !== '') : undefined;
}

/** An argv: the program and a list of arguments; a list not known statically is one dynamic word. */
function argv(prog: Field, rest: string | undefined, lx: Lexed, home: string, h: Helpers): Effect[] {
  const items = listItems(rest);
  const words = items
    ? items.map((a) => h.valueOf(a, lx, home))
    : rest === undefined
      ? []
      : // fail closed: arguments built at run time
        [{ text: rest.trim(), dynamic: true }];
  return [{ kind: 'exec', argv: [prog, ...words] }];
}

export function extraPatterns(h: Helpers): Record<ExtraLang, Pattern[]> {
  return {
    ...nativePatterns(h),
    ocaml: ocamlPatterns(h),
    haskell: [
      {
        re: /(?<![\w.'])(?:System\.Directory\.)?(?:removeDirectoryRecursive|removePathForcibly|removeFile|removeDirectory)\b\s*\(?/g,
        handle: h.rm,
      },
      {
        re: /(?<![\w.'])(?:System\.Process\.)?(?:callCommand|system|spawnCommand)\b\s*\(?/g,
        handle: (a, lx, home) => h.command(a[0], lx, home),
      },
      {
        // callProcess PROG [ARGS]: Haskell applies by juxtaposition, so the two are read off the skeleton
        re: /(?<![\w.'])(?:System\.Process\.)?(?:callProcess|rawSystem|readProcess|spawnProcess|proc)\s+(\u0001\d+\u0002)\s*(\[[^\]]*\])?/g,
        handle: (_a, lx, home, m) => argv(h.valueOf(m[1], lx, home), m[2], lx, home, h),
      },
    ],
    prolog: [
      {
        re: /(?<![\w:])(?:delete_directory_and_contents|delete_directory|delete_file)\s*\(/g,
        handle: h.rm,
      },
      // shell/1,2 (SWI, GNU), system/1,2 and popen/3 (GNU, YAP): a shell line
      { re: /(?<![\w:])(?:shell|system|popen)\s*\(/g, handle: (a, lx, home) => h.command(a[0], lx, home) },
      { re: /(?<![\w:])unlink\s*\(/g, handle: h.rm },
      {
        re: /(?<![\w:])process_create\s*\(/g,
        handle: (a, lx, home) => {
          const p = /^\s*path\s*\(\s*([\s\S]*?)\s*\)\s*$/.exec(a[0] ?? '');
          const name = p ? p[1] : (a[0] ?? '');
          const lit = literalOf(name, lx);
          const prog: Field = lit
            ? { text: lit.value, dynamic: lit.dynamic }
            : { text: name, dynamic: !/^[a-z]\w*$/.test(name) };
          return argv(prog, a[1], lx, home, h);
        },
      },
    ],
    zig: [
      {
        re: /\b(?:std\.fs\.)?(?:deleteTreeAbsolute|deleteFileAbsolute|deleteDirAbsolute)\s*\(/g,
        handle: h.rm,
      },
      { re: /\.\s*(?:deleteTree|deleteFile|deleteDir)\s*\(/g, handle: h.rm },
      {
        // std.process.Child.init(ARGV, alloc), std.ChildProcess.init(…), Child.run(.{ .argv = ARGV, … })
        re: /\b(?:std\.process\.Child|std\.ChildProcess|Child|ChildProcess)\.(init|run|exec)\s*\(/g,
        handle: (a, lx, home, m) => {
          const expr =
            m[1] === 'init'
              ? a[0]
              : /\.argv\s*=\s*([\s\S]*?)\s*(?:,\s*\.\w+\s*=|$)/.exec(
                  (a[0] ?? '').replace(/^\s*\.?\{|\}\s*$/g, ''),
                )?.[1];
          const items = listItems(expr);
          // fail closed: an argv built at run time
          if (!items?.length) return [{ kind: 'dynamic', text: (expr ?? a[0] ?? '').trim() }];
          return [{ kind: 'exec', argv: items.map((x) => h.valueOf(x, lx, home)) }];
        },
      },
    ],
  };
}
