/**
 * Flash chips and firmware erased or written (src/extract/fs-flash.ts): read as a format of the
 * chip. Reads, verifies, listings and plain firmware updates are not. Through the real pipeline
 * with the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');
const WIPE = 'deny filesystem/wipe-device';
const ASK = 'ask filesystem/format-filesystem';

describe('flash chips and firmware erased or written (filesystem pack)', () => {
  it.each([
    ['sudo flashrom -p internal -E', ASK],
    ['sudo flashrom -p internal -w new.rom', ASK],
    ['flashrom --programmer ch341a_spi --erase', ASK],
    ['flashrom -p linux_spi:dev=/dev/spidev0.0,spispeed=8000 --write fw.bin', ASK],
    ['sudo flash_erase /dev/mtd2 0 0', WIPE],
    ['sudo flash_eraseall /dev/mtd0', WIPE],
    ['sudo flashcp -v image.bin /dev/mtd0', WIPE],
    ['sudo mtd_debug erase /dev/mtd0 0 0x100000', WIPE],
    ['sudo mtd_debug write /dev/mtd0 0 1024 x.bin', WIPE],
    ['sudo nandwrite -p /dev/mtd1 rootfs.img', WIPE],
    ['sudo ubiformat /dev/mtd3 -f rootfs.ubi', WIPE],
    ['mtd -r write openwrt-sysupgrade.bin firmware', ASK],
    ['mtd erase rootfs_data', ASK],
    ['sudo avrdude -p m328p -c usbasp -e', ASK],
    ['avrdude -c arduino -P /dev/ttyACM0 -p atmega328p -U flash:w:main.hex:i', ASK],
    ['sudo fwupdmgr downgrade', ASK],
    ['sudo fwupdmgr install firmware.cab --allow-older --force', ASK],
    ['sudo fwupdtool install-blob fw.bin', ASK],
    ['sudo flashrom -p internal -r backup.rom', 'allow'],
    ['sudo flashrom -p internal -v backup.rom', 'allow'],
    ['sudo flashrom -p internal --flash-name', 'allow'],
    ['flashrom --help', 'allow'],
    ['sudo mtd_debug info /dev/mtd0', 'allow'],
    ['sudo mtd_debug read /dev/mtd0 0 1024 out.bin', 'allow'],
    ['avrdude -c arduino -p atmega328p -U flash:r:dump.hex:i', 'allow'],
    ['fwupdmgr get-devices', 'allow'],
    ['fwupdmgr get-updates', 'allow'],
    ['sudo fwupdmgr update', 'allow'],
  ])('%s', (script, want) => expect(verdict(script)).toBe(want));
});
