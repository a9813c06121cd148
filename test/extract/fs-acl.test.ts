/**
 * Access control lists (src/extract/fs-acl.ts): setfacl is a permission change like chmod,
 * recursive with -R, and so is chattr's attribute change. Through the real pipeline with the
 * filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');

describe('setfacl (filesystem pack)', () => {
  it.each([
    ['sudo setfacl -R -m u:ci-runner:rwx /etc', 'deny filesystem/permissions-recursive-system'],
    ['setfacl --recursive --modify=g:dev:rwX /usr/local', 'deny filesystem/permissions-recursive-system'],
    ['sudo setfacl -R -d -m o::rwx /var/lib', 'deny filesystem/permissions-recursive-system'],
    ['setfacl -m u:ci:rw /etc/sudoers', 'ask filesystem/permissions-system-file'],
    ['setfacl -R -m u:bob:rwx ~', 'ask filesystem/permissions-home-or-outside'],
    ['setfacl -R -b ../other-repo', 'ask filesystem/permissions-home-or-outside'],
    // the workspace's own files, a dry run, a read
    ['setfacl -R -m u:www-data:rwX storage', 'allow'],
    ['setfacl -m u:www-data:rx ./public', 'allow'],
    ['setfacl --test -R -m u:ci:rwx /etc', 'allow'],
    ['getfacl -R /etc', 'allow'],
    // chattr: attributes change like permissions (-i lifts immutability before tampering)
    ['chattr -i /etc/sudoers', 'ask filesystem/permissions-system-file'],
    ['sudo chattr -ia /etc/passwd /etc/shadow', 'ask filesystem/permissions-system-file'],
    ['chattr -V -a /var/log/auth.log', 'ask filesystem/permissions-system-file'],
    ['chattr -R -i /etc', 'deny filesystem/permissions-recursive-system'],
    ['chattr -R +i ~', 'ask filesystem/permissions-home-or-outside'],
    ['chattr +i ./notes.txt', 'allow'],
    ['chattr -R -i build/cache', 'allow'],
    ['chattr -v 2 ./f', 'allow'],
    ['lsattr /etc/resolv.conf', 'allow'],
    ['chattr /etc/sudoers', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
