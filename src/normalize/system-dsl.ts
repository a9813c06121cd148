/**
 * Tools whose own small language runs shell commands: gnuplot (`system("cmd")`, backquotes,
 * `!cmd` lines, a data file or output named `"< cmd"` / `"| cmd"`), bpftrace with `--unsafe`
 * and dtrace with `-w` (their `system("cmd")`; both refuse it otherwise), and the dc
 * calculator (`!cmd`: the rest of the line runs in a shell). The program text is what `-e`
 * (gnuplot, bpftrace, dc), `-n` (dtrace) give inline, a script file the same script wrote, or
 * stdin (gnuplot, dc). Each command is re-parsed; a command built at run time (a
 * variable, a format with arguments: `system("kill %d", pid)`) is unknown code. `-c CMD`
 * (bpftrace, dtrace) is a command the tracer starts. A script file on disk is the project's
 * own: not read here.
 */
import { absPath, cloneScope } from './state.js';
import type { Field, Res } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';

/** Small languages with a shell-out built in (`system`, `!cmd`): their programs are read for it. */
export const SYSTEM_DSLS = new Set(['gnuplot', 'bpftrace', 'dtrace', 'dc']);

/** A command the program text runs: the shell text, or undefined when built at run time. */
export type DslCommand = { text?: string; source: string };

const unescape = (s: string): string => s.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c));

/** The commands `code` (in `prog`'s language) runs. */
export function dslCommands(prog: string, code: string): DslCommand[] {
  const out: DslCommand[] = [];
  const system = /\bsystem\s*\(?\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')?\s*(,)?/g;
  for (const m of code.matchAll(system)) {
    const lit = m[1] ?? m[2];
    // fail closed: a command given by a variable or a format with arguments is built at run time.
    if (lit === undefined || m[3]) out.push({ source: m[0] });
    else out.push({ text: m[1] !== undefined ? unescape(lit) : lit, source: m[0] });
  }
  // dc's `!`: the rest of the line is a shell command (`!<`, `!=`, `!>` compare instead)
  if (prog === 'dc')
    return [...code.matchAll(/!(?![<=>])([^\n]*)/g)].map((m) => ({ text: m[1], source: m[0] }));
  if (prog !== 'gnuplot') return out;
  for (const m of code.matchAll(/`([^`]*)`/g)) out.push({ text: m[1], source: m[0] });
  for (const m of code.matchAll(/^\s*!(.*)$/gm)) out.push({ text: m[1], source: m[0] });
  for (const m of code.matchAll(/"\s*[<|]((?:[^"\\]|\\.)*)"|'\s*[<|]([^']*)'/g))
    out.push({ text: m[1] !== undefined ? unescape(m[1]) : m[2], source: m[0] });
  return out;
}

/** The text of a file `f` names: this script's own, or stdin for `-`; undefined = not known here. */
function fileText(f: Field, k: K): Field | undefined {
  if (f.text === '-' && k.io.stdin)
    return { text: k.io.stdin.text ?? '', dynamic: k.io.stdin.text === undefined };
  const text = f.dynamic ? undefined : k.scope.files.get(absPath(k.scope.cwd, f.text));
  return text === undefined ? undefined : { text, dynamic: false };
}

/**
 * dc's program: each `-e EXPR` / `--expression=EXPR`, each file (`-f FILE`, `--file=FILE`,
 * an operand) this script wrote, and stdin when neither is given. A file not written here
 * is the project's own (not read, as for the other tools).
 */
function dcProgram(argv: Field[], k: K): Field[] {
  const code: Field[] = [];
  let given = false;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '-e' || t === '--expression' || t.startsWith('--expression=')) {
      const expr = t.startsWith('--expression=') ? { ...argv[i], text: t.slice(13) } : argv[++i];
      if (expr) code.push(expr);
      given = true;
    } else if (t === '-f' || t === '--file' || t.startsWith('--file=') || !t.startsWith('-')) {
      const f = t.startsWith('--file=')
        ? { ...argv[i], text: t.slice(7) }
        : t.startsWith('-')
          ? argv[++i]
          : argv[i];
      const read = f && fileText(f, k);
      if (read) code.push(read);
      given = true;
    }
  }
  if (!given && k.io.stdin)
    code.push({ text: k.io.stdin.text ?? '', dynamic: k.io.stdin.text === undefined });
  return code;
}

/** The program text of `argv` (inline, a file written here, stdin), whether system() may run, and `-c CMD`. */
function programOf(prog: string, argv: Field[], k: K): { code: Field[]; allowed: boolean; start?: Field } {
  if (prog === 'dc') return { code: dcProgram(argv, k), allowed: true };
  const code: Field[] = [];
  let allowed = prog === 'gnuplot';
  let start: Field | undefined;
  let files = 0;
  const inline = prog === 'dtrace' ? /^-n$/ : /^-e$/;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (inline.test(t) && argv[i + 1]) code.push(argv[++i]);
    else if (t === '--unsafe' && prog === 'bpftrace') allowed = true;
    else if (/^-[a-zA-Z]*w[a-zA-Z]*$/.test(t) && prog === 'dtrace') allowed = true;
    else if (t === '-c' && prog !== 'gnuplot') start = argv[++i];
    else if ((t === '-s' && prog === 'dtrace') || (!t.startsWith('-') && prog !== 'dtrace')) {
      const f = t === '-s' ? argv[++i] : argv[i];
      if (!f) break;
      files++;
      const read = fileText(f, k);
      if (read) code.push(read);
    } else if (/^-[opIBfdqvx]$|^--(include|output|format)$/.test(t) && prog !== 'gnuplot') i++;
  }
  // gnuplot with no -e and no script reads its commands from stdin
  if (prog === 'gnuplot' && code.length === 0 && files === 0 && k.io.stdin)
    code.push({ text: k.io.stdin.text ?? '', dynamic: k.io.stdin.text === undefined });
  return { code, allowed, start };
}

export function runSystemDsl(prog: string, argv: Field[], k: K): Res {
  const { code, allowed, start } = programOf(prog, argv, k);
  const cmds = allowed
    ? code.flatMap((c) => (c.dynamic ? [{ source: c.text }] : dslCommands(prog, c.text)))
    : [];
  const res = emit(argv, k, { dynamic: cmds.some((c) => c.text === undefined) });
  const inner: K = { ...k, io: { writes: [] } };
  if (start) {
    // fail closed: a command to start that is not known statically.
    if (start.dynamic)
      emit(
        [start],
        { ...inner, frame: { ...k.frame, wrappers: [...k.frame.wrappers, `${prog} -c`] } },
        { dynamic: true },
      );
    else reparse(start.text, `${prog} -c`, inner, { scope: cloneScope(k.scope) });
  }
  for (const c of cmds) {
    if (k.run.stopped) break;
    if (c.text === undefined)
      // fail closed: a command built at run time.
      emit(
        [{ text: c.source, dynamic: true }],
        { ...inner, frame: { ...k.frame, wrappers: [...k.frame.wrappers, prog] } },
        { dynamic: true },
      );
    else reparse(c.text, `${prog} system`, inner, { scope: cloneScope(k.scope) });
  }
  return res;
}
