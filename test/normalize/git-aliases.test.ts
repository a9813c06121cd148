/**
 * git aliases this script defines, run where git runs them (src/normalize/git-aliases.ts).
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const commands = (script: string) =>
  normalizeIn(filesContext({}), script).commands.map((c) => (c.dynamic ? 'dynamic:' : '') + c.argv.join(' '));

describe('git aliases defined by the script', () => {
  it.each<[string, string]>([
    ["git config alias.ship 'push origin +HEAD:main' && git ship", 'git push origin +HEAD:main'],
    ["git config --global alias.yolo 'push --force origin main'\ngit yolo", 'git push --force origin main'],
    ["git config --local alias.Wipe 'reset --hard' && git wipe HEAD~3", 'git reset --hard HEAD~3'],
    ['git config set alias.up push && git up -f origin main', 'git push -f origin main'],
    ["git config alias.a b && git config alias.b 'push -f' && git a origin main", 'git push -f origin main'],
    ["git config alias.nuke '!rm -rf ~/src' && git nuke", 'rm -rf /h/src'],
    ["git -c alias.x='!rm -rf /srv' x", 'rm -rf /srv'],
    ["git -c alias.p='push --mirror' p", 'git -c alias.p=push --mirror push --mirror'],
    ["git config alias.rmx '!rm -rf' && git rmx /srv/a", 'rm -rf /srv/a'],
    [
      "cat >> ~/.gitconfig <<'EOF'\n[alias]\n\tpf = push --force origin main\nEOF\ngit pf",
      'git push --force origin main',
    ],
    ["printf '[alias]\\n  fp = push -f\\n' >> .git/config && git fp", 'git push -f'],
    ['(git config alias.z "push -f") ; git z', 'git push -f'],
    // commands git ships as separate programs, often not installed: the alias may run
    ["git config alias.gui 'push --force origin main' && git gui", 'git push --force origin main'],
    ["git config alias.send-email '!rm -rf /srv' && git send-email", 'rm -rf /srv'],
    ["git config alias.mergetool 'reset --hard' && git mergetool", 'git reset --hard'],
    // an included config file may define any alias
    ['git config include.path /tmp/aliases && git deploy', 'dynamic:git deploy'],
    // an alias not known may be `!` shell code: a shell whose script is not known
    ['git config include.path /tmp/aliases && git deploy', 'dynamic:sh -c the alias git deploy'],
    ['git config alias.q "$CMD" && git q', 'dynamic:sh -c the alias git q'],
    ['git config --global includeIf.gitdir:~/w/.path ~/a.inc && git deploy', 'dynamic:git deploy'],
    ['git -c include.path=/tmp/aliases deploy', 'dynamic:git -c include.path=/tmp/aliases deploy'],
    ["printf '[include]\\n  path = /tmp/a\\n' >> ~/.gitconfig && git deploy", 'dynamic:git deploy'],
    // fail closed: a value not known statically, config text not known, a loop
    ['git config alias.q "$CMD" && git q', 'dynamic:git q'],
    ['echo "$CFG" >> ~/.gitconfig; git anything', 'dynamic:git anything'],
    ['git config alias.l1 l2 && git config alias.l2 l1 && git l1', 'dynamic:git l2'],
    // an empty alias (git-alias-words.ts: no words) runs as one not known statically
    ["git config alias.e '' && git e", 'dynamic:git e'],
    ["git config alias.e '' && git e", 'dynamic:sh -c the alias git e'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    ['git config alias.st status && git st', ['git config alias.st status', 'git st', 'git status']],
    // git ignores an alias named like one of its commands
    ["git config alias.status 'push -f' && git status", ['git config alias.status push -f', 'git status']],
    // unset, and an alias that was never defined
    [
      "git config alias.pf 'push -f' && git config --unset alias.pf && git pf",
      ['git config alias.pf push -f', 'git config --unset alias.pf', 'git pf'],
    ],
    ['git ship', ['git ship']],
    // an included file does not change what git's own commands do
    [
      'git config include.path ../.gitconfig && git status',
      ['git config include.path ../.gitconfig', 'git status'],
    ],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});
