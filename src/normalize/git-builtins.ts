/** git's own command names, shared by the readers that must tell them from an alias or another word. */

/**
 * git's own commands compiled into git (porcelain and the plumbing an agent types): an alias
 * of one of these is never used. Not the commands git ships as separate programs, often not
 * installed (`gui`, `citool`, `send-email`, `instaweb`, `mergetool`, `filter-branch`,
 * `request-pull`, `submodule`): when the program is missing, git runs an alias of that name.
 */
export const GIT_BUILTIN: ReadonlySet<string> = new Set(
  (
    'add am annotate apply archive bisect blame branch bundle cat-file check-attr check-ignore ' +
    'checkout checkout-index cherry cherry-pick clean clone commit commit-tree config ' +
    'count-objects describe diff diff-files diff-index diff-tree difftool fast-export fast-import ' +
    'fetch for-each-ref format-patch fsck gc grep hash-object help init ' +
    'log ls-files ls-remote ls-tree maintenance merge merge-base mktag mktree ' +
    'mv notes prune pull push range-diff read-tree rebase reflog remote repack replace ' +
    'reset restore rev-list rev-parse revert rm shortlog show show-branch show-ref ' +
    'sparse-checkout stash status switch symbolic-ref tag update-index update-ref ' +
    'var verify-commit verify-pack verify-tag version whatchanged worktree write-tree'
  ).split(' '),
);
