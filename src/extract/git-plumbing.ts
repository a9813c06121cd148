/**
 * Git plumbing and helpers that move, delete or rewrite refs without the porcelain's safety:
 * - `git update-ref REF NEW` moves REF to another commit (`-d`: deletes it); with `--stdin`
 *   the commands (`update`, `delete`, `create`, `verify`) come from standard input;
 * - `git send-pack` is push's plumbing: same refspecs, `--force`, `--all`, `--mirror`;
 * - `git lfs migrate import|export` rewrites the history of the current branch (every ref
 *   with `--everything`), unless `--no-rewrite`; `migrate info` only reports.
 * Reads the words after the subcommand and, for `--stdin`, the literal text fed to it.
 */
import { hasAny, parseOptions } from './fs-options.js';
import { LONG } from './git-longopts.js';
import { act, shortRef, type GitAction, type Reader } from './git-act.js';

/** The commands of `update-ref --stdin` text (`delete REF`, `update REF NEW [OLD]`); NUL-separated with -z. */
function stdinActions(text: string): GitAction[] {
  const deleted: string[] = [];
  const moved: string[] = [];
  for (const line of text.split(/[\n\0]/)) {
    const [verb, ref] = line.trim().split(/\s+/);
    if (ref === undefined) continue;
    if (verb === 'delete') deleted.push(shortRef(ref));
    else if (verb === 'update') moved.push(shortRef(ref));
  }
  return [
    ...(deleted.length ? [act('update-ref-delete', deleted)] : []),
    ...(moved.length ? [act('ref-move', moved)] : []),
  ];
}

export const updateRef: Reader = (args, env) => {
  const o = parseOptions(args, 1, { shortWithValue: 'm', long: [...LONG['update-ref'], 'delete'] });
  const refs = o.operands.map((i) => shortRef(args[i]));
  if (hasAny(o, 'd', 'delete')) return [act('update-ref-delete', refs.slice(0, 1))];
  if (hasAny(o, 'stdin')) {
    const text = env?.stdin;
    // fail closed: commands read from an unknown stdin may delete or move any ref.
    return text === undefined ? [act('ref-move')] : stdinActions(text);
  }
  return refs.length >= 2 ? [act('ref-move', refs.slice(0, 1))] : [];
};

/** `git lfs migrate import|export …` (options may come before the mode). */
export const lfs: Reader = (args) => {
  if (args[1] !== 'migrate') return [];
  const rest = args.slice(2);
  const mode = rest.find((a) => !a.startsWith('-'));
  if (mode !== 'import' && mode !== 'export') return [];
  if (rest.some((a) => a === '--no-rewrite')) return [];
  return [act('filter-branch', rest.some((a) => a === '--everything') ? ['--everything'] : [])];
};
