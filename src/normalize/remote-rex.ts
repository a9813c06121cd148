/**
 * Rex: `rex [-H 'H1 H2'] [-G GROUP] -e CODE` (also `-eCODE`): CODE is Perl run as a task on
 * every host. Its `run CMD` and `sudo CMD` (also `run(CMD)` and the qualified
 * `Rex::Commands::Run::run CMD`) run CMD through the host's shell, re-parsed as remote
 * commands; the rest is read as `perl -e` there. CMD is a Perl string: '…', "…", q{…} or
 * qq{…} (any delimiter). A string that interpolates a variable (`run "rm -rf $dir"`), one
 * joined to more text (`run "rm -rf " . $d`) or an argument that is not a string at all
 * (`run $cmd`, `run join(…)`) is not known statically (fail closed: dynamic).
 */
import type { Field, Res } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { remoteArgv } from './remote-words.js';

/** A call of Rex's run or sudo (not `->run`, `$run`, `run_task`, a `run =>` hash key). */
const REX_CALL = /(?<![\w:$@%>])(?:[A-Za-z_]\w*::)*(run|sudo)(?![\w:])(?!\s*=>)/g;
/** What follows `sudo` when it switches sudo mode or wraps a block (`sudo TRUE`, `sudo sub {…}`). */
const SUDO_MODE = /^\s*\(?\s*(TRUE|FALSE|\d+|-?on|-?off|sub\b|\{)/;
/** An argument that is an expression, not a string: a variable, a call, parentheses, a heredoc. */
const EXPRESSION = /^\s*(\(|[$@]|<<|[A-Za-z_]\w*\s*(\(|::|->))/;

/** Closing delimiter of a q{}/qq{} string opened with `open`. */
const CLOSE: Record<string, string> = { '{': '}', '(': ')', '[': ']', '<': '>' };

/** A Perl string literal at the start of `s` (after blanks and `(`): its text, whether it interpolates, its end. */
export function perlString(s: string): { text: string; interpolates: boolean; end: number } | undefined {
  const m = /^\s*(?:\(\s*)?(?:(qq|q)\s*([^\w\s])|(["']))/.exec(s);
  if (!m) return undefined;
  const open = m[2] ?? m[3];
  const close = CLOSE[open] ?? open;
  const interpolates = m[1] === 'qq' || m[3] === '"';
  let depth = 0;
  for (let i = m[0].length; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === open && close !== open) depth++;
    else if (c === close && depth-- === 0) {
      const raw = s.slice(m[0].length, i);
      const text = interpolates ? raw.replace(/\\(.)/g, '$1') : raw.replace(/\\([\\'}\])>])/g, '$1');
      return { text, interpolates: interpolates && /[$@][\w{]/.test(raw), end: i + 1 };
    }
  }
  return undefined;
}

/** The code of `-e CODE` / `-eCODE`; undefined = none. */
function rexCode(args: Field[]): Field | undefined {
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (t === '-e') return args[i + 1];
    if (/^-e./.test(t)) return { text: t.slice(2), dynamic: args[i].dynamic };
  }
  return undefined;
}

export function rex(argv: Field[], k: K): Res | undefined {
  const args = argv.slice(1);
  const code = rexCode(args);
  if (!code) return undefined;
  const hi = args.findIndex((f) => /^-[HG]/.test(f.text));
  const hosts = hi < 0 ? '' : args[hi].text.length > 2 ? args[hi].text.slice(2) : (args[hi + 1]?.text ?? '');
  const label = `rex ${hosts}`.trim();
  if (code.dynamic) return remoteArgv([{ text: code.text, dynamic: true }], label, k);
  const unknown = (text: string) =>
    emit(
      [{ text, dynamic: true }],
      { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, label], remote: true } },
      { dynamic: true },
    );
  for (const m of code.text.matchAll(REX_CALL)) {
    const after = code.text.slice(m.index + m[0].length);
    const str = perlString(after);
    if (str) {
      // a string joined to more text (`"rm -rf " . $d`) is only known at run time
      const joined = /^\s*\./.test(after.slice(str.end));
      if (str.interpolates || joined) unknown(str.text);
      else reparse(str.text, label, k, { remote: true });
    } else if (m[1] === 'sudo' && SUDO_MODE.test(after)) continue;
    // fail closed: a command built by an expression
    else if (EXPRESSION.test(after)) unknown(after.trim().split(/[;\n]/)[0]);
  }
  return remoteArgv([{ text: 'perl', dynamic: false }, { text: '-e', dynamic: false }, code], label, k);
}
