/**
 * Disk-image writers (src/extract/fs-image-writers.ts): bmaptool copy, rpi-imager --cli,
 * caligula burn, etcher-cli, balena local flash, woeusb, Ventoy2Disk.sh, Hypriot's flash and
 * gnome-disks' restore write an image over the drive named (or
 * the one picked at a prompt). Other verbs, help and a file destination in the workspace stay
 * allowed. Through the real pipeline with the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');

describe('image writers (filesystem pack)', () => {
  it.each<[string, string]>([
    ['sudo bmaptool copy core-image-minimal.wic /dev/nvme0n1', 'deny filesystem/wipe-device'],
    ['bmaptool copy --bmap img.bmap img.wic.bz2 /dev/sdb', 'deny filesystem/wipe-device'],
    ['bmaptool -q copy --nobmap rootfs.ext4 /dev/mmcblk0', 'deny filesystem/wipe-device'],
    ['sudo rpi-imager --cli --disable-verify raspios.img.xz /dev/sdc', 'deny filesystem/wipe-device'],
    ['sudo caligula burn ubuntu.iso -o /dev/sdb', 'deny filesystem/wipe-device'],
    ['sudo caligula burn ubuntu.iso --out=/dev/sdb', 'deny filesystem/wipe-device'],
    ['sudo etcher-cli ubuntu.iso --drive /dev/sdb --yes', 'deny filesystem/wipe-device'],
    ['etcher-cli ubuntu.iso -d /dev/sdb,/dev/sdc', 'deny filesystem/wipe-device'],
    ['sudo balena local flash balena.img --drive /dev/sdb --yes', 'deny filesystem/wipe-device'],
    ['sudo woeusb --device win10.iso /dev/sdb', 'deny filesystem/wipe-device'],
    ['sudo Ventoy2Disk.sh -i /dev/sdb', 'deny filesystem/wipe-device'],
    ['sudo Ventoy2Disk.sh -I -g /dev/sdc', 'deny filesystem/wipe-device'],
    ['sudo flash -d /dev/sdb hypriotos.img', 'deny filesystem/wipe-device'],
    ['gnome-disks --restore-disk-image=img.iso --block-device /dev/sdb', 'deny filesystem/wipe-device'],
    // the drive picked at a prompt: any drive
    ['flash hypriotos.img', 'ask filesystem/write-unresolved'],
    ['sudo caligula burn ubuntu.iso', 'ask filesystem/write-unresolved'],
    ['sudo balena local flash balena.img', 'ask filesystem/write-unresolved'],
    // a file in the workspace, other verbs, help
    ['bmaptool copy img.wic ./out.img', 'allow'],
    ['bmaptool create -o img.bmap img.wic', 'allow'],
    ['bmaptool copy --help', 'allow'],
    ['bmaptool --version', 'allow'],
    ['rpi-imager', 'allow'],
    ['rpi-imager --cli --help', 'allow'],
    ['caligula --help', 'allow'],
    ['etcher-cli --version', 'allow'],
    ['balena local scan', 'allow'],
    ['woeusb --partition win10.iso /dev/sdb1', 'allow'],
    ['sudo Ventoy2Disk.sh -u /dev/sdb', 'allow'],
    ['sudo Ventoy2Disk.sh -l /dev/sdb', 'allow'],
    ['flash --help', 'allow'],
    ['gnome-disks', 'allow'],
  ])('%s → %s', (cmd, want) => {
    expect(verdict(cmd)).toBe(want);
  });
});
