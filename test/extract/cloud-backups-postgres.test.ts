/**
 * Backups deleted by the PostgreSQL backup managers (src/extract/cloud-backups-postgres.ts):
 * pg_probackup, pgBackRest, WAL-G/WAL-E and Barman, each by its own verbs. Through the real
 * pipeline with the protection pack only; listing, showing, taking backups and creating an
 * instance or a stanza stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('protection');
const ASK = 'ask protection/backups-deleted';

describe('PostgreSQL backup managers', () => {
  it.each([
    // an instance or a stanza removed with every backup it kept
    'pg_probackup del-instance -B /mnt/backups/pg --instance main',
    'sudo -u postgres pg_probackup-15 del-instance -B /mnt/backups/pg --instance main',
    'pgbackrest --stanza=main stanza-delete --force',
    'pgbackrest --stanza main --repo=1 stanza-delete',
    'wal-g delete everything FORCE --confirm',
    'wal-g-mysql delete everything --confirm',
    'barman delete pg-main all',
    // retention deletes, one backup, WAL
    'pg_probackup delete -B /mnt/backups/pg --instance main --delete-expired --delete-wal',
    'pg_probackup delete -B /mnt/backups/pg --instance main --expired',
    'pg_probackup delete -B /mnt/backups/pg --instance main -i QWE123',
    'pg_probackup delete -B /mnt/backups/pg --instance main --status=ERROR',
    'pg_probackup backup -B /mnt/backups/pg --instance main -b FULL --delete-expired --delete-wal',
    'pgbackrest --stanza=main expire --set=20240101-000000F',
    'pgbackrest --stanza=main --repo=1 repo-rm --recurse backup',
    'wal-g delete retain FULL 1 --confirm',
    'wal-g delete before FIND_FULL base_000000010000000000000010 --confirm',
    'wal-g st rm basebackups_005 --target s3',
    'wal-e delete --confirm everything',
    'barman delete pg-main oldest',
    'barman-cloud-backup-delete s3://bkt/pg pg-main --retention-policy "REDUNDANCY 1"',
    'barman-cloud-backup-delete s3://bkt/pg pg-main -b 20240101T000000',
  ])('%s asks', async (cmd) => {
    expect(await verdict(cmd)).toBe(ASK);
  });

  it.each([
    'pg_probackup show -B /mnt/backups/pg --instance main',
    'pg_probackup add-instance -B /mnt/backups/pg -D /var/lib/postgresql/16/main --instance main',
    'pg_probackup backup -B /mnt/backups/pg --instance main -b FULL',
    'pg_probackup delete -B /mnt/backups/pg --instance main --delete-expired --retention-redundancy=1 --dry-run',
    'pg_probackup del-instance --help',
    'pgbackrest --stanza=main stanza-create',
    'pgbackrest --stanza=main --type=full backup',
    'pgbackrest --stanza=main info',
    'wal-g backup-list',
    'wal-g backup-push /var/lib/postgresql/16/main',
    'barman list-backups pg-main',
    'barman backup pg-main',
    'barman cron',
    'barman-cloud-backup-delete --dry-run s3://bkt/pg pg-main -b 20240101T000000',
  ])('%s stays allowed', async (cmd) => {
    expect(await verdict(cmd)).toBe('allow');
  });
});
