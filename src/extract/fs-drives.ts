/**
 * Windows drive paths (`C:\ProgramData\db`, `D:/backups`) classified by their text: a
 * drive's root is `root`; Windows, Program Files and ProgramData are `system`; a profile
 * under Users is `home`; any other drive path is outside the workspace (the workspace is a
 * POSIX path: a drive path is in it only as its MSYS spelling, `/c/work/app`). Read by
 * fs-windows.ts for Windows tools' operands and by fs-paths.ts for any command's
 * (`Remove-Item 'C:\…'` from PowerShell becomes `rm`; Git Bash's `rm -rf D:\\Data`).
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
  // `C:Usersbob`: a profile (or a folder in one) whose separators bash dropped; read as the
  // profile (fail closed: which part is the user's name is not known)
  if (joined && first.startsWith('users')) return 'home';
  return 'outside-workspace';
}

/** Classes of a path that is the workspace's own. */
const OWN = new Set<FsClass>(['inside-workspace', 'workspace-root', 'workspace-vcs']);

/**
 * A drive path given to any command (`C:\Users\bob`, `D:/Data`, `C:Usersbob` once bash
 * dropped the backslashes, `C:` alone) judged like an absolute path: the workspace's own when
 * the workspace is its MSYS spelling (`/c/work/app`, Git Bash), else by driveClass.
 * `classify`: the POSIX path classifier. Undefined = not a drive path.
 */
export function drivePath(
  raw: string,
  classify: (posix: string) => FsClass,
): { path: string; class: FsClass } | undefined {
  const m = /^([A-Za-z]):(.*)$/s.exec(raw);
  if (!m) return undefined;
  const msys = `/${m[1].toLowerCase()}/${m[2].replace(/\\/g, '/').replace(/^\/+/, '')}`.replace(/\/+$/, '');
  const own = classify(msys);
  if (OWN.has(own)) return { path: msys, class: own };
  return { path: raw, class: driveClass(m[2]) };
}

/**
 * An MSYS path (`/c/Users/bob`: Git Bash's spelling of `C:\Users\bob`) judged as the drive
 * path it names when that is stricter than outside-workspace (a drive's root, Windows'
 * folders, a profile); undefined = not such a path, or nothing stricter.
 */
export function msysClass(path: string): FsClass | undefined {
  const m = /^\/([a-z])(\/.*)?$/.exec(path);
  if (!m) return undefined;
  const cls = driveClass(m[2] ?? '');
  return cls === 'outside-workspace' ? undefined : cls;
}
