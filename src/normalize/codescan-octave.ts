/**
 * GNU Octave and MATLAB code on the command line (`octave --eval CODE`, `octave-cli --eval`,
 * `matlab -batch CODE`, `matlab -r CODE`) or on stdin: what it runs (`system('…')`, `unix`,
 * `dos`, `shell_cmd`, a `!CMD` statement) and deletes (`delete(F)`, `unlink(F)`, `rmdir(D,
 * 's')` recursively, `rmdir(D)` an empty folder), and code it evaluates (`eval('…')`, read
 * again; `eval(x)` of a value not known is dynamic). A path is a string, `getenv('HOME')`,
 * `'~…'` (Octave expands it) or `fullfile(…)` of those; any other is only known at run time.
 * A script file (`octave FILE.m`) is the project's own code: not read. Pure.
 */
import type { Effect } from './codescan.js';
import type { Field } from './state.js';

/** Nested `eval('…')` levels followed. */
const MAX_DEPTH = 4;

/** Where the code is: inline, stdin (undefined), or none (a script file: `none`). */
export function octaveCode(argv: Field[]): { code?: Field; none?: boolean } {
  const prog = argv[0].text.replace(/.*\//, '');
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (/^(--eval|-batch|-r)$/.test(t) && argv[i + 1]) return { code: argv[i + 1] };
    if (/^(--eval|-batch|-r)=/.test(t)) return { code: { ...argv[i], text: t.slice(t.indexOf('=') + 1) } };
    if (
      /^(-sd|-logfile|-c|--path|-p|--texi-macros-file|--image-path|--info-file|--info-program|--doc-cache-file|--exec-path|--gui)$/.test(
        t,
      )
    )
      i++;
    else if (!t.startsWith('-')) return { none: true };
  }
  return /^matlab/.test(prog) ? { none: true } : {};
}

/** An Octave string literal's value ('' doubles a quote; "…" takes backslash escapes). */
function str(tok: string): string | undefined {
  const s = /^'((?:[^']|'')*)'$/.exec(tok);
  if (s) return s[1].replace(/''/g, "'");
  const d = /^"((?:[^"\\]|\\.)*)"$/.exec(tok);
  return d ? d[1].replace(/\\(.)/g, '$1') : undefined;
}

/** The arguments of the call whose `(` is at `open`, split at top-level commas. */
function callArgs(src: string, open: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = open + 1; i < src.length; i++) {
    const c = src[i];
    if (c === "'" || c === '"') {
      const end = c === "'" ? /^'(?:[^']|'')*'/.exec(src.slice(i)) : /^"(?:[^"\\]|\\.)*"/.exec(src.slice(i));
      const lit = end?.[0] ?? c;
      cur += lit;
      i += lit.length - 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) break;
      depth--;
    }
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** A path expression's value; dynamic when not known statically. */
function pathOf(expr: string, home: string): Field {
  const e = expr.trim();
  const s = str(e);
  if (s !== undefined)
    return { text: s === '~' ? home : s.startsWith('~/') ? home + s.slice(1) : s, dynamic: false };
  if (/^getenv\s*\(\s*(['"])HOME\1\s*\)$/.test(e)) return { text: home, dynamic: false };
  const full = /^fullfile\s*\(/.exec(e);
  if (full) {
    const parts = callArgs(e, e.indexOf('(')).map((p) => pathOf(p, home));
    return {
      text: parts
        .map((p) => p.text)
        .join('/')
        .replace(/\/+/g, '/'),
      dynamic: parts.some((p) => p.dynamic),
    };
  }
  return { text: e, dynamic: true };
}

/**
 * Where the string literals are ([start, end) pairs): a `'` after a value (`x'`, `a(1)'`) is
 * the transpose operator, not a quote.
 */
function stringRanges(src: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '%' || c === '#') {
      const nl = src.indexOf('\n', i);
      i = nl < 0 ? src.length : nl;
      continue;
    }
    if (c !== '"' && !(c === "'" && !/[\w)\]}.']$/.test(src.slice(0, i)))) continue;
    const m = (c === "'" ? /^'(?:[^'\n]|'')*'/ : /^"(?:[^"\\\n]|\\.)*"/).exec(src.slice(i));
    const end = i + (m?.[0].length ?? 1);
    out.push([i, end]);
    i = end - 1;
  }
  return out;
}

const CALL = /\b(system|unix|dos|shell_cmd|delete|unlink|rmdir|eval|evalin|evalc)\s*\(/g;

/** Everything the code runs, deletes or evaluates, in source order. */
export function scanOctave(src: string, home: string, depth = 0): Effect[] {
  const out: Effect[] = [];
  const strings = stringRanges(src);
  // `!CMD` (and `system CMD` command syntax is not read): a statement that starts with `!`
  for (const m of src.matchAll(/(?:^|[;,\n])\s*!([^;\n]+)/g))
    if (!strings.some(([a, b]) => m.index >= a && m.index < b))
      out.push({ kind: 'shell', script: { text: m[1].trim(), dynamic: false } });
  for (const m of src.matchAll(CALL)) {
    if (strings.some(([a, b]) => m.index >= a && m.index < b)) continue; // inside a string
    const args = callArgs(src, m.index + m[0].length - 1);
    const fn = m[1];
    if (fn === 'system' || fn === 'unix' || fn === 'dos' || fn === 'shell_cmd') {
      const s = str(args[0] ?? '');
      // fail closed: a command built at run time is not known.
      out.push(
        s !== undefined
          ? { kind: 'shell', script: { text: s, dynamic: false } }
          : { kind: 'dynamic', text: `${fn}(${args[0] ?? ''})` },
      );
    } else if (fn === 'eval' || fn === 'evalc' || fn === 'evalin') {
      const code = str(args[fn === 'evalin' ? 1 : 0] ?? '');
      // fail closed: code evaluated from a value not known statically.
      if (code === undefined || depth >= MAX_DEPTH) out.push({ kind: 'dynamic', text: `${fn}(…)` });
      else out.push(...scanOctave(code, home, depth + 1));
    } else if (args[0] !== undefined) {
      const target = pathOf(args[0], home);
      if (fn === 'rmdir' && !args.slice(1).some((a) => str(a) === 's')) continue; // an empty folder only
      out.push({ kind: 'rm', target });
    }
  }
  return out;
}
