/**
 * Debuggers read as wrappers (wrappers.ts, through tracers.ts): the debugger commands given on
 * its command line that run something outside the debugged program.
 * - gdb (also gdb-multiarch, rust-gdb, cgdb): `--args PROG ARGS…` runs PROG; each `-ex CMD`,
 *   `-iex CMD`, `--eval-command=CMD`, `--init-eval-command=CMD` is read: `shell CMD` / `!CMD`
 *   run CMD through a shell, `pipe GDBCMD | CMD` / `| GDBCMD | CMD` run CMD, `python CODE` (`py`,
 *   `pi`, `python-interactive`) runs Python code and `guile CODE` (`gu`) Scheme code.
 * - lldb (also lldb-NN, rust-lldb): each `-o CMD`, `-O CMD`, `-k CMD` (`--one-line…`) is read:
 *   `platform shell [-h] [-t N] [-s SH] [--] CMD` and its alias `shell CMD` run CMD, `script CODE`
 *   (`script -l python|lua -- CODE`) runs Python (or Lua) code.
 * - Both: an expression evaluated in the debugged process (gdb `call`/`print`/`p`/`output`, lldb
 *   `expression`/`expr`/`e`/`p`/`po`/`call`) that calls the C library's `system("CMD")` or
 *   `popen("CMD", …)` runs CMD through a shell there; a command not written as a literal is not
 *   known (fail closed).
 * The code is handed on as the interpreter command that runs it (`python3 -c 'CODE'`), so the
 * interpreter readers judge it. The debugger commands that only drive the debugged program
 * (`bt`, `run`, `break`, `info`: GDB_QUIET, LLDB_QUIET) run nothing here; any other command is
 * not known (fail closed). Command files (`-x FILE`, `-s FILE`) are the project's own. Pure.
 */
import type { Field } from './state.js';
import type { Peeler } from './wrappers.js';
import { quote } from './quote.js';

/** The value `read` gives for a command not known statically (the whole script becomes dynamic). */
const UNKNOWN = null;

/**
 * The shell line an expression evaluated in the debugged process runs through `system`/`popen`;
 * undefined = none, null = one not known statically.
 */
function inferiorShell(expr: string): string | null | undefined {
  const m = /(?:\b(?:system|popen)|\$_shell)\s*\(\s*("(?:[^"\\]|\\.)*"|[^,)]*)/.exec(expr);
  if (!m) return undefined;
  const lit = /^"((?:[^"\\]|\\.)*)"$/.exec(m[1].trim());
  return lit ? lit[1].replace(/\\(.)/g, '$1') : UNKNOWN;
}

/**
 * gdb commands (and their usual short forms) that run nothing outside the debugged program:
 * running and stepping it, breakpoints, showing state, settings. Any other command (a prefix
 * gdb would expand such as `shel`, `eval`, `source FILE`, `define`) is not known (fail closed).
 */
const GDB_QUIET =
  /^(r|run|start|starti|c|continue|n|next|s|step|ni|nexti|si|stepi|finish|until|advance|bt|backtrace|where|b|br|break|tbreak|rbreak|watch|rwatch|awatch|delete|d|disable|enable|condition|ignore|commands|end|i|info|l|list|f|frame|up|down|thread|x|disassemble|display|undisplay|set|show|handle|catch|kill|detach|attach|file|symbol-file|core|core-file|echo|printf|q|quit|target|directory|dir|tty|help|h|apropos|ptype|whatis|sharedlibrary|gcore|generate-core-file)$/;

/** lldb commands (and short forms) that run nothing outside the debugged program (see GDB_QUIET). */
const LLDB_QUIET =
  /^(r|run|c|continue|n|next|s|step|si|ni|finish|bt|thread|b|br|breakpoint|watchpoint|w|frame|fr|f|v|var|register|re|memory|me|x|image|im|target|settings|process|pr|disassemble|di|dis|up|down|q|quit|exit|version|help|h|apropos|type|gui|kill|detach|attach|continue)$/;

/** The shell line one gdb command runs; undefined = none, null = one not known statically. */
function gdbCommand(cmd: string): string | null | undefined {
  const t = cmd.trim();
  const call = /^(?:call|print|p|output|inspect)\b(?:\s*\/\w+)?\s+([\s\S]*)$/.exec(t);
  if (call) return inferiorShell(call[1]);
  const shell = /^(?:shell\s+|!)([\s\S]*)$/.exec(t);
  if (shell) return shell[1];
  // `pipe [-d DELIM] GDBCMD | CMD`, `| GDBCMD | CMD`: CMD after the first delimiter
  const pipe = /^(?:pipe\s+|\|)([\s\S]*)$/.exec(t);
  if (pipe) {
    const d = /^-d\s+(\S+)\s+([\s\S]*)$/.exec(pipe[1]);
    const [delim, rest] = d ? [d[1], d[2]] : ['|', pipe[1]];
    const at = rest.indexOf(delim);
    return at < 0 ? undefined : rest.slice(at + delim.length);
  }
  const py = /^(?:python|py|pi|python-interactive)\s+([\s\S]+)$/.exec(t);
  if (py) return `python3 -c ${quote(py[1])}`;
  const guile = /^(?:guile|gu)\s+([\s\S]+)$/.exec(t);
  if (guile) return `guile -c ${quote(guile[1])}`;
  return GDB_QUIET.test(t.split(/\s+/)[0] ?? '') || t === '' ? undefined : UNKNOWN;
}

/** The shell line one lldb command runs; undefined = none, null = one not known statically. */
function lldbCommand(cmd: string): string | null | undefined {
  const t = cmd.trim();
  const expr = /^(?:expression|expr|e|p|po|call|print)\b\s+([\s\S]*)$/.exec(t);
  if (expr) return inferiorShell(expr[1]);
  const shell = /^(?:platform\s+shell|shell)\s+([\s\S]*)$/.exec(t);
  if (shell) {
    // its options: -h/--host, -t/--timeout N, -s/--shell SH, then `--`
    let rest = shell[1];
    for (;;) {
      const m = /^(?:(?:-h|--host)\s+|(?:-t|--timeout|-s|--shell)\s+\S+\s+|--\s+)/.exec(rest);
      if (!m) break;
      rest = rest.slice(m[0].length);
    }
    return rest;
  }
  const script = /^script(?:\s+(?:-l|--language)\s+(\w+))?(?:\s+--)?\s+([\s\S]+)$/.exec(t);
  if (script) return `${script[1] === 'lua' ? 'lua -e' : 'python3 -c'} ${quote(script[2])}`;
  return LLDB_QUIET.test(t.split(/\s+/)[0] ?? '') || t === '' ? undefined : UNKNOWN;
}

/** The values of the options in `names`, given as `-o CMD` or `--name=CMD`. */
function commands(args: Field[], names: RegExp): Field[] {
  const out: Field[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    const eq = /^(--?[\w-]+)=([\s\S]*)$/.exec(t);
    if (eq && names.test(eq[1])) out.push({ ...args[i], text: eq[2] });
    else if (names.test(t) && args[i + 1]) out.push(args[++i]);
  }
  return out;
}

/** A debugger's peeler: the shell lines its commands run, joined as one script. */
function debuggerPeeler(
  label: string,
  names: RegExp,
  read: (cmd: string) => string | null | undefined,
): Peeler {
  return (args) => {
    const runs = commands(args, names)
      .map((f) => ({ f, line: read(f.text) }))
      .filter((x): x is { f: Field; line: string | null } => x.line !== undefined);
    if (runs.length === 0) return undefined;
    return {
      label,
      argv: [],
      script: {
        text: runs.map((x) => x.line ?? x.f.text).join('\n'),
        // fail closed: a command line not known statically
        dynamic: runs.some((x) => x.f.dynamic || x.line === UNKNOWN),
      },
    };
  };
}

const gdbCommands = debuggerPeeler(
  'gdb -ex',
  /^(-ex|--ex|-iex|--iex|-eval-command|--eval-command|-init-eval-command|--init-eval-command)$/,
  gdbCommand,
);

/**
 * gdb: its `-ex` commands (before `--args`), and `--args PROG ARGS…` runs PROG. With both, the
 * script is the commands' shell lines followed by PROG's command line.
 */
export const gdb: Peeler = (args) => {
  const at = args.findIndex((f) => f.text === '--args');
  const ex = gdbCommands(at >= 0 ? args.slice(0, at) : args);
  if (at < 0) return ex;
  const prog = args.slice(at + 1);
  if (!ex?.script) return { label: 'gdb --args', argv: prog };
  const line = prog.map((f) => quote(f.text)).join(' ');
  return {
    label: 'gdb -ex',
    argv: [],
    script: { text: `${ex.script.text}\n${line}`, dynamic: ex.script.dynamic || prog.some((f) => f.dynamic) },
  };
};

/** lldb: its `-o`/`-O`/`-k` commands. */
export const lldb = debuggerPeeler(
  'lldb -o',
  /^(-o|--one-line|-O|--one-line-before-file|-k|--one-line-on-crash)$/,
  lldbCommand,
);

/** Debuggers → their peelers. */
export const DEBUGGERS: Record<string, Peeler> = {
  gdb,
  'gdb-multiarch': gdb,
  'rust-gdb': gdb,
  cgdb: gdb,
  lldb,
  'rust-lldb': lldb,
  ...Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`lldb-${i + 9}`, lldb])),
};
