/**
 * cmd.exe's rd/rmdir/del (src/extract/fs-windows-delete.ts): a delete of the Windows paths
 * named, recursive with /s. Through the real pipeline with the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');

describe("cmd.exe's deleting built-ins (filesystem pack)", () => {
  it.each([
    [
      'cmd.exe /c "rd /s /q %USERPROFILE%\\Documents && rd /s /q %USERPROFILE%\\source"',
      'ask filesystem/delete-outside-workspace',
    ],
    ['rmdir /s /q "C:\\Users\\bob\\Documents"', 'ask filesystem/delete-outside-workspace'],
    ['cmd /c del /s /q /f "C:\\Users\\bob\\Documents\\*"', 'ask filesystem/delete-outside-workspace'],
    // the workspace's own build folders are routine
    ['cmd /c "rd /s /q build && rd /s /q node_modules"', 'allow'],
    ['cmd.exe /c del /q dist\\*.map', 'allow'],
    // POSIX rmdir is unchanged
    ['rmdir ./empty-dir', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });
});
