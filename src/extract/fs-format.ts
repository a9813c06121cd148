/**
 * Formatting and partitioning a device: mkfs (every `mkfs.TYPE`), mke2fs, mkswap, wipefs,
 * fdisk and its kin, parted, blkdiscard, cryptsetup's formats, erases and key slots removed, the BSD and macOS
 * formatters (`newfs`, `newfs_msdos`, `newfs_hfs` …), other filesystems' (`mkudffs`, `mkreiserfs` …), FreeBSD's `gpart destroy|delete|resize`
 * and macOS's `diskutil eraseDisk|zeroDisk|partitionDisk …`. Their device-looking operands (or
 * the last operand) are formatted (fs fact, op `format`); a disk named without a path (`ada0`,
 * `disk2`) is storage of class `unknown`. Listing, printing and dry runs change nothing (no fact).
 */
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, parseOptions } from './fs-options.js';
import { target, targetOf } from './fs-paths.js';
import { partitionEditorReads } from './fs-partition-scripts.js';
import { asksHelp, trailingShortHelp } from './help-words.js';

/**
 * Formatters whose `-h` is `--help` (util-linux's); elsewhere `-h` is another option
 * (`sgdisk -h` makes a hybrid MBR, `cryptsetup -h` names a hash).
 */
const SHORT_HELP = new Set(['wipefs', 'mkswap', 'blkdiscard', 'cfdisk', 'mkfs']);

/**
 * Formatters told to only show what they would do: `mke2fs -n` / `mkfs.ext4 -n`, `mkfs.xfs
 * -N`, `mkntfs -n` / `--no-action` (elsewhere `-n` takes a value: `mkfs.vfat -n LABEL`).
 */
function dryRun(p: string, args: string[]): boolean {
  if (/^(mke2fs|mkfs\.ext[234])$/.test(p)) return args.includes('-n');
  if (p === 'mkfs.xfs') return args.includes('-N');
  if (p === 'mkntfs' || p === 'mkfs.ntfs') return args.some((a) => a === '-n' || a === '--no-action');
  // newfs and its kin: `-N` prints the layout and writes nothing
  if (p.startsWith('newfs')) return args.includes('-N');
  return false;
}

/**
 * cryptsetup's actions that leave the encrypted data unreadable: a new header (`luksFormat`),
 * the key slots erased (`erase`, `luksErase`) or one removed (`luksKillSlot DEV N`,
 * `luksRemoveKey DEV`: with the last key the data is gone), the header overwritten from a
 * file (`luksHeaderRestore`), or the data re-encrypted in place (`reencrypt`).
 */
const CRYPTSETUP_ERASE =
  /^(luksFormat|erase|luksErase|luksKillSlot|luksRemoveKey|luksHeaderRestore|reencrypt)$/;

/** mkfs, wipefs, fdisk …: device-looking operands (or the last operand) are formatted. */
export const formatHandler: FsHandler = (cmd, ctx) => {
  const p = cmd.program;
  const args = cmd.argv.slice(1);
  // fdisk, gdisk, parted and sfdisk runs that only list, print or dry-run (fs-partition-scripts.ts)
  if (partitionEditorReads(cmd)) return [];
  // a help request prints and quits before anything is written: these tools read every
  // option before they act (`wipefs -a /dev/sdb --help`)
  if (asksHelp(cmd.argv) || (SHORT_HELP.has(p) && trailingShortHelp(cmd.argv))) return [];
  if (
    p === 'sgdisk' &&
    args.every(
      (a) => !a.startsWith('-') || /^(-p|--print|-i\d*|--info(=.*)?|-v|--verify|-O|--print-mbr)$/.test(a),
    )
  )
    return [];
  if (dryRun(p, args)) return [];
  // wipefs erases only with `-a` or `-o`, and `-n` (--no-act) only says what it would erase
  if (p === 'wipefs' && !args.some((a) => /^(-a|--all|-o|--offset|-[a-zA-Z]*a[a-zA-Z]*)$/.test(a))) return [];
  if (p === 'wipefs' && args.some((a) => /^(--no-act|-[a-zA-Z]*n[a-zA-Z]*)$/.test(a))) return [];
  if (p === 'cryptsetup' && !args.some((a) => CRYPTSETUP_ERASE.test(a))) return [];
  let idx = cmd.argv
    .map((a, i) => i)
    .filter((i) => i > 0 && !cmd.argv[i].startsWith('-') && cmd.argv[i].includes('/'));
  if (idx.length === 0) {
    const ops = cmd.argv.map((_, i) => i).filter((i) => i > 0 && !cmd.argv[i].startsWith('-'));
    idx = ops.length ? [ops[ops.length - 1]] : [];
  }
  return fsFact(
    cmd,
    'format',
    idx.map((i) => target(cmd, i, ctx)),
    false,
    true,
  );
};

/** Program → reader of the devices it formats or partitions; a program not listed is not this module's. */
export const FORMAT_HANDLERS: Record<string, FsHandler> = Object.fromEntries(
  [
    'mke2fs',
    'mkswap',
    'wipefs',
    'fdisk',
    'sfdisk',
    'cfdisk',
    'sgdisk',
    'gdisk',
    'parted',
    'blkdiscard',
    'cryptsetup',
    'newfs',
    'newfs_msdos',
    'newfs_hfs',
    'newfs_apfs',
    'newfs_exfat',
    'newfs_udf',
    'mkntfs',
    'mkdosfs',
    'mkexfatfs',
    // other filesystems' formatters, named without `mkfs.`: UDF, ReiserFS, JFS, HFS+, NILFS, F2FS, Btrfs
    'mkudffs',
    'mkreiserfs',
    'mkjfs',
    'jfs_mkfs',
    'mkhfs',
    'mkfs_hfsplus',
    'mknilfs2',
    'mkbtrfs',
    'mkf2fs',
  ].map((p) => [p, formatHandler]),
);

/** A disk operand: a path is classified as any path; a bare name (`ada0`, `disk2s1`) is storage, no file. */
function disk(cmd: NormalizedCommand, i: number, ctx: AnalyzeContext): FsTarget {
  const raw = cmd.argv[i];
  if (raw.includes('/') || cmd.dynamicArgs.includes(i)) return target(cmd, i, ctx);
  return { raw, path: raw, class: 'unknown', glob: false };
}

/** diskutil's verbs that erase or repartition (also under `apfs`), case as written by Apple. */
const DISKUTIL =
  /^(eraseDisk|eraseVolume|reformat|zeroDisk|randomDisk|secureErase|partitionDisk|splitPartition|mergePartitions|deleteContainer|deleteVolume|eraseCD|resizeVolume|resizeContainer)$/i;

/** `gpart destroy|delete|resize GEOM` (FreeBSD) and `diskutil eraseDisk … DISK` (macOS). */
const diskTool: FsHandler = (cmd, ctx) => {
  const valued = cmd.program === 'gpart' ? /^-[abistlf]$/ : /^$/;
  const ops = cmd.argv
    .map((_, i) => i)
    .filter((i) => i > 0 && !cmd.argv[i].startsWith('-') && !valued.test(cmd.argv[i - 1]));
  const words = ops.map((i) => cmd.argv[i]);
  const at = words.findIndex((w) =>
    cmd.program === 'gpart' ? /^(destroy|delete|resize)$/.test(w) : DISKUTIL.test(w),
  );
  if (at < 0 || (cmd.program === 'diskutil' && at > 1)) return [];
  const rest = ops.slice(at + 1);
  const named = rest.filter((i) => /^(\/dev\/)?r?(disk\d|[a-z]+\d)/.test(cmd.argv[i]));
  const idx = named.length ? named : rest.slice(-1);
  return fsFact(
    cmd,
    'format',
    idx.map((i) => disk(cmd, i, ctx)),
    false,
    true,
  );
};
FORMAT_HANDLERS.gpart = diskTool;
FORMAT_HANDLERS.diskutil = diskTool;

/**
 * The key slots of a LUKS device wiped by its other enrollers: `systemd-cryptenroll
 * --wipe-slot=all|empty|password|recovery|N DEV` and `clevis luks unbind -d DEV -s N` (the
 * slot bound to the pin is killed). Without the slots a passphrase or token opened, the data is
 * read by nobody; enrolling a new key is not this.
 */
FORMAT_HANDLERS['systemd-cryptenroll'] = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, {
    longWithValue: [
      'wipe-slot',
      'unlock-key-file',
      'unlock-fido2-device',
      'tpm2-device',
      'tpm2-pcrs',
      'fido2-device',
      'pkcs11-token-uri',
    ],
  });
  return hasAny(o, 'wipe-slot')
    ? fsFact(
        cmd,
        'format',
        o.operands.map((i) => target(cmd, i, ctx)),
        false,
        true,
      )
    : [];
};
FORMAT_HANDLERS.clevis = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'dsk' });
  const words = o.operands.map((i) => cmd.argv[i]);
  if (words[0] !== 'luks' || words[1] !== 'unbind') return [];
  const devs = o.values.get('d') ?? [];
  return fsFact(
    cmd,
    'format',
    devs.map((d) => targetOf(d, cmd, ctx)),
    false,
    hasAny(o, 'f'),
  );
};
