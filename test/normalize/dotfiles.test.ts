/** Dotfile managers' git (src/normalize/dotfiles.ts): `yadm ARGS`, `chezmoi git [--] ARGS` and `vcsh REPO ARGS` are read as git. */
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
    ['vcsh dotfiles push --force origin main', 'vcsh dotfiles|git push --force origin main'],
    ['vcsh run dotfiles git push -f origin main', 'vcsh dotfiles|git push -f origin main'],
    ['vcsh foreach -g push --force', 'vcsh foreach|git push --force'],
    ['vcsh push', 'vcsh|git push'],
    // a repository named by a variable: git's words, or `vcsh run REPO CMD`'s
    ['vcsh $R push --force', 'vcsh|git push --force'],
    ['vcsh $R status', 'vcsh|git status'],
    ['vcsh $R dots rm -rf /srv', 'vcsh dots|rm -rf /srv'],
    ['vcsh $R git push --force', 'vcsh git|push --force'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // their own commands run no git
    ['chezmoi apply', '|chezmoi apply'],
    ['chezmoi add ~/.bashrc', '|chezmoi add /h/.bashrc'],
    ['yadm encrypt', '|yadm encrypt'],
    ['yadm list -a', '|yadm list -a'],
    ['yadm bootstrap', '|yadm bootstrap'],
    ['vcsh list', '|vcsh list'],
    ['vcsh status', '|vcsh status'],
    ['vcsh init dotfiles', '|vcsh init dotfiles'],
  ])('%s stays %s', (script, want) => expect(commands(script)).toEqual([want]));
});
