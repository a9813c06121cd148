/**
 * Disk and file wipers that overwrite what they are given so nothing can be recovered:
 * `nwipe DEV…` (with no device it wipes every disk it finds), `sg_format --format DEV` (a
 * SCSI low-level format), `sg_sanitize --overwrite|--block|--crypto DEV`, `dc3dd wipe=DEV` /
 * `hwipe=DEV` (dc3dd's `of=` overwrites like dd's, and dcfldd's, ddpt's and sg_dd's, and the output of `ddrescue` and
 * `dd_rescue`), `wipe [-r] FILE…`, `bleachbit --shred
 * FILE…` and Windows' `sdelete [-s] [-q] FILE|FOLDER…` (Sysinternals, any case, `.exe` or
 * `64` spellings: WINDOWS_WIPER_HANDLERS); self-encrypting drives reverted to factory state, which throws their key away
 * (`sedutil-cli --PSIDrevert|--yesIreallywanttoERASEALLmydatausingthePSID PSID DEV`,
 * `--revertTPer`, `--revertLockingSP`, `--eraseLockingRange`), and the zones of a zoned drive
 * reset to empty (`blkzone reset DEV`, `sg_reset_wp`, `zbc_reset_zone`; `nvme zns reset-zone`
 * is in fs-volumes.ts). A device erase is read as a format of the device (fs fact, op
 * `format`), a file wiper as a shred of its files (op `shred`, recursive with `wipe -r`); the
 * path's class decides (a /dev path is a device, the home folder is home). Listing, help and
 * previews give nothing. Reads the words only.
 */
import type { FsTarget } from '../engine/types.js';
import type { DraftFact } from './extractor.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, parseOptions } from './fs-options.js';
import { isHarmlessWrite, target, targetOf } from './fs-paths.js';
import { pwshTarget } from './fs-pwsh-delete.js';

/** nwipe's options that take a value (`--method=dodshort` / `-m dodshort`, `--rounds`, `--logfile` …). */
const NWIPE_VALUES = ['method', 'rounds', 'logfile', 'exclude', 'prng', 'verify', 'PDFreportpath'];

/** `nwipe [options] [DEV…]`: the devices, or every disk found when none is named. */
const nwipe: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'mrlePv', longWithValue: NWIPE_VALUES });
  if (hasAny(o, 'h', 'help', 'V', 'version')) return [];
  const devs: FsTarget[] = o.operands.map((i) => target(cmd, i, ctx));
  // fail closed: with no device named nwipe wipes the disks it finds (every one with --autonuke)
  if (devs.length === 0) devs.push({ ...targetOf('/dev/sda', cmd, ctx), raw: '(every disk found)' });
  return fsFact(cmd, 'format', devs, false, hasAny(o, 'autonuke'));
};

/** A tool that erases the drives it names when given one of `flags` (`spec`: its options that take a value). */
function eraserWhen(spec: Parameters<typeof parseOptions>[2], flags: string[]): FsHandler {
  return (cmd, ctx) => {
    const o = parseOptions(cmd.argv, 1, spec);
    if (!hasAny(o, ...flags)) return [];
    return fsFact(
      cmd,
      'format',
      o.operands.map((i) => target(cmd, i, ctx)),
      false,
      true,
    );
  };
}

/** `sg_format --format DEV` erases the drive; without --format it only reports. */
const sgFormat = eraserWhen(
  {
    shortWithValue: 'cCfMPqpsTm',
    longWithValue: ['cmplst', 'count', 'fmtpinfo', 'mode', 'pfu', 'pie', 'poll', 'size', 'tape', 'timeout'],
  },
  ['F', 'format'],
);

/** `sg_sanitize --overwrite|--block|--crypto DEV` erases every block of the drive. */
const sgSanitize = eraserWhen(
  { shortWithValue: 'cipTtz', longWithValue: ['count', 'ipl', 'pattern', 'timeout', 'test', 'zero'] },
  ['B', 'C', 'O', 'block', 'crypto', 'overwrite'],
);

/** dc3dd: `wipe=`/`hwipe=` overwrite the device with a pattern; `of=`/`hof=`/`ofs=` are written. */
const dc3dd: FsHandler = (cmd, ctx) => {
  const out: DraftFact[] = [];
  for (let i = 1; i < cmd.argv.length; i++) {
    const m = /^(h?wipe|h?ofs?)=(.*)$/.exec(cmd.argv[i]);
    if (!m) continue;
    const t = targetOf(m[2], cmd, ctx, cmd.dynamicArgs.includes(i));
    if (m[1].endsWith('wipe')) out.push(...fsFact(cmd, 'format', [t], false, true));
    else if (!isHarmlessWrite(t.path)) out.push(...fsFact(cmd, 'overwrite', [t], false, true));
  }
  return out;
};

/**
 * The dd-like copiers (dcfldd, dd with hashing; ddpt and the SCSI generic `sg_dd`, `sgp_dd`,
 * `sgm_dd`): every `of=` and second output `of2=` is written, like dd's (a block device there
 * is a wipe).
 */
const ddLike: FsHandler = (cmd, ctx) => {
  const out: DraftFact[] = [];
  for (let i = 1; i < cmd.argv.length; i++) {
    const m = /^of2?=(.*)$/.exec(cmd.argv[i]);
    if (!m) continue;
    const t = targetOf(m[1], cmd, ctx, cmd.dynamicArgs.includes(i));
    if (!isHarmlessWrite(t.path)) out.push(...fsFact(cmd, 'overwrite', [t], false, true));
  }
  return out;
};

/** GNU ddrescue's options that take a value. */
const DDRESCUE = {
  shortWithValue: 'abceFHiKlmorsTxZ',
  longWithValue: [
    ...['min-read-rate', 'sector-size', 'cluster-size', 'max-bad-areas', 'fill-mode', 'test-mode'],
    ...['input-position', 'skip-size', 'log-rates', 'log-reads', 'log-events', 'domain-mapfile'],
    ...['output-position', 'retry-passes', 'size', 'timeout', 'extend-outfile', 'max-read-rate'],
    ...[
      'max-error-rate',
      'max-slow-reads',
      'mapfile-interval',
      'pause-on-error',
      'pause-on-pass',
      'delay-slow',
    ],
  ],
};
/** dd_rescue's options that take a value. */
const DD_RESCUE = { shortWithValue: 'sSbByemloLRMzZ' };

/**
 * `ddrescue [opts] INFILE OUTFILE [MAPFILE]`, `dd_rescue [opts] INFILE OUTFILE`: OUTFILE is
 * written, as dd's `of=` (a block device there is a wipe, from /dev/zero, /dev/urandom or
 * another disk alike); reading a disk into an image writes only the image. ddrescue's
 * `--generate-mode` writes only the mapfile.
 */
const ddrescue: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, cmd.program === 'dd_rescue' ? DD_RESCUE : DDRESCUE);
  if (hasAny(o, 'h', 'help', 'V', 'version', 'G', 'generate-mode') || o.operands.length < 2) return [];
  const t = target(cmd, o.operands[1], ctx);
  return isHarmlessWrite(t.path) ? [] : fsFact(cmd, 'overwrite', [t], false, true);
};

/** `wipe [-rfq…] FILE…`: each file (each tree with -r) overwritten and removed. */
const wipe: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'QTlo' });
  if (hasAny(o, 'h', 'V')) return [];
  return fsFact(
    cmd,
    'shred',
    o.operands.map((i) => target(cmd, i, ctx)),
    hasAny(o, 'r', 'R'),
    hasAny(o, 'f'),
  );
};

/** `bleachbit --shred FILE…` (`-s`): the files and folders named are overwritten and deleted; `--preview` changes nothing. */
const bleachbit: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { longWithValue: ['wipe-free-space', 'preset', 'context-menu'] });
  if (!hasAny(o, 's', 'shred') || hasAny(o, 'p', 'preview')) return [];
  return fsFact(
    cmd,
    'shred',
    o.operands.map((i) => target(cmd, i, ctx)),
    true,
    true,
  );
};

/**
 * sedutil-cli's commands (case-insensitive) that revert an Opal drive or erase a locking
 * range: its media key is replaced, so everything written before is gone.
 */
const SED_ERASE =
  /^--(yesireallywanttoeraseallmydatausingthepsid|psidrevert|psidrevertadminsp|reverttper|revertlockingsp|eraselockingrange)$/i;

/** `sedutil-cli --PSIDrevert PSID DEV` …: the drive, its last word; its other commands (`--scan`, `--query`) read. */
const sedutil: FsHandler = (cmd, ctx) => {
  const last = cmd.argv.length - 1;
  if (!cmd.argv.some((a) => SED_ERASE.test(a)) || last < 2) return [];
  return fsFact(cmd, 'format', [target(cmd, last, ctx)], false, true);
};

/** The option spec of the zone tools: offset, length and count take a value. */
const ZONES = { shortWithValue: 'olcz', longWithValue: ['offset', 'length', 'count', 'zone'] };

/** `blkzone reset [-o OFF] [-l LEN|-c N] DEV`: the zones are emptied; `report`, `capacity`, `open`, `close`, `finish` keep data. */
const blkzone: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, ZONES);
  const [verb, ...devs] = o.operands;
  if (verb === undefined || cmd.argv[verb] !== 'reset') return [];
  return fsFact(
    cmd,
    'format',
    devs.map((i) => target(cmd, i, ctx)),
    false,
    true,
  );
};

/** `sg_reset_wp --all|--zone=ID DEV`, `zbc_reset_zone DEV ZONE|-all`: zone data erased; the device is the first operand. */
const resetZones: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, ZONES);
  if (hasAny(o, 'h', 'help', 'V', 'version') || o.operands.length === 0) return [];
  return fsFact(cmd, 'format', [target(cmd, o.operands[0], ctx)], false, true);
};

/**
 * Sysinternals' `sdelete [-p N] [-r] [-s] [-q] FILE|FOLDER…`: each file (each folder's tree with
 * -s) overwritten and deleted, without a prompt; with `-c`/`-z` it only cleans the free space of
 * the drives or disks named (no file is lost: nothing); `-h`/`-?` is help. Its switches are
 * also written with a slash (`/s`, `/p 3`, `/accepteula`), which is never a path. Windows paths
 * (`D:\Shares\Finance`, `%USERPROFILE%\x`) are read as cmd's `del` reads them.
 */
const sdelete: FsHandler = (cmd, ctx) => {
  const flags = new Set<string>();
  const operands: number[] = [];
  for (let i = 1; i < cmd.argv.length; i++) {
    const a = cmd.argv[i];
    const sw = /^[-/]([a-z?]|accepteula|nobanner)$/i.exec(a);
    if (cmd.dynamicArgs.includes(i) || (!sw && !a.startsWith('-'))) operands.push(i);
    else if (sw?.[1].toLowerCase() === 'p') i++;
    else if (sw) flags.add(sw[1].toLowerCase());
  }
  if (flags.has('c') || flags.has('z') || flags.has('h') || flags.has('?')) return [];
  const targets = operands.map((i) => pwshTarget(cmd.argv[i], cmd, ctx, cmd.dynamicArgs.includes(i)));
  return fsFact(cmd, 'shred', targets, flags.has('s'), true);
};

/** Windows wipers, by their name in lower case without `.exe` (`SDelete64.exe` is `sdelete64`). */
export const WINDOWS_WIPER_HANDLERS: Record<string, FsHandler> = {
  sdelete,
  sdelete64: sdelete,
  sdelete64a: sdelete,
};

/** Program → reader of the disks or files it overwrites beyond recovery; a program not listed is not this module's. */
export const WIPER_HANDLERS: Record<string, FsHandler> = {
  'sedutil-cli': sedutil,
  blkzone,
  sg_reset_wp: resetZones,
  zbc_reset_zone: resetZones,
  nwipe,
  sg_format: sgFormat,
  sg_sanitize: sgSanitize,
  dc3dd,
  dcfldd: ddLike,
  ddpt: ddLike,
  sg_dd: ddLike,
  sgp_dd: ddLike,
  sgm_dd: ddLike,
  ddrescue,
  dd_rescue: ddrescue,
  wipe,
  bleachbit,
  bleachbit_console: bleachbit,
};
