/**
 * Per-program readers for filesystem-changing commands. Each returns the facts one
 * command implies; classification of targets lives in fs-paths.ts.
 */
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import { fsFact, type FsDraft, type FsHandler } from './fs-fact.js';
import { hasAny, lastValue, parseOptions } from './fs-options.js';
import { isHarmlessWrite, target, targetOf } from './fs-paths.js';
import { CP_LONG, LN_LONG, MV_LONG } from './fs-long-options.js';
import { foundUnder } from './fs-found.js';
import { FORMAT_HANDLERS, formatHandler } from './fs-format.js';
import { debugfsHandler } from './fs-debugfs.js';
import { xfsDbHandler } from './fs-xfsdb.js';
import { VOLUME_HANDLERS } from './fs-volumes.js';
import { CLUSTER_FS_HANDLERS } from './fs-cluster.js';
import { fsckHandler, isFsck, SHRINK_HANDLERS } from './fs-shrink.js';
import { POOL_HANDLERS } from './fs-pools.js';
import { FLASH_HANDLERS } from './fs-flash.js';
import { ACL_HANDLERS } from './fs-acl.js';
import { CLEANER_HANDLERS } from './fs-cleaners.js';
import { WINDOWS_HANDLERS } from './fs-windows.js';
import { FSUTIL_HANDLERS } from './fs-fsutil.js';
import { WINDOWS_WIPER_HANDLERS, WIPER_HANDLERS } from './fs-wipers.js';
import { DISK_CMDLET_HANDLERS } from './fs-disk-cmdlets.js';
import { CMD_DELETE_HANDLERS, hasCmdSwitch, rd } from './fs-windows-delete.js';
import { PWSH_DELETE_HANDLERS, pwshStyle, removeItem } from './fs-pwsh-delete.js';
import { rclone } from './fs-rclone.js';
import { cpdup, rsync } from './fs-rsync.js';
import { unison } from './fs-unison.js';
import { TRASH_HANDLERS } from './fs-trash.js';
import { partclone, RESTORE_HANDLERS } from './fs-restore.js';
import { BACKUP_RESTORE_HANDLERS } from './fs-backup-restore.js';
import { IMAGE_FILE_HANDLERS } from './fs-images.js';
import { MTOOLS_HANDLERS } from './fs-mtools.js';
import { RAW_DEVICE_HANDLERS } from './fs-raw-devices.js';
import { IMAGE_WRITER_HANDLERS } from './fs-image-writers.js';

/**
 * True when xargs appends operands from stdin that are not known statically and the
 * normalizer left no placeholder for them (it normally adds a dynamic `{xargs-input}` word).
 */
function fedByUnknownInput(cmd: NormalizedCommand): boolean {
  const fed = cmd.wrappers.some((w) => /^xargs\b/.test(w));
  return fed && cmd.stdin?.text === undefined && cmd.dynamicArgs.length === 0;
}

/** Operand targets (a lister's names for xargs' marker or a `while read` variable), plus an unknown target when xargs adds operands we cannot see. */
export function operandTargets(cmd: NormalizedCommand, ctx: AnalyzeContext, idx: number[]): FsTarget[] {
  const fed = cmd.wrappers.some((w) => /^xargs\b/.test(w));
  // `LISTER | while read VAR; do CMD "$VAR"`: VAR is a name the lister printed (read-loops.ts)
  const loopVar = cmd.wrappers.map((w) => /^while read (\w+)$/.exec(w)?.[1]).find((v) => v !== undefined);
  const out = idx.flatMap((i) => {
    // The names xargs appends (its marker word, or `{}` with -I) when they come from `find DIR`.
    const word = cmd.argv[i] ?? '';
    const marker =
      cmd.dynamicArgs.includes(i) &&
      ((fed && /^\{(xargs-input|)\}$/.test(word)) ||
        (loopVar !== undefined && (word === `$${loopVar}` || word === `\${${loopVar}}`)));
    return (marker && foundUnder(cmd, ctx)) || [target(cmd, i, ctx)];
  });
  if (fedByUnknownInput(cmd)) {
    const found = foundUnder(cmd, ctx);
    // fail closed: operands appended by xargs from unknown input may name anything.
    out.push(...(found ?? [{ raw: '(from stdin)', path: '', class: 'unknown', glob: false }]));
  }
  return out;
}

/** GNU rm's long options, so a prefix (`--rec`, `--forc`) reads as the option. */
const RM_LONG =
  'recursive force dir interactive one-file-system no-preserve-root preserve-root verbose help version'.split(
    ' ',
  );

const rm: FsHandler = (cmd, ctx) => {
  // `rm -Recurse -Force D:\x`: PowerShell's alias of Remove-Item
  if (pwshStyle(cmd.argv)) return removeItem(cmd, ctx);
  const o = parseOptions(cmd.argv, 1, { long: RM_LONG });
  const recursive = hasAny(o, 'r', 'R', 'recursive');
  const force = hasAny(o, 'f', 'force');
  return fsFact(cmd, 'delete', operandTargets(cmd, ctx, o.operands), recursive, force);
};

/** rmz (the fuc crate's fast rm): `rmz [-f] [--no-preserve-root] PATH…` always deletes whole trees. */
const rmz: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1);
  return fsFact(cmd, 'delete', operandTargets(cmd, ctx, o.operands), true, hasAny(o, 'f', 'force'));
};

const rmdir: FsHandler = (cmd, ctx) => {
  // `rmdir /s /q DIR` is cmd.exe's rd
  if (hasCmdSwitch(cmd.argv)) return rd(cmd, ctx);
  if (pwshStyle(cmd.argv)) return removeItem(cmd, ctx);
  const o = parseOptions(cmd.argv, 1);
  return fsFact(cmd, 'delete', operandTargets(cmd, ctx, o.operands), false, false);
};

const unlink: FsHandler = (cmd, ctx) =>
  fsFact(cmd, 'delete', operandTargets(cmd, ctx, parseOptions(cmd.argv, 1).operands));

const shred: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, {
    shortWithValue: 'ns',
    // `--remove[=HOW]` takes its value only after `=`.
    longWithValue: ['iterations', 'size', 'random-source'],
    long: ['force', 'exact', 'remove', 'verbose', 'zero', 'help', 'version'],
  });
  return fsFact(cmd, 'shred', operandTargets(cmd, ctx, o.operands), false, hasAny(o, 'f', 'force'));
};

/** mv: the sources are moved away; `/dev/null` as destination deletes them; the destination is overwritten. */
const mv: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, {
    shortWithValue: 'tS',
    longWithValue: ['target-directory', 'suffix'],
    long: MV_LONG,
  });
  const tdir = lastValue(o, 't', 'target-directory');
  const ops = [...o.operands];
  const destRaw = tdir ?? (ops.length >= 2 ? cmd.argv[ops.pop() as number] : undefined);
  const destIdx = tdir === undefined && destRaw !== undefined ? o.operands[o.operands.length - 1] : -1;
  const sources = operandTargets(cmd, ctx, ops);
  const force = hasAny(o, 'f', 'force');
  if (destRaw === undefined) return fsFact(cmd, 'move', sources, true, force);
  const dest = destIdx >= 0 ? target(cmd, destIdx, ctx) : targetOf(destRaw, cmd, ctx);
  if (dest.path === '/dev/null') return fsFact(cmd, 'delete', sources, true, force);
  return [...fsFact(cmd, 'move', sources, true, force), ...overwriteOf(cmd, [dest], force)];
};

/** A write/overwrite fact for destinations, skipping harmless pseudo-files. */
export function overwriteOf(
  cmd: NormalizedCommand,
  dests: FsTarget[],
  force = false,
  recursive = false,
): FsDraft[] {
  return fsFact(
    cmd,
    'overwrite',
    dests.filter((d) => !isHarmlessWrite(d.path)),
    recursive,
    force,
  );
}

/** cp/install: the destination (last operand or -t DIR) is written. */
const cp: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, {
    shortWithValue: 'tSmog',
    longWithValue: ['target-directory', 'suffix', 'mode', 'owner', 'group'],
    long: CP_LONG,
  });
  const tdir = lastValue(o, 't', 'target-directory');
  const recursive = hasAny(o, 'r', 'R', 'a', 'recursive', 'archive');
  if (tdir !== undefined)
    return overwriteOf(cmd, [targetOf(tdir, cmd, ctx)], hasAny(o, 'f', 'force'), recursive);
  if (o.operands.length < 2) return [];
  const last = o.operands[o.operands.length - 1];
  return overwriteOf(cmd, [target(cmd, last, ctx)], hasAny(o, 'f', 'force'), recursive);
};

/** dd: `of=` is overwritten; a block device there is a wipe. */
const dd: FsHandler = (cmd, ctx) => {
  const idx = cmd.argv.findIndex((a, i) => i > 0 && a.startsWith('of='));
  if (idx < 0) return [];
  const t = targetOf(cmd.argv[idx].slice(3), cmd, ctx, cmd.dynamicArgs.includes(idx));
  return overwriteOf(cmd, [t], true);
};

const truncate: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { shortWithValue: 'sr', longWithValue: ['size', 'reference'] });
  return fsFact(cmd, 'truncate', operandTargets(cmd, ctx, o.operands), false, true);
};

/** chmod/chown/chgrp: the first operand is the mode/owner unless --reference is used. */
const perms: FsHandler = (cmd, ctx) => {
  const isChmod = cmd.program === 'chmod';
  // `chmod -x file`: a dash word made of mode letters is the mode, not an option.
  const argv = cmd.argv.map((a) =>
    isChmod && /^-[rwxXstugoa]*[rwxXst][rwxXstugoa]*$/.test(a) ? '=' + a : a,
  );
  const o = parseOptions(argv, 1, { longWithValue: ['reference', 'from'] });
  const ops = lastValue(o, 'reference') !== undefined ? o.operands : o.operands.slice(1);
  const op = isChmod ? 'chmod' : 'chown';
  return fsFact(cmd, op, operandTargets(cmd, ctx, ops), hasAny(o, 'R', 'recursive'), hasAny(o, 'f'));
};

/** ln: the link name (last operand or -t DIR) is created; with -f an existing file there is replaced. */
const ln: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, {
    shortWithValue: 'tS',
    longWithValue: ['target-directory', 'suffix'],
    long: LN_LONG,
  });
  const force = hasAny(o, 'f', 'force');
  const tdir = lastValue(o, 't', 'target-directory');
  if (tdir !== undefined) return fsFact(cmd, 'link', [targetOf(tdir, cmd, ctx)], false, force);
  if (o.operands.length < 2) return [];
  return fsFact(cmd, 'link', [target(cmd, o.operands[o.operands.length - 1], ctx)], false, force);
};

/** tee FILE…: each file is overwritten (or appended to with -a). */
const tee: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, { longWithValue: ['output-error'] });
  return overwriteOf(
    cmd,
    o.operands.map((i) => target(cmd, i, ctx)),
  );
};

/** sed -i / perl -i edit files in place: the files after the script are rewritten. */
const inPlace: FsHandler = (cmd, ctx) => {
  const perl = cmd.program === 'perl';
  const o = parseOptions(cmd.argv, 1, {
    shortWithValue: perl ? 'eE' : 'efl',
    longWithValue: ['expression', 'file', 'line-length'],
  });
  const inplace = [...o.flags].some((f) => f === 'i' || f.startsWith('in-place'));
  if (!inplace) return [];
  const scriptGiven = hasAny(o, 'e', 'E', 'f', 'expression', 'file');
  const files = scriptGiven ? o.operands : o.operands.slice(1);
  // files xargs appends from `find DIR` / `grep -l PAT DIR` are read as found under DIR
  return overwriteOf(cmd, operandTargets(cmd, ctx, files));
};

/** Program → reader of the core filesystem commands (rm, mv, cp, chmod …); other families have their own tables, merged in fs.ts. */
export const HANDLERS: Record<string, FsHandler> = {
  rm,
  rmz,
  rmdir,
  unlink,
  shred,
  srm: shred,
  mv,
  cp,
  install: cp,
  rsync,
  cpdup,
  rclone,
  unison,
  dd,
  truncate,
  chmod: perms,
  chown: perms,
  chgrp: perms,
  ln,
  tee,
  sed: inPlace,
  perl: inPlace,
  debugfs: debugfsHandler,
  xfs_db: xfsDbHandler,
  ...FORMAT_HANDLERS,
  ...VOLUME_HANDLERS,
  ...CLUSTER_FS_HANDLERS,
  // after VOLUME_HANDLERS: its btrfs and zpool readers add to theirs
  ...SHRINK_HANDLERS,
  // after SHRINK_HANDLERS: its btrfs and zpool readers add to theirs
  ...POOL_HANDLERS,
  ...FLASH_HANDLERS,
  ...ACL_HANDLERS,
  ...CLEANER_HANDLERS,
  ...WINDOWS_HANDLERS,
  ...FSUTIL_HANDLERS,
  ...WIPER_HANDLERS,
  ...CMD_DELETE_HANDLERS,
  ...TRASH_HANDLERS(rm),
  ...RESTORE_HANDLERS,
  ...BACKUP_RESTORE_HANDLERS,
  ...IMAGE_FILE_HANDLERS,
  ...MTOOLS_HANDLERS,
  ...RAW_DEVICE_HANDLERS,
  ...IMAGE_WRITER_HANDLERS,
};

/** The handler for a program (`mkfs`, `mkfs.ext4`, `newfs_udf` … share one). */
export function handlerFor(program: string): FsHandler | undefined {
  if (program === 'mkfs' || program.startsWith('mkfs.') || program.startsWith('newfs_')) return formatHandler;
  if (isFsck(program)) return fsckHandler;
  if (program.startsWith('partclone.')) return partclone;
  if (Object.prototype.hasOwnProperty.call(HANDLERS, program)) return HANDLERS[program];
  // cmdlets and cmd.exe's programs are named in any case (`Format-Volume`, `FORMAT`)
  const folded = program.toLowerCase();
  for (const table of [DISK_CMDLET_HANDLERS, PWSH_DELETE_HANDLERS, CMD_DELETE_HANDLERS, FSUTIL_HANDLERS])
    if (Object.hasOwn(table, folded)) return table[folded];
  if (Object.hasOwn(WINDOWS_WIPER_HANDLERS, folded)) return WINDOWS_WIPER_HANDLERS[folded];
  return undefined;
}
