/**
 * Imagers and formatters that write a whole filesystem onto a device: partclone (every
 * `partclone.TYPE`: what `-o` / `-O` names is written, the image restored with `-r`, a device
 * copied with `-b`, or an image made with `-c`), fsarchiver (`restfs ARCHIVE id=N,dest=DEV`
 * formats DEV and restores into it, `restdir ARCHIVE DIR` writes into DIR, `savefs` and
 * `savedir` write the archive), partimage (`restore|restmbr DEV IMAGE` writes DEV, `save DEV
 * IMAGE` writes the image), Clonezilla (`ocs-sr … restoredisk|restoreparts IMAGE DEV…`,
 * `ocs-onthefly -t DEV`; devices named without /dev) and bcachefs (`format DEV…`, `device
 * add FS DEV`). A device written is an overwrite (or format) of it (fs fact), so the path's
 * class decides: a /dev disk is a device, an image file in the workspace is routine. Reads
 * (`partclone.info`, `fsarchiver archinfo|probe`, `partimage imginfo`, `bcachefs show-super`,
 * `fs usage`) name no output (no fact). Reads the words only.
 */
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import type { DraftFact } from './extractor.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, parseOptions } from './fs-options.js';
import { target, targetOf } from './fs-paths.js';

/** partclone's options that take a value (`-s SRC`, `-o OUT`, `-O OUT`, `-L LOG`, `-z SIZE` …). */
const PARTCLONE_VALUES = {
  shortWithValue: 'soOLfzaknE',
  longWithValue: [
    'source',
    'output',
    'overwrite',
    'logfile',
    'UI-fresh',
    'buffer_size',
    'checksum-mode',
    'blocks-per-checksum',
    'note',
    'offset_domain',
  ],
};

/** `partclone.TYPE [-c|-r|-b] -s SRC -o|-O OUT`: OUT is written (`-` is stdout). */
export const partclone: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, PARTCLONE_VALUES);
  const outs = ['o', 'O', 'output', 'overwrite'].flatMap((n) => o.values.get(n) ?? []);
  return written(
    cmd,
    ctx,
    outs.filter((p) => p !== '-'),
  );
};

/** Words written as an overwrite (forced: the imagers replace what is there). */
function written(cmd: NormalizedCommand, ctx: AnalyzeContext, raws: string[]): DraftFact[] {
  return fsFact(
    cmd,
    'overwrite',
    raws.map((r) => targetOf(r, cmd, ctx, dynamicWord(cmd, r))),
    true,
    true,
  );
}

/** True when `raw` (a whole word or a value inside one) comes from a word not known statically. */
function dynamicWord(cmd: NormalizedCommand, raw: string): boolean {
  return cmd.dynamicArgs.some((i) => (cmd.argv[i] ?? '').includes(raw));
}

/** `fsarchiver [opts] VERB ARCHIVE …`: restfs formats each `dest=`, restdir/savefs/savedir write. */
const fsarchiver: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'zZjcLes' });
  const [verb, archive, ...rest] = o.operands;
  const word = verb === undefined ? '' : cmd.argv[verb];
  if (word === 'restfs') {
    const dests = rest.flatMap((i) =>
      [...cmd.argv[i].matchAll(/(?:^|,)dest=([^,]*)/g)].map((m) =>
        targetOf(m[1], cmd, ctx, cmd.dynamicArgs.includes(i)),
      ),
    );
    // fail closed: a restfs whose destination is not read still writes a device
    if (!dests.length) dests.push({ raw: '(restfs destination)', path: '', class: 'unknown', glob: false });
    return fsFact(cmd, 'format', dests, false, true);
  }
  if (word === 'restdir' && rest.length) return written(cmd, ctx, [cmd.argv[rest[rest.length - 1]]]);
  if ((word === 'savefs' || word === 'savedir') && archive !== undefined)
    return fsFact(cmd, 'overwrite', [target(cmd, archive, ctx)], false, hasAny(o, 'o'));
  return [];
};

/** `partimage [opts] restore|restmbr DEV IMAGE` writes DEV; `save DEV IMAGE` writes IMAGE. */
const partimage: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'zVfspgB' });
  const [verb, dev, image] = o.operands.map((i) => cmd.argv[i]);
  if ((verb === 'restore' || verb === 'restmbr') && dev !== undefined) return written(cmd, ctx, [dev]);
  if (verb === 'save' && image !== undefined) return written(cmd, ctx, [image]);
  return [];
};

/** A Clonezilla device name (`sda`, `nvme0n1p2`, `/dev/sdb`) as a path; `ask_user` is not known here. */
function clonezillaDevice(raw: string, cmd: NormalizedCommand, ctx: AnalyzeContext): FsTarget {
  if (raw.includes('/')) return targetOf(raw, cmd, ctx, dynamicWord(cmd, raw));
  // fail closed: the disk is chosen when it runs
  if (raw === 'ask_user' || dynamicWord(cmd, raw)) return { raw, path: '', class: 'unknown', glob: false };
  return { ...targetOf(`/dev/${raw}`, cmd, ctx), raw };
}

/** `ocs-sr [opts] [multicast_|bt_]restoredisk|restoreparts IMAGE DEV…`: the devices are written. */
const ocsSr: FsHandler = (cmd, ctx) => {
  const at = cmd.argv.findIndex((a, i) => i > 0 && /^([a-z]+_)?restore(disk|parts)$/.test(a));
  if (at < 0) return [];
  const devs = cmd.argv.slice(at + 2).filter((a) => !a.startsWith('-'));
  return fsFact(
    cmd,
    'overwrite',
    devs.map((d) => clonezillaDevice(d, cmd, ctx)),
    true,
    true,
  );
};

/** `ocs-onthefly [opts] -s SRC -t DEV`: the target disk is written. */
const ocsOnthefly: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'st', longWithValue: ['source', 'target'] });
  const devs = ['t', 'target'].flatMap((n) => o.values.get(n) ?? []);
  return fsFact(
    cmd,
    'overwrite',
    devs.map((d) => clonezillaDevice(d, cmd, ctx)),
    true,
    true,
  );
};

/** bcachefs format's options that take a value when written apart (`--label ssd.ssd1 /dev/sdb`). */
const BCACHEFS_VALUES = {
  shortWithValue: 'LU',
  longWithValue: [
    'label',
    'fs_label',
    'uuid',
    'block_size',
    'btree_node_size',
    'errors',
    'data_replicas',
    'metadata_replicas',
    'replicas',
    'compression',
    'background_compression',
    'str_hash',
    'metadata_checksum',
    'data_checksum',
    'superblock_size',
    'bucket',
    'bucket_size',
    'fs_size',
    'durability',
    'data_allowed',
    'source',
    'version',
    'foreground_target',
    'background_target',
    'promote_target',
    'metadata_target',
  ],
};

/** `bcachefs format DEV…` formats every device; `bcachefs device add FS DEV` formats DEV. */
const bcachefs: FsHandler = (cmd, ctx) => {
  const verb = cmd.argv[1];
  if (verb === 'format') {
    const o = parseOptions(cmd.argv, 2, BCACHEFS_VALUES);
    if (hasAny(o, 'h', 'help')) return [];
    return fsFact(
      cmd,
      'format',
      o.operands.map((i) => target(cmd, i, ctx)),
      false,
      hasAny(o, 'f', 'force'),
    );
  }
  if (verb === 'device' && cmd.argv[2] === 'add') {
    const o = parseOptions(cmd.argv, 3, BCACHEFS_VALUES);
    const dev = o.operands[o.operands.length - 1];
    if (o.operands.length < 2 || hasAny(o, 'h', 'help')) return [];
    return fsFact(cmd, 'format', [target(cmd, dev, ctx)], false, hasAny(o, 'f', 'force'));
  }
  return [];
};

/** Program → reader of the device a whole-filesystem imager writes; a program not listed is not this module's. */
export const RESTORE_HANDLERS: Record<string, FsHandler> = {
  fsarchiver,
  partimage,
  'ocs-sr': ocsSr,
  'ocs-onthefly': ocsOnthefly,
  bcachefs,
};
