/**
 * Mirroring copiers (src/extract/fs-rsync.ts): cpdup deletes from its destination whatever
 * the source lacks, unless `-o`; a destination inside the workspace is the workspace's own.
 * Through the real pipeline with the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');

describe('cpdup (filesystem pack)', () => {
  it.each<[string, string]>([
    [
      'mkdir -p /tmp/empty && cpdup -i0 -s0 /tmp/empty /srv/www/shop.acme.com',
      'deny filesystem/write-system-file,filesystem/destroy-root-home-system',
    ],
    ['cpdup -i0 /tmp/empty ~/projects', 'ask filesystem/delete-outside-workspace'],
    ['cpdup -v -x ./site backup.example.com:/srv/www', 'ask filesystem/delete-outside-workspace'],
    ['cpdup -o ./site /srv/www', 'ask filesystem/write-system-file'],
    ['cpdup ./src ./backup-src', 'allow'],
    ['cpdup -v src /tmp/backup-src', 'allow'],
    ['cpdup -h', 'allow'],
  ])('%s → %s', (cmd, want) => {
    expect(verdict(cmd)).toBe(want);
  });
});
