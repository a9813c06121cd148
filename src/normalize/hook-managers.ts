/**
 * Commands a tool is told to run later, read where they are installed (as `npm pkg set
 * scripts.*` is, installed.ts):
 * - `lefthook install|run|add` with a lefthook.yml (also `.lefthook.yml`, `lefthook-local.yml`)
 *   this script wrote: every hook's `commands.*.run` and `scripts`-less `jobs[].run` line runs at
 *   the git command that fires the hook, so each is analysed as a shell line (lefthookRuns, run
 *   from the table of tool-configs.ts);
 * - `pre-commit run|install|install-hooks|hook-impl` (and `prek`, which reads the same file) with a
 *   .pre-commit-config.yaml this script wrote (or the one `-c|--config FILE` names): each local
 *   hook's (`repo: local`) `entry` with its `args` runs, analysed as a shell line (preCommitRuns);
 *   a hook of a remote repository runs that repository's own code, not known here and not read;
 * - `npm|pnpm|yarn config set script-shell FILE` (and `--script-shell=FILE`): every later
 *   `npm run`/`npm test` runs its scripts through FILE, read as a script run by path.
 * The project's own lefthook.yml on disk is its hooks, not read here; a file written with
 * content not known statically is unknown code.
 */
import { parse as parseYaml } from 'yaml';
import type { Field } from './state.js';
import type { K } from './emit.js';
import { runLines, unreadable } from './written-code.js';

/** The config files lefthook reads, all of them (the table in tool-configs.ts runs their hooks). */
export const LEFTHOOK_FILES = ['lefthook.yml', '.lefthook.yml', 'lefthook.yaml', 'lefthook-local.yml'];

/** The `run` lines of a lefthook config: hooks → commands/jobs → run. */
export function lefthookRuns(text: string): string[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    return [];
  }
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'run' && typeof value === 'string') out.push(value);
      else visit(value);
    }
  };
  visit(doc);
  return out;
}

/** The config file pre-commit reads by default (the table in tool-configs.ts runs its hooks). */
export const PRE_COMMIT_FILES = ['.pre-commit-config.yaml', '.pre-commit-config.yml'];

/** A word quoted for a shell line (`it's` → `'it'\''s'`). */
const quote = (w: string) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`);

/**
 * The commands of a pre-commit config's local hooks: `entry` (split as pre-commit splits it,
 * like a shell line) followed by its `args`, one line each. Hooks of other repositories are
 * not read (their entries are in that repository). Empty = none, or YAML that does not parse.
 */
export function preCommitRuns(text: string): string[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    return [];
  }
  const repos = (doc as { repos?: unknown } | null)?.repos;
  const out: string[] = [];
  for (const repo of Array.isArray(repos) ? repos : []) {
    const r = repo as { repo?: unknown; hooks?: unknown };
    if (r?.repo !== 'local' || !Array.isArray(r.hooks)) continue;
    for (const hook of r.hooks as { entry?: unknown; args?: unknown }[]) {
      if (typeof hook?.entry !== 'string') continue;
      const args = Array.isArray(hook.args) ? hook.args.map((a) => quote(String(a))) : [];
      out.push([hook.entry, ...args].join(' '));
    }
  }
  return out;
}

/** Reads what `prog` installs to run later (see the module comment). */
export function hookManagers(prog: string, argv: Field[], k: K): void {
  if (!/^(npm|pnpm|yarn)$/.test(prog)) return;
  const words = argv.map((f) => f.text);
  const at = words.indexOf('script-shell');
  const set = words[1] === 'config' && words[2] === 'set' && at === 3 ? argv[4] : undefined;
  const opt = argv.find((f) => f.text.startsWith('--script-shell='));
  const shell = set ?? (opt ? { ...opt, text: opt.text.slice('--script-shell='.length) } : undefined);
  if (!shell) return;
  // fail closed: a shell named by a value not known statically may be any program
  if (shell.dynamic) return unreadable(shell.text, 'script-shell', k);
  const quoted = `'${shell.text.replace(/'/g, "'\\''")}'`;
  // the shell runs each script as `SHELL -c SCRIPT`; its own code is what is read here
  runLines([`${quoted} -c true`], 'script-shell', k);
}
