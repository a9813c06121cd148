import { analyzeContext, commandBuilder, packVerdict } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/engine/types.js';
import { extractGit } from '../../src/extract/git.js';

const WS = '/home/u/proj';
const ctx = analyzeContext(WS);
const cmd = commandBuilder({ cwd: WS });

/** `action refs` for each git fact of `argv` run with `stdin` (undefined = unknown). */
function actions(argv: string[], stdin?: string): string {
  const c = { ...cmd(argv), stdin: { kind: 'pipe' as const, text: stdin } };
  return (extractGit(c, ctx, [c]) as Fact[])
    .map((f) => (f.kind === 'git' ? [f.action, f.refs.join(',')].filter(Boolean).join(' ') : f.kind))
    .join(' | ');
}

describe('update-ref --stdin commands', () => {
  it.each<[string, string | undefined, string]>([
    ['git update-ref --stdin', 'delete refs/heads/main\n', 'update-ref-delete main'],
    [
      'git update-ref --stdin',
      'update refs/heads/main abc123\ndelete refs/tags/v1',
      'update-ref-delete v1 | ref-move main',
    ],
    ['git update-ref -z --stdin', 'update refs/heads/dev\0abc\0\0', 'ref-move dev'],
    ['git update-ref --stdin', 'create refs/heads/new abc123\nverify refs/heads/main abc', ''],
    ['git update-ref --stdin', undefined, 'ref-move'],
    ['git send-pack --stdin git@example.com:a/b.git', '+refs/heads/x:refs/heads/main\n', 'force-push main'],
    ['git send-pack --stdin git@example.com:a/b.git', 'refs/heads/x:refs/heads/x\n', ''],
    ['git send-pack --stdin git@example.com:a/b.git', undefined, 'force-push'],
  ])('%s <<< %j → %s', (line, stdin, expected) => {
    expect(actions(line.split(' '), stdin)).toBe(expected);
  });
});

const verdict = await packVerdict('git');

describe('ref plumbing, history rewriters and settings (git pack)', () => {
  it.each([
    ['git send-pack --force git@example.com:acme/api.git main', 'ask git/force-push-protected'],
    ['git send-pack git@example.com:acme/api.git +wip', 'ask git/force-push'],
    ['git send-pack --mirror /srv/backup.git', 'ask git/push-mirror-or-all'],
    ['git send-pack git@example.com:acme/api.git topic', 'allow'],
    ['git send-pack --dry-run --force git@example.com:acme/api.git main', 'allow'],
    [
      "git update-ref -m 'reset' refs/heads/main $(git rev-list --max-parents=0 HEAD)",
      'ask git/ref-overwrite',
    ],
    ["git update-ref --stdin <<< 'delete refs/heads/main'", 'ask git/history-destruction'],
    ['git update-ref refs/heads/topic HEAD', 'allow'],
    ['git update-ref refs/heads/main', 'allow'],
    ['git branch -M hotfix main', 'ask git/ref-overwrite'],
    ['git branch --move --force spike release/1.2', 'ask git/ref-overwrite'],
    ['git branch -f main origin/main~2', 'ask git/ref-overwrite'],
    ['git branch -M main', 'allow'],
    ['git branch -m topic main', 'allow'],
    ['git branch -f topic origin/topic', 'allow'],
    ['git branch --force --set-upstream-to=origin/main main', 'allow'],
    [
      'java -jar ~/bin/bfg.jar --delete-files id_rsa --no-blob-protection .git',
      'ask git/history-destruction',
    ],
    [
      'java -Xmx2g -jar /opt/bfg/bfg-1.14.0.jar --strip-blobs-bigger-than 100M repo.git',
      'ask git/history-destruction',
    ],
    ['bfg --delete-folders secrets', 'ask git/history-destruction'],
    ['java -jar bfg.jar --version', 'allow'],
    ['java -jar build/libs/app.jar --delete-files x', 'allow'],
    ["git lfs migrate import --everything --include='*.psd'", 'ask git/history-destruction'],
    ['git lfs migrate --everything export --include=*.bin', 'ask git/history-destruction'],
    ['git-lfs migrate import --include=*.mp4', 'ask git/history-destruction'],
    ['git lfs migrate import --no-rewrite assets/big.bin', 'allow'],
    ['git lfs migrate info --everything', 'allow'],
    ['git lfs track "*.psd"', 'allow'],
    ['git-filter-repo --invert-paths --path .env', 'ask git/history-destruction'],
    ['git -c clean.requireForce=false clean -dx', 'ask git/discard-local-changes'],
    ['git -c clean.requireforce=0 clean -d', 'ask git/discard-local-changes'],
    ['git config clean.requireForce false', 'ask git/discard-local-changes'],
    ['git -c clean.requireForce=false clean -n -dx', 'allow'],
    ['git -c clean.requireForce=true clean -dx', 'allow'],
    ['git config --get clean.requireForce', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
