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
  /^(-L|--directory|-f|--funcall|-u|--user|--chdir|--init-directory|-d|--display|-t|--terminal|--insert|--dump-file|--seccomp|-fn|--font|-bg|-fg|--background-color|--foreground-color|-g|--geometry|-T|--title|-bd|-cr|-ms|-ib|-bw|-lsp|--name|--xrm|--parent-id|--fg-daemon|--bg-daemon)$/;
/** emacsclient's options whose value is the next word. */
const CLIENT_VALUED =
  /^(-s|--socket-name|-f|--server-file|-a|--alternate-editor|-d|--display|-T|--tramp|-F|--frame-parameters|-w|--timeout|-p|--parent-id)$/;

/** What one Emacs run evaluates: its expressions, and the files it loads (in order). */
interface EmacsCode {
  /** Inline expressions, in order. Empty = none. */
  exprs: Field[];
  /** Files loaded (`-l`, `--script`). Empty = none. */
  files: Field[];
}

function emacsCode(argv: Field[]): EmacsCode {
  const out: EmacsCode = { exprs: [], files: [] };
  const client = basename(argv[0].text) === 'emacsclient';
  let evalAll = false;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    const glued = /^(--eval|--execute|--load|--script)=(.*)$/s.exec(t);
    if (client) {
      if (t === '-e' || t === '--eval') evalAll = true;
      else if (CLIENT_VALUED.test(t)) i++;
      else if (evalAll && !t.startsWith('-')) out.exprs.push(argv[i]);
    } else if (glued)
      (/eval|execute/.test(glued[1]) ? out.exprs : out.files).push({ ...argv[i], text: glued[2] });
    else if (/^(--eval|-eval|--execute|-execute)$/.test(t) && argv[i + 1]) out.exprs.push(argv[++i]);
    else if (/^(-l|--load|-load|--script|-scriptload|-x)$/.test(t) && argv[i + 1]) out.files.push(argv[++i]);
    else if (EMACS_VALUED.test(t)) i++;
  }
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
  if (unknown.length)
    return runCode(argv, k, { text: texts.join('\n'), dynamic: false }, 'emacs --eval', scan);
  if (!texts.length) return runCode(argv, k, undefined, 'emacs --eval', scan);
  return runCode(argv, k, { text: texts.join('\n'), dynamic: false }, 'emacs --eval', scan);
}
