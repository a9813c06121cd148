/**
 * Game of Trees (`got`, `gotadmin`), read into git's actions (argv only):
 * - `got send [-afqTv] [-b BRANCH] [-d BRANCH] [-r REPO] [-t TAG] [REMOTE]`: `-f` makes the
 *   server overwrite its branches and tags with the ones sent (a force push of the `-b`
 *   branches; none named = the work tree's branch), `-d BRANCH` deletes that branch on the
 *   server, `-a` sends every branch (read like `git push --all`);
 * - `got branch -d NAME` and `got ref -d NAME`: the reference is deleted whether or not its
 *   commits are merged anywhere (got keeps no reflog), read like `git branch -D` and
 *   `git update-ref -d`;
 * - `got revert [-R] PATH…`: the local changes of those paths are discarded;
 * - `gotadmin cleanup` purges unreferenced objects at once (`-n` only lists), read like
 *   `git gc --prune=now`.
 * `got rebase`, `got histedit` and `got integrate` rewrite or move local branches and keep
 * backups (`got rebase -l`): not read. The remote defaults to `origin`.
 */
import { hasAny, parseOptions } from './fs-options.js';
import { act, type GitAction } from './git-act.js';

/** `got SUBCOMMAND ARGS` (args[0] = the subcommand) → what it does; [] = nothing read. */
export function got(args: string[]): GitAction[] {
  const sub = args[0];
  if (sub === 'send' || sub === 'se') {
    const o = parseOptions(args, 1, { shortWithValue: 'bdrt' });
    const remote = o.operands.length ? args[o.operands[0]] : 'origin';
    const out: GitAction[] = [];
    const deleted = o.values.get('d') ?? [];
    if (deleted.length) out.push(act('delete-remote-ref', deleted, remote));
    if (hasAny(o, 'f'))
      out.push(act('force-push', [...(o.values.get('b') ?? []), ...(o.values.get('t') ?? [])], remote));
    if (hasAny(o, 'a')) out.push(act('push-all', [], remote));
    return out;
  }
  if (sub === 'branch' || sub === 'br') {
    const o = parseOptions(args, 1, { shortWithValue: 'cdr' });
    const deleted = o.values.get('d') ?? [];
    return deleted.length ? [act('branch-force-delete', deleted)] : [];
  }
  if (sub === 'ref') {
    const o = parseOptions(args, 1, { shortWithValue: 'cdrs' });
    const deleted = o.values.get('d') ?? [];
    return deleted.length ? [act('update-ref-delete', deleted)] : [];
  }
  if (sub === 'revert' || sub === 'rv') {
    const o = parseOptions(args, 1, { shortWithValue: 'F' });
    return hasAny(o, 'p') || o.operands.length === 0
      ? []
      : [
          act(
            'discard-worktree',
            o.operands.map((i) => args[i]),
          ),
        ];
  }
  return [];
}

/** `gotadmin cleanup [-anpq] [-r REPO]`: unreferenced objects purged (`-n` = dry run). */
export function gotadmin(args: string[]): GitAction[] {
  if (args[0] !== 'cleanup' && args[0] !== 'cl') return [];
  const o = parseOptions(args, 1, { shortWithValue: 'r' });
  return hasAny(o, 'n') ? [] : [act('gc-prune')];
}
