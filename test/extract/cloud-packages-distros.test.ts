/**
 * Gentoo's, Void's, OpenWrt's and Solus' package managers removing essential packages or
 * removing with the dependency checks off (src/extract/cloud-packages-distros.ts) ask;
 * ordinary removals, dry runs, depclean and installs do not. Host pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('host');

describe('distribution package managers removing the system', () => {
  it.each([
    'sudo emerge --unmerge sys-libs/glibc',
    'emerge -C sys-apps/portage',
    'sudo emerge -aC =sys-libs/glibc-2.39-r1',
    'emerge --rage-clean sys-apps/openrc',
    'emerge -C @system',
    'emerge --root /mnt/gentoo -C sys-apps/baselayout',
    // a name only known at run time: unmerge checks nothing, so it may be the C library
    'emerge --unmerge $PKG',
    'sudo xbps-remove -F $PKG',
    'sudo xbps-remove -Ff glibc',
    'xbps-remove -R base-system',
    'xbps-remove -y xbps',
    'sudo xbps-remove -F libfoo',
    'opkg remove --force-depends busybox',
    'opkg remove --force-removal-of-dependent-packages libubox',
    'sudo eopkg rm glibc',
    'eopkg remove --ignore-dependency nano',
  ])('%s asks', async (cmd) => {
    expect(await verdict(cmd)).toBe('ask host/remove-system-package');
  });

  it.each([
    'sudo emerge --unmerge app-editors/nano',
    'emerge -pC sys-libs/glibc',
    'emerge --pretend --unmerge sys-libs/glibc',
    'emerge --ask --depclean',
    'emerge -av sys-libs/glibc',
    'emerge --sync',
    'xbps-remove -R vim',
    // xbps-remove refuses to break what depends on it (as apt does)
    'xbps-remove $PKG',
    'sudo xbps-remove -Oo',
    'xbps-remove -n glibc',
    'xbps-query -l',
    'opkg remove luci-app-sqm',
    'opkg install busybox',
    'eopkg rm firefox',
  ])('%s is allowed', async (cmd) => {
    expect(await verdict(cmd)).toBe('allow');
  });
});
