/**
 * Storage made smaller, and repairs that throw data away to finish, read as a format of what
 * they name (fs fact, op `format`): what is cut off or discarded is gone.
 *
 * - Shrinks: `lvreduce` (any size), `lvresize -L|-l` to a smaller size (`-20G`) or to an
 *   absolute one (it may be smaller than now: asked), `pvresize --setphysicalvolumesize`,
 *   `resize2fs DEV SIZE` or `-M`, `btrfs filesystem resize -N|N PATH` (not `+N` or `max`),
 *   `vgreduce --removemissing --force` (the volumes on the missing disks removed).
 * - Repairs that discard: `xfs_repair -L` (the metadata log zeroed: its changes lost), `btrfs
 *   check --repair|--init-extent-tree|--init-csum-tree`, `btrfs rescue zero-log|chunk-recover`,
 *   `fsck -y` and its kin (`e2fsck`, `fsck.ext4`, `fsck_ffs`, `fsck_apfs` …: every fix accepted,
 *   inodes cleared without asking), `reiserfsck --rebuild-tree|--rebuild-sb`, `zpool import -F`
 *   (the last transactions rewound away; with `-n` it only says whether it could).
 *
 * What is named is read like any path, but a device is storage of class `unknown` (asked, not
 * refused like a wipe: the data mostly stays); a name that is no path (`vg0/data`) too. Dry
 * runs (`--test`, `xfs_repair -n`, `fsck -n`), growing and printing find nothing.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import type { FsHandler } from './fs-fact.js';
import { hasAny, lastValue, parseOptions, type OptionSpec } from './fs-options.js';
import { VOLUME_HANDLERS } from './fs-volumes.js';
import { formatOf } from './fs-raw-devices.js';

/** The LVM tools' options that take a value. */
const LVM: OptionSpec = {
  shortWithValue: 'LliIn',
  longWithValue: [
    'size',
    'extents',
    'config',
    'commandprofile',
    'profile',
    'stripes',
    'stripesize',
    'type',
    'setphysicalvolumesize',
    'reportformat',
    'poolmetadatasize',
    'alloc',
  ],
};

/** A cut of the storage at argv indices `idx`: a device path, a path or a name as storage of class `unknown`. */
const cut = (cmd: NormalizedCommand, ctx: AnalyzeContext, idx: number[]) =>
  formatOf(cmd, ctx, idx, 'unknown');

/** `--test` (-t): LVM only shows what it would do; `--help`: nothing runs. */
const lvmDry = (cmd: NormalizedCommand) => cmd.argv.some((a) => /^(-t|--test|-h|--help|--version)$/.test(a));

/** `lvreduce VG/LV` at any size; `lvresize` to a smaller (`-N`) or absolute size. */
const lvm: FsHandler = (cmd, ctx) => {
  if (lvmDry(cmd)) return [];
  const o = parseOptions(cmd.argv, 1, LVM);
  if (cmd.program === 'lvresize') {
    const size = lastValue(o, 'L', 'size', 'l', 'extents');
    // growing (`+10G`) keeps everything; a size not known statically may shrink
    if (size === undefined || size.startsWith('+')) return [];
  }
  if (cmd.program === 'pvresize' && !hasAny(o, 'setphysicalvolumesize')) return [];
  if (cmd.program === 'vgreduce' && !(hasAny(o, 'removemissing') && hasAny(o, 'f', 'force'))) return [];
  return cut(cmd, ctx, o.operands);
};

/** `resize2fs DEV SIZE` (a size may be smaller) or `-M` (to the minimum); `-P` only prints. */
const resize2fs: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'bdsSz' });
  if (hasAny(o, 'P')) return [];
  return o.operands.length > 1 || hasAny(o, 'M') ? cut(cmd, ctx, o.operands.slice(0, 1)) : [];
};

/** `xfs_repair -L DEV`: the log zeroed; `-n` changes nothing. */
const xfsRepair: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'lrmoc' });
  return hasAny(o, 'L') && !hasAny(o, 'n') ? cut(cmd, ctx, o.operands) : [];
};

/** fsck and its kin told to accept every fix (`-y`, also `-fy`); `-n` answers no to all. */
const fsckYes: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'bBCEjlLtz' });
  return hasAny(o, 'y') && !hasAny(o, 'n', 'N') ? cut(cmd, ctx, o.operands) : [];
};

/** `btrfs check --repair`, `btrfs rescue zero-log`, `btrfs filesystem resize -N|N PATH`; else fs-volumes.ts. */
const btrfs: FsHandler = (cmd, ctx) => {
  const own = VOLUME_HANDLERS.btrfs(cmd, ctx);
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'bsQ', longWithValue: ['subvol', 'tree-root'] });
  const [group, verb, ...rest] = o.operands;
  const g = cmd.argv[group] ?? '';
  const v = cmd.argv[verb] ?? '';
  const repairs =
    (/^(check|chec|che|ch)$/.test(g) && hasAny(o, 'repair', 'init-extent-tree', 'init-csum-tree')) ||
    (/^(rescue|resc|res)$/.test(g) && /^(zero-log|chunk-recover)$/.test(v));
  if (repairs) return [...own, ...cut(cmd, ctx, /^rescue/.test(g) ? rest : [verb, ...rest].filter(Boolean))];
  // `btrfs filesystem resize [DEVID:]SIZE PATH`: a size without `+` may be smaller than now
  if (/^(filesystem|fi|fil|file)$/.test(g) && /^(resize|res)$/.test(v)) {
    // the size may start with `-` (`-10g`): read it by position, not as an option
    const size = cmd.argv[verb + 1] ?? '';
    if (/(^|:)(\+|max$)/.test(size)) return own;
    return [
      ...own,
      ...cut(
        cmd,
        ctx,
        rest.filter((i) => i > verb + 1),
      ),
    ];
  }
  return own;
};

/** `zpool import -F POOL` (rewinds the last transactions away; `-n` only tells); else fs-volumes.ts. */
const zpool: FsHandler = (cmd, ctx) => {
  const own = VOLUME_HANDLERS.zpool(cmd, ctx);
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'dcoRTst' });
  const [sub, ...pools] = o.operands;
  if (cmd.argv[sub] !== 'import' || !hasAny(o, 'F', 'X') || hasAny(o, 'n')) return own;
  return [...own, ...cut(cmd, ctx, pools.length ? pools : [sub])];
};

/** `reiserfsck --rebuild-tree|--rebuild-sb DEV`: the tree rebuilt from what it finds. */
const reiserfsck: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'jlS' });
  return hasAny(o, 'rebuild-tree', 'rebuild-sb') ? cut(cmd, ctx, o.operands) : [];
};

/** Programs of the fsck family (`fsck`, `e2fsck`, `fsck.ext4`, `fsck_apfs`, `fsck_ffs`). */
export const isFsck = (p: string) => /^(fsck|e2fsck|fsck[._][a-z0-9]+)$/.test(p);

/** Program → reader of the storage it shrinks or repairs by discarding data (read as a format); a program not listed is not this module's. */
export const SHRINK_HANDLERS: Record<string, FsHandler> = {
  lvreduce: lvm,
  lvresize: lvm,
  pvresize: lvm,
  vgreduce: lvm,
  resize2fs,
  xfs_repair: xfsRepair,
  btrfs,
  zpool,
  reiserfsck,
};
/** `lvm COMMAND ARGS…`: LVM's own shell runs the command named (`lvm lvreduce …`, `lvm lvremove …`). */
SHRINK_HANDLERS.lvm = (cmd, ctx) => {
  const sub = cmd.argv[1] ?? '';
  const handler = Object.hasOwn(SHRINK_HANDLERS, sub)
    ? SHRINK_HANDLERS[sub]
    : Object.hasOwn(VOLUME_HANDLERS, sub)
      ? VOLUME_HANDLERS[sub]
      : undefined;
  return handler ? handler({ ...cmd, program: sub, argv: cmd.argv.slice(1) }, ctx) : [];
};

/** The fsck family's reader (its programs are many: see isFsck). */
export const fsckHandler = fsckYes;
