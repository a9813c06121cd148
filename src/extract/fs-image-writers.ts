/**
 * Disk-image writers ("flashers"): tools that copy an OS image block for block onto a drive,
 * everything that was on it lost:
 * - `bmaptool copy [opts] IMAGE DEST` (DEST written; a block device is wiped, a file is
 *   overwritten);
 * - `rpi-imager --cli [opts] IMAGE DEST`;
 * - `caligula burn [opts] IMAGE -o|--out DEST` (no `-o`: the drive is chosen at a prompt, any
 *   drive: a target not known);
 * - `etcher-cli IMAGE -d|--drive DEST[,DEST…]` and `balena local flash IMAGE -d|--drive DEST`
 *   (no `--drive`: chosen at a prompt, a target not known).
 * - WoeUSB's `woeusb --device|-d ISO DEV` (the drive wiped and a Windows installer written;
 *   `--partition` writes into one existing partition and is not read);
 * - `Ventoy2Disk.sh -i|-I DEV` (Ventoy installed: the drive wiped; `-u`, an update, keeps data);
 * - Hypriot's `flash [-d DEV] IMAGE` (no `-d`: the drive picked at a prompt);
 * - `gnome-disks --restore-disk-image=IMG --block-device DEV`.
 * A `/dev` destination is an overwrite of the device (as dd's `of=`); another path is an
 * overwrite of that file. Help, `--version` and the other verbs (`bmaptool create`, `caligula`
 * without `burn`, `balena` other than `local flash`) give nothing. Reads the words only.
 */
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, parseOptions, type OptionSpec } from './fs-options.js';
import { target } from './fs-paths.js';

/** A drive picked at a prompt: any drive the machine has. */
const PROMPTED: FsTarget = {
  raw: '(the drive chosen at the prompt)',
  path: '/dev',
  class: 'unknown',
  glob: false,
};

/** The overwrite of each destination (argv indices `idx`), or of `fallback` when none is named. */
function writes(cmd: NormalizedCommand, ctx: AnalyzeContext, idx: number[], fallback?: FsTarget) {
  const targets = idx.map((i) => target(cmd, i, ctx));
  return fsFact(cmd, 'overwrite', targets.length ? targets : fallback ? [fallback] : [], false, true);
}

/** The values of an option (`--drive /dev/sdb,/dev/sdc`) as targets: each comma-separated name. */
function valueTargets(cmd: NormalizedCommand, ctx: AnalyzeContext, values: string[]): FsTarget[] {
  const dynamic = cmd.dynamicArgs.length > 0;
  return values
    .flatMap((v) => v.split(','))
    .filter(Boolean)
    .map((v) => {
      if (dynamic && !v.startsWith('/dev/'))
        return { raw: v, path: '', class: 'unknown' as const, glob: false };
      const i = cmd.argv.indexOf(v);
      return i > 0
        ? target(cmd, i, ctx)
        : { raw: v, path: v, class: v.startsWith('/dev/') ? 'device' : 'unknown', glob: false };
    });
}

/** bmaptool copy's options that take a value. */
const BMAPTOOL: OptionSpec = {
  longWithValue: ['bmap', 'bmap-sig', 'fingerprint', 'keyring', 'psplash-pipe', 'log-file'],
};

/** `bmaptool [-q|-d] copy [opts] IMAGE DEST`: DEST written whole. */
const bmaptool: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, BMAPTOOL);
  if (hasAny(o, 'h', 'help', 'version')) return [];
  const [verb, ...rest] = o.operands;
  if (verb === undefined || cmd.argv[verb] !== 'copy') return [];
  // the destination is the last operand (IMAGE DEST); one operand alone is a usage error
  return writes(cmd, ctx, rest.length >= 2 ? rest.slice(-1) : []);
};

/** `rpi-imager --cli [opts] IMAGE DEST`: DEST written. The GUI (no `--cli`) writes nothing by itself. */
const rpiImager: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, {
    longWithValue: ['sha256', 'first-run-script', 'cloudinit-userdata', 'cloudinit-networkconfig'],
  });
  if (!hasAny(o, 'cli') || hasAny(o, 'help', 'h', 'version', 'v')) return [];
  return writes(cmd, ctx, o.operands.length >= 2 ? o.operands.slice(-1) : [], PROMPTED);
};

/** caligula burn's options that take a value (`-o DEV`, `-z FMT`, `-s HASH` …). */
const CALIGULA: OptionSpec = {
  shortWithValue: 'ozs',
  longWithValue: ['out', 'compression', 'hash', 'hash-of', 'root', 'interactive'],
};

/** `caligula burn IMAGE [-o DEST]`: DEST written; no `-o`, the drive picked at a prompt. */
const caligula: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, CALIGULA);
  if (hasAny(o, 'h', 'help', 'V', 'version') || cmd.argv[o.operands[0]] !== 'burn') return [];
  const out = valueTargets(cmd, ctx, [...(o.values.get('o') ?? []), ...(o.values.get('out') ?? [])]);
  return fsFact(cmd, 'overwrite', out.length ? out : [PROMPTED], false, true);
};

/** etcher's and balena's flash options that take a value. */
const ETCHER: OptionSpec = { shortWithValue: 'd', longWithValue: ['drive', 'config'] };

/** `etcher-cli IMAGE --drive DEST`, `balena local flash IMAGE --drive DEST`: each drive named, else the one picked. */
function flashFrom(start: number): FsHandler {
  return (cmd, ctx) => {
    const o = parseOptions(cmd.argv, start, ETCHER);
    if (hasAny(o, 'h', 'help', 'v', 'version')) return [];
    const drives = valueTargets(cmd, ctx, [...(o.values.get('d') ?? []), ...(o.values.get('drive') ?? [])]);
    return fsFact(cmd, 'overwrite', drives.length ? drives : [PROMPTED], false, true);
  };
}
const etcher = flashFrom(1);
const balenaFlash = flashFrom(3);

/** `balena local flash …` only; balena's other verbs are read elsewhere (or write no drive). */
const balena: FsHandler = (cmd, ctx) =>
  cmd.argv[1] === 'local' && cmd.argv[2] === 'flash' ? balenaFlash(cmd, ctx) : [];

/** `woeusb --device|-d SOURCE DEST`: DEST, the operand after the source. */
const woeusb: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { longWithValue: ['target-filesystem', 'label', 'for-gui'] });
  if (hasAny(o, 'h', 'help', 'V', 'version') || !hasAny(o, 'device', 'd')) return [];
  return writes(cmd, ctx, o.operands.length >= 2 ? o.operands.slice(1, 2) : [], PROMPTED);
};

/** `Ventoy2Disk.sh -i|-I [opts] DEV`: a fresh install wipes the drive; `-u` (update) and `-l` (list) do not. */
const ventoy: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'rLo', longWithValue: [] });
  if (!hasAny(o, 'i', 'I')) return [];
  return writes(cmd, ctx, o.operands.slice(-1), PROMPTED);
};

/** Hypriot's `flash [-d DEV] [opts] IMAGE`: DEV written, else the drive picked at a prompt. */
const hypriotFlash: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, {
    shortWithValue: 'dnucCmFe',
    longWithValue: [
      'device',
      'hostname',
      'userdata',
      'config',
      'bootconf',
      'file',
      'metadata',
      'ssid',
      'psk',
    ],
  });
  if (hasAny(o, 'h', 'help', 'version') || o.operands.length === 0) return [];
  const drives = valueTargets(cmd, ctx, [...(o.values.get('d') ?? []), ...(o.values.get('device') ?? [])]);
  return fsFact(cmd, 'overwrite', drives.length ? drives : [PROMPTED], false, true);
};

/** `gnome-disks --restore-disk-image=IMG --block-device DEV`: DEV written from the image. */
const gnomeDisks: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { longWithValue: ['restore-disk-image', 'block-device'] });
  if (!hasAny(o, 'restore-disk-image')) return [];
  const dev = valueTargets(cmd, ctx, o.values.get('block-device') ?? []);
  return fsFact(cmd, 'overwrite', dev.length ? dev : [PROMPTED], false, true);
};

/** Program → reader of the drive an image is written onto. */
export const IMAGE_WRITER_HANDLERS: Record<string, FsHandler> = {
  bmaptool,
  'rpi-imager': rpiImager,
  caligula,
  'etcher-cli': etcher,
  etcher,
  'balena-etcher-cli': etcher,
  balena,
  woeusb,
  'Ventoy2Disk.sh': ventoy,
  flash: hypriotFlash,
  'gnome-disks': gnomeDisks,
};
