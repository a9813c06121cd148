/**
 * Pools, volume groups and arrays built over whole devices (src/extract/fs-pools.ts), and the
 * key slots of an encrypted device removed (src/extract/fs-format.ts): read as a format of the
 * devices. Status, listing, dry runs and new keys are not. Through the real pipeline with the
 * filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');
const WIPE = 'deny filesystem/wipe-device';

describe('pools and arrays built over devices (filesystem pack)', () => {
  it.each([
    ['sudo zpool create -f tank mirror /dev/sdb /dev/sdc', WIPE],
    ['zpool create tank sdb', WIPE],
    [
      'sudo zpool create -o ashift=12 -O compression=lz4 tank raidz2 /dev/disk/by-id/ata-1 /dev/disk/by-id/ata-2',
      WIPE,
    ],
    ['sudo zpool add -f tank log nvme0n1', WIPE],
    ['sudo zpool attach tank /dev/sdb /dev/sdd', WIPE],
    ['sudo zpool replace -f tank sdb sde', WIPE],
    ['sudo pvcreate -ff -y /dev/sdb', WIPE],
    ['sudo pvcreate --metadatasize 1m /dev/nvme1n1', WIPE],
    ['sudo vgcreate data /dev/sdb /dev/sdc', WIPE],
    ['sudo vgextend -y data /dev/sdd', WIPE],
    ['sudo lvm pvcreate /dev/sdb', WIPE],
    ['sudo btrfs device add -f /dev/sdd /mnt/data', WIPE],
    ['sudo btrfs replace start -f 2 /dev/sde /mnt/data', WIPE],
    ['sudo stratis pool create pool1 /dev/sdb /dev/sdc', WIPE],
    ['sudo stratis pool add-data pool1 /dev/sdd', WIPE],
    ['sudo vdo create --name=vdo1 --device=/dev/sdb --force', WIPE],
    // key slots removed: the data is unreadable without them
    ['sudo cryptsetup luksKillSlot -q /dev/nvme0n1p3 0', WIPE],
    ['sudo cryptsetup --batch-mode luksKillSlot /dev/sda2 1', WIPE],
    ['sudo cryptsetup luksRemoveKey /dev/sda2', WIPE],
    ['sudo cryptsetup luksHeaderRestore /dev/sda2 --header-backup-file hdr.img', WIPE],
    ['sudo systemd-cryptenroll --wipe-slot=all /dev/sda2', WIPE],
    ['sudo systemd-cryptenroll /dev/sda2 --wipe-slot password', WIPE],
    ['sudo clevis luks unbind -d /dev/sda2 -s 1 -f', WIPE],
    ['sudo wipefs --all --force /dev/nvme0n1', WIPE],
    // a pool over image files in the workspace, a zvol in an existing pool: not a device
    ['zpool status tank', 'allow'],
    ['zpool iostat -v 5', 'allow'],
    ['sudo zpool create -n tank mirror /dev/sdb /dev/sdc', 'allow'],
    ['sudo zpool scrub tank', 'allow'],
    ['sudo zfs create -V 10G tank/vol', 'allow'],
    ['sudo pvs', 'allow'],
    ['sudo vgdisplay data', 'allow'],
    ['sudo btrfs device stats /mnt/data', 'allow'],
    ['sudo stratis pool list', 'allow'],
    ['sudo cryptsetup luksDump /dev/nvme0n1p3', 'allow'],
    ['sudo cryptsetup luksAddKey /dev/sda2', 'allow'],
    ['sudo cryptsetup luksHeaderBackup /dev/sda2 --header-backup-file /root/hdr.img', 'allow'],
    ['sudo systemd-cryptenroll --tpm2-device=auto /dev/sda2', 'allow'],
    ['sudo clevis luks list -d /dev/sda2', 'allow'],
    ['sudo wipefs /dev/sdb', 'allow'],
    ['sudo wipefs --no-act -a /dev/sdb', 'allow'],
  ])('%s', (script, want) => expect(verdict(script)).toBe(want));
});
