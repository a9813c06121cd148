/**
 * CERN ROOT's and Cling's C++ interpreter: `root [-l -b -q …] -e CODE` (repeatable), macro files
 * (`root -q macro.C`, `macro.C+`, `'macro.C(1,2)'`), stdin (`echo CODE | root -l -b`), and inside the
 * code the interpreter's dot commands (`.! CMD` a shell line, `.x FILE`/`.L FILE` a macro run or
 * loaded). The code is read as C++ (codescan-native.ts) once ROOT's own calls are written as the
 * C calls they are: `gSystem->Exec`/`TSystem::Exec`/`GetFromPipe`/`OpenPipe` run a shell line
 * (`system`), `gSystem->Unlink` deletes (`unlink`), `gSystem->Rename(A, B)` moves A over B (`mv`).
 * `gROOT->ProcessLine("…")` (and `ProcessLineSync`/`ProcessLineFast`, `gInterpreter->…`) is read
 * again as ROOT code; one of a value not known is dynamic (fail closed). A ROOT file opened with
 * `"RECREATE"` (`TFile f("…", "RECREATE")`, `new TFile(…)`, `TFile::Open(…)`) is emptied first:
 * read as `truncate -s 0 FILE` (a name not known statically is dynamic).
 * A macro file is read when the script wrote it or ctx.readFile can; one not readable is the
 * project's own code (not dynamic, as `python FILE`). `.root` files are data (opened, not run).
 */
import { absPath, type Field, type Res } from './state.js';
import type { K } from './emit.js';
import { runCode } from './interpreters.js';
import { scanCode, type Effect } from './codescan.js';

/** ROOT's and Cling's programs. */
export const ROOT_PROGRAMS = /^(root|root\.exe|cling)$/;

/** Nested `ProcessLine("…")` and `.x FILE` levels followed. */
const MAX_DEPTH = 4;

/** ROOT's options that take the next word as their value (`-e CODE` is read apart). */
const VALUED = /^(--web|-config|--notebook-dir)$/;

/** A macro operand (`m.C`, `m.cxx+`, `m.C++g`, `'m.C(1,"a")'`): the file it names; undefined = not a macro. */
export function macroFile(word: string): string | undefined {
  const m = /^(.+?\.(?:C|cc|cpp|cxx|c|h|hxx))(\+{1,2}[gO]*)?(\(.*\))?$/s.exec(word);
  return m?.[1];
}

/** Where the code is: the `-e` chunks (joined), the macro files named, and whether stdin is read. */
export function rootArgs(argv: Field[]): { code: Field[]; files: Field[]; none: boolean } {
  const code: Field[] = [];
  const files: Field[] = [];
  let none = false;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '-e' && argv[i + 1]) code.push(argv[++i]);
    else if (/^(-h|-\?|--help|--version)$/.test(t)) none = true;
    else if (VALUED.test(t)) i++;
    else if (t.startsWith('-')) continue;
    else if (macroFile(t) !== undefined) files.push({ ...argv[i], text: macroFile(t) ?? t });
    else none = true; // a data file (`.root`), a URL: opened, nothing run from it
  }
  return { code, files, none: none && code.length === 0 && files.length === 0 };
}

/** A double-quoted C string's value (backslash escapes). */
const unquote = (s: string) => s.replace(/\\(.)/g, '$1');

/** ROOT's calls written as the C calls they are (the C scanner then reads them). */
function asC(src: string): string {
  const sys = String.raw`(?:(?:gSystem|gSys)\s*(?:->|\.)\s*|(?:::)?TSystem::)`;
  return src
    .replace(new RegExp(`${sys}(?:Exec|GetFromPipe|OpenPipe)\\s*\\(`, 'g'), 'system(')
    .replace(new RegExp(`${sys}Unlink\\s*\\(`, 'g'), 'unlink(')
    .replace(new RegExp(`${sys}Rename\\s*\\(`, 'g'), 'execlp("mv", "mv", ');
}

/** A ROOT file opened for recreation: its name (a literal, or the expression) is group 1. */
const RECREATE = /\bTFile\b(?:\s*::\s*Open|\s+\w+)?\s*\(\s*("(?:[^"\\]|\\.)*"|[^,()]+)\s*,\s*"recreate"/gi;

const PROCESS_LINE = /\b(?:gROOT|gInterpreter|gCling)\s*(?:->|\.)\s*ProcessLine(?:Sync|Fast)?\s*\(\s*/g;

/**
 * Everything the ROOT code runs or deletes, in order of kind: dot commands, then the C++ code's
 * calls, then the code it hands `ProcessLine`. `read`: a macro file's text (undefined = not readable).
 */
export function scanRoot(
  src: string,
  home: string,
  read: (f: string) => string | undefined,
  depth = 0,
): Effect[] {
  const out: Effect[] = [];
  const cpp: string[] = [];
  for (const line of src.split('\n')) {
    const dot = /^\s*\.(!|x|X|L)\s*(.*)$/.exec(line);
    if (!dot) {
      cpp.push(line);
      continue;
    }
    if (dot[1] === '!') out.push({ kind: 'shell', script: { text: dot[2].trim(), dynamic: false } });
    else {
      const file = macroFile(dot[2].trim().split(/\s/)[0] ?? '');
      const text = file === undefined ? undefined : read(file);
      if (text !== undefined && depth < MAX_DEPTH) out.push(...scanRoot(text, home, read, depth + 1));
      else if (text !== undefined) out.push({ kind: 'dynamic', text: `.x ${file}` });
    }
  }
  const code = cpp.join('\n');
  out.push(...scanCode(asC(code), 'c', home));
  for (const m of code.matchAll(RECREATE)) {
    const name = /^"(.*)"$/s.exec(m[1].trim());
    const file = name ? unquote(name[1]) : undefined;
    out.push(
      file === undefined
        ? { kind: 'dynamic', text: `TFile(${m[1].trim()}, "RECREATE")` }
        : { kind: 'exec', argv: ['truncate', '-s', '0', file].map((text) => ({ text, dynamic: false })) },
    );
  }
  for (const m of code.matchAll(PROCESS_LINE)) {
    const rest = code.slice(m.index + m[0].length);
    const lit = /^"((?:[^"\\]|\\.)*)"\s*[,)]/.exec(rest);
    // fail closed: a line built at run time is not known
    if (!lit || depth >= MAX_DEPTH) out.push({ kind: 'dynamic', text: `ProcessLine(${rest.slice(0, 40)})` });
    else out.push(...scanRoot(unquote(lit[1]), home, read, depth + 1));
  }
  return out;
}

/** `root … -e CODE`, `root macro.C`, `cling` with code on stdin: what the code runs and deletes. */
export function runRoot(argv: Field[], k: K): Res {
  const found = rootArgs(argv);
  const read = (f: string): string | undefined => {
    const abs = absPath(k.scope.cwd, f);
    return k.scope.files.get(abs) ?? k.run.ctx.readFile?.(abs);
  };
  const texts = [
    ...found.files.map((f) => (f.dynamic ? undefined : read(f.text))).filter((t) => t !== undefined),
    ...found.code.map((c) => c.text),
  ];
  const dynamic = found.code.some((c) => c.dynamic);
  const code: Field | 'stdin' | undefined =
    texts.length || dynamic
      ? { text: texts.join('\n'), dynamic }
      : found.none || found.files.length
        ? undefined
        : 'stdin';
  return runCode(argv, k, code, 'root -e', (text) => {
    const effects = scanRoot(text, k.frame.remote ? '~' : k.run.ctx.home, read);
    return { effects, opaque: effects.some((e) => e.kind === 'dynamic') };
  });
}
