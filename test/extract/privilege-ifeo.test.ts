/**
 * Programs hijacked through Image File Execution Options or silent-exit monitoring
 * (src/extract/privilege-ifeo.ts): a Debugger, VerifierDlls or GlobalFlag value on a
 * program's IFEO key, or any value on its SilentProcessExit key, by `reg add` or the
 * registry cmdlets, asks; reads, deletes, other values and other keys do not. Through the
 * real pipeline with the privilege pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';
import { ifeoHijack } from '../../src/extract/privilege-ifeo.js';

const verdict = await packVerdict('privilege');
const IFEO = String.raw`HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options`;
const EXIT = String.raw`HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\SilentProcessExit`;

describe('the keys read', () => {
  it.each<[string, string, boolean]>([
    [String.raw`${IFEO}\sethc.exe`, 'Debugger', true],
    [
      String.raw`HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\osk.exe`,
      'debugger',
      true,
    ],
    [
      String.raw`HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\utilman.exe\ `.trim(),
      'VerifierDlls',
      true,
    ],
    [
      String.raw`Registry::HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion\SilentProcessExit\lsass.exe`,
      'MonitorProcess',
      true,
    ],
    // separators a shell ate
    ['HKLMSOFTWAREMicrosoftWindows NTCurrentVersionImage File Execution Optionssethc.exe', 'Debugger', true],
    [String.raw`${IFEO}\app.exe`, 'MitigationOptions', false],
    [String.raw`HKCU\Software\Acme\Image File Execution Options\sethc.exe`, 'Debugger', false],
    [IFEO, 'Debugger', false],
  ])('%s /v %s', (key, name, hijacks) => {
    expect(ifeoHijack(key, name) !== '').toBe(hijacks);
  });
});

describe('IFEO and silent-exit hijacks', () => {
  it.each([
    String.raw`reg add "${IFEO}\sethc.exe" /v Debugger /t REG_SZ /d "C:\Windows\System32\cmd.exe" /f`,
    String.raw`reg.exe add "${IFEO}\Utilman.exe" /v Debugger /d cmd.exe`,
    String.raw`reg add "${IFEO}\notepad.exe" /v GlobalFlag /t REG_DWORD /d 512 /f`,
    String.raw`reg add "${EXIT}\notepad.exe" /v MonitorProcess /d C:\temp\evil.exe /f`,
    String.raw`REG ADD "${IFEO}\osk.exe" -v Debugger -d cmd.exe -f`,
    String.raw`powershell -c "New-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\sethc.exe' -Name Debugger -Value cmd.exe -Force"`,
    String.raw`pwsh -c "Set-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\Magnify.exe' Debugger 'C:\Windows\System32\cmd.exe'"`,
    // the accessibility program itself replaced
    String.raw`copy /y "C:\Windows\System32\cmd.exe" "C:\Windows\System32\sethc.exe"`,
    String.raw`cmd /c "copy /y C:\Windows\System32\cmd.exe C:\Windows\System32\utilman.exe"`,
    String.raw`powershell -c "Copy-Item C:\Windows\System32\cmd.exe -Destination C:\Windows\System32\osk.exe -Force"`,
    'cp /mnt/c/Windows/System32/cmd.exe /mnt/c/Windows/System32/Magnify.exe',
  ])('%s asks', (cmd) => {
    expect(verdict(cmd)).toBe('ask privilege/grant-admin');
  });

  it.each([
    String.raw`reg query "${IFEO}\sethc.exe"`,
    String.raw`reg query "${IFEO}" /s`,
    String.raw`reg add "${IFEO}\sethc.exe" /ve /f`,
    String.raw`reg add "${IFEO}\app.exe" /v PerfOptions /f`,
    String.raw`reg add "HKCU\Software\Acme\Shop" /v Debugger /d 1 /f`,
    String.raw`powershell -c "Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\sethc.exe'"`,
    String.raw`copy "C:\Windows\System32\sethc.exe" "C:\backup\sethc.exe"`,
    String.raw`copy /y "C:\tools\app.exe" "C:\apps\sethc.exe"`,
  ])('%s is allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });
});
