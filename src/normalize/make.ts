/**
 * make: a Makefile's recipe lines are shell commands (`sh -c LINE` each), and `$(shell …)`
 * runs a command while the file is read. A makefile whose text is known (written earlier in
 * the same script, or named with `-f` and readable through ctx.readFile) has every recipe
 * line and `$(shell …)` re-parsed; one named with `-f` that can't be read (`-f <(…)`,
 * `-f "$X"`, a missing file) is unknown code. Plain `make` with the project's own Makefile
 * on disk stays an opaque build command.
 */
import { absPath, cloneScope } from './state.js';
import type { Field, Res } from './state.js';
import { emit, unknownCode, type K } from './emit.js';
import { reparse } from './reparse.js';
import { scriptFile } from './shells.js';

/** make and its kin: their recipes are read as the shell commands they run. */
export const MAKES = new Set(['make', 'gmake', 'bmake', 'pmake', 'remake']);

/** Options whose value is the next word (or glued: `-j4`, `-Cdir`). */
const VALUE_OPTS = new Set([
  '-j',
  '-l',
  '-o',
  '-W',
  '-I',
  '--jobs',
  '--load-average',
  '--old-file',
  '--what-if',
  '--include-dir',
]);
const FILE_OPTS = new Set(['-f', '--file', '--makefile']);

/** One shell command a makefile runs. `text` undefined = it uses something not known statically. */
export interface MakeCommand {
  text?: string;
  /** The source line (for messages). */
  line: string;
}

/** Expands `$(VAR)`, `${VAR}`, `$$`, automatic variables; undefined when something is left unknown. */
function expand(
  s: string,
  vars: Map<string, string>,
  target: string,
  prereqs: string[],
  depth = 0,
): string | undefined {
  if (depth > 8) return undefined;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '$') {
      out += c;
      continue;
    }
    const n = s[i + 1];
    if (n === '$') {
      out += '$';
      i++;
      continue;
    }
    if (n === '@' || n === '*' || n === '<' || n === '^' || n === '+') {
      out += n === '@' || n === '*' ? target : n === '<' ? (prereqs[0] ?? '') : prereqs.join(' ');
      i++;
      continue;
    }
    if (n === '(' || n === '{') {
      const close = n === '(' ? ')' : '}';
      let d = 1;
      let j = i + 2;
      for (; j < s.length && d > 0; j++) {
        if (s[j] === n) d++;
        else if (s[j] === close) d--;
      }
      if (d !== 0) return undefined;
      const name = s.slice(i + 2, j - 1);
      const v = vars.get(name.trim());
      if (v === undefined) return undefined;
      const e = expand(v, vars, target, prereqs, depth + 1);
      if (e === undefined) return undefined;
      out += e;
      i = j - 1;
      continue;
    }
    return undefined; // `$?`, `$X`: not known statically
  }
  return out;
}

/** Every `$(shell …)` / `${shell …}` call's command text (raw). */
function shellCalls(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\$[({]shell\s+/g)) {
    const open = text[m.index + 1];
    const close = open === '(' ? ')' : '}';
    let d = 1;
    let j = m.index + m[0].length;
    const start = j;
    for (; j < text.length && d > 0; j++) {
      if (text[j] === open) d++;
      else if (text[j] === close) d--;
    }
    out.push(text.slice(start, d === 0 ? j - 1 : j));
  }
  return out;
}

/** The shell commands of a makefile: `$(shell …)` calls and every recipe line. */
export function makeCommands(text: string, cmdVars: [string, string][] = []): MakeCommand[] {
  const lines = text.replace(/\\\r?\n/g, '\\\u0000').split(/\r?\n/);
  const vars = new Map<string, string>(cmdVars);
  const out: MakeCommand[] = shellCalls(text).map((c) => ({
    line: `$(shell ${c})`,
    text: c.replace(/\$\$/g, '$'),
  }));
  let target = '';
  let prereqs: string[] = [];
  let inRule = false;
  for (const raw of lines) {
    const line = raw.replace(/\\\u0000/g, '\\\n');
    if (line.startsWith('\t') && inRule) {
      const body = line
        .slice(1)
        .replace(/^[@+\-\s]+/, '')
        .replace(/\\\n\t?/g, '\\\n');
      if (body.trim() === '' || body.trimStart().startsWith('#')) continue;
      const e = expand(body, vars, target, prereqs);
      out.push({ line: body, ...(e !== undefined ? { text: e } : {}) });
      continue;
    }
    const t = line.replace(/#.*$/, '').trim();
    if (t === '') continue;
    const assign = /^(?:export\s+|override\s+)?([A-Za-z_][\w.-]*)\s*(?::{1,3}=|\?=|\+=|!=|=)\s*(.*)$/s.exec(
      t,
    );
    if (assign) {
      if (!cmdVars.some(([n]) => n === assign[1])) vars.set(assign[1], assign[2]);
      inRule = false;
      continue;
    }
    const rule = /^([^:=]+?)\s*::?(?!=)\s*(.*)$/.exec(t);
    if (rule) {
      target = rule[1].trim().split(/\s+/)[0];
      prereqs = rule[2].replace(/;.*$/, '').trim().split(/\s+/).filter(Boolean);
      inRule = true;
      const inline = /;(.*)$/.exec(rule[2]);
      // `@`, `-` and `+` before a recipe are make's (silent, ignore errors, always run), not the shell's.
      const body = inline?.[1].trim().replace(/^[@+\-\s]+/, '') ?? '';
      if (body) {
        const e = expand(body, vars, target, prereqs);
        out.push({ line: body, ...(e !== undefined ? { text: e } : {}) });
      }
      continue;
    }
    inRule = false;
  }
  return out;
}

export function runMake(argv: Field[], k: K): Res {
  let dir = k.scope.cwd;
  /** `-C "$D"`: the directory, and so a relative makefile, is not known statically. */
  let dirUnknown = false;
  const files: Field[] = [];
  const cmdVars: [string, string][] = [];
  /** Makefile text given with --eval (read like a makefile's). */
  const evals: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const t = a.text;
    if (FILE_OPTS.has(t) || t === '-C' || t === '--directory') {
      const v = argv[++i];
      if (!v) break;
      if (t === '-C' || t === '--directory') {
        if (v.dynamic) dirUnknown = true;
        else dir = absPath(dir, v.text);
      } else files.push(v);
      continue;
    }
    const glued = /^(-f|--file=|--makefile=)(.+)$/s.exec(t);
    if (glued && !a.dynamic) {
      files.push({ text: glued[2], dynamic: false });
      continue;
    }
    if (/^(-C|--directory=)(.+)$/.test(t) && !a.dynamic) {
      dir = absPath(dir, t.replace(/^(-C|--directory=)/, ''));
      continue;
    }
    if (/^--eval(=|$)/.test(t)) {
      const text = t === '--eval' ? argv[++i] : { text: t.slice(7), dynamic: a.dynamic };
      // fail closed: makefile text given inline and not known statically is unknown code.
      if (!text || text.dynamic) files.push({ text: '--eval', dynamic: true });
      else evals.push(text.text);
      continue;
    }
    if (VALUE_OPTS.has(t)) {
      i++;
      continue;
    }
    const v = /^([A-Za-z_][\w.]*)=(.*)$/s.exec(t);
    if (v && !a.dynamic) cmdVars.push([v[1], v[2]]);
  }
  // The project's own makefile in a directory not known statically: an opaque build, like plain `make`.
  if (dirUnknown && files.length === 0) return emit(argv, k);
  // fail closed: a relative makefile in a directory not known statically.
  if (dirUnknown && files.some((f) => !f.text.startsWith('/')))
    return unknownCode(argv, k, 'make', files.map((f) => f.text).join(' '));
  const scope = dir === k.scope.cwd ? k.scope : { ...cloneScope(k.scope), cwd: dir };
  const kk: K = { ...k, scope };
  let texts: (string | undefined)[];
  if (files.length > 0) {
    texts = files.map((f) =>
      f.dynamic || f.proc ? undefined : f.text === '-' ? k.io.stdin?.text : scriptFile(f.text, kk),
    );
  } else {
    // Only a default makefile this script wrote is read; the project's own one is its build.
    const written = ['GNUmakefile', 'makefile', 'Makefile'].map((n) => k.scope.files.get(absPath(dir, n)));
    const unknown = ['GNUmakefile', 'makefile', 'Makefile'].some(
      (n) => k.scope.written.has(absPath(dir, n)) && !k.scope.files.has(absPath(dir, n)),
    );
    // fail closed: a default makefile this script wrote with unknown content.
    if (unknown) return unknownCode(argv, k, 'make', 'Makefile');
    texts = [written.find((t) => t !== undefined)].filter((t) => t !== undefined);
    if (texts.length === 0 && evals.length === 0) return emit(argv, k);
  }
  texts.push(...evals);
  // fail closed: a makefile we can't read is unknown code.
  if (texts.some((t) => t === undefined))
    return unknownCode(argv, k, 'make', files.map((f) => f.text).join(' ') || 'Makefile');
  const cmds = texts.flatMap((t) => makeCommands(t ?? '', cmdVars));
  const res = emit(argv, k, { dynamic: cmds.some((c) => c.text === undefined) });
  const inner: K = { ...kk, io: { writes: [] } };
  for (const c of cmds) {
    if (k.run.stopped) break;
    if (c.text === undefined) {
      // fail closed: a recipe line using make variables not known statically.
      emit(
        [{ text: c.line, dynamic: true }],
        { ...inner, frame: { ...k.frame, wrappers: [...k.frame.wrappers, 'make'] } },
        { dynamic: true },
      );
    } else reparse(c.text, 'make', inner, { scope: cloneScope(scope) });
  }
  return res;
}
