/** Long-option tables of the git subcommands the readers parse (git-actions.ts). */

/**
 * Long options of each subcommand (flags; the valued ones are in each reader's
 * longWithValue), so an unambiguous prefix (`--har`, `--forc`) reads as the option.
 */
export const LONG: Record<string, string[]> = {
  push: (
    'all branches mirror delete tags dry-run porcelain force force-with-lease force-if-includes ' +
    'no-force-with-lease no-force-if-includes recurse-submodules no-recurse-submodules atomic no-atomic ' +
    'set-upstream thin no-thin quiet verbose progress no-progress prune no-prune verify no-verify ' +
    'follow-tags no-follow-tags signed no-signed ipv4 ipv6 stdin'
  ).split(' '),
  reset:
    'soft mixed hard merge keep quiet no-quiet refresh no-refresh recurse-submodules no-recurse-submodules pathspec-file-nul intent-to-add patch'.split(
      ' ',
    ),
  clean: 'force dry-run quiet interactive exclude'.split(' '),
  checkout: (
    'quiet progress no-progress force ours theirs track no-track guess no-guess detach merge ' +
    'ignore-skip-worktree-bits ignore-other-worktrees overwrite-ignore no-overwrite-ignore ' +
    'recurse-submodules no-recurse-submodules overlay no-overlay pathspec-file-nul patch'
  ).split(' '),
  restore:
    'staged worktree ours theirs merge overlay no-overlay quiet progress no-progress patch ignore-unmerged ignore-skip-worktree-bits recurse-submodules no-recurse-submodules pathspec-file-nul'.split(
      ' ',
    ),
  switch:
    'create force-create detach guess no-guess force discard-changes merge quiet progress no-progress track no-track ignore-other-worktrees recurse-submodules no-recurse-submodules'.split(
      ' ',
    ),
  branch: (
    'delete force move copy list all remotes verbose quiet track no-track unset-upstream ' +
    'edit-description show-current column no-column sort points-at format color no-color ' +
    'abbrev no-abbrev ignore-case omit-empty create-reflog recurse-submodules no-contains no-merged'
  ).split(' '),
  rm: 'force dry-run cached ignore-unmatch sparse quiet pathspec-file-nul'.split(' '),
  worktree:
    'force detach checkout no-checkout lock reason orphan quiet track no-track guess-remote no-guess-remote expire porcelain verbose'.split(
      ' ',
    ),
  'update-ref': 'no-deref create-reflog stdin'.split(' '),
};
