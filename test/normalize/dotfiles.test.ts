/** Dotfile managers' git (src/normalize/dotfiles.ts): `yadm ARGS` and `chezmoi git [--] ARGS` are read as git. */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});

const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.wrappers.join('>')}|${c.argv.join(' ')}`);

describe('what a dotfile manager runs', () => {
  it.each<[string, string]>([
    ['chezmoi git -- push', 'chezmoi git|git push'],
    ['chezmoi git -- commit -m sync', 'chezmoi git|git commit -m sync'],
    ['chezmoi -S ~/dots git push --force', 'chezmoi git|git push --force'],
    ['yadm push -f origin main', 'yadm|git push -f origin main'],
    ['yadm add ~/.aws/credentials', 'yadm|git add /h/.aws/credentials'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // their own commands run no git
    ['chezmoi apply', '|chezmoi apply'],
    ['chezmoi add ~/.bashrc', '|chezmoi add /h/.bashrc'],
    ['yadm encrypt', '|yadm encrypt'],
    ['yadm list -a', '|yadm list -a'],
    ['yadm bootstrap', '|yadm bootstrap'],
  ])('%s stays %s', (script, want) => expect(commands(script)).toEqual([want]));
});
