/**
 * GNU Octave and MATLAB code on the command line (`octave --eval CODE`, `octave-cli --eval`,
 * `matlab -batch CODE`, `matlab -r CODE`) or on stdin: what it runs (`system('…')`, `unix`,
 * `dos`, `shell_cmd`, a `!CMD` statement) and deletes (`delete(F)`, `unlink(F)`, `rmdir(D,
 * 's')` recursively, `rmdir(D)` an empty folder), and code it evaluates (`eval('…')`, read
 * again; `eval(x)` of a value not known is dynamic). A path is a string, `getenv('HOME')`,
 * `'~…'` (Octave expands it) or `fullfile(…)` of those; any other is only known at run time.
 * A script file (`octave FILE.m`) is the project's own code: not read.
 * Scilab (`scilab-cli -nwni -e CODE`, `scilab -e`, `-f FILE` not read, stdin) is read by the same
 * scanner in its dialect (`//` comments, `''`/`""` escapes): `unix_g`/`unix_w`/`unix_x`/`unix_s`/`host`/
 * `powershell` run a command, `deletefile`/`mdelete` delete files, `removedir` and `rmdir(D, 's')` a
 * tree, `execstr('…')`/`evstr('…')` evaluate code (so does `deff`'s body), `http_delete`/
 * `http_post`/`http_put`/`http_patch` send a request (`delete` is a graphics call there). In
 * both, a runner named other than as a call (RUNNER_NAMED) is not known (fail closed). Pure.
 */
import { trimmedArgs, type CallSyntax } from './call-args.js';
import type { Effect } from './codescan.js';
import type { Field } from './state.js';

/** Nested `eval('…')` levels followed. */
const MAX_DEPTH = 4;

/** Scilab's programs (console, no-GUI console, Windows consoles). */
export const SCILAB = /^(scilab|scilab-cli|scilab-adv-cli|scilex|wscilex|wscilex-cli)(\.exe)?$/i;

/** Scilab's options that take a value that is not code. */
const SCILAB_VALUE = /^(-l|-mem|-display|-scihome)$/;

/** Where Scilab's code is: `-e CODE`; `-f FILE` or `-quit` alone is none; else stdin. */
function scilabCode(argv: Field[]): { code?: Field; none?: boolean } {
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '-e' && argv[i + 1]) return { code: argv[i + 1] };
    if (t === '-f') return { none: true };
    if (t === '-args' || /^(-version|--version|-h|--help)$/.test(t)) return { none: true };
    if (SCILAB_VALUE.test(t)) i++;
  }
  return {};
}

/** Where the code is: inline, stdin (undefined), or none (a script file: `none`). */
export function octaveCode(argv: Field[]): { code?: Field; none?: boolean } {
  const prog = argv[0].text.replace(/.*\//, '');
  if (SCILAB.test(prog)) return scilabCode(argv);
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

/** An Octave string literal's value ('' doubles a quote; "…" takes backslash escapes, or doubles `"` in Scilab). */
function str(tok: string, scilab = false): string | undefined {
  const s = /^'((?:[^']|'')*)'$/.exec(tok);
  if (s) return s[1].replace(/''/g, "'");
  const q = scilab ? /^"((?:[^"]|"")*)"$/.exec(tok) : null;
  if (q) return q[1].replace(/""/g, '"');
  const d = /^"((?:[^"\\]|\\.)*)"$/.exec(tok);
  return d ? d[1].replace(/\\(.)/g, '$1') : undefined;
}

/** Octave's nesting and strings: '…' doubling a quote, "…" with backslash escapes. */
const OCTAVE: CallSyntax = {
  open: ['(', '[', '{'],
  close: [')', ']', '}'],
  strings: { "'": /'(?:[^']|'')*'/y, '"': /"(?:[^"\\]|\\.)*"/y },
};

/** The arguments of the call whose `(` is at `open`, split at top-level commas (trimmed). */
const callArgs = (src: string, open: number): string[] => trimmedArgs(src, open, OCTAVE);

/** A path expression's value; dynamic when not known statically. */
function pathOf(expr: string, home: string, scilab = false): Field {
  const e = expr.trim();
  const s = str(e, scilab);
  if (s !== undefined)
    return { text: s === '~' ? home : s.startsWith('~/') ? home + s.slice(1) : s, dynamic: false };
  if (/^getenv\s*\(\s*(['"])HOME\1\s*\)$/.test(e)) return { text: home, dynamic: false };
  if (scilab && e === 'home') return { text: home, dynamic: false };
  const full = /^fullfile\s*\(/.exec(e);
  if (full) {
    const parts = callArgs(e, e.indexOf('(')).map((p) => pathOf(p, home, scilab));
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
 * Where the string literals and comments (`%`/`#` in Octave, `//` in Scilab) are ([start, end)
 * pairs): a `'` after a value (`x'`, `a(1)'`) is the transpose operator, not a quote.
 */
function stringRanges(src: string, scilab: boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (scilab ? c === '/' && src[i + 1] === '/' : c === '%' || c === '#') {
      const nl = src.indexOf('\n', i);
      out.push([i, nl < 0 ? src.length : nl]); // a comment: no call in it runs
      i = nl < 0 ? src.length : nl;
      continue;
    }
    if (c !== '"' && !(c === "'" && !/[\w)\]}.']$/.test(src.slice(0, i)))) continue;
    const dq = scilab ? /^"(?:[^"\n]|"")*"/ : /^"(?:[^"\\\n]|\\.)*"/;
    const m = (c === "'" ? /^'(?:[^'\n]|'')*'/ : dq).exec(src.slice(i));
    const end = i + (m?.[0].length ?? 1);
    out.push([i, end]);
    i = end - 1;
  }
  return out;
}

const CALL = /\b(system|unix|dos|shell_cmd|delete|unlink|rmdir|eval|evalin|evalc)\s*\(/g;
/** Scilab's calls: Octave's shared ones (not `delete`, a graphics call there) and its own. */
const SCILAB_CALL =
  /\b(unix_g|unix_w|unix_x|unix_s|unix|host|dos|powershell|deletefile|mdelete|removedir|rmdir|execstr|evstr|deff|http_delete|http_post|http_put|http_patch)\s*\(/g;
/**
 * Runners and evaluators named other than as a call (`f = unix_g; f("…")`, `f = @system`,
 * Octave's command syntax `system rm -rf x`): what they run is not read (fail closed). `host`,
 * `unix` and `dos` are left out: common variable names.
 */
const RUNNER_NAMED =
  /(?<![\w.])@?(system|shell_cmd|unix_[gwxs]|powershell|eval|evalc|evalin|execstr|evstr|deff)\b(?!\s*\()/g;
const RUNS = /^(system|unix|dos|shell_cmd|unix_[gwxs]|host|powershell)$/;

/** Everything the code runs, deletes, sends or evaluates, in source order; `scilab`: read as Scilab. */
export function scanOctave(src: string, home: string, depth = 0, scilab = false): Effect[] {
  const out: Effect[] = [];
  const strings = stringRanges(src, scilab);
  const value = (a: string | undefined): string | undefined => str(a ?? '', scilab);
  // `!CMD` (and `system CMD` command syntax is not read): a statement that starts with `!` (Octave)
  if (!scilab)
    for (const m of src.matchAll(/(?:^|[;,\n])\s*!([^;\n]+)/g))
      if (!strings.some(([a, b]) => m.index >= a && m.index < b))
        out.push({ kind: 'shell', script: { text: m[1].trim(), dynamic: false } });
  for (const m of src.matchAll(scilab ? SCILAB_CALL : CALL)) {
    if (strings.some(([a, b]) => m.index >= a && m.index < b)) continue; // inside a string
    const args = callArgs(src, m.index + m[0].length - 1);
    const fn = m[1];
    if (RUNS.test(fn)) {
      const s = value(args[0]);
      // fail closed: a command built at run time is not known.
      out.push(
        s !== undefined
          ? { kind: 'shell', script: { text: s, dynamic: false } }
          : { kind: 'dynamic', text: `${fn}(${args[0] ?? ''})` },
      );
    } else if (/^(eval|evalc|evalin|execstr|evstr|deff)$/.test(fn)) {
      // deff('y=f(x)', 'BODY'): the body is code; evalin(CONTEXT, CODE)
      const code = value(args[fn === 'evalin' || fn === 'deff' ? 1 : 0]);
      // fail closed: code evaluated from a value not known statically.
      if (code === undefined || depth >= MAX_DEPTH) out.push({ kind: 'dynamic', text: `${fn}(…)` });
      else out.push(...scanOctave(code, home, depth + 1, scilab));
    } else if (fn.startsWith('http_')) {
      const body =
        args[1] === undefined
          ? {}
          : value(args[1]) !== undefined
            ? { body: value(args[1]) }
            : { bodyUnknown: true };
      out.push({
        kind: 'http',
        method: fn.slice(5).toUpperCase(),
        url: pathOf(args[0] ?? '', home, scilab),
        ...body,
      });
    } else if (args[0] !== undefined) {
      const target = pathOf(args[0], home, scilab);
      if (fn === 'rmdir' && !args.slice(1).some((a) => value(a) === 's')) continue; // an empty folder only
      out.push({ kind: 'rm', target });
    }
  }
  for (const m of src.matchAll(RUNNER_NAMED))
    if (!strings.some(([a, b]) => m.index >= a && m.index < b))
      out.push({ kind: 'dynamic', text: `${m[1]} used as a value` });
  return out;
}
