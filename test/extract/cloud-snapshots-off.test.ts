/**
 * Automatic snapshots switched off by a setting (src/extract/cloud-snapshots-off.ts): ZFS's
 * auto-snapshot and znapzend properties, snapper's timeline. Through the real pipeline with the
 * protection pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('protection');
const OFF = 'ask protection/backups-deleted';

describe('snapshots switched off by property (protection pack)', () => {
  it.each([
    ['zfs set com.sun:auto-snapshot=false tank/prod/db', OFF],
    ['sudo zfs set com.sun:auto-snapshot:daily=off tank/prod', OFF],
    ['zfs set org.znapzend:enabled=off tank/prod', OFF],
    ['for ds in $(zfs list -H -o name); do zfs set com.sun:auto-snapshot=false "$ds"; done', OFF],
    ['zfs list -H -o name | xargs -n1 zfs set com.sun:auto-snapshot=false', OFF],
    // fail closed: a value not known statically may be off
    ['zfs set com.sun:auto-snapshot="$STATE" tank/prod', OFF],
    ['snapper -c root set-config TIMELINE_CREATE=no', OFF],
    ['snapper -c home set-config NUMBER_LIMIT=0', OFF],
    // the parent's value, not known here
    ['zfs inherit com.sun:auto-snapshot tank/prod', OFF],
    ['zfs set com.sun:auto-snapshot=true tank/prod/db', 'allow'],
    ['zfs inherit compression tank/prod', 'allow'],
    ['zfs set compression=lz4 tank/prod/db', 'allow'],
    ['zfs get com.sun:auto-snapshot tank/prod', 'allow'],
    ['snapper -c root set-config TIMELINE_LIMIT_DAILY=7', 'allow'],
    ['snapper -c root list', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
