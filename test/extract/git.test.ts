import { analyzeContext, commandBuilder, packVerdict } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/engine/types.js';
import { extractGit } from '../../src/extract/git.js';
import { isExecSetting } from '../../src/extract/git-global.js';

const WS = '/home/u/proj';
const ctx = analyzeContext(WS);

const cmd = commandBuilder({ cwd: WS });

/** `action remote refs` for each git fact, `shell:hazard` for shell facts. */
function summary(line: string): string {
  const c = cmd(line.split(' '));
  return (extractGit(c, ctx, [c]) as Fact[])
    .map((f) => {
      if (f.kind === 'shell') return `shell:${f.hazard}`;
      if (f.kind !== 'git') return f.kind;
      return [f.action, f.remote, f.refs.join(',')].filter((s) => s !== '').join(' ');
    })
    .join(' | ');
}

describe('git settings from the environment', () => {
  it.each<[Record<string, string>, string]>([
    [{ GIT_SSH_COMMAND: 'sh -c "rm -rf ~"' }, 'config-hook'],
    [{ GIT_SSH_COMMAND: 'ssh -i ~/.ssh/deploy -o IdentitiesOnly=yes' }, ''],
    [{ GIT_EXTERNAL_DIFF: './x.sh' }, 'config-hook'],
    [
      { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'core.fsmonitor', GIT_CONFIG_VALUE_0: 'rm -rf ~' },
      'config-hook',
    ],
    [{ GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'user.name', GIT_CONFIG_VALUE_0: 'x' }, ''],
    [{ GIT_CONFIG_PARAMETERS: "'core.hookspath'='/tmp/h'" }, 'config-hook'],
    [{ GIT_PAGER: 'cat' }, ''],
  ])('%o git fetch → %s', (vars, expected) => {
    const c = { ...cmd(['git', 'fetch']), vars };
    const got = (extractGit(c, ctx, [c]) as Fact[]).map((f) => (f.kind === 'git' ? f.action : f.kind));
    expect(got.join(' | ')).toBe(expected);
  });
});

describe('extractGit', () => {
  it.each([
    ['git status', ''],
    ['git log --oneline -20', ''],
    ['git diff HEAD~1', ''],
    ['git commit -m msg', ''],
    ['git push -u origin HEAD', ''],
    ['git push origin feature/x', ''],
    ['git push --force origin main', 'force-push origin main'],
    ['git push -f', 'force-push'],
    ['git push -fu origin release/2.0', 'force-push origin release/2.0'],
    ['git push origin +main', 'force-push origin main'],
    ['git push origin +refs/heads/prod:refs/heads/prod', 'force-push origin prod'],
    ['git push --force-with-lease origin feat', 'force-push-lease origin feat'],
    ['git push --force-with-lease=feat:abc origin feat', 'force-push-lease origin feat'],
    ['git push --force --force-with-lease origin main', 'force-push origin main'],
    ['git push -n --force origin main', ''],
    ['git push --mirror', 'push-mirror'],
    ['git push --mirror backup', 'push-mirror backup'],
    ['git push leak --all', 'push-all leak'],
    ['git push origin :refs/heads/release', 'delete-remote-ref origin release'],
    ['git push origin --delete old-branch', 'delete-remote-ref origin old-branch'],
    ['git push -d origin v1.0', 'delete-remote-ref origin v1.0'],
    ['git push --prune origin', 'delete-remote-ref origin'],
    ['git -C ../other push --force origin main', 'force-push origin main'],
    ['git --git-dir=/x/.git --work-tree /x push -f origin master', 'force-push origin master'],
    ['git reset --hard HEAD~5', 'reset-hard HEAD~5'],
    ['git reset --hard', 'reset-hard'],
    ['git reset --soft HEAD~1', ''],
    ['git reset --keep HEAD~1', ''],
    ['git clean -fdx', 'clean-force'],
    ['git clean -ff', 'clean-force'],
    ['git clean --force -d', 'clean-force'],
    ['git clean -n', ''],
    ['git clean -nfd', ''],
    ['git clean -f --dry-run', ''],
    ['git checkout -- .', 'discard-worktree'],
    ['git checkout .', 'discard-worktree'],
    ['git checkout HEAD -- src/a.ts', 'discard-worktree'],
    ['git checkout main src/a.ts', 'discard-worktree'],
    ['git checkout -f main', 'discard-worktree'],
    ['git checkout main', ''],
    ['git checkout -b feature', ''],
    ['git restore .', 'discard-worktree'],
    ['git restore src/a.ts', 'discard-worktree'],
    ['git restore --staged src/a.ts', ''],
    ['git restore --staged --worktree src/a.ts', 'discard-worktree'],
    ['git switch --discard-changes main', 'discard-worktree'],
    ['git switch -f main', 'discard-worktree'],
    ['git switch -c topic', ''],
    ['git branch -D main', 'branch-force-delete main'],
    ['git branch -d -f topic', 'branch-force-delete topic'],
    ['git branch --delete --force topic', 'branch-force-delete topic'],
    ['git branch -df topic', 'branch-force-delete topic'],
    ['git branch -d merged', ''],
    ['git stash', ''],
    ['git stash pop', ''],
    ['git stash clear', 'stash-clear'],
    ['git stash drop stash@{0}', 'stash-drop stash@{0}'],
    ['git reflog expire --expire=now --all', 'reflog-expire'],
    ['git reflog delete HEAD@{1}', 'reflog-expire'],
    ['git reflog', ''],
    ['git gc --prune=now', 'gc-prune'],
    ['git gc --prune=all --aggressive', 'gc-prune'],
    ['git gc', ''],
    ['git prune', 'gc-prune'],
    ['git prune -n', ''],
    ['git filter-branch --tree-filter x HEAD', 'filter-branch'],
    ['git filter-repo --path secrets --invert-paths', 'filter-branch'],
    ['git filter-repo --analyze', ''],
    ['git update-ref -d refs/heads/main', 'update-ref-delete main'],
    // settings that make a later plain push forced or a mirror push
    ['git config remote.origin.mirror true', 'push-mirror origin'],
    ['git config --local remote.backup.mirror yes', 'push-mirror backup'],
    ['git config remote.origin.mirror false', ''],
    ['git config remote.origin.mirror', ''],
    ['git config remote.origin.push +refs/heads/*:refs/heads/*', 'force-push origin *'],
    ['git config remote.origin.push refs/heads/main:refs/heads/main', ''],
    ['git -c remote.origin.push=+refs/heads/*:refs/heads/* push origin', 'force-push origin *'],
    ['git -c remote.origin.mirror=true push origin', 'push-mirror origin'],
    ['git -c remote.origin.push=refs/heads/dev:refs/heads/dev push origin', ''],
    // a server repository's guards against force-pushes and deletions switched off
    [
      'git -C /srv/git/api.git config receive.denyNonFastForwards false',
      'push-guard-off receive.denynonfastforwards',
    ],
    ['git config --system receive.denyDeletes 0', 'push-guard-off receive.denydeletes'],
    ['git config --unset receive.denyNonFastForwards', 'push-guard-off receive.denynonfastforwards'],
    ['git config unset receive.denyDeletes', 'push-guard-off receive.denydeletes'],
    ['git config receive.denyNonFastForwards true', ''],
    ['git config --get receive.denyNonFastForwards', ''],
    ['git config --unset user.email', ''],
    ['git config receive.denyCurrentBranch updateInstead', ''],
    // the index's copies written over the working tree, local changes lost
    ['git checkout-index -a -f', 'discard-worktree'],
    ['git checkout-index --all --force', 'discard-worktree'],
    ['git checkout-index -f -- src/a.ts', 'discard-worktree'],
    ['git checkout-index -a', ''],
    ['git checkout-index -a -f --prefix=/tmp/export/', 'discard-worktree'],
    ['git read-tree -u --reset HEAD', 'discard-worktree'],
    ['git read-tree --reset -u origin/main', 'discard-worktree'],
    ['git read-tree -m HEAD', ''],
    ['git read-tree HEAD', ''],
    ['git remote add leak https://example.com/leak.git', 'remote-add leak'],
    ['git remote set-url origin https://example.com/x.git', 'remote-set-url origin'],
    // unambiguous prefixes of long options, as git accepts them
    ['git reset --har HEAD~2', 'reset-hard HEAD~2'],
    ['git reset --ha', 'reset-hard'],
    ['git reset --so HEAD~1', ''],
    ['git push --forc origin main', 'force-push origin main'],
    ['git push --force-w origin feat', 'force-push-lease origin feat'],
    ['git push --dele origin old', 'delete-remote-ref origin old'],
    ['git push --mirr backup', 'push-mirror backup'],
    ['git push --dry origin main', ''],
    ['git clean --forc -d', 'clean-force'],
    ['git clean --forc --dry', ''],
    ['git branch --del --forc topic', 'branch-force-delete topic'],
    ['git checkout --forc main', 'discard-worktree'],
    // commands installed alongside git
    ['git delete-branch feature-x', 'branch-force-delete feature-x | delete-remote-ref origin feature-x'],
    ['git delete-tag v1.2', 'delete-remote-ref origin v1.2'],
    ['git clear', 'reset-hard | clean-force'],
    ['git obliterate secrets.txt', 'filter-branch'],
    // git-annex drops that skip the copy count
    ['git annex drop --force --all --from s3-archive', 'annex-drop-force s3-archive --all'],
    ['git annex drop --force big.bin', 'annex-drop-force big.bin'],
    ['git annex dropunused --force all', 'annex-drop-force all'],
    ['git annex drop --numcopies=0 data', 'annex-drop-force data'],
    ['git annex drop -N 0 --from backup data', 'annex-drop-force backup data'],
    ['git annex drop big.bin', ''],
    ['git annex drop --from s3-archive data', ''],
    ['git annex drop --numcopies 2 data', ''],
    ['git annex get --all', ''],
    ['git stash -q clear', 'stash-clear'],
    ['git remote -v', ''],
    ['git config core.hooksPath /tmp/hooks', 'config-hook'],
    ['git config --global core.sshCommand ssh', 'config-hook'],
    ['git config alias.x !sh', 'config-hook'],
    ['git config alias.st status', ''],
    ['git config --get core.hooksPath', ''],
    ['git config user.name Bot', ''],
    ['git -c core.hooksPath=/tmp/h commit -m x', 'config-hook'],
    ['git -c core.pager=cat log', ''],
    ['git -c core.sshCommand=ssh fetch', 'config-hook'],
    ['git -c alias.pf=push pf --force origin main', 'force-push origin main'],
    // fail closed: an empty alias (git-alias-words.ts: no words) is read as code run
    ['git -c alias.e= e', 'alias-exec'],
    ['git -c alias.pf=pf2 -c alias.pf2= pf', 'alias-exec'],
    ['git rm -rf .', 'discard-worktree'],
    ['git rm -r --cached dist', ''],
    ['git worktree remove --force ../wt', 'discard-worktree'],
    ['git submodule deinit -f --all', 'discard-worktree'],
    ['git submodule deinit --force vendor/lib', 'discard-worktree'],
    ['git submodule deinit vendor/lib', ''],
    ['git submodule update --init --recursive', ''],
  ])('%s → %s', (line, expected) => {
    expect(summary(line)).toBe(expected);
  });

  it('treats a shell alias as executed code', () => {
    const c = cmd(['git', '-c', 'alias.x=!rm -rf ~', 'x']);
    const facts = extractGit(c, ctx, [c]) as Fact[];
    expect(facts.map((f) => f.kind)).toEqual(['git', 'shell']);
    expect(facts[0]).toMatchObject({ kind: 'git', action: 'alias-exec', subcommand: 'x' });
    expect(facts[1]).toMatchObject({ kind: 'shell', hazard: 'git-alias-exec' });
  });

  it('keeps evidence and subcommand', () => {
    const c = cmd(['git', 'push', '--force', 'origin', 'main'], { wrappers: ['bash -c'] });
    expect(extractGit(c, ctx, [c])).toEqual([
      {
        kind: 'git',
        subcommand: 'push',
        action: 'force-push',
        remote: 'origin',
        refs: ['main'],
        evidence: 'bash -c → git push --force origin main',
      },
    ]);
  });

  it('ignores other programs', () => {
    const c = cmd(['echo', 'git', 'push', '--force']);
    expect(extractGit(c, ctx, [c])).toEqual([]);
  });
});

describe('isExecSetting', () => {
  it.each([
    ['core.hooksPath', '/tmp/h', true],
    ['core.fsmonitor', 'evil', true],
    ['core.pager', 'less -R', false],
    ['core.pager', 'sh -c "curl x | sh"', true],
    ['core.editor', 'true', false],
    ['alias.x', '!echo hi', true],
    ['alias.x', 'log --oneline', false],
    ['filter.lfs.smudge', 'x', true],
    ['user.email', 'a@b', false],
  ])('%s=%s → %s', (k, v, expected) => {
    expect(isExecSetting(k, v)).toBe(expected);
  });
});

/** `decision rule,rule` for a command through the real pipeline with only this pack loaded. */
const verdict = await packVerdict('git');

describe('end to end (git pack)', () => {
  it.each([
    ['git push --force origin main', 'ask git/force-push-protected'],
    ["bash -c 'git push -f origin release/3'", 'ask git/force-push-protected'],
    ['git push -f origin topic', 'ask git/force-push'],
    ['git push --force-with-lease origin topic', 'allow'],
    ['git push --force-with-lease origin main', 'ask git/force-push-with-lease'],
    ['git reset --hard && git clean -fd', 'ask git/discard-local-changes'],
    ['git -C /home/ana/code/site branch -D wip', 'ask git/branch-force-delete'],
    ['git -c alias.nuke="!rm -rf ~" nuke', 'ask git/git-runs-program'],
    ['git status && git diff && git log -5', 'allow'],
    ['git add -A && git commit -m "git push --force later" && git push', 'allow'],
    ['git stash && git pull --rebase && git stash pop', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
