/**
 * Forge CLIs' comments read as the API request they send (src/extract/http-forge-comment.ts):
 * `METHOD host path body`; and the terraform pack's bot-apply-comment asking for a comment
 * that tells an infrastructure bot to apply, whichever way it is sent.
 */
import { describe, expect, it } from 'vitest';
import type { HttpFact } from '../../src/engine/types.js';
import { extractHttp } from '../../src/extract/http.js';
import { analyzeContext, command, packVerdict, WS } from '../helpers/command.js';

const FILES: Record<string, string> = { [`${WS}/apply.md`]: 'atlantis apply -p prod\n' };
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const requests = (argv: string[]) =>
  (
    extractHttp(command(argv, { span: [0, 1] }), ctx, []).filter((f) => f.kind === 'http') as Omit<
      HttpFact,
      'command'
    >[]
  ).map((f) => `${f.method} ${f.host}${f.path} ${f.bodyUnknown ? '(unknown body)' : (f.body ?? '')}`.trim());

describe('a comment → the request it sends', () => {
  it.each<[string[], string[]]>([
    [
      ['gh', 'pr', 'comment', '12', '--body', 'atlantis apply'],
      ['POST api.github.com/repos/:owner/:repo/issues/12/comments {"body":"atlantis apply"}'],
    ],
    [
      ['gh', 'issue', 'comment', '3', '-R', 'acme/infra', '-b', 'hi'],
      ['POST api.github.com/repos/acme/infra/issues/3/comments {"body":"hi"}'],
    ],
    [
      ['gh', 'pr', 'comment', 'https://github.com/acme/infra/pull/7', '--body=atlantis apply'],
      ['POST api.github.com/repos/acme/infra/issues/7/comments {"body":"atlantis apply"}'],
    ],
    [
      ['gh', 'pr', 'comment', '12', '-F', 'apply.md'],
      ['POST api.github.com/repos/:owner/:repo/issues/12/comments {"body":"atlantis apply -p prod\\n"}'],
    ],
    [
      ['gh', 'pr', 'comment', '12', '--body-file', 'missing.md'],
      ['POST api.github.com/repos/:owner/:repo/issues/12/comments (unknown body)'],
    ],
    [
      ['gh', 'pr', 'review', '5', '--comment', '-b', 'digger apply'],
      ['POST api.github.com/repos/:owner/:repo/pulls/5/reviews {"body":"digger apply","event":"COMMENT"}'],
    ],
    [
      ['glab', 'mr', 'note', '31', '-m', 'digger apply'],
      ['POST gitlab.com/api/v4/projects/:id/merge_requests/31/notes {"body":"digger apply"}'],
    ],
    // written in an editor or the browser, or not a comment: nothing sent from here
    [['gh', 'pr', 'comment', '12', '--editor'], []],
    [['gh', 'pr', 'comment', '12', '--web'], []],
    [['gh', 'pr', 'review', '5', '--approve', '-b', 'ok'], []],
    [['gh', 'pr', 'view', '12', '--comments'], []],
    [['glab', 'mr', 'view', '31'], []],
  ])('%j', (argv, want) => expect(requests(argv)).toEqual(want));
});

const terraform = await packVerdict('terraform');

describe('a comment that makes an infrastructure bot apply asks', () => {
  it.each<string>([
    "gh pr comment 12 --body 'atlantis apply'",
    "gh pr comment 7 -b 'atlantis plan -- -destroy' && gh pr comment 7 -b 'atlantis apply'",
    "gh pr comment 12 -F - <<'EOF'\natlantis apply\nEOF",
    "gh api repos/acme/infra/issues/12/comments -f body='atlantis apply'",
    `curl -X POST https://api.github.com/repos/acme/infra/issues/12/comments -d '{"body":"atlantis apply"}'`,
    `curl -X POST "https://gitlab.example.com/api/v4/projects/9/merge_requests/4/notes" --data 'body=atlantis+apply'`,
    "glab mr note 31 -m 'terrateam apply'",
    "gh pr comment 9 --body 'atlantis state rm aws_db_instance.main'",
  ])('%s', (script) => expect(terraform(script)).toBe('ask terraform/bot-apply-comment'));

  it.each<string>([
    "gh pr comment 12 --body 'atlantis plan'",
    "gh pr comment 12 --body 'atlantis unlock'",
    "gh pr comment 12 --body 'LGTM, run atlantis apply once approved'",
    'gh pr view 12 --comments',
    'gh api repos/acme/infra/issues/12/comments',
  ])('%s stays allowed', (script) => expect(terraform(script)).toBe('allow'));
});
