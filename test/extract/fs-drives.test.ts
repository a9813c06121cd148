/**
 * Windows drive paths (src/extract/fs-drives.ts) classified by their text, and read so by
 * any command that deletes or writes them (PowerShell's `Remove-Item` becomes `rm`; Git
 * Bash's `rm -rf C:\\Users\\bob`, its backslashes dropped, and `/c/Users/bob`).
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';
import { driveClass, drivePath } from '../../src/extract/fs-drives.js';
import type { FsClass } from '../../src/engine/types.js';

describe('driveClass', () => {
  it.each([
    ['\\', 'root'],
    ['/', 'root'],
    ['\\Windows\\System32', 'system'],
    ['\\ProgramData\\AcmeDB\\data', 'system'],
    ['\\Program Files\\App', 'system'],
    ['ProgramData', 'system'],
    ['\\Users', 'system'],
    ['\\Users\\dev', 'home'],
    ['\\Users\\dev\\AppData\\Roaming', 'home'],
    ['\\Users\\dev\\src\\app', 'outside-workspace'],
    ['/backups/db', 'outside-workspace'],
    // separators dropped by bash: a profile is read as the profile
    ['Usersbob', 'home'],
    ['Users', 'system'],
    ['WindowsSystem32', 'system'],
    ['Data', 'outside-workspace'],
    ['', 'root'],
  ])('%s → %s', (rest, want) => expect(driveClass(rest)).toBe(want));
});

const verdict = await packVerdict('filesystem');

describe('a drive path is never relative to the working directory (filesystem pack)', () => {
  it.each([
    ["rm -rf 'C:\\ProgramData\\AcmeDB\\data'", 'deny'],
    [
      'powershell.exe -NoProfile -Command "Remove-Item -Path \'C:\\ProgramData\\AcmeDB\\data\' -Recurse -Force"',
      'deny',
    ],
    ['pwsh -c "Remove-Item -Recurse -Force \'D:\\backups\\nightly\'"', 'ask'],
    ["rm -rf 'C:/Users/dev'", 'deny'],
    // a relative name, or a name with a colon that is no drive, is read as before
    ['rm -rf dist', 'allow'],
    ['pwsh -c "Remove-Item -Recurse -Force .\\dist"', 'allow'],
    ['rm -f build/C:foo.txt', 'allow'],
    ['rm -rf ./C:', 'allow'],
    // Git Bash: unquoted backslashes are dropped (`C:Usersbob`), and a drive-relative name
    // (`C:foo.txt`, `D:Data`) is in that drive's current folder, not known to be the workspace
    ['rm -rf C:\\Users\\bob', 'deny'],
    ['rm -rf C:\\Windows\\System32', 'deny'],
    ['rm -rf C:', 'deny'],
    ['rm -rf D:\\Data', 'ask'],
    ["rm -rf 'D:\\Data'", 'ask'],
    ['rm -rf D:/Data', 'ask'],
    ['rm -f C:foo.txt', 'ask'],
    // the same drive path spelled the MSYS way
    ['rm -rf /c/Users/bob', 'deny'],
    ['rm -rf /c/Windows', 'deny'],
    ['rm -rf /d/Data', 'ask'],
  ])('%s → %s', (script, want) => expect(verdict(script).split(' ')[0]).toBe(want));
});

describe('drivePath: judged like an absolute path', () => {
  // the workspace as Git Bash names it: /c/work/app
  const classify = (p: string): FsClass =>
    p === '/c/work/app'
      ? 'workspace-root'
      : p.startsWith('/c/work/app/')
        ? 'inside-workspace'
        : 'outside-workspace';
  it.each<[string, { path: string; class: FsClass } | undefined]>([
    ['C:\\work\\app\\dist', { path: '/c/work/app/dist', class: 'inside-workspace' }],
    ['c:/work/app', { path: '/c/work/app', class: 'workspace-root' }],
    ['C:\\Users\\bob', { path: 'C:\\Users\\bob', class: 'home' }],
    ['D:Data', { path: 'D:Data', class: 'outside-workspace' }],
    ['dist', undefined],
    ['./C:', undefined],
  ])('%s → %j', (raw, want) => expect(drivePath(raw, classify)).toEqual(want));
});
