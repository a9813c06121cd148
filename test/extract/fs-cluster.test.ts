/**
 * Cluster filesystems (src/extract/fs-cluster.ts): what deletes a GPFS filesystem, fileset,
 * snapshot, disk or NSD, or creates one over disks unchecked, is a format of what it names;
 * listing, creating with the check and snapshots made are not. Through the real pipeline with
 * the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');

describe('cluster filesystems (filesystem pack)', () => {
  it.each([
    ['sudo /usr/lpp/mmfs/bin/mmdelfs gpfs01 -p', 'ask filesystem/format-filesystem'],
    ['mmdelfs -p gpfs01', 'ask filesystem/format-filesystem'],
    ['mmdelfs /dev/gpfs01', 'ask filesystem/format-filesystem'],
    ['mmdelfileset gpfs01 projects -f', 'ask filesystem/format-filesystem'],
    ['mmdelsnapshot gpfs01 nightly-2026-12-01,nightly-2026-12-02 -N all', 'ask filesystem/format-filesystem'],
    ["mmdeldisk gpfs01 'nsd3;nsd4' -p", 'ask filesystem/format-filesystem'],
    ['mmdeldisk gpfs01 -F /tmp/disks.txt', 'ask filesystem/format-filesystem'],
    ['mmdelnsd -F /tmp/nsd.list', 'ask filesystem/format-filesystem'],
    ['mmcrfs gpfs02 -F nsd.stanza -B 4M -v no', 'ask filesystem/format-filesystem'],
    ['mmcrnsd -F nsd.stanza -v no', 'ask filesystem/format-filesystem'],
    // an empty fileset only, the default check of the disks, reads and new snapshots
    ['mmdelfileset gpfs01 projects', 'allow'],
    ['mmcrfs gpfs02 -F nsd.stanza -B 4M', 'allow'],
    ['mmcrnsd -F nsd.stanza -v yes', 'allow'],
    ['mmlsfs gpfs01', 'allow'],
    ['mmlsfileset gpfs01', 'allow'],
    ['mmlssnapshot gpfs01', 'allow'],
    ['mmcrsnapshot gpfs01 nightly', 'allow'],
  ])('%s → %s', async (line, want) => expect(await verdict(line)).toBe(want));
});
