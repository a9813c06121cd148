/** Game of Trees (src/extract/git-got.ts) read into git's actions. */
import { describe, expect, it } from 'vitest';
import { gitAlikeActions } from '../../src/extract/git-alikes.js';

/** `subcommand|action|remote|refs` for each action. */
const read = (line: string) => {
  const argv = line.split(' ');
  const r = gitAlikeActions(argv[0], argv);
  return r?.actions.map((a) => [r.subcommand, a.action, a.remote, a.refs.join(',')].join('|'));
};

describe('Game of Trees commands as git actions', () => {
  it.each<[string, string[]]>([
    ['got send -f -b main origin', ['got send|force-push|origin|main']],
    ['got send -fb release-2.1', ['got send|force-push|origin|release-2.1']],
    ['got send -f', ['got send|force-push|origin|']],
    ['got send -f -t v1.0 mirror', ['got send|force-push|mirror|v1.0']],
    ['got send -d old-release origin', ['got send|delete-remote-ref|origin|old-release']],
    ['got send -a upstream', ['got send|push-all|upstream|']],
    ['got branch -d spike', ['got branch|branch-force-delete||spike']],
    ['got ref -d refs/heads/main', ['got ref|update-ref-delete||refs/heads/main']],
    ['got revert -R src', ['got revert|discard-worktree||src']],
    ['gotadmin cleanup', ['gotadmin cleanup|gc-prune||']],
    // sending, creating and local rewrites with backups stay allowed
    ['got send origin', []],
    ['got send -b feature origin', []],
    ['got branch topic', []],
    ['got branch -l', []],
    ['got rebase main', []],
    ['got histedit', []],
    ['got log -l 5', []],
    ['got revert -p src/app.c', []],
    ['gotadmin cleanup -n', []],
    ['gotadmin info', []],
  ])('%s', (line, want) => expect(read(line)).toEqual(want));
});
