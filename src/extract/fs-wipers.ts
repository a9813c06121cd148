/**
 * Disk and file wipers that overwrite what they are given so nothing can be recovered:
 * `nwipe DEV…` (with no device it wipes every disk it finds), `sg_format --format DEV` (a
 * SCSI low-level format), `sg_sanitize --overwrite|--block|--crypto DEV`, `dc3dd wipe=DEV` /
 * `hwipe=DEV` (dc3dd's `of=` overwrites like dd's), `wipe [-r] FILE…` and `bleachbit --shred
 * FILE…`. A device erase is read as a format of the device (fs fact, op `format`), a file
 * wiper as a shred of its files (op `shred`, recursive with `wipe -r`); the path's class
 * decides (a /dev path is a device, the home folder is home). Listing, help and previews give
 * nothing. Reads the words only.
 */
import type { FsTarget } from '../engine/types.js';
import type { DraftFact } from './extractor.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, parseOptions } from './fs-options.js';
import { isHarmlessWrite, target, targetOf } from './fs-paths.js';

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

export const WIPER_HANDLERS: Record<string, FsHandler> = {
  nwipe,
  sg_format: sgFormat,
  sg_sanitize: sgSanitize,
  dc3dd,
  wipe,
  bleachbit,
  bleachbit_console: bleachbit,
};
