/**
 * The one way code that a command runs from files reaches the readers: files this script
 * wrote (or a tool's file named on its command line and readable) that a tool loads (the
 * table of tool-configs.ts: code files, build scripts, a built package's scripts), a compiled
 * project builds and runs (project-code.ts), or a tool turns into commands in its own language
 * (tool-scripts.ts, hook-managers.ts, maven.ts, built-packages.ts):
 * - code in a programming language is scanned for what it does (codescan.ts), and kept on the
 *   command that runs it as NormalizedCommand.source, where the SDK and ORM readers read it;
 * - shell lines the tool performs (its own language turned into shell, or a shell script it
 *   runs) are walked as commands under the tool's wrapper label;
 * - a file that cannot be read (written with content not known statically, named by a value
 *   not known statically, not readable) is unknown code.
 */
import { cloneScope, type Field, type Res } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { runCode, nestedOpaque } from './interpreters.js';
import { scanCode, type Effect } from './codescan.js';
import type { Lang } from './codelex.js';

/** What a command runs from written files. */
export interface WrittenCode {
  /** Source text of the code in `lang`; '' = none. */
  text: string;
  /** The language `text` is read in; undefined = no code of a programming language (only `shell`). */
  lang?: Lang;
  /** Shell lines the tool performs, in order, before the code's effects; empty = none. */
  shell: string[];
}

/**
 * Emits `argv`, the command that runs the code (its `source` = the code's text when it has a
 * language), and applies what the shell lines and the code do under the wrapper `label`.
 */
export function runWritten(argv: Field[], k: K, code: WrittenCode, label: string): Res {
  const home = k.frame.remote ? '~' : k.run.ctx.home;
  const lang = code.lang;
  return runCode(
    argv,
    k,
    { text: code.text, dynamic: false },
    label,
    (text) => {
      const shell: Effect[] = code.shell.map((l) => ({ kind: 'shell', script: { text: l, dynamic: false } }));
      const effects = [...shell, ...(lang && text ? scanCode(text, lang, home) : [])];
      const opaque =
        effects.some((e) => e.kind === 'dynamic') || (!!lang && nestedOpaque(effects, lang, home, 0));
      return { effects, opaque, lang };
    },
    lang && code.text ? code.text : undefined,
  );
}

/** Shell lines a tool performs from a file, walked as commands under `label`; no command stands for the file. */
export function runLines(lines: string[], label: string, k: K): void {
  for (const line of lines)
    reparse(line, label, { ...k, io: { writes: [] } }, { scope: cloneScope(k.scope) });
}

/** fail closed: a file a tool runs that cannot be read may hold any code; a command not known stands for it. */
export function unreadable(path: string, label: string, k: K): void {
  const frame = { ...k.frame, wrappers: [...k.frame.wrappers, label] };
  emit([{ text: path, dynamic: true }], { ...k, frame }, { dynamic: true });
}
