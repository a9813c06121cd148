/**
 * A host's automatic snapshots switched off by a setting rather than a command that deletes:
 * ZFS's auto-snapshot property set off on a dataset (`zfs set com.sun:auto-snapshot=false`,
 * also per label, `com.sun:auto-snapshot:daily=false`, the same property read by
 * zfs-auto-snapshot, sanoid's and TrueNAS's tools) or znapzend's plan disabled
 * (`org.znapzend:enabled=off`), and snapper's timeline switched off or its limits set to zero
 * (`snapper set-config TIMELINE_CREATE=no`, `NUMBER_LIMIT=0`: cleanup then keeps none). Read
 * as CloudFacts of service `backups`, verb `disable` (what cloud-backups.ts makes for `tmutil
 * disable`). A value not known statically counts as off (fail closed); setting them on, and
 * every other property, makes no fact; `zfs inherit` of one takes a parent's value not known
 * here and counts as off.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { draft } from './cloud-backups.js';

/** ZFS user properties that schedule snapshots or their replication. */
const ZFS_SNAPSHOT_PROPS = /^(com\.sun:auto-snapshot(:[\w-]+)?|org\.znapzend:enabled)$/i;

/** snapper settings that stop snapshots being taken, or leave none kept. */
const SNAPPER_OFF = /^(TIMELINE_CREATE=(no|false|0)|(NUMBER_LIMIT|TIMELINE_LIMIT_\w+)=0(-0)?)$/i;

/** `zfs set PROP=VALUE… DATASET…`: a snapshot property set to anything but on. */
function zfs(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  // `zfs inherit PROP DATASET`: the parent's value, not known here, may be off (fail closed)
  if (words[0] === 'inherit' && ZFS_SNAPSHOT_PROPS.test(words[1] ?? ''))
    return draft(cmd, 'disable', `${words[1]} inherited on ${words.slice(2).join(' ')}`, false);
  if (words[0] !== 'set') return undefined;
  const off = words.slice(1).filter((w) => {
    const [prop, ...value] = w.split('=');
    // fail closed: a value not known statically (`=$V`) may be off
    return value.length > 0 && ZFS_SNAPSHOT_PROPS.test(prop) && !/^(true|on|yes)$/i.test(value.join('='));
  });
  if (!off.length) return undefined;
  const datasets = words.slice(1).filter((w) => !w.includes('='));
  return draft(cmd, 'disable', `${off.join(' ')} on ${datasets.join(' ') || 'a dataset'}`, false);
}

/** `snapper [-c CONFIG] set-config KEY=VALUE…` switching the timeline off or keeping none. */
function snapper(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  if (!args.includes('set-config')) return undefined;
  const off = args.filter((a) => SNAPPER_OFF.test(a));
  return off.length ? draft(cmd, 'disable', off.join(' '), false) : undefined;
}

/** Programs this module reads, by name. */
export const SNAPSHOT_OFF_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  zfs,
  snapper,
};
