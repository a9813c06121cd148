/**
 * Forced ref updates through a forge's REST API (src/extract/git-forge.ts): the git
 * force-push fact a request makes, whichever client sends it; updates that must be
 * fast-forwards, and other endpoints, make none.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { analyzeContext, command, WS } from '../helpers/command.js';
import type { GitFact } from '../../src/engine/types.js';
import { extractHttp } from '../../src/extract/http.js';
import { forgeForcePush } from '../../src/extract/git-forge.js';

const ctx = analyzeContext(WS, { readFile: () => undefined });

/** The git facts the HTTP extractor makes of a command line, as `action remote refs`. */
function pushes(line: string): string[] {
  const argv = shellParse(line, (k) => `$${k}`).map((t) => (typeof t === 'string' ? t : ''));
  return extractHttp(command(argv, { span: [0, line.length] }), ctx, [])
    .filter((f): f is Omit<GitFact, 'command'> => f.kind === 'git')
    .map((f) => `${f.action} ${f.remote} ${f.refs.join(',')}`);
}

describe('forced ref updates through the forge API', () => {
  it.each<[string, string[]]>([
    [
      'gh api -X PATCH repos/acme/api/git/refs/heads/main -f sha=4f2a9c1e -F force=true',
      ['force-push api.github.com/acme/api main'],
    ],
    [
      'gh api --method PATCH /repos/acme/api/git/refs/heads/release/2.0 -F force=true -f sha=abc',
      ['force-push api.github.com/acme/api release/2.0'],
    ],
    [
      'gh api -X PATCH repos/acme/api/git/refs/heads/main -F force=$FORCE -f sha=abc',
      ['force-push api.github.com/acme/api main'],
    ],
    [
      `curl -X PATCH -H 'Authorization: Bearer x' https://api.github.com/repos/acme/api/git/refs/heads/topic -d '{"sha":"abc","force":true}'`,
      ['force-push api.github.com/acme/api topic'],
    ],
    [
      `curl -X PATCH https://ghe.example.com/api/v3/repos/acme/api/git/refs/heads/main --data '{"sha":"abc","force":"true"}'`,
      ['force-push ghe.example.com/acme/api main'],
    ],
    // fail closed: a body whose content is not known
    [
      'curl -X PATCH https://api.github.com/repos/acme/api/git/refs/heads/main -d @missing.json',
      ['force-push api.github.com/acme/api main'],
    ],
    // GraphQL's updateRef with force
    [
      `gh api graphql -f query='mutation { updateRef(input: {refId: "REF_1", oid: "abc", force: true}) { clientMutationId } }'`,
      ['force-push api.github.com '],
    ],
    [
      `gh api graphql -f query='mutation { updateRef(input: {refId: "REF_1", oid: "abc"}) { clientMutationId } }'`,
      [],
    ],
    // not forced: a fast-forward only, another method, another endpoint
    ['gh api -X PATCH repos/acme/api/git/refs/heads/main -f sha=abc', []],
    ['gh api -X PATCH repos/acme/api/git/refs/heads/main -f sha=$SHA', []],
    ['gh api -X PATCH repos/acme/api/git/refs/heads/main -F force=false -f sha=abc', []],
    ['gh api repos/acme/api/git/refs -f ref=refs/heads/x -f sha=abc', []],
    ['gh api repos/acme/api/git/refs/heads/main', []],
    ['gh api -X PATCH repos/acme/api -F force=true', []],
  ])('%s', (line, want) => expect(pushes(line)).toEqual(want));

  it('reads a request seen on the wire the same way', () =>
    expect(
      forgeForcePush(
        'PATCH',
        'api.github.com',
        '/repos/a/b/git/refs/heads/main',
        '{"force":true}',
        false,
        'proxy',
      ),
    ).toMatchObject({
      kind: 'git',
      action: 'force-push',
      refs: ['main'],
    }));
});
