import { describe, expect, it } from 'vitest';
import { SWEEPERS } from '../../src/extract/git-sweepers.js';

const read = (args: string[]) =>
  (SWEEPERS[args[0]] ?? (() => []))(args).map((a) => [a.action, a.remote, a.refs.join(' ')]);

describe('branch sweepers: remote branches deleted', () => {
  it.each<[string[], string[][]]>([
    [['sweep', 'cleanup', '--force', '--origin', 'origin'], [['delete-remote-ref', 'origin', '']]],
    [['sweep', 'cleanup', '--origin=upstream'], [['delete-remote-ref', 'upstream', '']]],
    [['sweep', 'preview', '--origin', 'origin'], []],
    [
      ['trim', '--no-confirm'],
      [
        ['branch-force-delete', '', ''],
        ['delete-remote-ref', 'origin', ''],
      ],
    ],
    [
      ['trim', '--delete', 'merged-remote:upstream'],
      [
        ['branch-force-delete', '', ''],
        ['delete-remote-ref', 'upstream', ''],
      ],
    ],
    [['trim', '--delete', 'merged-local,stray'], [['branch-force-delete', '', '']]],
    [['trim', '--dry-run'], []],
    // `--delete` as the last word has no ranges: read as the default (merged:origin), the wider one.
    [
      ['trim', '--delete'],
      [
        ['branch-force-delete', '', ''],
        ['delete-remote-ref', 'origin', ''],
      ],
    ],
    [
      ['town', 'delete', 'old-feature'],
      [
        ['branch-force-delete', '', 'old-feature'],
        ['delete-remote-ref', 'origin', 'old-feature'],
      ],
    ],
    [
      ['town', 'kill'],
      [
        ['branch-force-delete', '', ''],
        ['delete-remote-ref', 'origin', ''],
      ],
    ],
    [['town', 'sync'], []],
    [['sweep', 'cleanup', '--help'], []],
    [['town', 'delete', '--help'], []],
  ])('%j', (args, expected) => {
    expect(read(args)).toEqual(expected);
  });
});
