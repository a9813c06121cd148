/**
 * Emacs run as a Lisp interpreter: `emacs --batch --eval EXPR` (also `--eval=EXPR`, `-eval`,
 * `--execute`), files it loads (`-l FILE`, `--load[=]FILE`, `--script FILE`, `-x FILE`), and
 * `emacsclient --eval EXPR…` (every operand is an expression the running Emacs evaluates).
 * The code is read by codescan-elisp.ts and run through interpreters.ts's `runCode`: a file
 * this script wrote is read; one on disk is the project's own code (not re-read); stdin is
 * the code only for `--script /dev/stdin` or `--script -`. An Emacs given no code (`emacs -nw
 * notes.org`, `-f batch-byte-compile`) is emitted as is. Pure.
 */
import { absPath, basename, type Field, type Res } from './state.js';
import type { K } from './emit.js';
import { runCode } from './interpreters.js';
import { scanElisp } from './codescan-elisp.js';

/** emacs's options whose value is the next word and not code (`-L DIR`, `-f FUNC`, `--chdir DIR`). */
const EMACS_VALUED =
  /^(-L|--directory|-f|--funcall|-e|-funcall|-u|--user|--chdir|--init-directory|-d|--display|-t|--terminal|--insert|-insert|--dump-file|--seccomp|-fn|--font|-bg|-fg|--background-color|--foreground-color|-g|--geometry|-T|--title|-bd|-cr|-ms|-ib|-bw|-lsp|--name|--xrm|--parent-id|--fg-daemon|--bg-daemon)$/;
/**
 * The long options startup.el completes (`--ev` is `--eval`: a unique prefix is the option;
 * an ambiguous one stops Emacs). `--script` is read before, by emacs.c, from `--s` on.
 */
const EMACS_LONG = [
  '--funcall',
  '--load',
  '--insert',
  '--kill',
  '--dump-file',
  '--seccomp',
  '--directory',
  '--eval',
  '--execute',
  '--no-splash',
  '--find-file',
  '--visit',
  '--file',
  '--no-desktop',
  '--debug-init',
  '--user',
  '--iconic',
  '--icon-type',
  '--quick',
  '--no-blinking-cursor',
  '--basic-display',
  '--temacs',
  '--init-directory',
];
/** emacsclient's short options that take a value (the rest of the cluster, or the next word). */
const CLIENT_SHORT_VALUED = 'sfadTFwp';
/** emacsclient's long options that take a value (getopt_long: a unique prefix is the option). */
const CLIENT_LONG_VALUED = [
  '--socket-name',
  '--server-file',
  '--alternate-editor',
  '--display',
  '--tramp',
  '--frame-parameters',
  '--timeout',
  '--parent-id',
];
/** emacsclient's long options that take none. */
const CLIENT_LONG_FLAGS = [
  '--eval',
  '--nowait',
  '--no-wait',
  '--quiet',
  '--suppress-output',
  '--version',
  '--help',
  '--tty',
  '--nw',
  '--create-frame',
  '--reuse-frame',
];
const CLIENT_LONG = [...CLIENT_LONG_VALUED, ...CLIENT_LONG_FLAGS];
/** Functions that evaluate the current buffer (a visited file) when called by `-f` or `--eval`. */
const EVAL_BUFFER = /^(eval-buffer|eval-region)$/;

/** The one name of `names` that `word` abbreviates (or is); undefined = none or ambiguous. */
function complete(word: string, names: readonly string[]): string | undefined {
  if (names.includes(word)) return word;
  const hits = names.filter((n) => n.startsWith(word));
  return hits.length === 1 ? hits[0] : undefined;
}

/** What one Emacs run evaluates: its expressions, and the files it loads (in order). */
interface EmacsCode {
  /** Inline expressions, in order. Empty = none. */
  exprs: Field[];
  /** Files loaded (`-l`, `--script`, a visited file `-f eval-buffer` runs). Empty = none. */
  files: Field[];
}

/** emacsclient (getopt_long, arguments permuted): with `-e`/`--eval` anywhere, every operand is an expression. */
function clientCode(argv: Field[]): EmacsCode {
  const operands: Field[] = [];
  let evalAll = false;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    // getopt_long_only: `-nw`, `-eval`, `-socket-name S` are long options when they name one
    const long = t.startsWith('--')
      ? t
      : t.length > 2 && t.startsWith('-') && complete(`-${t.replace(/=.*$/s, '')}`, CLIENT_LONG)
        ? `-${t}`
        : '';
    if (long) {
      const [name, glued] = [long.replace(/=.*$/s, ''), long.includes('=')];
      if (complete(name, CLIENT_LONG_FLAGS) === '--eval') evalAll = true;
      else if (!glued && complete(name, CLIENT_LONG_VALUED)) i++;
    } else if (t.startsWith('-') && t.length > 1) {
      // a cluster (`-nce`): flags up to the first option that takes a value
      for (let j = 1; j < t.length; j++) {
        if (t[j] === 'e') evalAll = true;
        if (CLIENT_SHORT_VALUED.includes(t[j])) {
          if (j === t.length - 1) i++;
          break;
        }
      }
    } else operands.push(argv[i]);
  }
  return { exprs: evalAll ? operands : [], files: [] };
}

function emacsCode(argv: Field[]): EmacsCode {
  if (basename(argv[0].text) === 'emacsclient') return clientCode(argv);
  const out: EmacsCode = { exprs: [], files: [] };
  /** Files visited (operands, `--visit F`): the current buffer when `eval-buffer` runs. */
  const visited: Field[] = [];
  let evalBuffer = false;
  for (let i = 1; i < argv.length; i++) {
    let t = argv[i].text;
    let value: Field | undefined;
    const eq = /^(--[^=]+)=(.*)$/s.exec(t);
    if (eq) [t, value] = [eq[1], { ...argv[i], text: eq[2] }];
    if (/^--/.test(t) && t.length > 2)
      t = t.length >= 3 && '--script'.startsWith(t) ? '--script' : (complete(t, EMACS_LONG) ?? t);
    const next = (): Field | undefined => value ?? argv[++i];
    if (/^(--eval|-eval|--execute|-execute)$/.test(t)) {
      const v = next();
      if (v) out.exprs.push(v);
    } else if (/^(-l|--load|-load|--script|-scriptload|-x)$/.test(t)) {
      const v = next();
      if (v) out.files.push(v);
    } else if (/^(--visit|-visit|--file|-file|--find-file|-find-file|--insert|-insert)$/.test(t)) {
      const v = next();
      if (v) visited.push(v);
    } else if (/^(-f|--funcall|-funcall|-e)$/.test(t)) {
      if (EVAL_BUFFER.test(next()?.text ?? '')) evalBuffer = true;
    } else if (EMACS_VALUED.test(t)) {
      if (!value) i++;
    } else if (!t.startsWith('-') && !/^\+\d/.test(t)) visited.push(argv[i]);
  }
  if (evalBuffer || out.exprs.some((e) => /[(']\s*(eval-buffer|eval-region)\b/.test(e.text)))
    out.files.push(...visited);
  return out;
}

/** `emacs --batch --eval …`, `emacs --script F.el`, `emacsclient --eval …`: what the Lisp does. */
export function runEmacs(argv: Field[], k: K): Res {
  const found = emacsCode(argv);
  const texts: string[] = [];
  /** Expressions and file names known only at run time (their source text). Empty = none. */
  const unknown: string[] = [];
  let stdin = false;
  for (const f of found.files) {
    if (f.dynamic) unknown.push(f.text);
    else if (f.text === '-' || f.text === '/dev/stdin') stdin = true;
    else {
      const written = k.scope.files.get(absPath(k.scope.cwd, f.text));
      if (written !== undefined) texts.push(written);
    }
  }
  for (const e of found.exprs) (e.dynamic ? unknown : texts).push(e.text);
  // fail closed: code on stdin not known statically (a pipe from another program, inherited)
  if (stdin && k.io.stdin?.text === undefined) unknown.push('(code on stdin)');
  const scan = (text: string) => {
    const effects = scanElisp(text, k.frame.remote ? '~' : k.run.ctx.home);
    // fail closed: a file or expression known only at run time is code that may do anything
    effects.push(...unknown.map((u) => ({ kind: 'dynamic' as const, text: u })));
    return { effects, opaque: effects.some((e) => e.kind === 'dynamic') };
  };
  if (stdin && !texts.length && !unknown.length) return runCode(argv, k, 'stdin', 'emacs --script', scan);
  // no code at all (`emacs -nw notes.org`): emitted as is; otherwise the known code, with what is not known
  const code = texts.length || unknown.length ? { text: texts.join('\n'), dynamic: false } : undefined;
  return runCode(argv, k, code, 'emacs --eval', scan);
}
