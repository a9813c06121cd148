/**
 * ninja (and samu): each `build OUTS: RULE INS` runs its rule's `command` through `sh -c`.
 * A build file whose text is known (written earlier in the same script, or named with `-f`
 * and readable through ctx.readFile) has the command of every build statement re-parsed, with
 * ninja's variables (`$in`, `$out`, `${name}`, `$$`) expanded; one named with `-f` that can't
 * be read, or a command using a variable not known, is unknown code. Plain `ninja` with the
 * project's own build.ninja on disk stays an opaque build command (as plain `make` does).
 * `-n` (dry run) and `-t TOOL` run no rule.
 */
import { absPath, cloneScope } from './state.js';
import type { Field, Res } from './state.js';
import { emit, unknownCode, type K } from './emit.js';
import { reparse } from './reparse.js';
import { scriptFile } from './shells.js';

/** ninja and its kin: the build file's commands are read as the shell commands they run. */
export const NINJAS = new Set(['ninja', 'samu', 'ninja-build']);

/** Options whose value is the next word (or glued: `-j4`). */
const VALUE_OPTS = /^-[jklCdwf]$/;

type Vars = Map<string, string>;

/** Expands ninja's `$` escapes and variables; undefined when a variable is not known. */
export function ninjaExpand(s: string, scopes: Vars[]): string | undefined {
  let unknown = false;
  const out = s.replace(
    /\$(\$|:| |\n|\{([A-Za-z0-9_.-]+)\}|([A-Za-z0-9_-]+))/g,
    (m, c: string, braced?: string, bare?: string) => {
      if (c === '$' || c === ':' || c === ' ') return c;
      if (c === '\n') return '';
      const name = braced ?? bare ?? '';
      const v = scopes.find((sc) => sc.has(name))?.get(name);
      if (v === undefined) unknown = true;
      return v ?? m;
    },
  );
  return unknown ? undefined : out;
}

/** The shell commands a build file's build statements run; undefined entries = not known statically. */
export function ninjaCommands(text: string): (string | undefined)[] {
  const top: Vars = new Map();
  const rules = new Map<string, Vars>();
  const builds: { rule: string; vars: Vars }[] = [];
  let block: Vars | undefined;
  for (const raw of text.replace(/\$\n\s*/g, '').split('\n')) {
    if (/^\s*(#|$)/.test(raw)) continue;
    const indented = /^\s/.test(raw);
    const line = raw.trim();
    const bind = /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line);
    if (indented && block && bind) {
      block.set(bind[1], bind[2]);
      continue;
    }
    block = undefined;
    const rule = /^rule\s+(\S+)/.exec(line);
    const build = /^build\s+(.*?)(?<!\$):\s*(\S+)\s*(.*)$/.exec(line);
    if (rule) rules.set(rule[1], (block = new Map()));
    else if (build) {
      const [ins] = build[3].split(/\s+\|\|?\s+/);
      block = new Map([
        ['out', build[1].trim()],
        ['in', ins.trim()],
        ['in_newline', ins.trim().split(/\s+/).join('\n')],
      ]);
      builds.push({ rule: build[2], vars: block });
    } else if (bind) top.set(bind[1], ninjaExpand(bind[2], [top]) ?? bind[2]);
  }
  return builds
    .filter((b) => b.rule !== 'phony')
    .map((b) => {
      const rule = rules.get(b.rule);
      const cmd = rule?.get('command');
      // A rule the file does not define (from an include) runs something not known.
      if (!rule || cmd === undefined) return undefined;
      return ninjaExpand(cmd, [b.vars, rule, top]);
    });
}

export function runNinja(argv: Field[], k: K): Res {
  let dir = k.scope.cwd;
  let file: Field | undefined;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '-n' || t === '-t' || /^-t./.test(t) || t === '--version' || t === '-h') return emit(argv, k);
    if (t === '-f') file = argv[++i];
    else if (t === '-C') {
      const v = argv[++i];
      // fail closed: a directory not known statically holds a build file not known.
      if (!v || v.dynamic) return unknownCode(argv, k, 'ninja', 'build.ninja');
      dir = absPath(dir, v.text);
    } else if (VALUE_OPTS.test(t)) i++;
  }
  const kk: K = { ...k, scope: dir === k.scope.cwd ? k.scope : { ...cloneScope(k.scope), cwd: dir } };
  let text: string | undefined;
  if (file) {
    // fail closed: a build file named by a value not known statically, or that can't be read.
    text = file.dynamic || file.proc ? undefined : scriptFile(file.text, kk);
    if (text === undefined) return unknownCode(argv, k, 'ninja', file.text);
  } else {
    const path = absPath(dir, 'build.ninja');
    text = k.scope.files.get(path);
    // fail closed: a build.ninja this script wrote with unknown content.
    if (text === undefined && k.scope.written.has(path)) return unknownCode(argv, k, 'ninja', 'build.ninja');
    if (text === undefined) return emit(argv, k);
  }
  const cmds = ninjaCommands(text);
  const res = emit(argv, k, { dynamic: cmds.some((c) => c === undefined) });
  const inner: K = {
    ...kk,
    io: { writes: [] },
    frame: { ...k.frame, wrappers: [...k.frame.wrappers, 'ninja'] },
  };
  for (const c of cmds) {
    if (k.run.stopped) break;
    // fail closed: a rule command using a variable (or a rule) not known statically.
    if (c === undefined) emit([{ text: 'ninja rule', dynamic: true }], inner, { dynamic: true });
    else reparse(c, 'ninja', { ...kk, io: { writes: [] } }, { scope: cloneScope(kk.scope) });
  }
  return res;
}
