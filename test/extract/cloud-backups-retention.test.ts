/**
 * A backup tool's retention cut to (almost) nothing (src/extract/cloud-backups-retention.ts):
 * the next maintenance deletes the older snapshots (protection/backups-deleted asks).
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('protection');
const ASK = 'ask protection/backups-deleted';

describe('kopia retention cut', () => {
  it.each([
    [
      'kopia policy set --global --keep-latest 1 --keep-hourly 0 --keep-daily 0 --keep-weekly 0 --keep-monthly 0 --keep-annual 0',
      ASK,
    ],
    ['kopia policy set /srv/data --keep-daily 0 --keep-weekly 0 --keep-monthly 0 --keep-annual 0', ASK],
    ['kopia policy set --global --keep-latest=0', ASK],
    ['kopia policy set --global --keep-latest 1 --keep-daily=1', ASK],
    // a count not known statically (fail closed)
    ['kopia policy set --global --keep-latest "$N" --keep-daily "$N"', ASK],
    // global options and their values before the command
    ['kopia --config-file /x policy set --global --keep-latest 0', ASK],
    ['kopia --config-file=/x --log-level debug policy set /srv --keep-latest 0 --keep-daily 1', ASK],
    // policies that keep more, or one bucket alone set to 0 (the others inherited)
    ['kopia policy set --global --keep-daily 14 --keep-hourly 0', 'allow'],
    ['kopia policy set /srv/data --keep-hourly 0', 'allow'],
    ['kopia policy set --global --keep-latest 1', 'allow'],
    // nothing latest kept, but dailies are
    ['kopia policy set --keep-latest 0 --keep-daily 30', 'allow'],
    ['kopia --config-file /x policy set --global --keep-latest 0 --keep-weekly 8', 'allow'],
    ['kopia --config-file /x policy show --global', 'allow'],
    ['kopia policy set --global --keep-latest inherit --keep-daily inherit', 'allow'],
    ['kopia policy show --global', 'allow'],
    ['kopia policy list', 'allow'],
    ['kopia snapshot create /srv/data', 'allow'],
  ])('%s → %s', (line, want) => {
    expect(verdict(line)).toBe(want);
  });
});
