/**
 * Formatting and partitioning a device: mkfs (every `mkfs.TYPE`), mke2fs, mkswap, wipefs,
 * fdisk and its kin, parted, blkdiscard, cryptsetup's formats and erases. Their device-looking
 * operands (or the last operand) are formatted (fs fact, op `format`); listing, printing and
 * dry runs change nothing (no fact).
 */
import { fsFact, type FsHandler } from './fs-fact.js';
import { target } from './fs-paths.js';

/**
 * Formatters told to only show what they would do: `mke2fs -n` / `mkfs.ext4 -n`, `mkfs.xfs
 * -N`, `mkntfs -n` / `--no-action` (elsewhere `-n` takes a value: `mkfs.vfat -n LABEL`).
 */
function dryRun(p: string, args: string[]): boolean {
  if (/^(mke2fs|mkfs\.ext[234])$/.test(p)) return args.includes('-n');
  if (p === 'mkfs.xfs') return args.includes('-N');
  if (p === 'mkntfs' || p === 'mkfs.ntfs') return args.some((a) => a === '-n' || a === '--no-action');
  return false;
}

/** mkfs, wipefs, fdisk …: device-looking operands (or the last operand) are formatted. */
export const formatHandler: FsHandler = (cmd, ctx) => {
  const p = cmd.program;
  const args = cmd.argv.slice(1);
  if (p === 'fdisk' || p === 'sfdisk') {
    if (args.some((a) => /^(-l|--list|-s|--show-size|-d|--dump|print)$/.test(a))) return [];
  }
  // parted: `-s` is --script; it only reads when it prints and changes nothing.
  if (
    p === 'parted' &&
    !args.some((a) => /^(mklabel|mktable|rm|mkpart|mkpartfs|resizepart|resize|mkfs|rescue)$/.test(a)) &&
    args.some((a) => /^(-l|--list|print|p)$/.test(a))
  )
    return [];
  if (
    p === 'sgdisk' &&
    args.every(
      (a) => !a.startsWith('-') || /^(-p|--print|-i\d*|--info(=.*)?|-v|--verify|-O|--print-mbr)$/.test(a),
    )
  )
    return [];
  if (dryRun(p, args)) return [];
  if (p === 'wipefs' && !args.some((a) => /^(-a|--all|-o|--offset|-[a-zA-Z]*a[a-zA-Z]*)$/.test(a))) return [];
  if (p === 'cryptsetup' && !args.some((a) => /^(luksFormat|erase|luksErase|reencrypt)$/.test(a))) return [];
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
  ].map((p) => [p, formatHandler]),
);
