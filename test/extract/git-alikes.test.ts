import { describe, expect, it } from 'vitest';
import { gitAlikeActions } from '../../src/extract/git-alikes.js';

/** `subcommand: action remote refs` for each action; undefined = not a git-like tool. */
const read = (line: string) => {
  const argv = line.split(' ');
  const r = gitAlikeActions(argv[0], argv);
  return r?.actions.map((a) => [r.subcommand, a.action, a.remote, a.refs.join(',')].join('|'));
};

describe('tools with git semantics read into git actions', () => {
  it.each<[string, string[] | undefined]>([
    // Dolt: git's words and flags
    ['dolt push --force origin main', ['dolt push|force-push|origin|main']],
    ['dolt --data-dir /srv/db push -f origin main', ['dolt push|force-push|origin|main']],
    ['dolt reset --hard HEAD~1', ['dolt reset|reset-hard||HEAD~1']],
    ['dolt branch -D spike', ['dolt branch|branch-force-delete||spike']],
    ['dolt clean', ['dolt clean|clean-force||']],
    ['dolt push origin main', []],
    // DataLad: `--force gitpush|all` force-pushes to the sibling; checkdatapresent only re-sends data
    ['datalad push --to origin --force gitpush', ['datalad push|force-push|origin|']],
    ['datalad push --to=gin -f all', ['datalad push|force-push|gin|']],
    ['datalad -l debug push --force=gitpush', ['datalad push|force-push||']],
    ['datalad push --to origin --force checkdatapresent', []],
    ['datalad push --to origin', []],
    ['datalad -f json push --to origin', []],
    ['datalad save -m update', []],
    // Bazaar and Breezy: the remote branch (or its tags) replaced by the local one
    [
      'bzr push --overwrite lp:~acme-team/acme-api/trunk',
      ['bzr push|force-push|lp:~acme-team/acme-api/trunk|'],
    ],
    [
      'brz push --overwrite-tags bzr+ssh://code.example.com/srv/app',
      ['brz push|force-push|bzr+ssh://code.example.com/srv/app|'],
    ],
    ['bzr push -r 42 --overwrite', ['bzr push|force-push||']],
    ['bzr push lp:~acme-team/acme-api/trunk', []],
    ['bzr pull --overwrite', []],
    ['bzr commit -m fix', []],
    ['dolt clean --dry-run', []],
    ['dolt diff HEAD~1 HEAD --stat', []],
    ['dolt sql -q SELECT', []],
    // Jujutsu: bookmarks moved back, pushes of every or deleted bookmark, the operation log dropped
    ['jj bookmark set main -r main- --allow-backwards', ['jj bookmark set|ref-move||main']],
    ['jj branch set main -r @-- -B', ['jj branch set|ref-move||main']],
    ['jj bookmark move --from heads(::@-) --to @- --allow-backwards', ['jj bookmark move|ref-move||']],
    ['jj git push --deleted --remote origin', ['jj git push|delete-remote-ref|origin|']],
    ['jj git push --all', ['jj git push|push-all||']],
    ['jj op abandon ..@-', ['jj op abandon|reflog-expire||']],
    ['jj util gc --expire now', ['jj util gc|gc-prune||']],
    ['jj -R ../repo bookmark set main -r @-', []],
    ['jj git push --bookmark feat/login-form --allow-new', []],
    ['jj git push --all --dry-run', []],
    ['jj git fetch --remote origin', []],
    ['jj op log', []],
    ['jj util gc', []],
    // Sapling and Mercurial
    ['sl push --to main --force', ['sl push|force-push||main']],
    ['sl push -f --to release/2.0 upstream', ['sl push|force-push|upstream|release/2.0']],
    ['sl push --delete old-feature', ['sl push|delete-remote-ref||old-feature']],
    ['sl purge', ['sl purge|clean-force||']],
    ['hg purge --all', ['hg purge|clean-force||']],
    ['hg update --clean default', ['hg update|discard-worktree||']],
    ['sl goto -C main', ['sl goto|discard-worktree||']],
    ['sl push --to feat/billing-retry --create', []],
    ['hg push -f', []],
    ['hg purge --print', []],
    ['sl goto main', []],
    ['sl', []],
    // Subversion: a URL deleted on its server; a working-copy path is only scheduled
    [
      'svn delete https://svn.acme.io/repos/app/trunk -m cleanup',
      ['svn delete|delete-remote-ref|https://svn.acme.io|/repos/app/trunk'],
    ],
    [
      'svn --username bob rm svn+ssh://svn.acme.io/repos/app/branches/x -m bye',
      ['svn rm|delete-remote-ref|svn+ssh://svn.acme.io|/repos/app/branches/x'],
    ],
    ['svn delete src/old.c', []],
    ['svn log -l 10', []],
    ['svn copy https://h/r/trunk https://h/r/tags/v1 -m tag', []],
    // Fossil: clean deletes extra files; one dash or two
    ['fossil clean --verily --force', ['fossil clean|clean-force||']],
    ['fossil clean -verily', ['fossil clean|clean-force||']],
    ['fossil clean', ['fossil clean|clean-force||']],
    ['fossil clean --dry-run', []],
    ['fossil clean -n', []],
    ['fossil clean --whatif', []],
    ['fossil status', []],
    ['git push --force', undefined],
  ])('%s', (line, want) => {
    expect(read(line)).toEqual(want);
  });
});
