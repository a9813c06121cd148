/**
 * AMSI switched off (src/extract/defences-amsi.ts, reached through extractDefences): the
 * reflection on AmsiUtils and a patch of AmsiScanBuffer in PowerShell code given inline or in a
 * script file the command runs, and AmsiEnable set to 0. Through the real pipeline with the host pack.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const host = await packVerdict('host');
/** Asked for the protection switched off (code not read beside it may add its own findings). */
const OFF = /^ask (?:[\w/-]+,)*host\/defences-off\b/;
const ps1 = (code: string, run = 'pwsh -NoProfile -File /tmp/a.ps1') =>
  `cat > /tmp/a.ps1 <<'EOF'\n${code}\nEOF\n${run}`;

describe('AMSI switched off', () => {
  it.each<[string, RegExp]>([
    [
      ps1(
        "[Ref].Assembly.GetType('System.Management.Automation.AmsiUtils').GetField('amsiInitFailed','NonPublic,Static').SetValue($null,$true)",
      ),
      OFF,
    ],
    [
      ps1(
        "$a = [Ref].Assembly.GetType('System.Management.Automation.Am'+'siUtils')\n$a.GetField('amsi'+'InitFailed', 'NonPublic,Static').SetValue($null, $true)",
      ),
      OFF,
    ],
    [
      ps1(
        "$f = [Ref].Assembly.GetType('System.Management.Automation.AmsiUtils').GetField('amsiContext','NonPublic,Static')\n[IntPtr]$p = $f.GetValue($null)\n[Runtime.InteropServices.Marshal]::WriteInt32($p, 0)",
        'powershell.exe -ExecutionPolicy Bypass -File /tmp/a.ps1',
      ),
      OFF,
    ],
    [
      ps1(
        "$addr = [Win32]::GetProcAddress([Win32]::LoadLibrary('amsi.dll'), 'AmsiScanBuffer')\n[Win32]::VirtualProtect($addr, [UIntPtr]5, 0x40, [ref]$old)\n[System.Runtime.InteropServices.Marshal]::Copy($patch, 0, $addr, 6)",
        'pwsh /tmp/a.ps1',
      ),
      OFF,
    ],
    [`reg add "HKCU\\Software\\Microsoft\\Windows Script\\Settings" /v AmsiEnable /t REG_DWORD /d 0 /f`, OFF],
  ])('%s → %s', (script, want) => expect(host(script)).toMatch(want));

  it.each<string>([
    ps1('Get-MpComputerStatus | Select-Object AMServiceEnabled, RealTimeProtectionEnabled'),
    ps1("Write-Host 'AmsiUtils is how PowerShell talks to the scanner'"),
    `pwsh -c "Get-WinEvent -LogName 'Microsoft-Windows-Windows Defender/Operational' -MaxEvents 5"`,
    `reg query "HKCU\\Software\\Microsoft\\Windows Script\\Settings" /v AmsiEnable`,
  ])('%s switches nothing off', (script) => expect(host(script)).toBe('allow'));
});
