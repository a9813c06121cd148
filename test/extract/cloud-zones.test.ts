/**
 * Solaris and illumos zones (src/extract/cloud-zones.ts): `zoneadm uninstall` deletes the zone's
 * root (a generic delete: saas asks), `halt`/`reboot` stop it at once (host/take-down asks);
 * listing, booting and a clean shutdown pass.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const saas = await packVerdict('saas');
const host = await packVerdict('host');

describe('zones uninstalled or stopped at once', () => {
  it.each([
    ['sudo zoneadm -z web01 uninstall -F', saas, 'ask saas/unknown-cli-destroy'],
    ['zoneadm -z db02 uninstall', saas, 'ask saas/unknown-cli-destroy'],
    ['zoneadm -R /a -z web01 uninstall -F', saas, 'ask saas/unknown-cli-destroy'],
    // no zone named: the one it runs in, or whichever (fail closed)
    ['zoneadm uninstall -F', saas, 'ask saas/unknown-cli-destroy'],
    ['zoneadm -z db02 halt', host, 'ask host/take-down'],
    ['pfexec zoneadm -z app03 reboot', host, 'ask host/take-down'],
    ['zoneadm list -cv', saas, 'allow'],
    ['zoneadm -z web01 boot', saas, 'allow'],
    ['zoneadm -z web01 shutdown', host, 'allow'],
    ['zoneadm -z web01 install', saas, 'allow'],
    ['zoneadm -z web01 verify', host, 'allow'],
  ])('%s → %s', (line, verdict, want) => {
    expect(verdict(line)).toBe(want);
  });
});
