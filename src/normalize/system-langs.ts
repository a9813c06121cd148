/**
 * One-liner languages read for what they run and delete (the smaller tools with their own
 * shell-out: system-dsl.ts): Janet (`janet -e`: `os/shell`, `os/execute [argv]`, `os/spawn`,
 * `os/rm`, `os/rmdir`, spork's `sh/rm`), Fennel (`fennel -e`: Lua's `os.execute`, `io.popen`,
 * `os.remove`), newLISP (`newlisp -e`: `exec`, `!`, `process`, `delete-file`, `remove-dir`),
 * PicoLisp (`pil -'(call "rm" …)' -bye`, each `-` operand a call: `call`/`exec` with an argv), Pike (`pike -e`: `Process.system`, `Process.popen`,
 * `Process.spawn`, `Process.run(({argv}))`, `rm`, `Stdio.recursive_rm`), Io (`io -e`: `System
 * system`, `System runCommand`), Rebol (`rebol --do`: `call`, `delete`),
 * and the stack languages Forth (`gforth -e`: `s" CMD" system`, `sh REST-OF-LINE`, `s" F"
 * delete-file`) and Factor (`factor -e=`: `"CMD" run-process`, `"F" delete-tree`).
 * The code is what the code option gives, a script file this script wrote (the first
 * operand), or stdin. A command or path that is not a literal is built at run time (dynamic:
 * fail closed).
 */
import { absPath } from './state.js';
import type { Field, Res } from './state.js';
import type { K } from './emit.js';
import type { Effect } from './codescan.js';
import { runCode } from './interpreters.js';
import { MORE_LANGS } from './system-langs-more.js';

/** What a call does with its argument: runs it through a shell, runs an argv list, deletes it, or (`line`) runs the rest of its line through a shell. */
export type Kind = 'shell' | 'argv' | 'rm' | 'line';

/**
 * One language: its programs, its options whose value is code (next word, or after `=`), its
 * options that take another value, and the calls it reads (each regex ends where the
 * argument starts; `postfix` ones are stack words that come after their literal argument).
 */
export interface SystemLang {
  /** The program names (basenames) that run this language. */
  progs: RegExp;
  /** Options whose value (the next word, or after `=`) is code; `(?!)` = none (code only from a file or stdin). */
  code: RegExp;
  /** Options that take a value that is not code (skipped with it); absent = none. */
  value?: RegExp;
  /** True when every operand starting with `-` is a call (PicoLisp: `-bye` is `(bye)`); absent = none. */
  dashCode?: boolean;
  /** True when every word after the code option is code (J's `jconsole -js S1 S2`); absent = only the next one. */
  codeRest?: boolean;
  /**
   * The string syntax: `'` (single quotes, `''` for a quote: Smalltalk, APL, J), `"` (double
   * quotes, `""` for a quote: BQN); absent = double quotes with backslash escapes, and the
   * brace, backquote and `%file` literals of the Lisps and Rebol.
   */
  quote?: "'" | '"';
  /** The character that joins an argv list's elements without brackets (BQN's `"rm"‿"-rf"`); absent = spaces and commas. */
  strand?: string;
  /** The calls read: each regex (global) ends where the call's argument starts, with what the call does with it. */
  calls: [RegExp, Kind][];
  /** Stack-style words that follow their literal argument (`'P' asFileReference delete`), matched right after it; absent = none. */
  postfix?: [RegExp, Kind][];
}

const BASE_LANGS: SystemLang[] = [
  {
    progs: /^janet$/,
    code: /^(-e|--eval)$/,
    value: /^(-l|-m|-w|-x|--lib|--syspath)$/,
    calls: [
      [/\(\s*os\/shell\s+/g, 'shell'],
      [/\(\s*os\/(?:execute|spawn)\s+/g, 'argv'],
      [/\(\s*(?:os\/rm|os\/rmdir|sh\/rm|sh\/rmrf)\s+/g, 'rm'],
    ],
  },
  {
    progs: /^fennel$/,
    code: /^(-e|--eval)$/,
    value: /^(--add-package-path|--add-fennel-path|--add-macro-path|--load|-l)$/,
    calls: [
      [/\(\s*(?:os\.execute|io\.popen)\s+/g, 'shell'],
      [/\(\s*os\.remove\s+/g, 'rm'],
    ],
  },
  {
    progs: /^newlisp$/,
    code: /^-e$/,
    value: /^(-s|-m|-p|-d|-l|-L|-w|-t)$/,
    calls: [
      [/\(\s*(?:exec|!|process)\s+/g, 'shell'],
      [/\(\s*(?:delete-file|remove-dir)\s+/g, 'rm'],
    ],
  },
  {
    progs: /^(pil|picolisp)$/,
    code: /^-e$/,
    dashCode: true,
    calls: [[/\(\s*(?:call|exec)\s+(?=")/g, 'argv']],
  },
  {
    progs: /^pike$/,
    code: /^-e$/,
    value: /^(-M|-I|-P)$/,
    calls: [
      [/\bProcess\s*\.\s*(?:system|popen|spawn)\s*\(\s*/g, 'shell'],
      [/\bProcess\s*\.\s*(?:run|create_process|Process|call)\s*\(\s*/g, 'argv'],
      [/(?<![\w.])(?:rm|Stdio\s*\.\s*recursive_rm)\s*\(\s*/g, 'rm'],
    ],
  },
  {
    progs: /^io$/,
    code: /^-e$/,
    calls: [[/\bSystem\s+(?:system|runCommand)\s*\(\s*/g, 'shell']],
  },
  {
    progs: /^(rebol\d*|r3)$/,
    code: /^(--do|-do)$/,
    calls: [
      [/(?<![\w-])call(?:\/[\w/]+)?\s+/g, 'shell'],
      [/(?<![\w-])delete(?:-dir)?\s+/g, 'rm'],
    ],
  },
  {
    progs: /^(gforth|gforth-fast|pforth)$/,
    code: /^(-e|--evaluate)$/,
    value: /^(-i|-m|-d|-r|-f|-l|-p|--image-file|--dictionary-size|--data-stack-size|--path)$/,
    calls: [[/(?:^|\s)sh\s+(?=\S)/g, 'shell']],
    postfix: [
      [/^\s+system(?=\s|$)/, 'shell'],
      [/^\s+delete-file(?=\s|$)/, 'rm'],
    ],
  },
  {
    progs: /^factor$/,
    code: /^-e$/,
    calls: [],
    postfix: [
      [/^\s+(?:run-process|try-process|run-detached|try-output-process)(?=\s|$)/, 'shell'],
      [/^\s+(?:delete-file|delete-tree|delete-directory)(?=\s|$)/, 'rm'],
    ],
  },
];

const LANGS: SystemLang[] = [...BASE_LANGS, ...MORE_LANGS];

/** The language `prog` runs, if it is one of these. */
export function systemLangFor(prog: string): SystemLang | undefined {
  return LANGS.find((l) => l.progs.test(prog));
}

/** A string literal at `i`: its text and end, or undefined when none starts there. */
function literalAt(code: string, i: number, quote?: string): { text: string; end: number } | undefined {
  const c = code[i];
  if (quote) {
    if (c !== quote) return undefined;
    let out = '';
    for (let j = i + 1; j < code.length; j++) {
      if (code[j] !== quote) out += code[j];
      else if (code[j + 1] === quote) out += code[++j];
      else return { text: out, end: j + 1 };
    }
    return undefined;
  }
  if (c === '"') {
    let out = '';
    for (let j = i + 1; j < code.length; j++) {
      if (code[j] === '\\' && j + 1 < code.length) {
        const e = code[++j];
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e;
      } else if (code[j] === '"') return { text: out, end: j + 1 };
      else out += code[j];
    }
    return undefined;
  }
  // newLISP's and Rebol's braces, Janet's backquoted long strings
  if (c === '{') {
    const end = code.indexOf('}', i + 1);
    return end < 0 ? undefined : { text: code.slice(i + 1, end), end: end + 1 };
  }
  if (c === '`') {
    const end = code.indexOf('`', i + 1);
    return end < 0 ? undefined : { text: code.slice(i + 1, end), end: end + 1 };
  }
  // Rebol's and Red's file literals (`%/srv/data`)
  if (c === '%') {
    const m = /^%([^\s)\]]+)/.exec(code.slice(i));
    return m ? { text: m[1], end: i + m[0].length } : undefined;
  }
  return undefined;
}

/** The argument at `i`: a literal, or the expression's text as a dynamic word. */
function argumentAt(code: string, i: number, quote?: string): Field {
  const lit = literalAt(code, i, quote);
  if (lit) return { text: lit.text, dynamic: false };
  const expr = /^[^\s)\]};,]*/.exec(code.slice(i))?.[0] ?? '';
  return { text: expr || code.slice(i, i + 20), dynamic: true };
}

/**
 * An argv list at `i` (`["rm" "-rf" p]`, `@[…]`, `({ "rm", p })`, BQN's `⟨…⟩`, Smalltalk's
 * `#(…)` and `{… . …}`, or bare literals up to `)`; with `strand`, bare literals joined by it).
 */
function argvAt(code: string, i: number, quote?: string, strand?: string): Field[] {
  const open = /^(?:@?\[|\(\{|'\(|\u27e8|#\(|\{)?/.exec(code.slice(i))?.[0] ?? '';
  const words: Field[] = [];
  let j = i + open.length;
  while (j < code.length) {
    const from = j;
    while (/[\s,.\u203f\u22c4]/.test(code[j] ?? '')) j++;
    // unbracketed stranding: the list ends where no strand character joins the next word
    if (strand && !open && words.length && !code.slice(from, j).includes(strand)) break;
    if (j >= code.length || /[)\]}\u27e9]/.test(code[j])) break;
    const lit = literalAt(code, j, quote);
    if (lit) {
      words.push({ text: lit.text, dynamic: false });
      j = lit.end;
    } else {
      // fail closed: an element computed at run time
      const expr = /^[^\s,)\]}\u27e9\u203f]+/.exec(code.slice(j))?.[0] ?? code[j];
      words.push({ text: expr, dynamic: true });
      j += expr.length;
    }
  }
  return words;
}

/** What `code` (in `lang`) runs and deletes, as effects. */
export function scanSystemLang(lang: SystemLang, code: string): Effect[] {
  const out: Effect[] = [];
  const effect = (kind: Kind, at: number): void => {
    if (kind === 'argv') {
      const argv = argvAt(code, at, lang.quote, lang.strand);
      if (argv.length) out.push({ kind: 'exec', argv });
      else out.push({ kind: 'dynamic', text: code.slice(at, at + 40) });
      return;
    }
    // gforth's `sh`: the rest of the line
    const arg =
      kind === 'line' || (lang.progs.test('gforth') && /sh\s+$/.test(code.slice(0, at)))
        ? { text: code.slice(at).split('\n', 1)[0], dynamic: false }
        : argumentAt(code, at, lang.quote);
    if (arg.dynamic) out.push({ kind: 'dynamic', text: arg.text });
    else if (kind === 'shell' || kind === 'line') out.push({ kind: 'shell', script: arg });
    else out.push({ kind: 'rm', target: arg });
  };
  for (const [re, kind] of lang.calls) for (const m of code.matchAll(re)) effect(kind, m.index + m[0].length);
  if (lang.postfix) {
    // a literal (`s" TEXT"`, `"TEXT"`) followed by the stack word that takes it
    const literals =
      lang.quote === "'" ? /()'((?:[^']|'')*)'/g : /(?:(?<=^|\s)s\\?"\s([^"]*)"|"((?:[^"\\]|\\.)*)")/g;
    for (const m of code.matchAll(literals)) {
      const after = code.slice(m.index + m[0].length);
      const word = lang.postfix.find(([re]) => re.test(after));
      if (!word) continue;
      const value = lang.quote === "'" ? m[2].replace(/''/g, "'") : (m[1] ?? m[2].replace(/\\(.)/g, '$1'));
      const text: Field = { text: value, dynamic: false };
      out.push(word[1] === 'rm' ? { kind: 'rm', target: text } : { kind: 'shell', script: text });
    }
    // fail closed: the stack word run on a string built at run time
    const words = lang.postfix.map(([re]) => re.source.replace(/^\^\\s\+/, ''));
    const any = new RegExp(`(?:^|\\s)(?:${words.join('|')})`, 'g');
    for (const m of code.matchAll(any)) {
      const before = code.slice(0, m.index).trimEnd();
      if (!before.endsWith(lang.quote ?? '"')) out.push({ kind: 'dynamic', text: m[0].trim() });
    }
  }
  return out;
}

/** `janet -e CODE`, `gforth -e CODE`, a script file this script wrote, or stdin: the code's effects applied. */
export function runSystemLang(lang: SystemLang, argv: Field[], k: K): Res {
  const parts: Field[] = [];
  let file: Field | undefined;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    const eq = t.indexOf('=');
    if (lang.code.test(t) && argv[i + 1]) {
      if (lang.codeRest) {
        parts.push(...argv.slice(i + 1));
        break;
      }
      parts.push(argv[++i]);
    } else if (lang.dashCode && t.length > 1 && t.startsWith('-'))
      parts.push({ ...argv[i], text: t.startsWith('-(') ? t.slice(1) : `(${t.slice(1)})` });
    else if (eq > 0 && lang.code.test(t.slice(0, eq))) parts.push({ ...argv[i], text: t.slice(eq + 1) });
    else if (lang.value?.test(t)) i++;
    else if (!t.startsWith('-') && parts.length === 0 && !file) file = argv[i];
  }
  let code: Field | 'stdin' | undefined;
  if (parts.length)
    code = { text: parts.map((p) => p.text).join('\n'), dynamic: parts.some((p) => p.dynamic) };
  else if (file) {
    // a script on disk is the project's own code: not read here
    const text = file.dynamic ? undefined : k.scope.files.get(absPath(k.scope.cwd, file.text));
    code =
      text === undefined
        ? k.scope.written.has(absPath(k.scope.cwd, file.text))
          ? file
          : undefined
        : { text, dynamic: false };
    // fail closed: a script this script wrote with content not known statically
    if (code === file) code = { ...file, dynamic: true };
  } else code = 'stdin';
  const label = `${argv[0].text.replace(/.*\//, '')} -e`;
  return runCode(argv, k, code, label, (text) => {
    const effects = scanSystemLang(lang, text);
    return { effects, opaque: effects.some((e) => e.kind === 'dynamic') };
  });
}
