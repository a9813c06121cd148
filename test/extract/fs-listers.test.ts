/**
 * Listers of file names (src/extract/fs-listers.ts): what `grep -l`, `rg -l` and `git ls-files`
 * name, read for the files xargs appends; and through the real pipeline with the
 * filesystem pack, in-place edits and deletes of what they list.
 */
import { describe, expect, it } from 'vitest';
import { commandBuilder, packVerdict } from '../helpers/command.js';
import { listedBy, type Listed } from '../../src/extract/fs-listers.js';

const cmd = commandBuilder();

describe('listedBy', () => {
  it.each<[string[], Listed | undefined]>([
    [['grep', '-rl', 'foo', 'src'], { starts: ['src'], selective: true, vcs: true }],
    [['grep', '-l', '-e', 'foo', 'a.ts', 'b.ts'], { starts: ['a.ts', 'b.ts'], selective: true, vcs: false }],
    [['grep', '-rl', '--exclude-dir=.git', 'foo'], { starts: ['.'], selective: true, vcs: false }],
    [['grep', '-L', '-m', '1', 'foo', '-'], { starts: ['.'], selective: true, vcs: false }],
    [['rgrep', '--files-with-matches', 'foo', 'lib'], { starts: ['lib'], selective: true, vcs: true }],
    // -d recurse / --directories=recurse descend as -r does
    [['grep', '-l', '-d', 'recurse', 'foo', '.'], { starts: ['.'], selective: true, vcs: true }],
    [['grep', '-l', '--directories=recurse', 'foo'], { starts: ['.'], selective: true, vcs: true }],
    [
      ['grep', '-l', '--directories', 'recurse', 'foo', 'src'],
      { starts: ['src'], selective: true, vcs: true },
    ],
    [['grep', '-l', '--directories=skip', 'foo', 'a.ts'], { starts: ['a.ts'], selective: true, vcs: false }],
    [['rg', '-l', 'foo'], { starts: ['.'], selective: true, vcs: false }],
    [['rg', '--files', 'src', 'test'], { starts: ['src', 'test'], selective: true, vcs: false }],
    [['rg', '-l', '--hidden', '-g', '*.ts', 'foo', '.'], { starts: ['.'], selective: true, vcs: true }],
    [['rg', '-luu', 'foo'], { starts: ['.'], selective: true, vcs: true }],
    [['git', 'ls-files', '-z', '--', '*.js'], { starts: ['*.js'], selective: true, vcs: false }],
    [['git', 'ls-files'], { starts: ['.'], selective: true, vcs: false }],
    // not a list of names, or one that may leave the start: not read (the names stay unknown)
    [['grep', '-r', 'foo', 'src'], undefined],
    [['grep', '-Rl', 'foo', 'src'], undefined],
    [['rg', 'foo', 'src'], undefined],
    [['rg', '-lL', 'foo'], undefined],
    [['git', 'ls-files', ':/'], undefined],
    [['git', 'ls-files', ':(top)src'], undefined],
    [['git', 'log', '--name-only'], undefined],
    [['cat', 'list.txt'], undefined],
  ])('%j', (argv, expected) => {
    expect(listedBy(cmd(argv))).toEqual(expected);
  });
});

const verdict = await packVerdict('filesystem');

describe('files named by a lister, fed to xargs (filesystem pack)', () => {
  it.each([
    ["grep -rl oldName src | xargs sed -i 's/oldName/newName/g'", 'allow'],
    ["rg -l oldName | xargs sed -i 's/oldName/newName/g'", 'allow'],
    ["git ls-files -z '*.js' | xargs -0 sed -i 's/var /let /'", 'allow'],
    ["find src -name '*.ts' | xargs perl -pi -e 's/a/b/'", 'allow'],
    ['grep -rl TODO . --exclude-dir=.git | xargs rm -f', 'allow'],
    ['cd "$(git rev-parse --show-toplevel)"; grep -rl x src | xargs sed -i s/a/b/', 'allow'],
    ['grep -rl x "$DIR" | xargs sed -i s/a/b/', 'ask filesystem/write-unresolved'],
    ['find "$DIR" -name "*.ts" | xargs rm', 'ask filesystem/delete-unresolved'],
    // outside the project, or what may be the project's history, or names not known: ask
    ["grep -rl foo /etc | xargs sed -i 's/a/b/'", 'ask filesystem/write-system-file'],
    ["grep -l -e foo ~/.bashrc | xargs sed -i 's/a/b/'", 'ask filesystem/write-system-file'],
    ["grep -Rl foo src | xargs sed -i 's/a/b/'", 'ask filesystem/write-unresolved'],
    ["grep foo src/a.ts | xargs sed -i 's/a/b/'", 'ask filesystem/write-unresolved'],
    ["git ls-files ':/' | xargs sed -i 's/a/b/'", 'ask filesystem/write-unresolved'],
    ["cat list.txt | xargs sed -i 's/a/b/'", 'ask filesystem/write-unresolved'],
    ['grep -rl foo | xargs rm -f', 'ask filesystem/delete-workspace'],
    ['rg -l --hidden foo | xargs rm -f', 'ask filesystem/delete-workspace'],
    ['grep -rl foo ~ | xargs rm -f', 'deny filesystem/destroy-root-home-system'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});

describe('files named by a lister, read by a while read loop (filesystem pack)', () => {
  it.each([
    ['find build -name \'*.o\' | while read -r f; do rm -- "$f"; done', 'allow'],
    ['git ls-files -z \'*.orig\' | while IFS= read -r f; do rm -f "${f}"; done', 'allow'],
    ['grep -rl oldName src | while read f; do sed -i \'s/oldName/newName/g\' "$f"; done', 'allow'],
    ["find build -name '*.o' -print0 | while IFS= read -r -d '' f; do rm -f \"$f\"; done", 'allow'],
    // outside the project, the project's history, names not known, a word not the variable: ask
    ['find /etc -name \'*.conf\' | while read -r f; do rm "$f"; done', 'ask filesystem/delete-system-file'],
    ['grep -rl foo | while read -r f; do rm -f "$f"; done', 'ask filesystem/delete-workspace'],
    ['./list-files | while read -r f; do rm -f "$f"; done', 'ask filesystem/delete-unresolved'],
    ['find build -name \'*.o\' | while read -r f; do rm -rf "$g"; done', 'ask filesystem/delete-unresolved'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
