/**
 * Backup restores into a directory (src/extract/fs-backup-restore.ts): an overwrite of it,
 * and a delete when what it held goes first; the class of the directory decides. Through
 * the real pipeline with the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');

describe('backup restores (filesystem pack)', () => {
  it.each([
    [
      'sudo -u postgres pghoard_restore get-basebackup --config /var/lib/pghoard/pghoard.json --target-dir /var/lib/pgsql/16/data --overwrite',
      'deny filesystem/write-system-file,filesystem/destroy-root-home-system',
    ],
    // without --overwrite it refuses a folder that exists
    ['pghoard_restore get-basebackup --config p.json --target-dir /var/lib/pgsql/17/data', 'allow'],
    ['pghoard_restore get-basebackup --config p.json --target-dir /tmp/restore-test --overwrite', 'allow'],
    ['pghoard_restore list-basebackups --config p.json', 'allow'],
    [
      'restic -r /srv/restic restore latest --target / --delete',
      'deny filesystem/write-system-file,filesystem/destroy-root-home-system',
    ],
    ['restic restore 4bba301e --target /var/lib/mysql', 'ask filesystem/write-system-file'],
    ['restic restore latest -t ~', 'ask filesystem/write-system-file'],
    ['restic restore latest --target /tmp/restore --include /etc/nginx', 'allow'],
    ['restic restore latest --target /var/lib/mysql --dry-run', 'allow'],
    ['restic snapshots', 'allow'],
    ['kopia snapshot restore k4a3f2c1 ~', 'ask filesystem/write-system-file'],
    ['kopia restore k4a3f2c1 /etc', 'ask filesystem/write-system-file'],
    ['kopia snapshot restore k4a3f2c1 ./restore-check', 'allow'],
    ['duplicity restore --force sftp://backup@nas//backups/etc /etc', 'ask filesystem/write-system-file'],
    ['duplicity --force -t 3D sftp://backup@nas//backups/www /srv/www', 'ask filesystem/write-system-file'],
    // fail closed: the backend only known at run time
    ['duplicity restore --force "$BACKUP_URL" /var/lib/x', 'ask filesystem/write-system-file'],
    ['duplicity restore sftp://backup@nas//backups/etc /etc', 'allow'],
    ['duplicity restore --force sftp://backup@nas//backups/etc ./restored-etc', 'allow'],
    [
      'rdiff-backup -r 3D --force /backups/www /srv/www',
      'deny filesystem/write-system-file,filesystem/destroy-root-home-system',
    ],
    [
      'rdiff-backup --force restore --at 3D /backups/www /srv/www',
      'deny filesystem/write-system-file,filesystem/destroy-root-home-system',
    ],
    ['rdiff-backup -r 3D /backups/www /srv/www', 'allow'],
    [
      "barman recover --remote-ssh-command 'ssh postgres@db1' pg-main latest /var/lib/pgsql/16/data",
      'deny filesystem/write-system-file,filesystem/destroy-root-home-system',
    ],
    [
      'barman restore pg-main 20240101T000000 /var/lib/postgresql/16/main',
      'deny filesystem/write-system-file,filesystem/destroy-root-home-system',
    ],
    ['barman recover pg-main latest /tmp/pitr-check', 'allow'],
    ['barman list-backup pg-main', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });
});
