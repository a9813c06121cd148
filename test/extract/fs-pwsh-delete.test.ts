/**
 * PowerShell's deleting and emptying cmdlets typed on the command line
 * (src/extract/fs-pwsh-delete.ts): Remove-Item and its aliases, Clear-Content, Clear-Item,
 * fed by Get-ChildItem or naming their paths, judged by the Windows path they name (through a
 * provider, `FileSystem::C:\\`, `Cert:\\`, too). Through
 * the real pipeline with the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');
const DENY = 'deny filesystem/destroy-root-home-system';
const OUTSIDE = 'ask filesystem/delete-outside-workspace';

/** The decision and the first rule that made it (a command read twice may add a milder rule). */
const strictest = async (cmd: string) => (await verdict(cmd)).split(',')[0];

describe('PowerShell deletes of Windows paths (filesystem pack)', () => {
  it.each([
    // drive roots, Windows' folders and profiles are refused
    ['Remove-Item -Recurse -Force C:\\', DENY],
    ["Remove-Item 'C:\\' -Recurse", DENY],
    ['ri -r -fo C:\\Windows', DENY],
    ['Get-ChildItem C:\\ | Remove-Item -Recurse -Force', DENY],
    ["Remove-Item -Path 'C:\\Users\\bob' -Recurse -Force", DENY],
    ["Remove-Item -Recurse -Force 'C:\\Program Files\\Acme'", DENY],
    // any other drive folder, a profile's folder, a share or a registry key asks
    ['Remove-Item -Recurse -Force D:\\Data\\ledger', OUTSIDE],
    ["Remove-Item -Recurse -Force 'C:\\Users\\bob\\Documents'", OUTSIDE],
    // unquoted, bash drops the separators: which part is the user's name is not known (the profile)
    ['Remove-Item -Recurse -Force C:\\Users\\bob\\Documents', DENY],
    ["Remove-Item -Path 'E:\\Backups\\*' -Recurse -Force", OUTSIDE],
    ['rm -Recurse -Force D:\\Data', OUTSIDE],
    ["del -Recurse -Force 'C:\\Users\\bob\\Desktop'", OUTSIDE],
    ['rd -Recurse -Force E:\\Backups', OUTSIDE],
    ['Remove-Item -LiteralPath "$env:USERPROFILE\\Documents" -Recurse -Force', OUTSIDE],
    ['Remove-Item -Recurse -Force ~\\Documents', OUTSIDE],
    ['Remove-Item -Recurse -Force ..\\other-repo', OUTSIDE],
    ["Remove-Item -Recurse -Force 'HKLM:\\SOFTWARE\\Acme'", OUTSIDE],
    ['Get-ChildItem -Path F:\\Shares\\HR -Recurse | Remove-Item -Force', OUTSIDE],
    // cmd's rd/del with the same judgement
    ['rd /s /q E:\\Backups', OUTSIDE],
    ['RD /S /Q E:\\Backups', OUTSIDE],
    ['del /s /q C:\\inetpub\\*', OUTSIDE],
    // fail closed: names from elsewhere, a variable, or no path at all
    ['Get-Content list.txt | Remove-Item -Force', 'ask filesystem/delete-unresolved'],
    ['Remove-Item -Recurse -Force $env:TEMPLATE_DIR', 'ask filesystem/delete-unresolved'],
    ['Remove-Item -Recurse -Force $target', 'ask filesystem/delete-unresolved'],
    // the workspace's own build output and temp space stay allowed
    ['Remove-Item -Recurse -Force .\\bin, .\\obj', 'allow'],
    ['Remove-Item -Recurse -Force node_modules', 'allow'],
    ['Remove-Item -Recurse -Force "$env:TEMP\\build-cache"', 'allow'],
    ['Remove-Item -Recurse -Force $env:TEMP\\build-cache', 'allow'],
    ['Get-ChildItem .\\dist -Recurse | Remove-Item -Force', 'allow'],
    ['rm -Recurse -Force bin\\Debug', 'allow'],
    // the same inside pwsh -c (src/normalize/pwsh.ts)
    ["pwsh -c 'Remove-Item -Recurse -Force .\\bin, .\\obj'", 'allow'],
    ["pwsh -c 'Remove-Item -Recurse -Force $env:TEMP\\build-cache'", 'allow'],
    ["pwsh -c 'Remove-Item -Recurse -Force D:\\Data\\ledger -WhatIf'", 'allow'],
    ["pwsh -c 'Remove-Item -Recurse -Force D:\\Data\\ledger'", OUTSIDE],
    // -WhatIf only shows; listing deletes nothing
    ['Remove-Item -Recurse -Force D:\\Data\\ledger -WhatIf', 'allow'],
    ['Get-ChildItem -Recurse D:\\Shares', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await strictest(cmd)).toBe(want);
  });
});

describe('PowerShell provider paths (filesystem pack)', () => {
  it.each([
    // FileSystem:: names the path after it
    ["Remove-Item -Recurse -Force 'FileSystem::C:\\Users'", DENY],
    ['Remove-Item -Recurse -Force FileSystem::C:\\Users', DENY],
    ["Remove-Item -Recurse -Force 'Microsoft.PowerShell.Core\\FileSystem::C:\\Windows'", DENY],
    ["pwsh -c 'Remove-Item -Recurse -Force FileSystem::C:\\Users'", DENY],
    ["pwsh -c 'Remove-Item -Recurse -Force FileSystem::/home'", DENY],
    ["Remove-Item -Recurse -Force 'Microsoft.PowerShell.Core\\FileSystem::\\\\server\\share'", OUTSIDE],
    [
      "pwsh -c 'Remove-Item -Recurse -Force Microsoft.PowerShell.Core\\FileSystem::\\\\server\\share'",
      OUTSIDE,
    ],
    ["pwsh -c 'Remove-Item -Recurse -Force \\\\server\\share'", OUTSIDE],
    // the machine's stores: certificates, registry, WinRM
    ["Remove-Item 'Cert:\\LocalMachine\\Root\\0123456789ABCDEF0123456789ABCDEF01234567'", OUTSIDE],
    ["pwsh -c 'Remove-Item Cert:\\LocalMachine\\Root\\0123456789ABCDEF0123456789ABCDEF01234567'", OUTSIDE],
    ["pwsh -c 'Get-ChildItem Cert:\\CurrentUser\\My | Remove-Item'", OUTSIDE],
    ["pwsh -c 'Remove-Item -Recurse HKLM:\\SOFTWARE\\Policies'", OUTSIDE],
    ["pwsh -c 'Remove-Item -Recurse Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\Acme'", OUTSIDE],
    ["Remove-Item 'WSMan:\\localhost\\Listener\\Listener_1'", OUTSIDE],
    // fail closed: a provider or drive not known here (a New-PSDrive drive) is never the workspace
    ["Remove-Item -Recurse -Force 'Foo::C:\\Users'", 'ask filesystem/delete-unresolved'],
    ["pwsh -c 'Remove-Item -Recurse -Force Data:\\ledger'", 'ask filesystem/delete-unresolved'],
    // the workspace through FileSystem::, the temp drive, and the session's own state stay allowed
    ["pwsh -c 'Remove-Item -Recurse -Force FileSystem::.\\dist'", 'allow'],
    ["Remove-Item -Recurse -Force 'FileSystem::.\\dist'", 'allow'],
    ["pwsh -c 'Remove-Item -Recurse -Force Temp:\\build-cache'", 'allow'],
    ["pwsh -c 'Remove-Item Env:\\AWS_PROFILE'", 'allow'],
    ["Remove-Item -Path 'Variable:\\cache'", 'allow'],
    ["pwsh -c 'Get-ChildItem Cert:\\CurrentUser\\My'", 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await strictest(cmd)).toBe(want);
  });
});

describe('PowerShell emptying files (filesystem pack)', () => {
  it.each([
    ['Get-ChildItem -Recurse D:\\Shares | Clear-Content', 'ask filesystem/truncate-outside-workspace'],
    ['gci -r G:\\Exports | clc', 'ask filesystem/truncate-outside-workspace'],
    ["Clear-Content -Path 'D:\\Logs\\audit.log'", 'ask filesystem/truncate-outside-workspace'],
    ["Clear-Item 'C:\\Windows\\System32\\drivers\\etc\\hosts'", 'ask filesystem/write-system-file'],
    ['Clear-Content .\\out\\test.log', 'allow'],
    ['Clear-Content -Path out\\test.log -WhatIf', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });
});
