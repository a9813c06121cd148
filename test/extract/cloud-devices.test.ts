/**
 * Network gear wiped or reset to factory settings by its own command line
 * (src/extract/cloud-devices.ts), usually over ssh. Through the real pipeline with the hosting
 * pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('hosting');
const RESET = 'ask hosting/network-device-reset';

describe('network devices reset (hosting pack)', () => {
  it.each([
    ["ssh -t netops@edge-rtr01.prod.example.com 'request system zeroize media'", RESET],
    ["ssh admin@core-sw01 'request system zeroize'", RESET],
    [`ssh netops@rtr2 'cli -c "request system zeroize media"'`, RESET],
    ["ssh admin@pa-fw01 'request system private-data-reset'", RESET],
    ["ssh netops@rtr3 'load factory-default'", RESET],
    [
      `sshpass -p "$PW" ssh admin@mt-edge1 '/system reset-configuration no-defaults=yes skip-backup=yes'`,
      RESET,
    ],
    ["ssh admin@mt-edge2 '/system/reset-configuration'", RESET],
    ["ssh admin@fw01 'execute factoryreset'", RESET],
    ["ssh admin@fw01 'execute formatlogdisk'", RESET],
    ["ssh admin@huawei-sw 'reset saved-configuration'", RESET],
    ["ssh admin@sw1 'write erase'", RESET],
    ["ssh root@openwrt 'firstboot -y && reboot'", RESET],
    ["ssh ubnt@ap1 'syswrapper.sh restore-default'", RESET],
    ["ssh admin@asa 'clear configure all'", RESET],
    ["ssh netops@edge-rtr01 'show system uptime'", 'allow'],
    ['ssh netops@rtr2 \'cli -c "show interfaces terse"\'', 'allow'],
    ["ssh admin@mt-edge1 '/system resource print'", 'allow'],
    ["ssh admin@fw01 'execute ping 8.8.8.8'", 'allow'],
    ["ssh netops@rtr3 'request system software validate /var/tmp/junos.tgz'", 'allow'],
    ['reset', 'allow'],
    ['clear', 'allow'],
    ["ssh admin@asa 'clear configure access-list'", 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});

describe('Android devices erased through fastboot (hosting pack)', () => {
  const WIPE = 'ask hosting/mobile-device-wipe';
  it.each([
    ['fastboot -w', WIPE],
    ['fastboot erase userdata', WIPE],
    ['fastboot format:ext4 userdata', WIPE],
    ['fastboot flashall -w', WIPE],
    ['fastboot -s emulator-5554 -w reboot', WIPE],
    ['fastboot --slot a update -w image-walleye.zip', WIPE],
    ['fastboot flashing unlock', WIPE],
    ['fastboot oem unlock', WIPE],
    ['fastboot flash userdata userdata.img', WIPE],
    ['fastboot wipe-super super_empty.img', WIPE],
    ['fastboot devices', 'allow'],
    ['fastboot getvar all', 'allow'],
    ['fastboot reboot', 'allow'],
    ['fastboot -s 0123abcd flash boot boot.img', 'allow'],
    ['fastboot boot twrp.img', 'allow'],
    ['fastboot --help', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
