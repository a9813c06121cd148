/**
 * Commands a tool is told to run later, read where they are installed (as `npm pkg set
 * scripts.*` is, installed.ts):
 * - `lefthook install|run|add` with a lefthook.yml (also `.lefthook.yml`, `lefthook-local.yml`)
 *   this script wrote: every hook's `commands.*.run` and `scripts`-less `jobs[].run` line runs at
 *   the git command that fires the hook, so each is analysed as a shell line;
 * - `npm|pnpm|yarn config set script-shell FILE` (and `--script-shell=FILE`): every later
 *   `npm run`/`npm test` runs its scripts through FILE, read as a script run by path.
 * The project's own lefthook.yml on disk is its hooks, not read here; a file written with
 * content not known statically is unknown code.
 */
import { parse as parseYaml } from 'yaml';
import { absPath, cloneScope, type Field } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';

const LEFTHOOK_FILES = ['lefthook.yml', '.lefthook.yml', 'lefthook.yaml', 'lefthook-local.yml'];

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

const sh = (line: string, label: string, k: K) =>
  reparse(line, label, { ...k, io: { writes: [] } }, { scope: cloneScope(k.scope) });

/** fail closed: a file the script wrote with content not known statically may run anything. */
const unknown = (path: string, label: string, k: K) =>
  emit(
    [{ text: path, dynamic: true }],
    { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, label] } },
    { dynamic: true },
  );

/** Reads what `prog` installs to run later (see the module comment). */
export function hookManagers(prog: string, argv: Field[], k: K): void {
  const words = argv.map((f) => f.text);
  if (prog === 'lefthook' && /^(install|run|add)$/.test(words[1] ?? '')) {
    for (const name of LEFTHOOK_FILES) {
      const path = absPath(k.scope.cwd, name);
      if (!k.scope.written.has(path)) continue;
      const text = k.scope.files.get(path);
      if (text === undefined) unknown(path, 'lefthook', k);
      else for (const line of lefthookRuns(text)) sh(line, 'lefthook', k);
    }
  }
  if (/^(npm|pnpm|yarn)$/.test(prog)) {
    const at = words.indexOf('script-shell');
    const set = words[1] === 'config' && words[2] === 'set' && at === 3 ? argv[4] : undefined;
    const opt = argv.find((f) => f.text.startsWith('--script-shell='));
    const shell = set ?? (opt ? { ...opt, text: opt.text.slice('--script-shell='.length) } : undefined);
    if (!shell) return;
    if (shell.dynamic) return void unknown(shell.text, 'script-shell', k);
    const quoted = `'${shell.text.replace(/'/g, "'\\''")}'`;
    // the shell runs each script as `SHELL -c SCRIPT`; its own code is what is read here
    sh(`${quoted} -c true`, 'script-shell', k);
  }
}
