/** Multi-repository runners (src/normalize/multi-repo.ts): the command run in every repository is read as itself. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});

const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.wrappers.join('>')}|${c.argv.join(' ')}`);

describe('what a multi-repository runner runs', () => {
  it.each<[string, string]>([
    ['mr -j5 run git push --force origin HEAD:main', 'mr run|git push --force origin HEAD:main'],
    ['mr -d ~/src -j 4 run git status', 'mr run|git status'],
    ['gita super push -f origin main', 'gita super|git push -f origin main'],
    ['gita super api web commit -am fix', 'gita super|git commit -am fix'],
    ["gita shell api 'rm -rf build'", 'gita shell|rm -rf build'],
    ['repo forall -c git reset --hard', 'repo forall|git reset --hard'],
    ["repo forall -p -c 'git clean -fdx'", 'repo forall|git clean -fdx'],
    ["meta exec 'git push --force'", 'meta exec|git push --force'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // mr's own actions and gita's other commands run the configured commands only
    ['mr update', '|mr update'],
    ['mr -j5 status', '|mr -j5 status'],
    ['gita ll', '|gita ll'],
    ['gita add src/api', '|gita add src/api'],
    ['repo sync -j8', '|repo sync -j8'],
    ['meta git status', '|meta git status'],
  ])('%s stays %s', (script, want) => expect(commands(script)).toEqual([want]));
});
