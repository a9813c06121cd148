/**
 * Release tools' own git push (src/normalize/release-tools.ts): walked as the git command.
 */
import { describe, it } from 'vitest';
import { expectCommands, filesContext, type Expect } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

function norm(script: string) {
  const parsed = parseScript(script, DEFAULT_LIMITS);
  const r = normalize(parsed, filesContext({}));
  return { commands: r.commands, issues: [...parsed.issues, ...r.issues] };
}

const check = (script: string, expected: Expect[]) => expectCommands(norm(script), expected);

describe("release-it's push", () => {
  it.each<[string, Expect[]]>([
    [
      'npx release-it --ci --no-git.requireCleanWorkingDir --git.pushArgs=--force',
      [{ program: 'git', argv: ['git', 'push', '--follow-tags', '--force'] }, { program: 'release-it' }],
    ],
    [
      "release-it minor --ci --git.pushArgs='--follow-tags --force' --git.pushRepo=upstream",
      [
        { program: 'git', argv: ['git', 'push', '--follow-tags', '--follow-tags', '--force', 'upstream'] },
        { program: 'release-it' },
      ],
    ],
    [
      'release-it --ci',
      [{ program: 'git', argv: ['git', 'push', '--follow-tags'] }, { program: 'release-it' }],
    ],
    ['release-it --ci --git.pushArgs=--force --dry-run', [{ program: 'release-it' }]],
    ['release-it --ci --no-git.push', [{ program: 'release-it' }]],
    ['release-it --ci --git.pushArgs="$PUSH_ARGS"', [{ dynamic: true }, { program: 'release-it' }]],
  ])('%s', (script, expected) => check(script, expected));
});
