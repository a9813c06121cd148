/**
 * Block devices written, discarded or made unreadable by tools that are not formatters:
 * - fio's benchmark jobs that write (`--rw=write|randwrite|rw|readwrite|randrw|trim|randtrim|
 *   trimwrite|randtrimwrite`) to each `--filename` (`:`-separated; a `/dev` path is the raw
 *   device, every block of it overwritten or discarded), given on the command line or in job
 *   files (read through ctx.readFile; one not read is fail closed); reads (`--rw=read`, the
 *   default, `randread`) and `--readonly` write nothing;
 * - the SCSI generic tools that discard or rewrite blocks: `sg_unmap DEV` (the blocks
 *   discarded: their data gone), `sg_write_same DEV`, `sg_write_verify DEV`, `sg_write_x DEV`,
 *   `sg_compare_and_write DEV` (blocks written);
 * - FreeBSD's GELI: `geli kill [-a] PROV…` (the keys destroyed: the data is noise),
 *   `geli delkey -a PROV` (every key deleted), `geli clear PROV` (the metadata, which holds
 *   the keys, cleared) and `geli init PROV` (a new key: what was there is unreadable); `kill
 *   -a` with no provider named kills every attached one;
 * - LVM's `lvconvert --merge|--mergesnapshot|--mergethin VG/SNAP` (the origin rolled back to
 *   the snapshot: everything written since is lost) and `--mergemirrors VG/LV`.
 * - DiskSpd's writing runs (`-w50`) on a physical drive (`#1`) or a volume (`D:`), and
 *   `f3probe --destructive DEV`.
 * Each is read as a format of the device or volume it names (fs fact, op `format`; fio's
 * write to a file is an `overwrite` of the file); a bare name (`ada1p4`, `vg/snap`) is storage
 * of class `unknown`. Status, listing, help and reads give nothing. Reads the words only.
 */
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, parseOptions, type OptionSpec } from './fs-options.js';
import { resolvePath, target, targetOf } from './fs-paths.js';

/**
 * The operand at argv index `i` as storage: a path operand is classified as any path; a name
 * (`ada1p4`, `vg0/snap`) is storage of class `unknown`, no file. `devices`: 'unknown' reads a
 * device path as class `unknown` too (a volume cut, not the raw device wiped); 'kept' keeps it.
 */
export function storage(
  cmd: NormalizedCommand,
  i: number,
  ctx: AnalyzeContext,
  devices: 'kept' | 'unknown' = 'kept',
): FsTarget {
  const raw = cmd.argv[i];
  if (/^(\/|\.\.?\/|~)/.test(raw) || cmd.dynamicArgs.includes(i)) {
    const t = target(cmd, i, ctx);
    return devices === 'unknown' && t.class === 'device' ? { ...t, class: 'unknown' } : t;
  }
  return { raw, path: raw, class: 'unknown', glob: false };
}

/** A format (no prompt) of the operands at argv indices `idx`, read by `storage`. */
export const formatOf = (
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  idx: number[],
  devices: 'kept' | 'unknown' = 'kept',
) =>
  fsFact(
    cmd,
    'format',
    idx.map((i) => storage(cmd, i, ctx, devices)),
    false,
    true,
  );

/** fio's I/O patterns that write or discard (`rw` / `readwrite`); any other reads. */
const FIO_WRITES = /^(write|randwrite|rw|readwrite|randrw|trim|randtrim|trimwrite|randtrimwrite)$/;

/** One fio job's settings that matter here: `rw`, `filename`, `readonly` (absent = not set). */
type FioJob = Map<string, string>;

/**
 * fio's command-line options that take no value (a word after one is a job file); any other
 * `--opt` without `=` takes the next word as its value, unless that word names a job file
 * (`.fio`, `.job`, `.ini`, `.cfg`, `.conf`).
 */
const FIO_FLAGS =
  /^--(readonly|minimal|append-terse|bandwidth-log|warnings-fatal|group_reporting|time_based|thread|norandommap|create_only|daemonize|eta-newline|debug)$/;
const JOB_FILE = /\.(fio|job|ini|cfg|conf)$/i;

/**
 * The command line's settings (`--rw=write`, `--filename /dev/sdb`, `--readonly`): `opts`, those
 * before the first `--name` (every job's defaults); `jobs`, one per `--name` with the options
 * after it (none = no job named there); `files`, the job files' argv indexes.
 */
function fioArgs(args: string[]): { opts: FioJob; jobs: FioJob[]; files: number[] } {
  const opts: FioJob = new Map();
  const jobs: FioJob[] = [];
  const files: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^--([\w-]+)(?:=(.*))?$/s.exec(a);
    if (!m) {
      if (!a.startsWith('-')) files.push(i + 1);
      continue;
    }
    const next = args[i + 1];
    const takes =
      m[2] === undefined &&
      !FIO_FLAGS.test(a) &&
      next !== undefined &&
      !next.startsWith('-') &&
      !JOB_FILE.test(next);
    const value = m[2] ?? (takes ? args[++i] : '');
    if (m[1] === 'name') jobs.push(new Map(opts).set('name', value));
    else (jobs.at(-1) ?? opts).set(m[1] === 'readwrite' ? 'rw' : m[1], value);
  }
  return { opts, jobs, files };
}

/** The jobs of a job file (`[global]` settings go into every later job); `base`: the command line's. */
function fioJobs(text: string, base: FioJob): FioJob[] {
  const jobs: FioJob[] = [];
  let global = new Map(base);
  let job: FioJob | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      if (section[1] === 'global') {
        job = undefined;
        continue;
      }
      job = new Map(global);
      jobs.push(job);
      continue;
    }
    const kv = /^([\w-]+)\s*(?:=\s*(.*))?$/.exec(line);
    if (!kv) continue;
    const key = kv[1] === 'readwrite' ? 'rw' : kv[1];
    if (job) job.set(key, kv[2] ?? '');
    else global = new Map(global).set(key, kv[2] ?? '');
  }
  return jobs;
}

/**
 * `fio [--opt=value…] [JOBFILE…]`: each `filename` of a writing job (`\:` is a colon in a
 * name, `:` separates names), from the command line or from the job files. A device is
 * formatted, a file overwritten. Fail closed: a job file that cannot be read may write
 * anywhere (class `unknown`).
 */
const fio: FsHandler = (cmd, ctx) => {
  const args = cmd.argv.slice(1);
  if (args.some((a) => /^--(help|version|cmdhelp|enghelp|showcmd|parse-only)(=.*)?$/.test(a))) return [];
  const { opts, jobs: named, files } = fioArgs(args);
  // each job named on the command line runs; with none, the options form one job unless job files are given
  const jobs: FioJob[] = named.length ? [...named] : files.length ? [] : [opts];
  const unread: FsTarget[] = [];
  for (const i of files) {
    const path = cmd.dynamicArgs.includes(i) ? undefined : resolvePath(cmd.argv[i], cmd.cwd, ctx);
    const text = path === undefined ? undefined : ctx.readFile?.(path);
    if (text === undefined)
      unread.push({ raw: `(what job file ${cmd.argv[i]} writes)`, path: '', class: 'unknown', glob: false });
    else jobs.push(...fioJobs(text, opts));
  }
  const writing = jobs.filter(
    (j) => !j.has('readonly') && FIO_WRITES.test((j.get('rw') ?? 'read').replace(/:.*$/, '')),
  );
  const names = writing
    .flatMap((j) => (j.get('filename') ?? '').split(/(?<!\\):/))
    .map((f) => f.replace(/\\:/g, ':'))
    .filter(Boolean);
  const dynamic = cmd.dynamicArgs.length > 0;
  const targets = names.map((f) => targetOf(f, cmd, ctx, dynamic));
  const devices = targets.filter((t) => t.path.startsWith('/dev/'));
  const rest = targets.filter((t) => !t.path.startsWith('/dev/'));
  return [
    ...fsFact(cmd, 'format', [...devices, ...unread], false, true),
    ...fsFact(cmd, 'overwrite', rest, false, true),
  ];
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

/**
 * DiskSpd (Windows' fio): `-wN` (N > 0) makes N percent of its I/O writes, to each target; a
 * target `#N` is physical drive N and `X:` a whole volume, written raw (a file is a file).
 */
const diskspd: FsHandler = (cmd, ctx) => {
  const args = cmd.argv.slice(1);
  if (args.some((a) => /^[-/](\?|h)$/.test(a))) return [];
  const writes = args.some((a) => /^[-/]w[1-9]\d*$/.test(a));
  if (!writes) return [];
  const targets = args.flatMap((a, i): FsTarget[] => {
    if (/^[-/]/.test(a) && !/^\/[^/]*\//.test(a)) return [];
    if (/^#\d+$/.test(a) || /^[a-z]:$/i.test(a)) return [{ raw: a, path: a, class: 'unknown', glob: false }];
    return [target(cmd, i + 1, ctx)];
  });
  const drives = targets.filter((t) => t.class === 'unknown');
  return [
    ...fsFact(cmd, 'format', drives, false, true),
    ...fsFact(
      cmd,
      'overwrite',
      targets.filter((t) => t.class !== 'unknown'),
      false,
      true,
    ),
  ];
};

/** `f3probe --destructive DEV`: the probe writes over the whole drive (without it, a backup is kept). */
const f3probe: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { longWithValue: ['min-memory', 'reset-type'] });
  return hasAny(o, 'destructive') ? formatOf(cmd, ctx, o.operands) : [];
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
  diskspd,
  'diskspd.exe': diskspd,
  f3probe,
};
