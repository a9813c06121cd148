/**
 * Block devices written, discarded or made unreadable by tools that are not formatters:
 * - fio's benchmark jobs that write (`--rw=write|randwrite|rw|readwrite|randrw|trim|randtrim|
 *   trimwrite|randtrimwrite`) to each `--filename` (`:`-separated; a `/dev` path is the raw
 *   device, every block of it overwritten or discarded); reads (`--rw=read`, the default,
 *   `randread`) and `--readonly` write nothing;
 * - the SCSI generic tools that discard or rewrite blocks: `sg_unmap DEV` (the blocks
 *   discarded: their data gone), `sg_write_same DEV`, `sg_write_verify DEV`, `sg_write_x DEV`,
 *   `sg_compare_and_write DEV` (blocks written);
 * - FreeBSD's GELI: `geli kill [-a] PROV…` (the keys destroyed: the data is noise),
 *   `geli delkey -a PROV` (every key deleted), `geli clear PROV` (the metadata, which holds
 *   the keys, cleared) and `geli init PROV` (a new key: what was there is unreadable); `kill
 *   -a` with no provider named kills every attached one;
 * - LVM's `lvconvert --merge|--mergesnapshot|--mergethin VG/SNAP` (the origin rolled back to
 *   the snapshot: everything written since is lost) and `--mergemirrors VG/LV`.
 * Each is read as a format of the device or volume it names (fs fact, op `format`; fio's
 * write to a file is an `overwrite` of the file); a bare name (`ada1p4`, `vg/snap`) is storage
 * of class `unknown`. Status, listing, help and reads give nothing. Reads the words only.
 */
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, parseOptions, type OptionSpec } from './fs-options.js';
import { target, targetOf } from './fs-paths.js';

/** A path operand is classified as any path; a name (`ada1p4`, `vg0/snap`) is storage, no file. */
function storage(cmd: NormalizedCommand, i: number, ctx: AnalyzeContext): FsTarget {
  const raw = cmd.argv[i];
  if (/^(\/|\.\.?\/|~)/.test(raw) || cmd.dynamicArgs.includes(i)) return target(cmd, i, ctx);
  return { raw, path: raw, class: 'unknown', glob: false };
}

/** A format (no prompt) of the operands at argv indices `idx`. */
const formatOf = (cmd: NormalizedCommand, ctx: AnalyzeContext, idx: number[]) =>
  fsFact(
    cmd,
    'format',
    idx.map((i) => storage(cmd, i, ctx)),
    false,
    true,
  );

/** fio's I/O patterns that write or discard (`--rw` / `--readwrite`); any other reads. */
const FIO_WRITES = /^(write|randwrite|rw|readwrite|randrw|trim|randtrim|trimwrite|randtrimwrite)$/;

/**
 * `fio [--opt=value…] [JOBFILE…]`: each `--filename` of a writing job (`\:` is a colon in a
 * name, `:` separates names). A device is formatted, a file overwritten. Unknown: a job file.
 */
const fio: FsHandler = (cmd, ctx) => {
  const args = cmd.argv.slice(1);
  const value = (name: string) =>
    args
      .filter((a) => a.startsWith(`--${name}=`))
      .map((a) => a.slice(name.length + 3))
      .pop();
  if (args.some((a) => /^--(help|version|readonly|cmdhelp(=.*)?|enghelp(=.*)?)$/.test(a))) return [];
  const rw = (value('rw') ?? value('readwrite') ?? 'read').replace(/:.*$/, '');
  if (!FIO_WRITES.test(rw)) return [];
  const files = args
    .filter((a) => a.startsWith('--filename='))
    .flatMap((a) => a.slice('--filename='.length).split(/(?<!\\):/))
    .map((f) => f.replace(/\\:/g, ':'))
    .filter(Boolean);
  const dynamic = cmd.dynamicArgs.length > 0;
  const targets = files.map((f) => targetOf(f, cmd, ctx, dynamic));
  const devices = targets.filter((t) => t.path.startsWith('/dev/'));
  const rest = targets.filter((t) => !t.path.startsWith('/dev/'));
  return [...fsFact(cmd, 'format', devices, false, true), ...fsFact(cmd, 'overwrite', rest, false, true)];
};

/** sg3_utils' options that take a value, across the writers read here (`--lba=`, `-l LBA` …). */
const SG: OptionSpec = {
  shortWithValue: 'gilnNtTxrS',
  longWithValue: ['grpnum', 'in', 'lba', 'num', 'timeout', 'xferlen', 'dld', 'ilen', 'bs', 'scattered'],
};

/** `sg_unmap|sg_write_same|… [opts] DEV`: every device operand's blocks discarded or written. */
const sgWriter: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, SG);
  if (hasAny(o, 'h', 'help', 'V', 'version')) return [];
  return formatOf(cmd, ctx, o.operands);
};

/** GELI's verbs that destroy the keys of (or re-key) the providers they name. */
const GELI_DESTROYS = /^(kill|clear|init|label)$/;

/**
 * `geli VERB [opts] PROV…`: kill, clear and init (label) destroy; delkey only with `-a` (one
 * key deleted leaves the others). `kill -a` alone: every attached provider.
 */
const geli: FsHandler = (cmd, ctx) => {
  const verb = cmd.argv[1] ?? '';
  const init = verb === 'init' || verb === 'label';
  // init's options with a value (`-a aalgo`, `-B file`, `-e ealgo` …); delkey's `-n keyno`;
  // elsewhere `-a` is "all"
  const o = parseOptions(cmd.argv, 2, { shortWithValue: init ? 'aBeiJKlsV' : 'n' });
  const all = !init && o.flags.has('a');
  if (hasAny(o, 'h') || !(GELI_DESTROYS.test(verb) || (verb === 'delkey' && all))) return [];
  // init's provider is its last word
  const ops = init ? o.operands.slice(-1) : o.operands;
  if (ops.length === 0 && all && verb === 'kill') {
    const every: FsTarget = { raw: '(every attached provider)', path: '/dev', class: 'unknown', glob: false };
    return fsFact(cmd, 'format', [every], false, true);
  }
  return formatOf(cmd, ctx, ops);
};

/** lvconvert's options that take a value (`--type T`, `-m N`, `--stripes N` …). */
const LVCONVERT: OptionSpec = {
  shortWithValue: 'mRicHTsIZ',
  longWithValue: [
    'type',
    'mirrors',
    'regionsize',
    'stripes',
    'stripesize',
    'chunksize',
    'cachepool',
    'cachevol',
    'cachemode',
    'cachepolicy',
    'cachesettings',
    'poolmetadata',
    'poolmetadatasize',
    'thinpool',
    'name',
    'originname',
    'snapshot',
    'trackchanges',
    'splitmirrors',
    'discards',
    'zero',
    'config',
    'profile',
  ],
};

/** `lvconvert --merge…` of a snapshot, thin snapshot or split mirror: the origin rolled back to it. */
const lvconvert: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, LVCONVERT);
  if (!hasAny(o, 'merge', 'mergesnapshot', 'mergethin', 'mergemirrors') || hasAny(o, 'help', 'h')) return [];
  return formatOf(cmd, ctx, o.operands);
};

/** Program → reader of the devices and volumes it writes raw or makes unreadable. */
export const RAW_DEVICE_HANDLERS: Record<string, FsHandler> = {
  fio,
  sg_unmap: sgWriter,
  sg_write_same: sgWriter,
  sg_write_verify: sgWriter,
  sg_write_x: sgWriter,
  sg_compare_and_write: sgWriter,
  geli,
  lvconvert,
};
