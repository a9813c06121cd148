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
 *   F.coffee`, stdin with `-s` or none), rewritten as JavaScript by dialect-coffee.ts;
 *   `-c` (compile), `-p` (print the JavaScript), `-n`/`-t` (print nodes, tokens) run nothing
 *   (coffeeArgs).
 */
import type { CodeArgs } from './interpreter-args.js';
import type { Field } from './state.js';
import type { Peeler } from './wrappers.js';

const lit = (text: string): Field => ({ text, dynamic: false });

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
    if (a.dynamic) return undefined;
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

/** coffee's options that take a value (not code). */
const COFFEE_VALUED = /^(-r|--require|-o|--output|-j|--join|--nodejs|--transpile-config)$/;

/** `coffee [opts] [-e CODE | FILE | -s]`: see the header. */
export function coffeeArgs(argv: Field[]): CodeArgs {
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '--eval')
      return argv[i + 1] ? { code: argv[i + 1], label: 'coffee -e' } : { label: 'coffee stdin' };
    if (/^--(compile|print|nodes|tokens|ast|help|version)$/.test(t))
      return { label: `coffee ${t}`, none: true };
    if (COFFEE_VALUED.test(t)) {
      i++;
      continue;
    }
    if (t === '-s' || t === '--stdio' || t === '-') return { label: 'coffee stdin' };
    if (/^-[a-zA-Z]+$/.test(t)) {
      // `-c`, `-p`, `-n`, `-t` (alone or in a group: `-bc`, `-pe`) only compile or print
      if (/[cpnthv]/.test(t.slice(1))) return { label: `coffee ${t}`, none: true };
      if (t.includes('e'))
        return argv[i + 1] ? { code: argv[i + 1], label: 'coffee -e' } : { label: 'coffee stdin' };
      continue;
    }
    if (t.startsWith('-')) continue;
    return { file: argv[i], label: `coffee ${t}` };
  }
  return { label: 'coffee stdin' };
}
