/**
 * Volume managers and virtual machine storage: commands that destroy a volume, a pool, a
 * dataset or its snapshots on this machine (`zfs destroy`, `zfs rollback`, `zpool destroy`,
 * `lvremove`, `vgremove`, `pvremove`, `btrfs subvolume delete`, `mdadm --zero-superblock`
 * or `--create`, `virsh vol-delete`, `virsh undefine --remove-all-storage`) or erase a drive
 * (`nvme format`, `nvme sanitize`, `nvme zns reset-zone`, `nvme write-zeroes` or `dsm
 * --ad`, `hdparm --security-erase` or `--trim-sector-ranges`, `badblocks -w`: its write test
 * overwrites every block), or delete a virtual machine's disk
 * (`wsl --unregister NAME`: the distribution and its virtual disk go). Each is read as a
 * format of what it names (fs fact, op `format`): a path is classified as any path (a
 * /dev path is a device, refused like a wipe; a folder inside the workspace is the
 * workspace's), and a volume name, which is no file, is storage of class `unknown` (asked).
 * What only lists, creates, snapshots or dry-runs gives nothing. `scrub FILE|DEV` overwrites
 * what it names with patterns, like shred, and is read as one (fs fact, op `shred`); `-X DIR`
 * (--freespace) fills a new directory instead.
 */
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, parseOptions, type OptionSpec, type ParsedOptions } from './fs-options.js';
import { target } from './fs-paths.js';

/** mdadm's options that take a value (zfs, zpool, btrfs and the LVM tools here take none). */
const MDADM: OptionSpec = {
  shortWithValue: 'lnec',
  longWithValue: ['level', 'raid-devices', 'metadata', 'config', 'chunk'],
};
/** nvme-cli's options with a value (`--ses=1` / `-s 1`, `--namespace-id`, `--lbaf` …). */
const NVME: OptionSpec = {
  shortWithValue: 'snlpimbtraBIo',
  longWithValue: [
    'ses',
    'namespace-id',
    'lbaf',
    'pi',
    'pil',
    'ms',
    'timeout',
    'sanact',
    'ause',
    'owpass',
    'oipbp',
    'nodas',
    'ovrpat',
    'block-size',
    'reset',
    'output-format',
  ],
};
/** hdparm's ATA security options, each with a password value. */
const HDPARM: OptionSpec = {
  shortWithValue: '',
  longWithValue: [
    'user-master',
    'security-erase',
    'security-erase-enhanced',
    'security-set-pass',
    'security-mode',
    'security-unlock',
    'security-disable',
    'trim-sector-ranges',
    'write-sector',
    'make-bad-sector',
  ],
};
const VIRSH: OptionSpec = {
  shortWithValue: 'c',
  longWithValue: ['pool', 'connect', 'domain', 'vol', 'algorithm'],
};

/** A path operand is classified as any path; a name (no `/` at its start, not `./`) is storage, not a file. */
function volumeTarget(cmd: NormalizedCommand, i: number, ctx: AnalyzeContext): FsTarget {
  const raw = cmd.argv[i];
  if (/^(\/|\.\.?\/|~)/.test(raw) || cmd.dynamicArgs.includes(i)) return target(cmd, i, ctx);
  return { raw, path: raw, class: 'unknown', glob: false };
}

/** A format of the volumes at argv indices `idx` (no prompt: these tools ask nothing). */
const formatOf = (cmd: NormalizedCommand, ctx: AnalyzeContext, idx: number[], recursive: boolean) =>
  fsFact(
    cmd,
    'format',
    idx.map((i) => volumeTarget(cmd, i, ctx)),
    recursive,
    true,
  );

/**
 * `tool [GROUP] VERB NAME…` for the verbs in `verbs`, after the group `group` when given
 * (`btrfs subvolume delete`); `dry`: a short flag that makes it a dry run (`zfs destroy -n`).
 */
const verbOf =
  (verbs: RegExp, dry?: string, group?: RegExp): FsHandler =>
  (cmd, ctx) => {
    const o = parseOptions(cmd.argv, 1);
    let ops = o.operands;
    if (group) {
      if (!ops.length || !group.test(cmd.argv[ops[0]])) return [];
      ops = ops.slice(1);
    }
    if (!ops.length || !verbs.test(cmd.argv[ops[0]]) || (dry && o.flags.has(dry))) return [];
    return formatOf(cmd, ctx, ops.slice(1), hasAny(o, 'r', 'R'));
  };

/** The program is the verb (`lvremove VG/LV`). */
const programVerb: FsHandler = (cmd, ctx) => formatOf(cmd, ctx, parseOptions(cmd.argv, 1).operands, false);

const storageFlag = (o: ParsedOptions) => hasAny(o, 'remove-all-storage', 'storage', 'wipe-storage');

/** scrub's options: those with a value, and its long names (so prefixes read as the option). */
const SCRUB: OptionSpec = {
  shortWithValue: 'pbsD',
  longWithValue: ['pattern', 'blocksize', 'device-size', 'dirent'],
  long: ['force', 'remove', 'freespace', 'no-signature', 'no-link', 'no-hwrand', 'no-threads', 'test-sparse'],
};

/** `wsl --unregister NAME` (also `wsl.exe`): the distribution NAME and its virtual disk are deleted. */
const wsl: FsHandler = (cmd, ctx) => {
  const at = cmd.argv.findIndex((a) => /^(--unregister|-unregister)$/.test(a));
  return at > 0 && at + 1 < cmd.argv.length ? formatOf(cmd, ctx, [at + 1], false) : [];
};

/** Program → reader of the volumes, pools, datasets and snapshots it destroys; a program not listed is not this module's. */
export const VOLUME_HANDLERS: Record<string, FsHandler> = {
  zfs: verbOf(/^(destroy|rollback)$/, 'n'),
  zpool: verbOf(/^(destroy|labelclear)$/),
  lvremove: programVerb,
  vgremove: programVerb,
  pvremove: programVerb,
  btrfs: verbOf(/^(delete|del|de|d)$/, undefined, /^(subvolume|subvol|sub|su)$/),
  mdadm: (cmd, ctx) => {
    const o = parseOptions(cmd.argv, 1, MDADM);
    return hasAny(o, 'zero-superblock', 'create', 'C') ? formatOf(cmd, ctx, o.operands, false) : [];
  },
  // `nvme format DEV` (a new LBA format erases the namespace), `nvme sanitize DEV`, and
  // `nvme zns reset-zone DEV` (the zones of a zoned namespace emptied); blocks zeroed, written,
  // made unreadable or deallocated (`write-zeroes`, `write`, `write-uncor`, `dsm --ad`).
  nvme: (cmd, ctx) => {
    const o = parseOptions(cmd.argv, 1, NVME);
    const [sub, ...devs] = o.operands;
    const words = o.operands.map((i) => cmd.argv[i]);
    if (words[0] === 'zns' && words[1] === 'reset-zone') {
      // its own `-a` (every zone) takes no value: a device after it is read by its path
      const paths = cmd.argv.flatMap((a, i) => (i > o.operands[1] && /^\/dev\//.test(a) ? [i] : []));
      return formatOf(cmd, ctx, paths.length ? paths : devs.slice(1), false);
    }
    if (
      /^(write-zeroes|write|write-uncor)$/.test(words[0] ?? '') ||
      (words[0] === 'dsm' && hasAny(o, 'ad', 'd'))
    ) {
      // their block ranges and data files are option values; the device is the /dev word
      const paths = devs.filter((i) => /^\/dev\//.test(cmd.argv[i]));
      return formatOf(cmd, ctx, paths.length ? paths : devs, false);
    }
    return sub !== undefined && /^(format|sanitize)$/.test(cmd.argv[sub])
      ? formatOf(cmd, ctx, devs, false)
      : [];
  },
  // ATA secure erase of the drive (`hdparm --user-master u --security-erase PASS DEV`), its
  // sectors trimmed (`--trim-sector-ranges LBA:COUNT`, `--trim-sector-ranges-stdin`), written
  // with zeros (`--write-sector N`) or made unreadable (`--make-bad-sector N`).
  hdparm: (cmd, ctx) => {
    const o = parseOptions(cmd.argv, 1, HDPARM);
    const erases = [
      'security-erase',
      'security-erase-enhanced',
      'trim-sector-ranges',
      'trim-sector-ranges-stdin',
    ];
    return hasAny(o, ...erases, 'write-sector', 'make-bad-sector')
      ? formatOf(cmd, ctx, o.operands, false)
      : [];
  },
  // `badblocks -w DEV` writes test patterns over the whole device; `-n` keeps the data, plain reads only read.
  badblocks: (cmd, ctx) => {
    const o = parseOptions(cmd.argv, 1, { shortWithValue: 'bcdeiopt' });
    return hasAny(o, 'w') ? formatOf(cmd, ctx, o.operands.slice(0, 1), false) : [];
  },
  virsh: (cmd, ctx) => {
    // `virsh -c URI SUB NAME`: the connection URI is an option's value, not the subcommand.
    const o = parseOptions(cmd.argv, 1, VIRSH);
    const [sub, name] = o.operands.map((i) => cmd.argv[i]);
    const destroys =
      /^(vol-delete|vol-wipe|pool-delete)$/.test(sub ?? '') || (sub === 'undefine' && storageFlag(o));
    return destroys && name !== undefined ? formatOf(cmd, ctx, [o.operands[1]], false) : [];
  },
  wsl,
  'wsl.exe': wsl,
  scrub: (cmd, ctx) => {
    const o = parseOptions(cmd.argv, 1, SCRUB);
    if (hasAny(o, 'X', 'freespace')) return [];
    const ops = o.operands.map((i) => target(cmd, i, ctx));
    return fsFact(cmd, 'shred', ops, false, hasAny(o, 'f', 'force'));
  },
};
