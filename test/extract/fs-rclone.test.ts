import { describe, expect, it } from 'vitest';
import { rcloneLocal } from '../../src/extract/fs-rclone.js';
import { packVerdict } from '../helpers/command.js';

const fs = await packVerdict('filesystem');
const saas = await packVerdict('saas');

describe('rclone between local folders is judged by its paths (filesystem pack)', () => {
  it.each([
    ['rclone sync ./storybook-static ./docs/storybook', 'allow'],
    ['rclone sync -P ./dist ./public', 'allow'],
    ['rclone copy ./a ./b', 'allow'],
    ['rclone move ./tmp/out ./build', 'allow'],
    ['rclone delete ./tmp/cache', 'allow'],
    ['rclone sync ./empty ~/backups', 'ask filesystem/delete-outside-workspace'],
    ['rclone bisync ./a ~/notes', 'ask filesystem/delete-outside-workspace'],
    ['rclone purge .', 'ask filesystem/delete-workspace'],
    ['rclone sync ./empty /', 'deny filesystem/destroy-root-home-system,filesystem/write-system-file'],
    ['rclone sync ./src /etc', 'deny filesystem/destroy-root-home-system,filesystem/write-system-file'],
  ])('%s → %s', (script, expected) => {
    expect(fs(script)).toBe(expected);
  });
});

describe('rclone naming a remote, or operands not known for sure, stays with the cloud reader (saas pack)', () => {
  it.each([
    ['rclone sync ./dist s3:bucket/site', 'ask saas/unknown-cli-destroy'],
    ['rclone purge remote:old-backups', 'ask saas/unknown-cli-destroy'],
    ['rclone sync ./a :s3:bucket', 'ask saas/unknown-cli-destroy'],
    // fail closed: an option that may take the next word, or a destination known at run time
    ['rclone sync --config x.conf ./a ./b', 'ask saas/unknown-cli-destroy'],
    ['rclone sync ./a "$DEST"', 'ask saas/unknown-cli-destroy'],
    ['rclone sync ./a ./b', 'allow'],
    ['rclone copy ./site remote:site', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(saas(script)).toBe(expected);
  });
});

describe('rcloneLocal', () => {
  it.each<[string[], number[], ReturnType<typeof rcloneLocal>]>([
    [['rclone', 'sync', './a', './b'], [], { verb: 'sync', operands: [2, 3] }],
    [['rclone', '-v', 'delete', '--dry-run', 'tmp'], [], { verb: 'delete', operands: [4] }],
    [['rclone', 'sync', '--transfers=8', 'a', 'b'], [], { verb: 'sync', operands: [3, 4] }],
    [['rclone', 'sync', 'a', 'r:b'], [], undefined],
    [['rclone', 'sync', 'a', 'b'], [3], undefined],
    [['rclone', 'sync', '--filter', '- *.tmp', 'a', 'b'], [], undefined],
    [['rclone', 'sync', 'a'], [], undefined],
    [['rclone', 'ls', 'a'], [], undefined],
    [['rsync', 'sync', 'a', 'b'], [], undefined],
  ])('%j', (argv, dynamicArgs, want) => {
    expect(rcloneLocal({ argv, dynamicArgs })).toEqual(want);
  });
});
