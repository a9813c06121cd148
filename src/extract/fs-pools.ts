/**
 * Storage pools, volume groups and arrays built over whole devices: what the devices held is
 * overwritten by the new labels and metadata. `zpool create|add|attach|replace` (the devices
 * given; `-n` only shows the layout), `pvcreate DEV…`, `vgcreate VG DEV…`, `vgextend VG DEV…`,
 * `btrfs device add DEV… PATH` and `btrfs replace start SRC DEV PATH` (the new device),
 * `stratis pool create|add-data|add-cache|init-cache POOL DEV…` and `vdo create --device=DEV`.
 * Each is read as a format of the devices (fs fact, op `format`): a /dev path is a device
 * (refused like a wipe); a bare disk name as zpool takes it (`sdb`, `nvme0n1`, `da1`) is that
 * device under /dev; another name (a file vdev, a pool) is classified as any path. `mdadm
 * --create` is read by fs-volumes.ts, `mkfs.*` and `wipefs` by fs-format.ts.
 */
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, parseOptions, type OptionSpec } from './fs-options.js';
import { target, targetOf } from './fs-paths.js';
import { SHRINK_HANDLERS } from './fs-shrink.js';

/** zpool's options with a value (`-o ashift=12`, `-O compression=on`, `-m MOUNT`, `-R ROOT`, `-t NAME`). */
const ZPOOL: OptionSpec = { shortWithValue: 'oOmRt' };
/** zpool's words that name the kind of a vdev, not a device (`mirror`, `raidz2`, `draid1:4d`, `log`). */
const VDEV_KIND = /^(mirror|raidz[123]?|draid[123]?(:[\w:]+)?|spare|log|cache|special|dedup)$/;
/** A disk named without /dev, as zpool takes it (`sdb`, `nvme0n1`, `xvdf`, `da1`, `ada0`, `c0t1d0`). */
const BARE_DISK =
  /^(sd[a-z]+\d*|hd[a-z]+\d*|vd[a-z]+\d*|xvd[a-z]+\d*|nvme\d+n\d+(p\d+)?|a?da\d+(p\d+)?|c\d+t\d+d\d+(s\d+)?)$/;
/** The LVM tools' options with a value (`--metadatasize 1m`, `-u UUID`, `-s 4m`, `--dataalignment`). */
const LVM: OptionSpec = {
  shortWithValue: 'usMlpZ',
  longWithValue: [
    'metadatasize',
    'metadatacopies',
    'pvmetadatacopies',
    'dataalignment',
    'dataalignmentoffset',
    'uuid',
    'restorefile',
    'setphysicalvolumesize',
    'labelsector',
    'physicalextentsize',
    'maxlogicalvolumes',
    'maxphysicalvolumes',
    'addtag',
    'alloc',
    'config',
    'devices',
    'devicesfile',
    'vgmetadatacopies',
    'zero',
  ],
};

/** A device operand: a path is classified as any path; a bare disk name is that disk under /dev. */
function device(cmd: NormalizedCommand, i: number, ctx: AnalyzeContext): FsTarget {
  const raw = cmd.argv[i];
  if (!cmd.dynamicArgs.includes(i) && BARE_DISK.test(raw)) return targetOf(`/dev/${raw}`, cmd, ctx);
  return target(cmd, i, ctx);
}

const formatOf = (cmd: NormalizedCommand, ctx: AnalyzeContext, idx: number[], force: boolean) =>
  fsFact(
    cmd,
    'format',
    idx.map((i) => device(cmd, i, ctx)),
    false,
    force,
  );

/** `zpool create|add POOL VDEV…`, `zpool attach POOL DEV NEW`, `zpool replace POOL OLD [NEW]`. */
const zpoolBuild: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, ZPOOL);
  const [sub, , ...rest] = o.operands;
  const verb = cmd.argv[sub] ?? '';
  if (hasAny(o, 'n') || !/^(create|add|attach|replace)$/.test(verb)) return [];
  const devs = rest.filter((i) => !VDEV_KIND.test(cmd.argv[i]));
  // attach and replace write only the new device (the last one; `replace POOL DEV` reuses DEV)
  const written = verb === 'attach' || verb === 'replace' ? devs.slice(-1) : devs;
  return formatOf(cmd, ctx, written, hasAny(o, 'f'));
};

/** `pvcreate DEV…`; `vgcreate|vgextend VG DEV…`: the devices become LVM physical volumes. */
const lvmBuild =
  (skip: number): FsHandler =>
  (cmd, ctx) => {
    const o = parseOptions(cmd.argv, 1, LVM);
    return formatOf(cmd, ctx, o.operands.slice(skip), hasAny(o, 'f', 'y', 'force', 'yes'));
  };

/** `btrfs device add [-f] DEV… PATH`, `btrfs replace start [-f] SRC DEV PATH`; else fs-shrink.ts and fs-volumes.ts. */
const btrfs: FsHandler = (cmd, ctx) => {
  const own = SHRINK_HANDLERS.btrfs(cmd, ctx);
  const o = parseOptions(cmd.argv, 1, { longWithValue: ['format'] });
  const words = o.operands.map((i) => cmd.argv[i]);
  const force = hasAny(o, 'f', 'force');
  if (/^dev(ice)?$/.test(words[0] ?? '') && words[1] === 'add')
    return [...own, ...formatOf(cmd, ctx, o.operands.slice(2, -1), force)];
  if (words[0] === 'replace' && words[1] === 'start')
    return [...own, ...formatOf(cmd, ctx, o.operands.slice(-2, -1), force)];
  return own;
};

/** `stratis pool create|add-data|add-cache|init-cache POOL DEV…`. */
const stratis: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, {
    longWithValue: ['key-desc', 'clevis', 'tang-url', 'thumbprint', 'propagate'],
  });
  const words = o.operands.map((i) => cmd.argv[i]);
  if (words[0] !== 'pool' || !/^(create|add-data|add-cache|init-cache)$/.test(words[1] ?? '')) return [];
  return formatOf(cmd, ctx, o.operands.slice(3), true);
};

/** `vdo create --name=N --device=DEV [--force]`: DEV becomes the VDO volume's backing store. */
const vdo: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { longWithValue: ['name', 'device', 'conf-file', 'log-file'] });
  if (cmd.argv[o.operands[0]] !== 'create') return [];
  const devs = o.values.get('device') ?? [];
  return fsFact(
    cmd,
    'format',
    devs.map((d) => targetOf(d, cmd, ctx)),
    false,
    hasAny(o, 'force'),
  );
};

/** zpool: pools built over devices here, and what fs-shrink.ts (and fs-volumes.ts) read. */
const zpool: FsHandler = (cmd, ctx) => [...SHRINK_HANDLERS.zpool(cmd, ctx), ...zpoolBuild(cmd, ctx)];

/** Program → reader of the devices a pool, volume group or array is built over; a program not listed is not this module's. */
export const POOL_HANDLERS: Record<string, FsHandler> = {
  zpool,
  pvcreate: lvmBuild(0),
  vgcreate: lvmBuild(1),
  vgextend: lvmBuild(1),
  btrfs,
  stratis,
  vdo,
};
/** `lvm pvcreate|vgcreate|vgextend …`: LVM's own shell runs the command named; others as fs-shrink.ts reads them. */
POOL_HANDLERS.lvm = (cmd, ctx) => {
  const sub = cmd.argv[1] ?? '';
  const own = SHRINK_HANDLERS.lvm(cmd, ctx);
  if (!/^(pvcreate|vgcreate|vgextend)$/.test(sub)) return own;
  const dynamicArgs = cmd.dynamicArgs.filter((i) => i > 0).map((i) => i - 1);
  return [...own, ...POOL_HANDLERS[sub]({ ...cmd, program: sub, argv: cmd.argv.slice(1), dynamicArgs }, ctx)];
};
