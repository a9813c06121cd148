/**
 * Storage made smaller and repairs that discard (src/extract/fs-shrink.ts): a shrink, a zeroed
 * log or an accept-every-fix repair is a format of what it names, asked; growing, printing and
 * dry runs are not. Through the real pipeline with the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');
const ASK = 'ask filesystem/format-filesystem';

describe('shrinks and discarding repairs (filesystem pack)', () => {
  it.each([
    // LVM: any lvreduce, lvresize to a smaller or absolute size, by path or by name
    ['sudo lvreduce -y -L 20G /dev/vg_data/lv_pg', ASK],
    ['lvreduce --size=50G --resizefs vg0/data', ASK],
    ['lvreduce -l -50%FREE vg0/data', ASK],
    ['lvresize -L -20G /dev/vg_app/lv_logs', ASK],
    ['lvresize --size 10G vg0/data', ASK],
    ['pvresize --setphysicalvolumesize 40G /dev/sdb1', ASK],
    ['vgreduce --removemissing --force vg0', ASK],
    ['lvm lvreduce -L 20G vg0/data', ASK],
    ['lvm lvremove -y vg0/data', ASK],
    ['lvm lvs', 'allow'],
    ['lvresize -L +10G vg0/data', 'allow'],
    ['lvresize -l +100%FREE vg0/data', 'allow'],
    ['lvextend -r -L +20G /dev/vg_data/lv_pg', 'allow'],
    ['lvreduce --test -L 20G vg0/data', 'allow'],
    ['lvreduce -t -L 20G vg0/data', 'allow'],
    ['pvresize /dev/sdb1', 'allow'],
    ['vgreduce --removemissing vg0', 'allow'],
    // ext: a target size, or the minimum
    ['resize2fs /dev/vg0/data 40G', ASK],
    ['resize2fs -M /dev/sdb1', ASK],
    ['resize2fs /dev/vg0/data', 'allow'],
    ['resize2fs -P /dev/sdb1', 'allow'],
    // btrfs: a size without + may be smaller
    ['btrfs filesystem resize -10g /mnt/data', ASK],
    ['btrfs fi resize 1:50g /mnt/data', ASK],
    ['btrfs filesystem resize +5g /mnt/data', 'allow'],
    ['btrfs filesystem resize max /mnt/data', 'allow'],
    // repairs that throw away to finish
    ['xfs_repair -L /dev/mapper/vg_data-lv_pg', ASK],
    ['xfs_repair -v -L /dev/sdb1', ASK],
    ['btrfs check --repair /dev/nvme1n1p2', ASK],
    ['btrfs check --init-csum-tree /dev/sdc', ASK],
    ['btrfs rescue zero-log /dev/sdc', ASK],
    ['e2fsck -fy /dev/mapper/vg_data-lv_pg', ASK],
    ['fsck -t ext4 -y /dev/sdb1', ASK],
    ['fsck.ext4 -y /dev/sdb1', ASK],
    ['fsck_apfs -y /dev/disk3s1', ASK],
    ['reiserfsck --rebuild-tree /dev/sdb2', ASK],
    ['zpool import -F tank', ASK],
    ['zpool import -FX tank', ASK],
    ['xfs_repair -n /dev/sdb1', 'allow'],
    ['xfs_repair /dev/sdb1', 'allow'],
    ['e2fsck -n /dev/sdb1', 'allow'],
    ['e2fsck -f /dev/sdb1', 'allow'],
    ['btrfs check --readonly /dev/sdc', 'allow'],
    ['btrfs rescue super-recover -v /dev/sdc', 'allow'],
    ['zpool import -Fn tank', 'allow'],
    ['zpool import tank', 'allow'],
    // a file in the workspace is the workspace's own
    ['e2fsck -fy ./disk.img', 'allow'],
    // the volume readers of btrfs and zpool still read theirs
    ['btrfs subvolume delete /mnt/data/@prod', ASK],
    ['zpool destroy tank', ASK],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});

describe('BSD and macOS formatters (filesystem pack, src/extract/fs-format.ts)', () => {
  it.each([
    ['newfs -U /dev/ada1p1', ASK],
    ['newfs_msdos -F 32 /dev/da0s1', ASK],
    ['newfs_hfs -v Backup /dev/disk4s2', ASK],
    ['gpart destroy -F ada1', ASK],
    ['gpart delete -i 2 ada0', ASK],
    ['diskutil eraseDisk JHFS+ Backup disk3', ASK],
    ['diskutil zeroDisk disk4', ASK],
    ['newfs -N /dev/ada1p1', 'allow'],
    ['newfs_msdos -F 32 ./boot.img', 'allow'],
    ['gpart show ada1', 'allow'],
    ['diskutil list', 'allow'],
    ['diskutil info disk3', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
