/**
 * Windows' permission and ownership tools (src/extract/fs-windows.ts): icacls and cacls
 * change permissions like chmod, takeown owners like chown; their Windows paths are
 * classified by their text. Through the real pipeline with the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict, analyzeContext, command } from '../helpers/command.js';
import { windowsTarget } from '../../src/extract/fs-windows.js';

const verdict = await packVerdict('filesystem');

describe('icacls, takeown, cacls (filesystem pack)', () => {
  it.each([
    // bash drops unquoted backslashes: C:\ProgramData reaches icacls as C:ProgramData
    ['icacls C:\\ProgramData /grant Everyone:F /T', 'deny filesystem/permissions-recursive-system'],
    [
      "icacls 'C:\\Windows\\System32' /grant:r '*S-1-1-0:(OI)(CI)F' /T /C",
      'deny filesystem/permissions-recursive-system',
    ],
    ["icacls 'C:\\' /grant Everyone:F /T", 'deny filesystem/permissions-recursive-system'],
    ["icacls.exe '%ProgramFiles%\\App' /reset /T", 'deny filesystem/permissions-recursive-system'],
    [
      "icacls 'C:\\Windows\\System32\\drivers\\etc\\hosts' /grant Everyone:F",
      'ask filesystem/permissions-system-file',
    ],
    ["icacls 'C:\\Windows' /setowner ci-bot", 'ask filesystem/permissions-system-file'],
    ["icacls 'C:\\Windows' /inheritance:r", 'ask filesystem/permissions-system-file'],
    ["icacls 'C:\\Users\\dev' /grant Everyone:F /T", 'ask filesystem/permissions-home-or-outside'],
    ["icacls 'D:\\data' /grant Everyone:F /T", 'ask filesystem/permissions-home-or-outside'],
    ["icacls '%FOLDER%' /grant Everyone:F /T", 'ask filesystem/permissions-home-or-outside'],
    ['takeown /f C:\\Windows\\System32 /r /d y', 'deny filesystem/permissions-recursive-system'],
    ["takeown /F '%SystemRoot%\\System32\\utilman.exe'", 'ask filesystem/permissions-system-file'],
    ["takeown /f 'C:\\Windows\\System32\\sethc.exe' /a", 'ask filesystem/permissions-system-file'],
    ["cacls 'C:\\Windows\\System32' /t /e /g Everyone:F", 'deny filesystem/permissions-recursive-system'],
    // the project's own folders, reads, saves
    ['icacls .\\build /grant Everyone:F /T', 'allow'],
    ["icacls 'dist\\assets' /grant 'Users:(OI)(CI)RX' /T", 'allow'],
    ['icacls C:\\Users\\dev\\project', 'allow'],
    ["icacls 'C:\\Windows\\System32' /save acl.txt /T", 'allow'],
    ["icacls 'C:\\Windows' /verify /T", 'allow'],
    ["icacls 'C:\\Windows' /findsid Everyone /T", 'allow'],
    ['takeown /f .\\dist /r', 'allow'],
    ["takeown /s fileserver /f 'C:\\share\\x'", 'allow'],
    ["cacls 'C:\\Windows'", 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});

describe('robocopy: the destination written, emptied of what the source lacks with /MIR or /PURGE', () => {
  it.each([
    [
      "robocopy 'C:\\empty' 'C:\\Users' /MIR",
      'deny filesystem/write-system-file,filesystem/destroy-root-home-system',
    ],
    [
      "robocopy 'C:\\empty' 'C:\\Windows\\System32' /PURGE",
      'deny filesystem/write-system-file,filesystem/destroy-root-home-system',
    ],
    [
      "robocopy.exe 'C:\\tmp\\x' '%USERPROFILE%' /MIR /R:0",
      'deny filesystem/write-system-file,filesystem/destroy-root-home-system',
    ],
    ["robocopy 'C:\\Users\\ana' 'D:\\archive' /MOVE /E", 'deny filesystem/destroy-root-home-system'],
    ["robocopy 'C:\\src\\app' 'D:\\backup\\app' /E", 'allow'],
    ["robocopy 'C:\\src\\app' 'D:\\backup\\app' /L /MIR", 'allow'],
    ["robocopy 'C:\\src\\app' 'D:\\backup\\app' /MIR", 'ask filesystem/delete-outside-workspace'],
    ['robocopy src dist /MIR', 'allow'],
    ['robocopy /?', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});

describe('Windows paths by their text', () => {
  const ctx = analyzeContext('/ws');
  const cmd = command(['icacls']);
  it.each([
    ['C:\\', 'root'],
    ['C:', 'root'],
    ['C:\\Windows\\System32', 'system'],
    ['C:WindowsSystem32', 'system'],
    ['C:ProgramData', 'system'],
    ['C:\\Program Files (x86)\\App', 'system'],
    ['c:/programdata/app', 'system'],
    ['C:\\Users', 'system'],
    ['C:\\Users\\dev', 'home'],
    ['C:\\Users\\dev\\AppData\\Roaming', 'home'],
    ['C:\\Users\\dev\\project', 'outside-workspace'],
    // separators dropped: which part is the user's name is not known, read as the profile (fail closed)
    ['C:Usersdevproject', 'home'],
    ['C:Data', 'outside-workspace'],
    ['C:\\WindowsApps-backup\\x', 'outside-workspace'],
    ['D:\\data', 'outside-workspace'],
    ['\\\\fileserver\\share', 'outside-workspace'],
    ['%SystemRoot%', 'system'],
    ['%USERPROFILE%', 'home'],
    ['%USERPROFILE%\\project', 'outside-workspace'],
    ['%TEMP%\\x', 'tmp'],
    ['%BUILD_DIR%', 'unknown'],
    ['build\\out', 'inside-workspace'],
  ])('%s → %s', (raw, cls) => {
    expect(windowsTarget(raw, cmd, ctx).class).toBe(cls);
  });
});
