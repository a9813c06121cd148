/**
 * Code installed where a project tool will run it, read where it is installed or run:
 * - `npm pkg set scripts.NAME=CMD`: CMD is the command `npm run NAME` (and every tool that
 *   runs the project's scripts) will run; it is analysed as a script when it is set;
 * - a git hook this script wrote (`.git/hooks/NAME`, `.husky/NAME`), run by the git command
 *   that fires it (`git commit` → pre-commit, commit-msg …): its text is analysed there; a
 *   hook written with content not known statically is unknown code (fail closed);
 * - `just RECIPE` with a justfile this script wrote: every recipe line is analysed (as make
 *   does with a makefile it wrote); the project's own justfile on disk stays an opaque build.
 */
import { absPath, cloneScope, type Field, type Res } from './state.js';
import { emit, unknownCode, type K } from './emit.js';
import { reparse } from './reparse.js';

/** `npm pkg set scripts.NAME=CMD …`: each CMD analysed as the script it will be. */
export function npmPkgSet(argv: Field[], k: K): void {
  if (argv[1]?.text !== 'pkg' || argv[2]?.text !== 'set') return;
  for (const f of argv.slice(3)) {
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
export function gitHooks(sub: string, repo: string, k: K): Res | undefined {
  const hooks = Object.hasOwn(HOOKS, sub) ? HOOKS[sub] : [];
  for (const name of hooks) {
    for (const dir of ['.git/hooks', '.husky']) {
      const path = absPath(repo, `${dir}/${name}`);
      const text = k.scope.files.get(path);
      // fail closed: a hook this script wrote with content not known statically.
      if (text === undefined && k.scope.written.has(path))
        return unknownCode([{ text: `git ${sub}`, dynamic: false }], k, `git hook ${name}`, path);
      if (text !== undefined) reparse(text, `git hook ${name}`, k, { scope: cloneScope(k.scope) });
    }
  }
  return undefined;
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

/** `just …` with a justfile this script wrote (in the working directory). */
export function runJust(argv: Field[], k: K): Res {
  const at = argv.findIndex((f, i) => i > 0 && (f.text === '-f' || f.text === '--justfile'));
  const names = at > 0 && argv[at + 1] ? [argv[at + 1].text] : JUSTFILES;
  const paths = names.map((n) => absPath(k.scope.cwd, n));
  const path = paths.find((p) => k.scope.written.has(p));
  // The project's own justfile on disk is its build, like the project's Makefile.
  if (!path) return emit(argv, k);
  const text = k.scope.files.get(path);
  // fail closed: a justfile this script wrote with content not known statically.
  if (text === undefined) return unknownCode(argv, k, 'just', path);
  const lines = justLines(text);
  const res = emit(argv, k, { dynamic: lines.some((l) => l === undefined) });
  const inner: K = { ...k, io: { writes: [] } };
  for (const l of lines)
    if (l === undefined) emit([{ text: 'just {{…}}', dynamic: true }], inner, { dynamic: true });
    else reparse(l, 'just', inner, { scope: cloneScope(k.scope) });
  return res;
}
