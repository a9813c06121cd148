/**
 * Windows file sharing weakened (src/extract/defences-smb.ts, and the registry values read by
 * defences-windows.ts): SMBv1 on, signing or encryption off, insecure guest logons ask;
 * reading the configuration and turning protections on stay allowed. Through the real pipeline
 * with the host pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';
import { smbWeakened } from '../../src/extract/defences-smb.js';

const verdict = await packVerdict('host');

describe('SMB weakened', () => {
  it.each([
    'Set-SmbServerConfiguration -EnableSMB1Protocol $true -RequireSecuritySignature $false -Force',
    'Set-SmbServerConfiguration -EnableSMB1Protocol 1 -Force',
    'Set-SmbServerConfiguration -RequireSecuritySignature $false -Confirm:$false',
    'Set-SmbServerConfiguration -EncryptData:$false -Force',
    'Set-SmbServerConfiguration -RejectUnencryptedAccess $false',
    // a prefix of the parameter's name binds it
    'Set-SmbServerConfiguration -EnableSMB1 $true',
    'Set-SmbClientConfiguration -RequireSecuritySignature $false -Force',
    'Set-SmbClientConfiguration -EnableInsecureGuestLogons $true',
    "powershell -NoProfile -Command 'Set-SmbServerConfiguration -EnableSMB1Protocol $true -Force'",
    'Enable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol -NoRestart',
    'Install-WindowsFeature FS-SMB1',
    'dism /online /enable-feature /featurename:SMB1Protocol /all',
    'reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanWorkstation\\Parameters /v RequireSecuritySignature /t REG_DWORD /d 0 /f',
    "Set-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters' -Name EnableSecuritySignature -Value 0",
    "reg add 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanWorkstation\\Parameters' /v AllowInsecureGuestAuth /t REG_DWORD /d 1 /f",
    // the Group Policy keys of the client and the server
    'reg add HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\LanmanWorkstation /v AllowInsecureGuestAuth /t REG_DWORD /d 1 /f',
    'reg add HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\LanmanWorkstation /v RequireSecuritySignature /t REG_DWORD /d 0 /f',
    "Set-ItemProperty 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows\\LanmanServer' -Name RequireSecuritySignature -Value 0",
    'reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters /v RejectUnencryptedAccess /t REG_DWORD /d 0 /f',
    // the SMBv1 client driver (or the SMBv1 server's) started
    'reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\mrxsmb10 /v Start /t REG_DWORD /d 2 /f',
    'reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\MRxSmb10 /v Start /t REG_DWORD /d 3 /f',
    "Set-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\srv' -Name Start -Value 2",
    // fail closed: a value or a feature known only at run time
    'reg add HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\LanmanWorkstation /v AllowInsecureGuestAuth /t REG_DWORD /d %GUEST% /f',
    "pwsh -c 'Enable-WindowsOptionalFeature -Online -FeatureName $f'",
    'Enable-WindowsOptionalFeature -Online -FeatureName $features -All',
  ])('%s asks', (cmd) => {
    expect(verdict(cmd)).toBe('ask host/defences-off');
  });
  it.each([
    'Get-SmbServerConfiguration',
    'Get-SmbClientConfiguration | Select-Object RequireSecuritySignature',
    'Set-SmbServerConfiguration -EnableSMB1Protocol $false -Force',
    'Set-SmbServerConfiguration -RequireSecuritySignature $true -EncryptData $true -Force',
    'Set-SmbClientConfiguration -RequireSecuritySignature $true',
    'Set-SmbClientConfiguration -EnableInsecureGuestLogons $false',
    'Disable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol',
    'dism /online /disable-feature /featurename:SMB1Protocol',
    'Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V',
    "reg add 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters' /v RequireSecuritySignature /t REG_DWORD /d 1 /f",
    'reg add HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\LanmanWorkstation /v AllowInsecureGuestAuth /t REG_DWORD /d 0 /f',
    'reg add HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\LanmanServer /v RequireSecuritySignature /t REG_DWORD /d 1 /f',
    'reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\mrxsmb10 /v Start /t REG_DWORD /d 4 /f',
    'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\mrxsmb10 /v Start',
    'reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\mrxsmb20 /v Start /t REG_DWORD /d 2 /f',
    "pwsh -c 'Disable-WindowsOptionalFeature -Online -FeatureName $f'",
  ])('%s is allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });
});

describe('smbWeakened reads values as PowerShell binds them', () => {
  it.each<[string, string[], boolean]>([
    ['set-smbserverconfiguration', ['-EncryptData:$false'], true],
    // a variable's value is not known: read as the weakening one (fail closed)
    ['set-smbserverconfiguration', ['-RequireSecuritySignature', '$mode'], true],
    // a bool parameter given no value is refused by PowerShell
    ['set-smbserverconfiguration', ['-EnableSMB1Protocol'], false],
    ['set-smbclientconfiguration', ['-RequireEncryption', '0'], true],
    ['set-smbserverconfiguration', ['-AuditSmb1Access', '$true'], false],
    ['enable-windowsoptionalfeature', ['-Online', '-FeatureName', '$f'], true],
    ['enable-windowsoptionalfeature', ['-Online', '-FeatureName', 'IIS-WebServer,$extra'], true],
    ['enable-windowsoptionalfeature', ['-Online', '-FeatureName', 'IIS-WebServer'], false],
    ['dism', ['/online', '/enable-feature', '/featurename:%FEATURE%'], true],
  ])('%s %j → %s', (name, args, weak) => {
    expect(smbWeakened(name, args).length > 0).toBe(weak);
  });
});
