/**
 * Windows' disk erasers, as cmdlets (src/normalize/pwsh.ts runs a cmdlet as a command of its
 * name, so `pwsh -c 'Format-Volume …'` arrives here) and as cmd.exe's `format`:
 * `Format-Volume` (a new file system on the volume), `Clear-Disk -RemoveData|-RemoveOEM`
 * (every partition of the disk deleted; without those options a disk holding data is
 * refused), `Remove-Partition`, and `format X: …`. Each is read as a format (fs fact, op
 * `format`) of a volume or disk, class `device`, so it is refused like a wipe of /dev/sdX:
 * the target is the drive letter or disk number when given, else the volume or disk the
 * command was handed (a label, an object, the pipeline). `-WhatIf` only shows; `format`
 * without a drive operand is not read. Names are matched case-folded.
 */
import type { FsTarget, NormalizedCommand } from '../engine/types.js';
import { fsFact, type FsHandler } from './fs-fact.js';

/** Switches of these cmdlets (no value word follows); `-Name:value` carries its own value. */
const SWITCH =
  /^-(full|force|compress|asjob|passthru|uselargefrs|isdax|disableheatgathering|removedata|removeoem|verbose|debug|whatif|confirm)$/i;

/** The cmdlet's parameters (name lower case → value, '' for a switch) and its positional words. */
function params(argv: string[]): { named: Map<string, string>; pos: string[] } {
  const named = new Map<string, string>();
  const pos: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const m = /^-([a-z]\w*)(?::(.*))?$/i.exec(argv[i]);
    if (!m) pos.push(argv[i]);
    else if (m[2] !== undefined || SWITCH.test(argv[i]) || i + 1 >= argv.length)
      named.set(m[1].toLowerCase(), m[2] ?? '');
    else named.set(m[1].toLowerCase(), argv[++i]);
  }
  return { named, pos };
}

/** A volume or disk as a device target: `X:` for a drive letter, `disk N` for a disk number, else what named it. */
function device(raw: string, path: string): FsTarget {
  return { raw, path, class: 'device', glob: false };
}

const letter = (v: string) =>
  v
    .replace(/['":\\]/g, '')
    .slice(0, 1)
    .toUpperCase();

/** `-WhatIf` (or `-WhatIf:$true`): nothing is done. */
const whatIf = (named: Map<string, string>) =>
  named.has('whatif') && !/^\$?false$/i.test(named.get('whatif')!);

/** Format-Volume [-DriveLetter] X | -Path | -FileSystemLabel | -ObjectId | -Partition | pipeline. */
const formatVolume: FsHandler = (cmd) => {
  const { named, pos } = params(cmd.argv);
  if (whatIf(named)) return [];
  const drive = named.get('driveletter') ?? pos[0];
  const other = named.get('path') ?? named.get('filesystemlabel') ?? named.get('objectid') ?? '';
  const t = drive
    ? device(`${letter(drive)}:`, `\\\\.\\${letter(drive)}:`)
    : device(other || '(the volume given)', other || '(the volume given)');
  return fsFact(cmd, 'format', [t], false, named.has('force'));
};

/** The disk a disk cmdlet names: `-Number`/`-DiskNumber N` (or a positional number), else what named it. */
function diskOf(named: Map<string, string>, pos: string[]): FsTarget {
  const n = named.get('number') ?? named.get('disknumber') ?? pos.find((p) => /^\d+$/.test(p));
  if (n !== undefined) return device(`disk ${n}`, `\\\\.\\PhysicalDrive${n}`);
  const other = named.get('friendlyname') ?? named.get('uniqueid') ?? named.get('serialnumber') ?? '';
  return device(other || '(the disk given)', other || '(the disk given)');
}

/** Clear-Disk with -RemoveData or -RemoveOEM: the disk's partitions and data are gone. */
const clearDisk: FsHandler = (cmd) => {
  const { named, pos } = params(cmd.argv);
  if (whatIf(named) || !(named.has('removedata') || named.has('removeoem'))) return [];
  return fsFact(cmd, 'format', [diskOf(named, pos)], false, true);
};

/** Remove-Partition -DriveLetter X | -DiskNumber N -PartitionNumber M | pipeline. */
const removePartition: FsHandler = (cmd) => {
  const { named, pos } = params(cmd.argv);
  if (whatIf(named)) return [];
  const drive = named.get('driveletter');
  const t = drive ? device(`${letter(drive)}:`, `\\\\.\\${letter(drive)}:`) : diskOf(named, pos);
  return fsFact(cmd, 'format', [t], false, true);
};

/** cmd.exe's `format X: [/FS:…] [/Q] [/Y]`: the volume of each drive operand. */
const formatDrive: FsHandler = (cmd: NormalizedCommand) => {
  const drives = cmd.argv.slice(1).filter((a) => /^[A-Za-z]:\\?$/.test(a));
  const t = drives.map((d) => device(`${d[0].toUpperCase()}:`, `\\\\.\\${d[0].toUpperCase()}:`));
  return fsFact(
    cmd,
    'format',
    t,
    false,
    cmd.argv.some((a) => /^\/y$/i.test(a)),
  );
};

/** Handlers by lower-case name (fs-commands.ts looks cmdlets up case-folded). */
export const DISK_CMDLET_HANDLERS: Record<string, FsHandler> = {
  'format-volume': formatVolume,
  'clear-disk': clearDisk,
  'remove-partition': removePartition,
  format: formatDrive,
  'format.com': formatDrive,
};
