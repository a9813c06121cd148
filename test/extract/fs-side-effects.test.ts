/**
 * Files rewritten or removed besides a program's main job (src/extract/fs-side-effects.ts),
 * and `.git` directories found by `find` (src/extract/fs-found.ts): through the real
 * pipeline with the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');

describe('files rewritten or removed on the side (filesystem pack)', () => {
  it.each([
    // sort/shuf -o overwrite the file they name
    ['sudo sort -o /etc/hosts /dev/null', 'ask filesystem/write-system-file'],
    ['shuf --output=/etc/passwd /dev/null', 'ask filesystem/write-system-file'],
    ['sort -uo/etc/group /dev/null', 'ask filesystem/write-system-file'],
    ['sort -o sorted.txt list.txt', 'allow'],
    ['sort -u -o list.txt list.txt', 'allow'],
    ['sort -r list.txt', 'allow'],
    // fallocate's range modes cut or zero the file's bytes; allocation keeps them
    [
      'sudo fallocate --collapse-range --offset 0 --length 1GiB /var/lib/mysql/ibdata1',
      'ask filesystem/write-system-file',
    ],
    ['fallocate -p -o 0 -l 4096 /etc/shadow', 'ask filesystem/write-system-file'],
    ['fallocate -z -l 1M /var/lib/postgresql/data/base/1/1259', 'ask filesystem/write-system-file'],
    ['fallocate -l 1G swapfile', 'allow'],
    ['fallocate -d build/disk.img', 'allow'],
    ['fallocate --punch-hole -o 0 -l 4096 build/disk.img', 'allow'],
    // tar --remove-files removes what it archived
    ['tar -cf /dev/null --remove-files /srv/data', 'ask filesystem/move-protected'],
    ['tar czf /tmp/x.tgz --remove-files -C / etc', 'ask filesystem/move-protected'],
    ['tar --remove-files -cf a.tar -T list.txt', 'ask filesystem/move-protected'],
    ['tar -czf logs.tgz --remove-files logs/', 'allow'],
    ['tar -czf backup.tgz /srv/data', 'allow'],
    ['tar -xzf backup.tgz', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});

describe('delete tools of the JavaScript ecosystem, run as they are or by a package runner (filesystem pack)', () => {
  it.each([
    ['npx rimraf ~', 'deny filesystem/destroy-root-home-system'],
    ['rimraf /srv/data', 'deny filesystem/destroy-root-home-system'],
    ['pnpm dlx rimraf /srv/data', 'deny filesystem/destroy-root-home-system'],
    ['bunx rimraf ../..', 'deny filesystem/destroy-root-home-system'],
    ["npx del-cli '/home/*'", 'deny filesystem/destroy-root-home-system'],
    ['npx shx rm -rf ~', 'deny filesystem/destroy-root-home-system'],
    ['npx rimraf .git', 'ask filesystem/delete-workspace'],
    ['npx rimraf dist', 'allow'],
    ['yarn rimraf build coverage', 'allow'],
    ["npx rimraf --glob 'build/**'", 'allow'],
    ['npm exec -- rimraf node_modules', 'allow'],
    ['npx shx rm -rf dist', 'allow'],
    ['npx rimraf --dry-run /srv/data', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});

describe('.git directories found by find (filesystem pack)', () => {
  it.each([
    ['find . -name .git -prune -exec rm -rf {} +', 'ask filesystem/delete-workspace'],
    ['find . -name .git -type d | xargs rm -rf', 'ask filesystem/delete-workspace'],
    ["find . -path '*/.git' -delete", 'ask filesystem/delete-workspace'],
    ['find . -iname .GIT -exec rm -rf {} \\;', 'ask filesystem/delete-workspace'],
    ['find . -name .git -o -name .svn | xargs rm -rf', 'ask filesystem/delete-workspace'],
    ['find vendor -name .git -exec rm -rf {} +', 'ask filesystem/delete-workspace'],
    // other names below the project stay the project's files
    ['find . -name node_modules -prune -exec rm -rf {} +', 'allow'],
    ["find . -name '*.pyc' -delete", 'allow'],
    ['find . -name .gitkeep -delete', 'allow'],
    ["find . -name '.git*' -name '*.orig' -delete", 'allow'],
    ['find . -name .git -type d', 'allow'],
    ['find . -name "*" -delete', 'ask filesystem/delete-workspace'],
    ['find . -name "*.git" -name "*" -exec rm -rf {} +', 'ask filesystem/delete-workspace'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
