/**
 * unison with -force (src/extract/fs-unison.ts): the root that does not win is read as
 * deleted and written, like rsync --delete's destination; without -force nothing is read.
 * Through the real pipeline with the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const fs = await packVerdict('filesystem');

describe('unison making one root win (filesystem pack)', () => {
  it.each([
    ['unison /tmp/empty ~/projects -batch -force /tmp/empty', 'ask filesystem/delete-outside-workspace'],
    [
      'unison -root ./empty -root /srv/app -force ./empty -batch',
      'deny filesystem/destroy-root-home-system,filesystem/write-system-file',
    ],
    ['unison ./src ssh://web//srv/app -force ./src -batch', 'ask filesystem/delete-outside-workspace'],
    ['unison ./empty ~/notes -batch -force=./empty', 'ask filesystem/delete-outside-workspace'],
    // either side may win: both are read so
    ['unison ./a ~/notes -force newer -batch', 'ask filesystem/delete-outside-workspace'],
    ['unison ./a ~/notes -force "$W" -batch', 'ask filesystem/delete-outside-workspace'],
    // fail closed: the roots are in a profile
    ['unison nightly -batch -force /tmp/empty', 'ask filesystem/delete-unresolved'],
    // the workspace's own folders, or no -force
    ['unison ./dist ./public -force ./dist -batch', 'allow'],
    ['unison ./a ~/notes -batch', 'allow'],
    ['unison ./a ~/notes -batch -prefer ./a', 'allow'],
    ['unison nightly -batch', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(fs(script)).toBe(expected);
  });
});
