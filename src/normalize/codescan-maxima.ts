/**
 * Maxima code on the command line (`maxima --batch-string=CODE`, `-r CODE` / `--run-string`)
 * or on stdin: the commands it runs (`system("…")`), the Lisp it runs (a `:lisp FORM` line,
 * read as Common Lisp by codescan-scheme.ts: `(ext:run-shell-command …)`, `(delete-file …)`),
 * and code it evaluates (`eval_string("…")`, `parse_string("…")`, read again; of a value not
 * known statically: dynamic). A batch file (`maxima -b FILE`, `--batch=FILE`) is the project's
 * own code: not read. Maxima's own `delete(x, list)` removes a list element, not a file. Pure.
 */
import { splitCall, type CallSyntax } from './call-args.js';
import type { Effect } from './codescan.js';
import { scanScheme } from './codescan-scheme.js';
import type { Field } from './state.js';

/** Nested `eval_string("…")` levels followed. */
const MAX_DEPTH = 4;

/** Options whose value is inline code (`--batch-string=CODE`, `-r CODE`). */
const CODE_OPT = /^(--batch-string|--run-string|-r)$/;
/** Options whose value is a file or a setting (not code). */
const VALUE_OPT =
  /^(-b|--batch|--batch-lisp|-p|--preload|--preload-lisp|-l|--lisp|-u|--use-version|-X|--lisp-options|--userdir|--init|--init-mac|--init-lisp|-s|--server)$/;

/** Where the code is: inline, stdin (neither set), or none (a batch file). */
export function maximaCode(argv: Field[]): { code?: Field; none?: boolean } {
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    const eq = /^(--[\w-]+)=([\s\S]*)$/.exec(t);
    if (eq && CODE_OPT.test(eq[1])) return { code: { ...argv[i], text: eq[2] } };
    if (CODE_OPT.test(t) && argv[i + 1]) return { code: argv[i + 1] };
    if (/^(-b|--batch|--batch-lisp)(=|$)/.test(t)) return { none: true };
    if (VALUE_OPT.test(t)) i++;
  }
  return {};
}

/** A Maxima string literal's value (`"…"` with backslash escapes); undefined = not one. */
function str(tok: string | undefined): string | undefined {
  const m = /^"((?:[^"\\]|\\[\s\S])*)"$/.exec(tok?.trim() ?? '');
  return m ? m[1].replace(/\\([\s\S])/g, '$1') : undefined;
}

/** Maxima's nesting (`(…)`, lists `[…]`) and "…" strings with backslash escapes. */
const MAXIMA: CallSyntax = {
  open: ['(', '['],
  close: [')', ']'],
  strings: { '"': /"(?:[^"\\]|\\[\s\S])*"/y },
};

/** The first argument of the call whose `(` is at `open`, up to a top-level `,` or `)` (as written). */
const firstArg = (src: string, open: number): string => splitCall(src, open + 1, MAXIMA).pieces[0];

/** Where the string literals and comments (`/* … *\/`) are: [start, end) pairs. */
function quoted(src: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of src.matchAll(/"(?:[^"\\]|\\[\s\S])*"|\/\*[\s\S]*?\*\//g))
    out.push([m.index, m.index + m[0].length]);
  return out;
}

const CALL = /\b(system|eval_string|parse_string)\s*\(/g;

/** Everything the code runs or evaluates, in source order. */
export function scanMaxima(src: string, home: string, depth = 0): Effect[] {
  const found: { at: number; effects: Effect[] }[] = [];
  const strings = quoted(src);
  const inString = (at: number) => strings.some(([a, b]) => at > a && at < b);
  // `:lisp FORM` (to the end of the line): Common Lisp
  for (const m of src.matchAll(/(?:^|[\n;$])\s*:lisp\s+([^\n]*)/g))
    if (!inString(m.index + 1)) found.push({ at: m.index, effects: scanScheme(m[1], home) });
  for (const m of src.matchAll(CALL)) {
    if (inString(m.index)) continue;
    const arg = firstArg(src, m.index + m[0].length - 1);
    const s = str(arg);
    let effects: Effect[];
    // fail closed: a command or code built at run time is not known
    if (s === undefined) effects = [{ kind: 'dynamic', text: `${m[1]}(${arg.trim()})` }];
    else if (m[1] === 'system') effects = [{ kind: 'shell', script: { text: s, dynamic: false } }];
    else if (depth >= MAX_DEPTH) effects = [{ kind: 'dynamic', text: `${m[1]}(…)` }];
    else effects = scanMaxima(s, home, depth + 1);
    found.push({ at: m.index, effects });
  }
  return found.sort((a, b) => a.at - b.at).flatMap((f) => f.effects);
}
