/**
 * Flash chips and firmware erased or written: the machine or board may not start again, and
 * what the chip held is gone.
 * - `flashrom -p PROGRAMMER -E|--erase` and `-w|--write FILE` (the BIOS/UEFI chip of this
 *   machine with `-p internal`, or one behind a programmer); `-r` reads, `-v` verifies;
 * - the MTD tools: `flash_erase DEV START COUNT`, `flash_eraseall DEV`, `flashcp FILE DEV`,
 *   `mtd_debug erase|write DEV …`, `nandwrite DEV [FILE]`, `ubiformat DEV`, and OpenWrt's
 *   `mtd erase|write|jffs2write … PARTITION`; `mtd_debug info|read` only read;
 * - `avrdude … -e` (chip erase) and `-U MEM:w:FILE` (a memory written; `:r:` reads, `:v:`
 *   verifies);
 * - fwupd forced past its checks: `fwupdmgr|fwupdtool downgrade`, `install … --allow-older
 *   |--force`, `fwupdtool install-blob` (a raw image, unchecked). A plain `fwupdmgr update` is not.
 * Each is read as a format of the chip (fs fact, op `format`): a /dev path is a device
 * (refused like a wipe); a programmer, part or partition name is storage of class `unknown`
 * (asked).
 */
import type { FsTarget } from '../engine/types.js';
import { fsFact, type FsHandler } from './fs-fact.js';
import { hasAny, parseOptions, type OptionSpec } from './fs-options.js';
import { targetOf } from './fs-paths.js';
import { storage } from './fs-raw-devices.js';

const named = (raw: string): FsTarget => ({ raw, path: raw, class: 'unknown', glob: false });

/** flashrom's options with a value (`-p PROG`, `-w FILE`, `-r FILE`, `-c CHIP`, `-l LAYOUT`, `-i REGION`). */
const FLASHROM: OptionSpec = {
  shortWithValue: 'pwrvcli',
  longWithValue: [
    'programmer',
    'write',
    'read',
    'verify',
    'chip',
    'layout',
    'image',
    'output',
    'fmap-file',
    'ifd',
    'include',
  ],
};

/** `flashrom -p PROG -E|-w FILE`: the chip behind PROG (its `dev=/dev/…` when it names one). */
const flashrom: FsHandler = (cmd, ctx) => {
  const o = parseOptions(cmd.argv, 1, FLASHROM);
  if (!hasAny(o, 'E', 'erase', 'w', 'write')) return [];
  const prog = [...(o.values.get('p') ?? []), ...(o.values.get('programmer') ?? [])].join(',') || 'internal';
  const dev = /dev=(\/dev\/[^,\s]+)/.exec(prog)?.[1];
  return fsFact(cmd, 'format', [dev ? targetOf(dev, cmd, ctx) : named(`flash:${prog}`)], false, true);
};

/** The operands at `pick` of a tool's operands (after its options read by `spec`), as storage. */
const operandsAt =
  (pick: (ops: number[], words: string[]) => number[], spec: OptionSpec = {}): FsHandler =>
  (cmd, ctx) => {
    const o = parseOptions(cmd.argv, 1, spec);
    const idx = pick(
      o.operands,
      o.operands.map((i) => cmd.argv[i]),
    );
    return fsFact(
      cmd,
      'format',
      idx.map((i) => storage(cmd, i, ctx)),
      false,
      true,
    );
  };

/** avrdude's options with a value (`-p PART`, `-c PROG`, `-P PORT`, `-U MEM:OP:FILE`, `-b BAUD`). */
const AVRDUDE: OptionSpec = { shortWithValue: 'pcPUbBCiTxl' };

/** `avrdude -p PART -e` or `-U flash:w:FILE`: the part's memories erased or written. */
const avrdude: FsHandler = (cmd) => {
  const o = parseOptions(cmd.argv, 1, AVRDUDE);
  const writes = (o.values.get('U') ?? []).some((u) => /^[\w-]+:w:/.test(u));
  if (!hasAny(o, 'e') && !writes) return [];
  const part = (o.values.get('p') ?? []).join(',') || 'avr';
  return fsFact(cmd, 'format', [named(`flash:${part}`)], false, true);
};

/** fwupd's verbs and options that flash past its checks. */
const fwupd: FsHandler = (cmd) => {
  const o = parseOptions(cmd.argv, 1, { longWithValue: ['filter', 'json', 'remote'] });
  const verb = cmd.argv[o.operands[0]] ?? '';
  const forced =
    /^(downgrade|install-blob)$/.test(verb) ||
    (/^(install|update|reinstall)$/.test(verb) && hasAny(o, 'allow-older', 'force'));
  return forced ? fsFact(cmd, 'format', [named(`firmware:${verb}`)], false, true) : [];
};

/** Program → reader of the flash chips and firmware it erases or writes; a program not listed is not this module's. */
export const FLASH_HANDLERS: Record<string, FsHandler> = {
  flashrom,
  flash_erase: operandsAt((ops) => ops.slice(0, 1), { shortWithValue: '' }),
  flash_eraseall: operandsAt((ops) => ops.slice(0, 1)),
  flashcp: operandsAt((ops) => ops.slice(-1)),
  mtd_debug: operandsAt((ops, w) => (/^(erase|write)$/.test(w[0] ?? '') ? ops.slice(1, 2) : [])),
  nandwrite: operandsAt((ops) => ops.slice(0, 1), { shortWithValue: 's' }),
  ubiformat: operandsAt((ops) => ops.slice(0, 1), { shortWithValue: 'sOfSexQ' }),
  // OpenWrt: `mtd [-r] [-e PART] write FILE PART`, `mtd erase PART`
  mtd: operandsAt((ops, w) => (/^(erase|write|jffs2write)$/.test(w[0] ?? '') ? ops.slice(-1) : []), {
    shortWithValue: 'eojpstcl',
  }),
  avrdude,
  fwupdmgr: fwupd,
  fwupdtool: fwupd,
};
