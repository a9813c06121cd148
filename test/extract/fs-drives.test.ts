/**
 * Windows drive paths (src/extract/fs-drives.ts) classified by their text, and read so by
 * any command that deletes or writes them (PowerShell's `Remove-Item` becomes `rm`).
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';
import { driveClass } from '../../src/extract/fs-drives.js';

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
    ['rm -f C:foo.txt', 'allow'],
  ])('%s → %s', (script, want) => expect(verdict(script).split(' ')[0]).toBe(want));
});
