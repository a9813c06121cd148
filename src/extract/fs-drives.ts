/**
 * Windows drive paths (`C:\ProgramData\db`, `D:/backups`) classified by their text: a
 * drive's root is `root`; Windows, Program Files and ProgramData are `system`; a profile
 * under Users is `home`; any other drive path is outside the workspace (the workspace is a
 * POSIX path, so no drive path is in it). Read by fs-windows.ts for Windows tools' operands
 * and by fs-paths.ts for any command's (`Remove-Item 'C:\…'` from PowerShell becomes `rm`).
 * Pure.
 */
import type { FsClass } from '../engine/types.js';

/** First components (lower case) of a drive path that belong to the system. */
const SYSTEM_FOLDERS = [
  'windows',
  'program files (x86)',
  'program files',
  'programdata',
  'system volume information',
  'recovery',
  'boot',
  '$recycle.bin',
];

/** The class of a drive path's rest (`\Windows\System32`, `WindowsSystem32` once bash dropped the backslashes). */
export function driveClass(rest: string): FsClass {
  const parts = rest.split(/[\\/]+/).filter(Boolean);
  if (parts.length === 0) return 'root';
  const first = parts[0].toLowerCase();
  const separated = /[\\/]/.test(rest.replace(/^[\\/]+/, ''));
  const joined = !separated && parts.length === 1;
  if (SYSTEM_FOLDERS.some((f) => first === f || (joined && first.startsWith(f.replace(/ /g, '')))))
    return 'system';
  if (first === 'users') {
    if (parts.length === 1) return 'system';
    if (parts.length === 2 || /^(\.|appdata$)/i.test(parts[2])) return 'home';
  }
  return 'outside-workspace';
}
