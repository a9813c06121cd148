/**
 * Refspecs the shell builds at run time (src/extract/git-refspecs.ts): a `git push` whose
 * refspec list is printed by a command that puts `:` (delete) or `+` (force) in front of
 * every ref asks; a list built without them (a branch name, a tag list) is an ordinary push.
 * Through the real pipeline with the git pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('git');

describe('refspecs built at run time', () => {
  it.each([
    ["git push origin $(git tag -l 'v*' | sed 's#^#:refs/tags/#')", 'ask git/delete-remote-ref'],
    [
      "git push origin $(git branch -r --merged | grep -v main | sed 's#origin/#:#')",
      'ask git/delete-remote-ref',
    ],
    ["git push origin `git tag -l 'rc-*' | sed 's/^/:/'`", 'ask git/delete-remote-ref'],
    [
      'git push origin "$(git tag -l \'tmp-*\' | awk \'{print ":refs/tags/" $1}\')"',
      'ask git/delete-remote-ref',
    ],
    ["git push origin $(printf ':%s ' $(git tag -l 'old-*'))", 'ask git/delete-remote-ref'],
    ['git push origin $(for t in $(git tag); do echo :$t; done)', 'ask git/delete-remote-ref'],
    ['sudo -u deploy git push origin $(git tag | xargs -I{} echo :{})', 'ask git/delete-remote-ref'],
    [
      "git push origin $(git for-each-ref --format='+%(refname):%(refname)' refs/heads/)",
      'ask git/force-push',
    ],
    ["git push origin $(git branch --format='%(refname:short)' | sed 's/^/+/')", 'ask git/force-push'],
    // the items xargs appends, printed by the pipeline feeding it
    [
      'git ls-remote --tags origin | awk \'{print ":" $2}\' | xargs -r git push origin',
      'ask git/delete-remote-ref',
    ],
    [
      "git for-each-ref --format=':%(refname)' refs/tags | xargs git push origin",
      'ask git/delete-remote-ref',
    ],
    [
      "git branch -r --merged | sed 's#origin/#:#' | sort -u | xargs -n1 git push origin",
      'ask git/delete-remote-ref',
    ],
    ["git for-each-ref --format='+%(refname)' refs/heads | xargs git push origin", 'ask git/force-push'],
    // fail closed: a list xargs reads from a file or the terminal is not known
    ['xargs git push origin < refs.txt', 'ask git/delete-remote-ref'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });

  it.each([
    'git push origin $(git rev-parse --abbrev-ref HEAD)',
    'git push -u origin "$(git branch --show-current)"',
    'git push origin $(git describe --tags --abbrev=0)',
    "git push origin $(git tag -l 'v1.*')",
    'git push origin $(date +%Y-%m-%d)-release',
    'git push origin "$(git branch --show-current):refs/heads/review/$(whoami)"',
    'git push origin HEAD:refs/heads/$(whoami)/wip',
    'git tag --points-at HEAD | xargs git push origin',
    "git for-each-ref --format='%(refname:short)' refs/heads/release | xargs -n1 git push origin",
  ])('%s is an ordinary push', async (cmd) => {
    expect(await verdict(cmd)).toBe('allow');
  });
});
