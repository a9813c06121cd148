/**
 * Volume managers and VM storage (src/extract/fs-volumes.ts): what destroys a volume, pool,
 * dataset or snapshot is a format of what it names; listing, creating, snapshotting and
 * dry runs are not. Through the real pipeline with the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');

describe('volume managers and VM storage (filesystem pack)', () => {
  it.each([
    // a volume name is storage, not a file: asked
    ['zfs destroy -r tank/prod', 'ask filesystem/format-filesystem'],
    ['sudo zfs destroy tank/home@snap1', 'ask filesystem/format-filesystem'],
    ['zfs rollback -r tank/db@yesterday', 'ask filesystem/format-filesystem'],
    ['zpool destroy -f tank', 'ask filesystem/format-filesystem'],
    ['vgremove --force data_vg', 'ask filesystem/format-filesystem'],
    ['lvremove -y vg0/scratch', 'ask filesystem/format-filesystem'],
    ['btrfs subvolume delete /mnt/data/@prod', 'ask filesystem/format-filesystem'],
    ['btrfs sub del -c /srv/@home', 'ask filesystem/format-filesystem'],
    ['virsh undefine prod-vm --remove-all-storage', 'ask filesystem/format-filesystem'],
    ['virsh -c qemu:///system vol-delete prod.qcow2 --pool default', 'ask filesystem/format-filesystem'],
    // a block device: refused like any wipe
    ['pvremove -ff /dev/sdb', 'deny filesystem/wipe-device'],
    ['mdadm --zero-superblock /dev/sdb1', 'deny filesystem/wipe-device'],
    ['mdadm --create /dev/md0 --level=1 --raid-devices=2 /dev/sdb /dev/sdc', 'deny filesystem/wipe-device'],
    // parted: -s is --script, not a read
    ['parted -s /dev/sda rm 1', 'deny filesystem/wipe-device'],
    ['parted --script /dev/nvme0n1 mklabel gpt', 'deny filesystem/wipe-device'],
    // drives erased by their firmware
    ['nvme format /dev/nvme0n1 --ses=1', 'deny filesystem/wipe-device'],
    ['nvme format -s 1 -l 0 /dev/nvme1n1', 'deny filesystem/wipe-device'],
    ['nvme sanitize /dev/nvme0 --sanact=2', 'deny filesystem/wipe-device'],
    // the zones of a zoned namespace emptied (`-a`: every zone, no value)
    ['sudo nvme zns reset-zone /dev/nvme0n2 -a', 'deny filesystem/wipe-device'],
    ['nvme zns reset-zone -a /dev/nvme0n2', 'deny filesystem/wipe-device'],
    ['nvme zns report-zones /dev/nvme0n2', 'allow'],
    // blocks zeroed, written or deallocated
    ['sudo nvme write-zeroes /dev/nvme0n1 -s 0 -c 65535', 'deny filesystem/wipe-device'],
    ['nvme write /dev/nvme0n1 -s 0 -c 7 -z 4096 -d ./block.bin', 'deny filesystem/wipe-device'],
    ['nvme dsm /dev/nvme0n1 --ad -s 0 -b 1000000', 'deny filesystem/wipe-device'],
    ['nvme dsm /dev/nvme0n1 --idr -s 0 -b 8', 'allow'],
    ['nvme read /dev/nvme0n1 -s 0 -c 7 -z 4096', 'allow'],
    ['hdparm --user-master u --security-erase p /dev/sdb', 'deny filesystem/wipe-device'],
    ['hdparm --security-erase-enhanced NULL /dev/sdc', 'deny filesystem/wipe-device'],
    // sectors trimmed (their data gone), zeroed or made unreadable
    ['hdparm --please-destroy-my-drive --trim-sector-ranges 0:65535 /dev/sdb', 'deny filesystem/wipe-device'],
    ['hdparm --trim-sector-ranges-stdin --please-destroy-my-drive /dev/sdb', 'deny filesystem/wipe-device'],
    ['hdparm --yes-i-know-what-i-am-doing --write-sector 2048 /dev/sda', 'deny filesystem/wipe-device'],
    ['hdparm --yes-i-know-what-i-am-doing --make-bad-sector 2048 /dev/sda', 'deny filesystem/wipe-device'],
    ['hdparm --read-sector 2048 /dev/sda', 'allow'],
    ['nvme list', 'allow'],
    ['nvme smart-log /dev/nvme0', 'allow'],
    ['hdparm -I /dev/sda', 'allow'],
    ['sudo badblocks -wsv /dev/sdb', 'deny filesystem/wipe-device'],
    ['badblocks -b 4096 -w /dev/nvme0n1 100000', 'deny filesystem/wipe-device'],
    ['badblocks -sv /dev/sdb', 'allow'],
    ['badblocks -nsv /dev/sdb', 'allow'],
    ['hdparm -tT /dev/sda', 'allow'],
    // a subvolume inside the workspace is the workspace's own folder
    ['btrfs subvolume delete ./snapshots/@old', 'allow'],
    // reads, creations, snapshots, dry runs
    ['zfs destroy -nv tank/prod', 'allow'],
    ['zfs list -t snapshot', 'allow'],
    ['zfs snapshot tank/db@before-migration', 'allow'],
    ['zpool status tank', 'allow'],
    ['lvcreate -L 10G -n scratch vg0', 'allow'],
    ['btrfs subvolume list /mnt/data', 'allow'],
    ['btrfs subvolume snapshot /mnt/data/@prod /mnt/data/@prod-snap', 'allow'],
    ['mdadm --detail /dev/md0', 'allow'],
    ['virsh undefine old-vm', 'allow'],
    ['virsh vol-list default', 'allow'],
    ['parted -l', 'allow'],
    ['parted -s /dev/sda print', 'allow'],
    // a WSL distribution unregistered: its virtual disk is deleted
    ['wsl --unregister Ubuntu-22.04', 'ask filesystem/format-filesystem'],
    ['wsl.exe --unregister Debian', 'ask filesystem/format-filesystem'],
    ['wsl --list --verbose', 'allow'],
    ['wsl --export Ubuntu ./ubuntu.tar', 'allow'],
    // scrub overwrites what it names, like shred
    ['sudo scrub -p dod /dev/sdb', 'deny filesystem/delete-system-file,filesystem/wipe-device'],
    ['scrub -f -r /etc/passwd', 'deny filesystem/destroy-root-home-system'],
    ['scrub --pattern=nnsa /dev/nvme0n1', 'deny filesystem/delete-system-file,filesystem/wipe-device'],
    ['scrub -r ./tmp/secret.txt', 'allow'],
    ['scrub -X /tmp/fill', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
