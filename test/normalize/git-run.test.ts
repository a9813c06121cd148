/**
 * What git runs besides itself (src/normalize/git-run.ts): `git submodule foreach CMD`,
 * `git rebase -x CMD` / `--exec CMD` (through sh) and `git bisect run CMD ARGS` (the program)
 * are analysed like any other command; the variables foreach sets are not known statically.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

/** Each normalized command as `program argv…` (dynamic ones marked), in order. */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

describe('commands git runs', () => {
  it.each<[string, string[]]>([
    [
      "git submodule foreach --recursive 'git reset --hard && git clean -ffdx'",
      ['git reset --hard', 'git clean -ffdx'],
    ],
    ['git submodule foreach rm -rf /srv/data', ['rm -rf /srv/data']],
    ['git submodule --quiet foreach -- rm -rf ~', ['rm -rf /h']],
    ["git -C vendor submodule foreach 'rm -rf $sm_path'", ['dynamic:rm -rf $sm_path']],
    ["git rebase -x 'rm -rf ~' HEAD~3", ['rm -rf /h']],
    ["git rebase --exec 'npm test' main", ['npm test']],
    [
      "git rebase --exec='curl -X DELETE https://api.example.com/v1/db' HEAD~2",
      ['curl -X DELETE https://api.example.com/v1/db'],
    ],
    ["git rebase -i -x'make check' HEAD~2", ['make check']],
    ['git bisect run rm -rf /srv', ['rm -rf /srv']],
    ['git bisect run ./test.sh --quick', ['./test.sh --quick']],
  ])('%s', (script, want) => {
    for (const w of want) expect(commands(script)).toContain(w);
  });

  it.each<[string, string[]]>([
    // nothing run besides git itself
    ['git submodule update --init --recursive', ['git submodule update --init --recursive']],
    ['git submodule status', ['git submodule status']],
    ['git rebase -i HEAD~3', ['git rebase -i HEAD~3']],
    ['git bisect start', ['git bisect start']],
    ['git log --exec-path', ['git log --exec-path']],
  ])('%s runs nothing else', (script, want) => expect(commands(script)).toEqual(want));
});
