/**
 * Front ends of languages the code scanner already reads: where their command lines put the
 * code, and what they run.
 * - SageMath (`sage`) is Python with a preparser: `sage -c CODE` and `sage FILE.sage|.py` run
 *   Python; `sage -python|-ipython|-sh|-pip|-gp|-maxima|-R|-git|-ecl ARGS` run that bundled
 *   tool with ARGS (peeled as a wrapper: SAGE); `sage` alone reads its code from stdin;
 *   `sage --version`, `-n` (notebook), `-t` (doctests) and other tools run no code read here.
 * - kscript runs Kotlin (`kscript 'CODE'`, `kscript F.kts`, `kscript -` for stdin);
 *   `--idea`, `--package`, `--add-bootstrap-header`, `--clear-cache`, `--help`, `--version`
 *   and `-i` (a REPL with the script's dependencies) run no code (kscriptArgs).
 * - CoffeeScript's `coffee` runs JavaScript written as CoffeeScript (`coffee -e CODE`, `coffee
 *   F.coffee`, stdin with `-s` or none), rewritten as JavaScript by dialect-coffee.ts; `-e`
 *   is a switch (`coffee -e -b CODE`: the code is the first operand); `-c` (compile), `-p`
 *   (print the JavaScript), `-n`, `--tokens` (print nodes, tokens) run nothing; `-t` is
 *   CoffeeScript 2's --transpile and runs the code (coffeeArgs).
 */
import type { CodeArgs } from './interpreter-args.js';
import { getopt } from './options.js';
import { lit } from './state.js';
import type { Field } from './state.js';
import type { Peeler } from './wrappers.js';

/** Sage's bundled tools: its option (without dashes) → the program it runs. */
const SAGE_TOOLS: Record<string, string> = {
  python: 'python3',
  python3: 'python3',
  ipython: 'ipython',
  sh: 'sh',
  bash: 'bash',
  pip: 'pip',
  gp: 'gp',
  maxima: 'maxima',
  R: 'R',
  git: 'git',
  ecl: 'ecl',
  lisp: 'ecl',
  sqlite3: 'sqlite3',
};

/** `sage …`: see the header. Undefined = not read here (sage itself is emitted). */
export const sage: Peeler = (args) => {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    // fail closed: a word known only at run time is read as the script Python runs (`sage $F`)
    if (a.dynamic) return { label: 'sage', argv: [lit('python3'), ...args.slice(i)] };
    const t = a.text;
    const tool = /^--?([\w]+)$/.exec(t)?.[1];
    if (t === '-c' || t === '--command') {
      // fail closed: `sage -c` with nothing after it is read as Python on stdin
      return { label: 'sage -c', argv: [lit('python3'), lit('-c'), ...args.slice(i + 1, i + 2)] };
    }
    if (tool && Object.hasOwn(SAGE_TOOLS, tool))
      return { label: `sage -${tool}`, argv: [lit(SAGE_TOOLS[tool]), ...args.slice(i + 1)] };
    // -q, --nodotsage, --simple-prompt: flags before the code or file
    if (/^(-q|--nodotsage|--simple-prompt)$/.test(t)) continue;
    if (t.startsWith('-')) return { label: 'sage', argv: [] };
    return { label: 'sage', argv: [lit('python3'), ...args.slice(i)] };
  }
  return { label: 'sage', argv: [lit('python3')] };
};

/** kscript's options that run no script. */
const KSCRIPT_NONE =
  /^(--idea|--package|--add-bootstrap-header|--clear-cache|-h|--help|-v|--version|-i|--interactive|--report)$/;

/** `kscript [opts] SCRIPT [args]`: SCRIPT is a file (`.kts`, `.kt`, a path), a URL, `-` (stdin) or the code itself. */
export function kscriptArgs(argv: Field[]): CodeArgs {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (KSCRIPT_NONE.test(a.text)) return { label: 'kscript', none: true };
    if (a.text === '-') return { label: 'kscript stdin' };
    if (a.text.startsWith('-')) continue;
    // a script fetched from a URL: its code is not known here
    if (/^https?:\/\//.test(a.text)) return { label: `kscript ${a.text}`, none: true };
    if (/\.kts?$/.test(a.text) || (/^[\w./~-]+$/.test(a.text) && /\//.test(a.text)))
      return { file: a, label: `kscript ${a.text}` };
    return { code: a, label: 'kscript -e' };
  }
  return { label: 'kscript stdin' };
}

/** coffee's options that take a value (not code): short letters, long names. */
const COFFEE_VALUED = { short: 'roj', long: ['require', 'output', 'join', 'nodejs', 'transpile-config'] };

/**
 * coffee's options that print or compile the code instead of running it: `-c`, `-p`, `-n`
 * (nodes), `--tokens`, `--ast`, `-h`, `-v` (`-t` is --transpile in CoffeeScript 2: the code
 * still runs).
 */
const COFFEE_NO_RUN = [
  'c',
  'compile',
  'p',
  'print',
  'n',
  'nodes',
  'tokens',
  'ast',
  'h',
  'help',
  'v',
  'version',
];

/** `coffee [opts] [-e CODE | FILE | -s]`: `-e` is a switch, the code is the first operand. */
export function coffeeArgs(argv: Field[]): CodeArgs {
  const p = getopt(argv.slice(1), COFFEE_VALUED);
  const off = COFFEE_NO_RUN.find((o) => p.opts.has(o));
  if (off) return { label: `coffee -${off.length > 1 ? '-' : ''}${off}`, none: true };
  const first = argv[1 + p.index];
  if (p.opts.has('e') || p.opts.has('eval'))
    return first ? { code: first, label: 'coffee -e' } : { label: 'coffee stdin' };
  if (p.opts.has('s') || p.opts.has('stdio') || !first || first.text === '-')
    return { label: 'coffee stdin' };
  return { file: first, label: `coffee ${first.text}` };
}
