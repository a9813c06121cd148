/**
 * Shells and shell builtins that run code: `bash|sh|zsh|dash|ksh -c 'script' argv0 args…`,
 * `bash FILE`, a shell reading its script from a heredoc, here-string or pipe
 * (`echo … | base64 -d | sh`), `eval`, `trap 'code' SIGNAL`, and `source` / `.`. Known script text is
 * re-parsed; unknown script text leaves a dynamic command behind.
 */
import { withheld } from './credentials.js';
import { absPath, cloneScope } from './state.js';
import type { Field, Res } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { runStartupFile } from './shell-startup.js';
import { dialectScript } from './shell-dialects.js';

export { SHELLS } from './shell-names.js';

/** Shell options that take a value. */
const SHELL_OPT_ARGS = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);

/** Script text of a file: written earlier in the script, else read through ctx.readFile. */
export function scriptFile(path: string, k: K): string | undefined {
  const abs = absPath(k.scope.cwd, path);
  const known = k.scope.files.get(abs);
  if (known !== undefined) return known;
  // fail closed: the script itself rewrote the file with unknown content; what is on disk now is stale.
  if (k.frame.remote || k.scope.written.has(abs)) return undefined;
  const text = k.run.ctx.readFile?.(abs);
  // A sourced credential file defines its variables, with the values withheld.
  return text !== undefined && text.length <= k.run.ctx.limits.maxPayloadBytes
    ? withheld(abs, text, k.run.ctx.home)
    : undefined;
}

export function runShell(prog: string, argv: Field[], k: K): Res {
  let i = 1;
  let command = false;
  let readStdin = false;
  let noexec = false;
  let interactive = false;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a.dynamic) return emit(argv, k); // fail closed: unknown options could be anything
    const t = a.text;
    if (t === '--' || t === '-') {
      i++;
      break;
    }
    if (SHELL_OPT_ARGS.has(t)) {
      if (t === '-o' && argv[i + 1]?.text === 'noexec') noexec = true;
      i++;
      continue;
    }
    if (t.startsWith('--')) {
      if (t === '--command') command = true;
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(t)) {
      if (t[0] === '-' && t.includes('c')) command = true;
      if (t[0] === '-' && t.includes('s')) readStdin = true;
      if (t[0] === '-' && t.includes('n')) noexec = true;
      if (t[0] === '-' && t.includes('i')) interactive = true;
      continue;
    }
    break;
  }
  // `bash -n`: the script is read for syntax errors, nothing in it runs.
  if (noexec) return emit(argv, k);
  runStartupFile(prog, interactive, k);
  const rest = argv.slice(i);
  const bind = (args: Field[]) => ({ argv0: args[0]?.text ?? prog, positional: args.slice(1) });
  if (command) {
    const script = rest[0];
    if (!script) return emit(argv, k);
    const label = `${prog} -c`;
    if (script.dynamic) return emit(argv, k);
    const b = bind(rest.slice(1));
    return reparse(dialectScript(prog, script.text), label, k, {
      scope: cloneScope(k.scope),
      argv0: b.argv0,
      positional: b.positional,
    });
  }
  if (rest.length > 0 && !readStdin) {
    const file = rest[0];
    if (file.dynamic || file.proc) return emit(argv, k, { dynamic: true });
    const text = scriptFile(file.text, k);
    // fail closed: a script we can't read is unknown code.
    if (text === undefined) return emit(argv, k, { dynamic: true });
    return reparse(dialectScript(prog, text), `${prog} ${file.text}`, k, {
      scope: cloneScope(k.scope),
      argv0: file.text,
      positional: rest.slice(1),
    });
  }
  return fromStdin(prog, argv, k, readStdin ? rest : []);
}

/**
 * `at TIME` / `batch`: the commands on stdin (or in `-f FILE`) run later through sh, so they
 * are analysed now. Listing, removing or showing jobs (`-l`, `-r`, `-d`, `-c`) runs nothing.
 */
export function runAt(prog: string, argv: Field[], k: K): Res {
  const args = argv.slice(1);
  if (args.some((a) => /^-[lrdcV]/.test(a.text))) return emit(argv, k);
  const f = args.findIndex((a) => a.text === '-f');
  if (f >= 0) {
    const file = args[f + 1];
    if (!file) return emit(argv, k);
    emit(argv, k);
    return runShell('sh', [{ text: 'sh', dynamic: false }, file], k);
  }
  return fromStdin(prog, argv, k, []);
}

/** A shell (or `source /dev/stdin`) running whatever arrives on stdin. */
function fromStdin(prog: string, argv: Field[], k: K, positional: Field[]): Res {
  const stdin = k.io.stdin;
  if (!stdin) return emit(argv, k); // interactive shell
  if (stdin.text === undefined) return emit(argv, k, { dynamic: true });
  const label =
    stdin.kind === 'pipe'
      ? `| ${prog}`
      : stdin.kind === 'herestring'
        ? `${prog} <<<`
        : stdin.kind === 'file'
          ? `${prog} <`
          : `${prog} <<EOF`;
  return reparse(stdin.text, label, k, {
    scope: cloneScope(k.scope),
    positional,
    argv0: prog,
    io: { writes: k.io.writes },
  });
}

export function runEval(argv: Field[], k: K): Res {
  const args = argv.slice(1);
  if (args.length === 0) return {};
  if (args.some((a) => a.dynamic)) return emit(argv, k, { dynamic: true });
  return reparse(args.map((a) => a.text).join(' '), 'eval', k, {
    scope: k.outer === k.scope ? k.scope : k.scope,
  });
}

/**
 * `trap [--] 'code' SIGNAL…`: the shell runs the code later (on exit, on a signal), so it
 * is analysed like eval. `trap - SIG`, `trap '' SIG`, `trap SIG` and `trap -p|-l` only
 * reset, ignore or list handlers.
 */
export function runTrap(argv: Field[], k: K): Res {
  let args = argv.slice(1);
  if (args[0] && !args[0].dynamic && args[0].text === '--') args = args.slice(1);
  const action = args[0];
  if (!action || args.length < 2) return emit(argv, k);
  // fail closed: a handler not known statically is unknown code (a command whose name is unknown).
  if (action.dynamic) {
    emit(argv, k, { dynamic: true });
    return emit([{ text: action.text, dynamic: true }], { ...k, frame: trapFrame(k) }, { dynamic: true });
  }
  if (action.text === '-' || action.text === '' || /^-[lp]+$/.test(action.text)) return emit(argv, k);
  const res = emit(argv, k);
  // An EXIT handler runs when the shell ends: it is read then, with the variables of that time.
  if (args.slice(1).some((s) => !s.dynamic && /^(EXIT|SIGEXIT|0)$/i.test(s.text))) {
    k.run.atExit.push(() => reparse(action.text, 'trap', k, { scope: cloneScope(k.scope) }));
    return res;
  }
  return reparse(action.text, 'trap', k, { scope: cloneScope(k.scope) });
}

const trapFrame = (k: K) => ({ ...k.frame, wrappers: [...k.frame.wrappers, 'trap'] });

/** Startup files of the user's shells, relative to HOME (login and interactive shells read them unasked). */
const HOME_STARTUP = [
  '.bashrc',
  '.bash_profile',
  '.bash_login',
  '.profile',
  '.zshenv',
  '.zprofile',
  '.zshrc',
];
const SYSTEM_STARTUP = [
  '/etc/profile',
  '/etc/bash.bashrc',
  '/etc/bashrc',
  '/etc/zsh/zshenv',
  '/etc/zsh/zshrc',
];

/**
 * True for one of the user's shell startup files. `bash -l` and `bash -i` read these
 * without any command naming them, so they belong to the user's environment like the
 * shell itself: sourcing one that cannot be read (usually: there is none) runs nothing
 * that the shell would not run on its own. A readable one is still re-parsed.
 */
function isStartupFile(abs: string, k: K): boolean {
  if (k.frame.remote) return false;
  if (SYSTEM_STARTUP.includes(abs)) return true;
  const home = k.run.ctx.home.replace(/\/+$/, '');
  return HOME_STARTUP.some((f) => abs === `${home}/${f}`);
}

export function runSource(argv: Field[], k: K): Res {
  const file = argv[1];
  if (!file) return emit(argv, k);
  if (file.dynamic || file.proc) return emit(argv, k, { dynamic: true });
  if (file.text === '/dev/stdin' || file.text === '-') return fromStdin(argv[0].text, argv, k, argv.slice(2));
  const text = scriptFile(file.text, k);
  if (text === undefined && isStartupFile(absPath(k.scope.cwd, file.text), k)) return emit(argv, k);
  // fail closed: any other script we can't read is unknown code.
  if (text === undefined) return emit(argv, k, { dynamic: true });
  const positional = argv.length > 2 ? { positional: argv.slice(2) } : {};
  return reparse(text, `source ${file.text}`, k, { scope: k.scope, ...positional });
}
