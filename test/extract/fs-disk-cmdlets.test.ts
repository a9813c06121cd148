/**
 * Windows' disk erasers (src/extract/fs-disk-cmdlets.ts): Format-Volume, Clear-Disk
 * -RemoveData, Remove-Partition and cmd.exe's `format X:` are formats of a device, refused
 * like a wipe of /dev/sdX; reads, -WhatIf and a Clear-Disk that would refuse a disk with data
 * are not. Through the real pipeline (PowerShell and cmd.exe carriers included) with the
 * filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');

describe('Windows disk erasers (filesystem pack)', () => {
  it.each([
    [
      'pwsh -NoProfile -Command "Format-Volume -DriveLetter E -FileSystem NTFS -NewFileSystemLabel Data -Full -Force"',
      'deny filesystem/wipe-device',
    ],
    ["pwsh -c 'Format-Volume D -FileSystem ReFS -Force'", 'deny filesystem/wipe-device'],
    ["powershell.exe -c 'format-volume -driveletter:F'", 'deny filesystem/wipe-device'],
    // handed the volume through the pipeline: whichever it is, it is formatted
    [
      "pwsh -c 'Get-Partition -DiskNumber 1 | Format-Volume -FileSystem exFAT'",
      'deny filesystem/wipe-device',
    ],
    ['pwsh -c "Clear-Disk -Number 2 -RemoveData -Confirm:\\$false"', 'deny filesystem/wipe-device'],
    [
      "pwsh -c 'Get-Disk 3 | Clear-Disk -RemoveData -RemoveOEM -Confirm:$false'",
      'deny filesystem/wipe-device',
    ],
    ["pwsh -c 'Remove-Partition -DriveLetter F -Confirm:$false'", 'deny filesystem/wipe-device'],
    ["pwsh -c 'Remove-Partition -DiskNumber 1 -PartitionNumber 2'", 'deny filesystem/wipe-device'],
    ['cmd /c format E: /FS:NTFS /Q /Y', 'deny filesystem/wipe-device'],
    ['FORMAT.COM D: /q', 'deny filesystem/wipe-device'],
    // reads, previews, and a Clear-Disk without -RemoveData (refused by Windows on a disk with data)
    ["pwsh -c 'Get-Volume -DriveLetter E'", 'allow'],
    ["pwsh -c 'Format-Volume -DriveLetter E -FileSystem NTFS -WhatIf'", 'allow'],
    ["pwsh -c 'Get-Disk | Format-Table -AutoSize'", 'allow'],
    ["pwsh -c 'Clear-Disk -Number 2'", 'allow'],
    ['format --help', 'allow'],
    ['cmd /c format /?', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });
});
