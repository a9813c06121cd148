/**
 * m4 runs shell commands from the text it expands: `syscmd(CMD)` and `esyscmd(CMD)` (also
 * `m4_syscmd` under `-P`, and through `indir(`syscmd', CMD)` or `builtin(…)`) hand CMD to
 * /bin/sh. Reads the input m4 processes: the files named (written earlier in the script,
 * else through ctx.readFile), stdin when no file or `-` is named (a here-string, heredoc or
 * pipe of known text), the `-D NAME=VALUE` definitions, and the files `include` /
 * `sinclude` pull in. One level of m4 quotes (`` `…' ``, or those `changequote` sets) is
 * removed from the command. Text that is not known, and any other mention of the macros
 * (`define(`run', defn(`syscmd'))`), is a command whose name is unknown (fail closed).
 */
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';
import { scriptFile } from './shells.js';
import type { Field, Res } from './state.js';

/** What an m4 input runs: commands read, files it includes, and whether some run is unknown. */
export interface M4Scan {
  /** Shell commands handed to sh, quotes removed. Empty = none. */
  cmds: string[];
  /** Files named by include/sinclude with a literal argument. Empty = none. */
  includes: string[];
  /** True when a command is run that could not be read. */
  unknown: boolean;
}

const RUNNERS = /^(?:m4_)?e?syscmd$/;
const CALL = /(?<![\w])((?:m4_)?(?:e?syscmd|indir|builtin|s?include))\(/g;
const MENTION = /(?<![\w])(?:m4_)?e?syscmd(?![\w])/g;
const MENTIONED = new RegExp(MENTION.source);

/** The quote pairs in force: m4's default and any `changequote(OPEN, CLOSE)` set. */
function quotePairs(text: string): [string, string][] {
  const pairs: [string, string][] = [['`', "'"]];
  for (const m of text.matchAll(/changequote\(\s*([^,()\s]+)\s*,\s*([^,()\s]+)\s*\)/g))
    pairs.push([m[1], m[2]]);
  return pairs;
}

/**
 * The arguments of a call whose `(` ends at `from`, one quote level removed; undefined when
 * the call is not closed.
 */
function callArgs(text: string, from: number, pairs: [string, string][]): string[] | undefined {
  const args: string[] = [];
  let cur = '';
  let depth = 0;
  let quote = 0;
  let open: [string, string] | undefined;
  for (let i = from; i < text.length;) {
    if (open) {
      // inside quotes: nested pairs are kept, the outermost pair is removed
      const [o, c] = open;
      if (text.startsWith(c, i)) {
        i += c.length;
        if (--quote > 0) cur += c;
        else open = undefined;
      } else if (text.startsWith(o, i)) {
        i += o.length;
        quote++;
        cur += o;
      } else cur += text[i++];
      continue;
    }
    const pair = pairs.find(([o]) => text.startsWith(o, i));
    if (pair) {
      open = pair;
      quote = 1;
      i += pair[0].length;
      continue;
    }
    const c = text[i++];
    if (c === '(') {
      depth++;
      cur += c;
    } else if (c === ')' && depth > 0) {
      depth--;
      cur += c;
    } else if (c === ')') return [...args, cur];
    else if (c === ',' && depth === 0) {
      args.push(cur);
      cur = '';
    } else if (cur === '' && /\s/.test(c)) continue;
    else cur += c;
  }
  return undefined;
}

/** The commands `text` runs through syscmd/esyscmd and the files it includes. */
export function scanM4(text: string): M4Scan {
  const pairs = quotePairs(text);
  const out: M4Scan = { cmds: [], includes: [], unknown: false };
  let read = 0;
  for (const m of text.matchAll(CALL)) {
    const name = m[1].replace(/^m4_/, '');
    const args = callArgs(text, (m.index ?? 0) + m[0].length, pairs);
    if (name === 'include' || name === 'sinclude') {
      if (args?.[0]) out.includes.push(args[0]);
      else out.unknown = true;
      continue;
    }
    const indirect = name === 'indir' || name === 'builtin';
    if (indirect && !RUNNERS.test(args?.[0] ?? '')) continue;
    read++;
    const cmd = indirect ? args?.[1] : args?.[0];
    // fail closed: an unclosed call, or a command built by other macros, is not read
    if (cmd === undefined || MENTIONED.test(cmd)) out.unknown = true;
    else out.cmds.push(cmd);
  }
  // fail closed: the macro named anywhere else (renamed by define/defn, built by concatenation)
  if ((text.match(MENTION) ?? []).length > read) out.unknown = true;
  return out;
}

/** m4's options that take a value as the next word. */
const WITH_VALUE =
  /^(-[DUIotFRlLH]|--(define|undefine|include|error-output|trace|freeze-state|reload-state|arglength|nesting-limit|hashsize|debugfile))$/;

/** Most files followed through include/sinclude. */
const MAX_INCLUDES = 16;

export function runM4(argv: Field[], k: K): Res {
  const texts: (string | undefined)[] = [];
  const files: Field[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const t = a.text;
    // `-D NAME=VALUE`: VALUE is expanded where NAME is used
    if (/^(-D|--define)$/.test(t)) {
      texts.push(argv[i + 1]?.dynamic ? undefined : (argv[i + 1]?.text ?? ''));
      i++;
      continue;
    }
    const def = /^(?:-D|--define=)(.+)$/s.exec(t);
    if (def) {
      texts.push(a.dynamic ? undefined : def[1]);
      continue;
    }
    // fail closed: a frozen state file's definitions are not read
    if (/^(-R|--reload-state)/.test(t)) texts.push(undefined);
    if (WITH_VALUE.test(t)) i++;
    else if (t === '-' || !t.startsWith('-')) files.push(a);
  }
  const stdin = k.io.stdin;
  const readStdin = () => (stdin ? stdin.text : '');
  for (const f of files.length ? files : [{ text: '-', dynamic: false }]) {
    if (f.text === '-') texts.push(readStdin());
    // fail closed: an input we can't read is unknown text
    else texts.push(f.dynamic ? undefined : scriptFile(f.text, k));
  }
  const cmds: string[] = [];
  let unknown = false;
  const queue = [...texts];
  for (let n = 0; n < queue.length; n++) {
    const text = queue[n];
    if (text === undefined) {
      unknown = true;
      continue;
    }
    const s = scanM4(text);
    cmds.push(...s.cmds);
    unknown ||= s.unknown;
    for (const inc of s.includes)
      if (queue.length < MAX_INCLUDES + texts.length) queue.push(scriptFile(inc, k));
      else unknown = true; // fail closed: includes past the budget are not read
  }
  const res = emit(argv, k, { dynamic: unknown });
  const inner: K = { ...k, io: { writes: [] } };
  const frame = { ...k.frame, wrappers: [...k.frame.wrappers, 'm4'] };
  // fail closed: a command not read is a command whose name is unknown
  if (unknown) emit([{ text: 'm4 syscmd', dynamic: true }], { ...inner, frame }, { dynamic: true });
  for (const cmd of cmds) {
    if (k.run.stopped) break;
    reparse(cmd, 'm4 syscmd', inner);
  }
  return res;
}
