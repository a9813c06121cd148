/**
 * Imagers and formatters writing a filesystem onto a device (src/extract/fs-restore.ts):
 * the output is overwritten or formatted, so a disk is a wiped device and an image file in
 * the workspace is routine; reads name no output. Through the real pipeline with the
 * filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');

describe('device imagers and formatters (filesystem pack)', () => {
  it.each([
    ['sudo partclone.ext4 -r -s /mnt/usb/old-root.img -o /dev/nvme0n1p2', 'deny filesystem/wipe-device'],
    ['partclone.xfs --restore -s /backups/data.img --output /dev/sdb1', 'deny filesystem/wipe-device'],
    ['partclone.ntfs -b -s /dev/sda3 -o /dev/sdc1', 'deny filesystem/wipe-device'],
    ['partclone.dd -s disk.img -O /dev/mmcblk0p2', 'deny filesystem/wipe-device'],
    ['partclone.ext4 -c -s /dev/sdb1 -o /dev/sdc', 'deny filesystem/wipe-device'],
    ['partclone.ext4 -c -s /dev/sdb1 -o /etc/fstab', 'ask filesystem/write-system-file'],
    ['partclone.ext4 -c -s /dev/sdb1 -o backup.img', 'allow'],
    ['partclone.ext4 -c -s /dev/sdb1 -o - ', 'allow'],
    ['partclone.info -s backup.img', 'allow'],
    ['partclone.chkimg -s backup.img', 'allow'],
    ['sudo fsarchiver restfs /mnt/usb/root-2023.fsa id=0,dest=/dev/sda2', 'deny filesystem/wipe-device'],
    [
      'fsarchiver restfs -v -j4 b.fsa id=0,dest=/dev/nvme0n1p3,mkfs=ext4 id=1,dest=/dev/nvme0n1p4',
      'deny filesystem/wipe-device',
    ],
    ['fsarchiver restdir /mnt/usb/etc.fsa /etc', 'ask filesystem/write-system-file'],
    ['fsarchiver savefs -z 7 ./root.fsa /dev/sda2', 'allow'],
    ['fsarchiver restdir etc.fsa ./restored', 'allow'],
    ['fsarchiver archinfo /mnt/usb/root-2023.fsa', 'allow'],
    ['fsarchiver probe simple', 'allow'],
    ['partimage -b restore /dev/sda1 /mnt/backup/sda1.partimg.gz.000', 'deny filesystem/wipe-device'],
    ['partimage -z1 -b save /dev/sda1 ./sda1.partimg.gz', 'allow'],
    ['partimage imginfo sda1.partimg.gz.000', 'allow'],
    ['ocs-sr -g auto -e1 auto -e2 -r -j2 -p reboot restoredisk 2024-img sda', 'deny filesystem/wipe-device'],
    ['ocs-sr -e1 auto -p true restoreparts web-img nvme0n1p2 nvme0n1p3', 'deny filesystem/wipe-device'],
    ['ocs-sr -q2 -j2 -z1p -i 4096 -p true savedisk nightly sda', 'allow'],
    ['ocs-onthefly -s sda -t sdb', 'deny filesystem/wipe-device'],
    ['sudo bcachefs format --force /dev/nvme1n1 /dev/sdb', 'deny filesystem/wipe-device'],
    ['bcachefs format --compression=zstd --label ssd.ssd1 /dev/sdc', 'deny filesystem/wipe-device'],
    ['bcachefs device add /mnt/pool /dev/sde', 'deny filesystem/wipe-device'],
    ['bcachefs show-super /dev/sdb', 'allow'],
    ['bcachefs fs usage -h /mnt/pool', 'allow'],
    ['bcachefs format --help', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });
});
