/**
 * Code installed where a project tool will run it, read where it is installed or run:
 * - `npm pkg set scripts.NAME=CMD`: CMD is the command `npm run NAME` (and every tool that
 *   runs the project's scripts) will run; it is analysed as a script when it is set;
 * - a git hook this script wrote (`.git/hooks/NAME`, `.husky/NAME`), run by the git command
 *   that fires it (`git commit` → pre-commit, commit-msg …): its text is analysed there; a
 *   hook written with content not known statically is unknown code (fail closed);
 * - `just RECIPE` with a justfile this script wrote, `task NAME` with a Taskfile.yml this script
 *   wrote: every recipe line / task command is analysed (as make does with a makefile it wrote);
 *   the project's own justfile or Taskfile on disk stays an opaque build;
 * - `direnv allow|exec|reload` with an .envrc this script wrote: the .envrc runs (as bash);
 * - text written into a repository's `.git/config`: read as the `git config KEY VALUE`
 *   commands that would set the same (a push refspec, a mirror, an alias, a hooks path).
 */
import { absPath, cloneScope, lit, type Field, type Res } from './state.js';
import { emit, unknownCode, type K } from './emit.js';
import { reparse } from './reparse.js';
import { parse as parseYaml } from 'yaml';
import { runArgv } from './carriers.js';
import { gitConfigTextWritten } from './git-aliases.js';

/**
 * `npm|pnpm pkg set scripts.NAME=CMD …`, `bun pm pkg set …`, `npm set-script NAME CMD`: each CMD
 * analysed as the script it will be.
 */
export function npmPkgSet(argv: Field[], k: K): void {
  const at = argv[1]?.text === 'pm' && argv[0].text.endsWith('bun') ? 2 : 1;
  if (argv[1]?.text === 'set-script' && argv[2] && argv[3])
    return npmPkgSet(
      [
        argv[0],
        lit('pkg'),
        lit('set'),
        { text: `scripts.${argv[2].text}=${argv[3].text}`, dynamic: argv[3].dynamic },
      ],
      k,
    );
  if (argv[at]?.text !== 'pkg' || argv[at + 1]?.text !== 'set') return;
  for (const f of argv.slice(at + 2)) {
    const m = /^scripts\.([^=]+)=([\s\S]*)$/.exec(f.text);
    if (!m) continue;
    // fail closed: a script whose text is not known statically leaves a dynamic command.
    if (f.dynamic) emit([{ text: m[2], dynamic: true }], k, { dynamic: true });
    else if (m[2].trim()) reparse(m[2], `npm script ${m[1]}`, k, { scope: cloneScope(k.scope) });
  }
}

/** The hooks each git subcommand fires (client side). */
const HOOKS: Record<string, string[]> = {
  commit: ['pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit'],
  merge: ['pre-merge-commit', 'post-merge'],
  pull: ['post-merge', 'post-checkout'],
  push: ['pre-push'],
  checkout: ['post-checkout'],
  switch: ['post-checkout'],
  rebase: ['pre-rebase', 'post-rewrite'],
  am: ['applypatch-msg', 'pre-applypatch', 'post-applypatch'],
  clone: ['post-checkout'],
  gc: ['pre-auto-gc'],
};

/** Runs the hooks this script wrote that `git SUB` (in `repo`) fires. */
export function gitHooks(sub: string, repo: string, k: K): void {
  const hooks = Object.hasOwn(HOOKS, sub) ? HOOKS[sub] : [];
  for (const name of hooks) {
    for (const dir of ['.git/hooks', '.husky']) {
      const path = absPath(repo, `${dir}/${name}`);
      const text = k.scope.files.get(path);
      // fail closed: a hook this script wrote with content not known statically.
      if (text === undefined && k.scope.written.has(path)) {
        unknownCode([{ text: `git ${sub}`, dynamic: false }], k, `git hook ${name}`, path);
        return;
      }
      if (text !== undefined) reparse(text, `git hook ${name}`, k, { scope: cloneScope(k.scope) });
    }
  }
}

const JUSTFILES = ['justfile', 'Justfile', '.justfile', 'JUSTFILE'];

/** The shell lines of a justfile's recipes (undefined = uses `{{…}}`, not known statically). */
export function justLines(text: string): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let inRecipe = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\S/.test(line)) {
      // `name args: deps` starts a recipe; `x := …`, `set …`, `alias …`, `export …` do not.
      inRecipe =
        /^@?[A-Za-z_][\w-]*[^:=]*:(?!=)/.test(line) && !/^(set|alias|export|import|mod)\b/.test(line);
      continue;
    }
    if (!inRecipe || line.trim() === '' || line.trim().startsWith('#')) continue;
    const body = line.trim().replace(/^[@-]+/, '');
    out.push(body.includes('{{') ? undefined : body);
  }
  return out;
}

/**
 * A build tool (`label`: just, task) run with a recipe file this script wrote (the first of
 * `paths` it wrote): every command `read` finds there is analysed, one using `{{…}}` is unknown.
 * The project's own file on disk stays an opaque build, like the project's Makefile.
 */
function runRecipes(
  argv: Field[],
  k: K,
  label: string,
  paths: string[],
  read: (text: string) => (string | undefined)[] | undefined,
): Res {
  const path = paths.find((p) => k.scope.written.has(p));
  if (!path) return emit(argv, k);
  const text = k.scope.files.get(path);
  const cmds = text === undefined ? undefined : read(text);
  // fail closed: a recipe file this script wrote with content not known statically, or not readable.
  if (cmds === undefined) return unknownCode(argv, k, label, path);
  const res = emit(argv, k, { dynamic: cmds.some((c) => c === undefined) });
  const inner: K = { ...k, io: { writes: [] } };
  for (const c of cmds)
    if (c === undefined) emit([{ text: `${label} {{…}}`, dynamic: true }], inner, { dynamic: true });
    else reparse(c, label, inner, { scope: cloneScope(k.scope) });
  return res;
}

/** `just …` with a justfile this script wrote (in the working directory, or named with -f). */
export function runJust(argv: Field[], k: K): Res {
  const at = argv.findIndex((f, i) => i > 0 && (f.text === '-f' || f.text === '--justfile'));
  const names = at > 0 && argv[at + 1] ? [argv[at + 1].text] : JUSTFILES;
  return runRecipes(
    argv,
    k,
    'just',
    names.map((n) => absPath(k.scope.cwd, n)),
    justLines,
  );
}

const TASKFILES = ['Taskfile.yml', 'Taskfile.yaml', 'taskfile.yml', 'taskfile.yaml', 'Taskfile.dist.yml'];

/** The commands of a Taskfile (`tasks.NAME.cmds`: strings or `{cmd: …}`); undefined = not readable or templated. */
export function taskCommands(text: string): (string | undefined)[] | undefined {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    return undefined;
  }
  const tasks = (doc as { tasks?: Record<string, unknown> } | null)?.tasks;
  if (!tasks || typeof tasks !== 'object') return [];
  const out: (string | undefined)[] = [];
  for (const t of Object.values(tasks)) {
    const cmds = typeof t === 'string' ? [t] : ((t as { cmds?: unknown[] } | null)?.cmds ?? []);
    for (const c of Array.isArray(cmds) ? cmds : []) {
      const text = typeof c === 'string' ? c : (c as { cmd?: unknown } | null)?.cmd;
      // `{task: other}` runs another task, read with the rest; `{{.VAR}}` is not known statically.
      if (typeof text === 'string') out.push(text.includes('{{') ? undefined : text);
    }
  }
  return out;
}

/** `task …` (go-task) with a Taskfile this script wrote. */
export function runTask(argv: Field[], k: K): Res {
  return runRecipes(
    argv,
    k,
    'task',
    TASKFILES.map((n) => absPath(k.scope.cwd, n)),
    taskCommands,
  );
}

/** `direnv allow|exec|reload [DIR]` with an .envrc this script wrote in DIR: it runs. */
export function runDirenv(argv: Field[], k: K): void {
  const sub = argv[1]?.text;
  if (!['allow', 'permit', 'grant', 'exec', 'reload'].includes(sub ?? '')) return;
  const dir =
    sub === 'reload' || !argv[2] || argv[2].dynamic ? k.scope.cwd : absPath(k.scope.cwd, argv[2].text);
  const path = absPath(dir, '.envrc');
  if (!k.scope.written.has(path)) return;
  const text = k.scope.files.get(path);
  // fail closed: an .envrc this script wrote with content not known statically.
  if (text === undefined) emit([{ text: path, dynamic: true }], k, { dynamic: true });
  else reparse(text, 'direnv .envrc', k, { scope: cloneScope(k.scope) });
}

/** `direnv exec DIR CMD…`: DIR's .envrc (when this script wrote it), then CMD. */
export function direnvExec(argv: Field[], k: K): Res | undefined {
  if (argv[1]?.text !== 'exec' || argv.length < 4) return undefined;
  const res = emit(argv, k);
  runDirenv(argv, k);
  runArgv(argv.slice(3), { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, 'direnv exec'] } });
  return res;
}

/** The settings in git config text, as [key, value] (`[remote "origin"]` + `push = …` → remote.origin.push). */
export function gitConfigSettings(text: string): [string, string][] {
  const out: [string, string][] = [];
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s+/, '');
    const head = /^\[\s*([\w.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
    if (head) {
      section = head[2] !== undefined ? `${head[1].toLowerCase()}.${head[2]}` : head[1].toLowerCase();
      continue;
    }
    const kv = /^([A-Za-z][\w-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (kv && section && !/^[#;]/.test(line))
      out.push([`${section}.${kv[1].toLowerCase()}`, (kv[2] ?? 'true').replace(/^"(.*)"$/, '$1').trim()]);
  }
  return out;
}

/** Text written to `path` (undefined = not known): when it is a repository's .git/config, its settings as `git config` commands. */
export function gitConfigWritten(path: string, text: string | undefined, k: K): void {
  gitConfigTextWritten(path, text === undefined ? undefined : gitConfigSettings(text), k);
  if (!/\/\.git\/config$/.test(path)) return;
  const inner: K = {
    ...k,
    io: { writes: [] },
    frame: { ...k.frame, wrappers: [...k.frame.wrappers, 'written to .git/config'] },
  };
  // fail closed: settings not known statically may make git run or push anything.
  if (text === undefined) {
    emit([{ text: `git config (${path})`, dynamic: true }], inner, { dynamic: true });
    return;
  }
  for (const [key, value] of gitConfigSettings(text))
    emit([lit('git'), lit('config'), lit(key), lit(value)], inner);
}
