/**
 * Cluster filesystems destroyed by their own administration commands, on every node at once:
 * IBM Storage Scale (GPFS) `mmdelfs DEVICE` (the filesystem and everything in it; `-p` even
 * when its disks are damaged), `mmdelfileset DEVICE FILESET -f` (the fileset and its files;
 * without `-f` only an empty one goes), `mmdelsnapshot DEVICE SNAP[,SNAP]` (the snapshots a
 * restore would need), `mmdeldisk DEVICE "D1;D2"` (disks taken out of the filesystem; with
 * `-p` what they held is given up), `mmdelnsd "NSD1;NSD2"` (the disks' NSD labels erased),
 * and `mmcrfs|mmcrnsd … -v no` (the check that the disks belong to no filesystem skipped: an
 * existing one is overwritten). Each is read as a format of what it names (fs fact, op
 * `format`); a GPFS device or NSD name is storage, never a local file, so it is of class
 * `unknown` (asked). Listing (`mmlsfs`, `mmlsfileset`, `mmlssnapshot`), creating with the
 * check (`mmcrfs … -v yes`, the default) and snapshots made give nothing. Ceph and Gluster
 * are read by cloud-generic.ts (`ceph fs rm`, `gluster volume delete`).
 */
import type { FsTarget, NormalizedCommand } from '../engine/types.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, parseOptions, type OptionSpec, type ParsedOptions } from './fs-options.js';

/**
 * The GPFS delete commands' options that take a value (`-N NODES`, `-F FILE`, `-j FILESET`,
 * `--qos CLASS`); their `-p`, `-f`, `-m`, `-r`, `-b` take none.
 */
const GPFS_DEL: OptionSpec = { shortWithValue: 'NFj', longWithValue: ['qos'] };
/** mmcrfs' and mmcrnsd's options with a value (`-B 4M`, `-T /gpfs/fs1`, `-v no`). */
const GPFS_CREATE: OptionSpec = {
  shortWithValue: 'ABDEFiIjkKLmMnNQrRSTtvz',
  longWithValue: ['qos', 'inode-limit', 'version', 'filesetdf', 'metadata-block-size', 'profile'],
};

/** A GPFS name (a device `gpfs01` or `/dev/gpfs01`, an NSD, a fileset): storage, not a file. */
const storage = (raw: string): FsTarget => ({ raw, path: raw, class: 'unknown', glob: false });

/** The operands of `cmd` as GPFS names, `;`- or `,`-separated lists split (`"nsd1;nsd2"`). */
function names(cmd: NormalizedCommand, operands: number[]): FsTarget[] {
  return operands.flatMap((i) =>
    cmd.argv[i]
      .split(/[;,]/)
      .filter(Boolean)
      .map((w, _, all) => storage(all.length > 1 ? w : cmd.argv[i])),
  );
}

/** A format of the named storage, never prompted (these commands ask nothing). */
const formatNames = (cmd: NormalizedCommand, operands: number[], recursive = false) =>
  fsFact(cmd, 'format', names(cmd, operands), recursive, true);

/**
 * A reader for one GPFS command, its options read by `spec`: `when` says whether these options
 * make it destroy (undefined = always). Fail closed: with no name given, the `-F FILE` that
 * lists them stands for them.
 */
const gpfs =
  (spec: OptionSpec, when?: (o: ParsedOptions) => boolean): FsHandler =>
  (cmd) => {
    const o = parseOptions(cmd.argv, 1, spec);
    if (when && !when(o)) return [];
    const listed = o.values.get('F') ?? [];
    const ops = o.operands.length
      ? o.operands
      : cmd.argv.flatMap((a, i) => (i > 0 && listed.includes(a) ? [i] : []));
    return formatNames(cmd, ops, true);
  };

/** `-v no`: the disks are not checked for an existing filesystem before they are written. */
const unchecked = (o: ParsedOptions) => (o.values.get('v') ?? []).some((v) => /^no$/i.test(v));

/** Program → reader of the cluster filesystem storage it destroys; a program not listed is not this module's. */
export const CLUSTER_FS_HANDLERS: Record<string, FsHandler> = {
  mmdelfs: gpfs(GPFS_DEL),
  mmdelfileset: gpfs(GPFS_DEL, (o) => hasAny(o, 'f')),
  mmdelsnapshot: gpfs(GPFS_DEL),
  mmdeldisk: gpfs(GPFS_DEL),
  mmdelnsd: gpfs(GPFS_DEL),
  mmcrfs: gpfs(GPFS_CREATE, unchecked),
  mmcrnsd: gpfs(GPFS_CREATE, unchecked),
};
