/** User Account Control bypassed through the user's registry (src/extract/privilege-uac.ts), through the privilege pack. */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const privilege = await packVerdict('privilege');
const GRANT = 'ask privilege/grant-admin';

describe('handler keys an auto-elevating program runs', () => {
  it.each([
    ['reg add "HKCU\\Software\\Classes\\ms-settings\\Shell\\Open\\command" /d "cmd.exe" /f', GRANT],
    [
      'reg add "HKCU\\Software\\Classes\\ms-settings\\Shell\\Open\\command" /v DelegateExecute /t REG_SZ /f',
      GRANT,
    ],
    // the key with its separators eaten by a shell, and the long hive name
    ['reg add HKCU\\Software\\Classes\\ms-settings\\Shell\\Open\\command /ve /d cmd.exe /f', GRANT],
    [
      'reg.exe add "HKEY_CURRENT_USER\\Software\\Classes\\mscfile\\shell\\open\\command" /ve /d "C:\\t\\p.exe" /f',
      GRANT,
    ],
    [
      'reg add "HKCU\\Software\\Classes\\exefile\\shell\\runas\\command" /v IsolatedCommand /d cmd.exe /f',
      GRANT,
    ],
    ['reg add "HKCU\\Software\\Classes\\Folder\\shell\\open\\command" /v DelegateExecute /f', GRANT],
    ['reg add "HKCU\\Software\\Classes\\Launcher.SystemSettings\\shell\\open\\command" /ve /d cmd /f', GRANT],
    [
      'reg add "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\App Paths\\control.exe" /ve /d x.exe /f',
      GRANT,
    ],
    ['reg add "HKCU\\Environment" /v windir /d "cmd /c start powershell &&" /f', GRANT],
    // a CurVer redirect of a hijacked class to a class the user writes
    ['reg add HKCU\\Software\\Classes\\ms-settings\\CurVer /ve /d .pwn /f', GRANT],
    // any class's command handler given the bypass's mark
    ['reg add "HKCU\\Software\\Classes\\AnyName\\shell\\open\\command" /v DelegateExecute /f', GRANT],
    [
      'cmd /c "reg add HKCU\\Software\\Classes\\ms-settings\\Shell\\Open\\command /ve /d C:\\t\\p.exe /f && fodhelper.exe"',
      GRANT,
    ],
    // cmdlets, by -Path or positionally, the provider's long spelling
    [`powershell -c "New-Item 'HKCU:\\Software\\Classes\\ms-settings\\Shell\\Open\\command' -Force"`, GRANT],
    [
      `pwsh -c "New-ItemProperty -Path 'HKCU:\\Software\\Classes\\ms-settings\\shell\\open\\command' -Name DelegateExecute -Value '' -Force"`,
      GRANT,
    ],
    [
      `pwsh -c "Set-ItemProperty -Path 'Registry::HKEY_CURRENT_USER\\Software\\Classes\\mscfile\\shell\\open\\command' -Name '(Default)' -Value cmd.exe"`,
      GRANT,
    ],
    [`pwsh -c "Set-ItemProperty -Path HKCU:\\Environment -Name windir -Value 'powershell -w h ;#'"`, GRANT],
    // code that writes the key
    [
      `python -c "import winreg; k = winreg.CreateKey(winreg.HKEY_CURRENT_USER, r'Software\\Classes\\ms-settings\\shell\\open\\command'); winreg.SetValueEx(k, 'DelegateExecute', 0, winreg.REG_SZ, '')"`,
      GRANT,
    ],
    // reads, a user program's own associations and menu entries, other environment values
    ['reg query "HKCU\\Software\\Classes\\ms-settings\\Shell\\Open\\command"', 'allow'],
    ['reg add "HKCU\\Software\\Classes\\.txt" /ve /d "txtfile" /f', 'allow'],
    [
      'reg add "HKCU\\Software\\Classes\\MyApp.Document\\shell\\open\\command" /ve /d "myapp.exe %1" /f',
      'allow',
    ],
    [
      'reg add "HKCU\\Software\\Classes\\Directory\\shell\\OpenWithEditor\\command" /ve /d "ed.exe %1" /f',
      'allow',
    ],
    ['reg add "HKCU\\Environment" /v JAVA_HOME /d "C:\\jdk" /f', 'allow'],
    [`powershell -c "Get-ItemProperty 'HKCU:\\Software\\Classes\\mscfile\\shell\\open\\command'"`, 'allow'],
    [`pwsh -c "Set-ItemProperty -Path HKCU:\\Environment -Name Path -Value 'C:\\tools'"`, 'allow'],
    [
      `python -c "import winreg; k = winreg.OpenKey(winreg.HKEY_CURRENT_USER, r'Software\\Classes\\ms-settings\\shell\\open\\command'); print(winreg.QueryValue(k, None))"`,
      'allow',
    ],
  ])('%s → %s', (script, expected) => {
    expect(privilege(script)).toBe(expected);
  });
});
