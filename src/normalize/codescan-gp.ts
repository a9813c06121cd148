/**
 * PARI/GP code (`gp` reads it on stdin, or from the files named on its command line): the
 * commands it hands to a shell (`system("…")`; `extern("…")` and `externstr("…")`, which
 * also read the command's output back), the files it appends to (`write`, `write1`,
 * `writebin`, `writetex`: read as `tee -a FILE`) and code it evaluates (`eval("…")`, read
 * again). A command or file that is not one string literal is not known statically:
 * dynamic. `install(…)` loads a native library function: dynamic too. Pure.
 */
import type { Effect } from './codescan.js';

/** Nested `eval("…")` levels followed. */
const MAX_DEPTH = 4;

/** gp's options that take a value (`-s SIZE`, `-p N`, `-D key=val`). */
const VALUED = /^(-s|-p|-D|--stacksize|--primelimit|--default)$/;

/**
 * Where gp's code is: the files named (`gp -q FILE…`), or stdin when none is. `files` empty =
 * stdin. `info` = a run that reads no code (`--version`, `--help`).
 */
export function gpCode(argv: { text: string }[]): { files: string[]; info: boolean } {
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (/^(--version|--version-short|--help|-h)$/.test(t)) return { files, info: true };
    if (VALUED.test(t)) i++;
    else if (!t.startsWith('-')) files.push(t);
  }
  return { files, info: false };
}

/** A GP string literal's value (`"…"` with backslash escapes); undefined = not one. */
function str(tok: string): string | undefined {
  const m = /^"((?:[^"\\]|\\[\s\S])*)"$/.exec(tok.trim());
  if (!m) return undefined;
  return m[1].replace(/\\([\s\S])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/** The arguments of the call whose `(` is at `open`, split at top-level commas. */
function args(src: string, open: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < src.length; i++) {
    const c = src[i];
    if (c === '"') {
      const m = /^"(?:[^"\\]|\\[\s\S])*"/.exec(src.slice(i));
      i += (m?.[0].length ?? 1) - 1;
    } else if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth-- === 0) {
      out.push(src.slice(start, i));
      return out;
    } else if (c === ',' && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  return out;
}

/** Where the string literals and comments (`\\ …` lines, `/* … *\/`) are: [start, end) pairs. */
function quoted(src: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of src.matchAll(/"(?:[^"\\]|\\[\s\S])*"|\/\*[\s\S]*?\*\/|\\\\[^\n]*/g))
    out.push([m.index, m.index + m[0].length]);
  return out;
}

const CALL = /(?<![\w.])(system|extern|externstr|eval|install|write|write1|writebin|writetex)\s*\(/g;

/** Everything the code runs, writes or evaluates, in source order. */
export function scanGp(src: string, depth = 0): Effect[] {
  const out: Effect[] = [];
  const strings = quoted(src);
  const inString = (at: number) => strings.some(([a, b]) => at >= a && at < b);
  for (const m of src.matchAll(CALL)) {
    if (inString(m.index)) continue;
    const a = args(src, m.index + m[0].length - 1);
    const first = a[0] ?? '';
    const s = str(first);
    const name = m[1];
    // fail closed: a command, file or code built at run time is not known; a native library too
    if (name === 'install' || s === undefined)
      out.push({ kind: 'dynamic', text: `${name}(${first.trim()})` });
    else if (name.startsWith('write'))
      out.push({
        kind: 'exec',
        argv: [
          { text: 'tee', dynamic: false },
          { text: '-a', dynamic: false },
          { text: s, dynamic: false },
        ],
      });
    else if (name !== 'eval') out.push({ kind: 'shell', script: { text: s, dynamic: false } });
    else if (depth >= MAX_DEPTH) out.push({ kind: 'dynamic', text: 'eval(…)' });
    else out.push(...scanGp(s, depth + 1));
  }
  return out;
}
