/** Monorepo runners (src/normalize/monorepo-runners.ts): the command run in every package is read as itself. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});

const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.wrappers.join('>')}|${c.argv.join(' ')}`);

describe('what a monorepo runner runs in every package', () => {
  it.each<[string, string]>([
    ['lerna exec -- npm unpublish pkg@1.0.0 --force', 'lerna exec|npm unpublish pkg@1.0.0 --force'],
    ['lerna exec --stream --scope api -- rm -rf dist', 'lerna exec|rm -rf dist'],
    [
      'npx lerna exec --no-private -- \'npm unpublish "x@1" --force\'',
      'npx>lerna exec|npm unpublish x@1 --force',
    ],
    ['lerna --loglevel silent exec rm -rf build', 'lerna exec|rm -rf build'],
    ['nx exec --projects=api,web -- git push -f origin main', 'nx exec|git push -f origin main'],
    ['yarn workspaces foreach -A --jobs 4 exec rm -rf dist', 'yarn workspaces foreach exec|rm -rf dist'],
    ['yarn workspace @acme/api exec rm -rf dist', 'yarn workspace exec|rm -rf dist'],
    ['pnpm -r exec rm -rf dist', 'pnpm exec|rm -rf dist'],
    ["pnpm --filter './packages/**' exec -- git clean -fdx", 'pnpm exec|git clean -fdx'],
    ['pnpm --recursive --parallel dlx rimraf dist', 'pnpm dlx|rimraf dist'],
    ['npm --workspaces exec -- rm -rf dist', 'npm exec|rm -rf dist'],
    ['npm -w packages/api x rimraf dist', 'npm x|rimraf dist'],
    ['yarn workspaces foreach -A exec -- rm -rf dist', 'yarn workspaces foreach exec|rm -rf dist'],
    [
      "yarn workspaces foreach --all exec 'npm unpublish --force'",
      'yarn workspaces foreach exec|npm unpublish --force',
    ],
    // an option not in the table may take a value (fail closed)
    ['pnpm -r --workspace-concurrency 1 exec rm -rf dist', 'pnpm exec|rm -rf dist'],
    ['pnpm -r --some-new-option 4 exec rm -rf dist', 'pnpm exec|rm -rf dist'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // their script runners run the packages' own scripts, not read here
    ['lerna run build --stream', '|lerna run build --stream'],
    ['nx run-many -t build', '|nx run-many -t build'],
    ['yarn workspaces foreach -A run lint', '|yarn workspaces foreach -A run lint'],
    ['pnpm -r build', '|pnpm -r build'],
    ['npm --workspaces run test', '|npm --workspaces run test'],
    ['yarn workspace @acme/api add left-pad', '|yarn workspace @acme/api add left-pad'],
  ])('%s stays %s', (script, want) => expect(commands(script)).toEqual([want]));
});
