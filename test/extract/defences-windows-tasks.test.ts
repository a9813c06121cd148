/**
 * Defender's scheduled tasks disabled or deleted, event logs shrunk, the firewall's inbound
 * default set to allow (src/extract/defences-windows-tasks.ts). Through the real pipeline with
 * the host pack only; other tasks, roomy logs and reads stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('host');
const OFF = 'ask host/defences-off';

describe("Windows' guards off by schedule, log size or firewall default (host pack)", () => {
  it.each([
    ["Get-ScheduledTask -TaskPath '\\Microsoft\\Windows\\Windows Defender\\' | Disable-ScheduledTask", OFF],
    [
      "Disable-ScheduledTask -TaskPath '\\Microsoft\\Windows\\Windows Defender\\' -TaskName 'Windows Defender Scheduled Scan'",
      OFF,
    ],
    [
      "Get-ScheduledTask -TaskPath '\\Microsoft\\Windows\\ExploitGuard\\' | Unregister-ScheduledTask -Confirm:$false",
      OFF,
    ],
    ['Get-ScheduledTask | Disable-ScheduledTask', OFF],
    [
      'pwsh -c \'Get-ScheduledTask -TaskPath "\\Microsoft\\Windows\\Windows Defender\\" | Disable-ScheduledTask\'',
      OFF,
    ],
    [
      'schtasks /change /tn "\\Microsoft\\Windows\\Windows Defender\\Windows Defender Cache Maintenance" /disable',
      OFF,
    ],
    ['schtasks /delete /tn "\\Microsoft\\Windows\\Windows Defender\\Windows Defender Verification" /f', OFF],
    ['Limit-EventLog -LogName Security -MaximumSize 64KB -OverflowAction OverwriteAsNeeded', OFF],
    ['Limit-EventLog -LogName System -MaximumSize 128KB', OFF],
    ['wevtutil sl Security /ms:1048576', OFF],
    [
      'Set-NetFirewallProfile -Profile Domain,Public,Private -DefaultInboundAction Allow',
      'ask host/firewall-down',
    ],
    ['netsh advfirewall set allprofiles firewallpolicy allowinbound,allowoutbound', 'ask host/firewall-down'],
    // an app's own task, a listing, a roomy log, a read, the default kept blocking
    ["Disable-ScheduledTask -TaskName 'AcmeNightlySync'", 'allow'],
    ['pwsh -c "Disable-ScheduledTask -TaskName \'AcmeNightlySync\'"', 'allow'],
    ["Get-ScheduledTask -TaskPath '\\Microsoft\\Windows\\Windows Defender\\'", 'allow'],
    ['Get-ScheduledTask -TaskName AcmeNightlySync | Disable-ScheduledTask', 'allow'],
    ['Limit-EventLog -LogName Application -MaximumSize 512MB -OverflowAction OverwriteAsNeeded', 'allow'],
    ['wevtutil sl Security /ms:209715200', 'allow'],
    ['wevtutil gl Security', 'allow'],
    ['Set-NetFirewallProfile -Profile Public -DefaultInboundAction Block', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });
});

describe("Windows' record shrunk through the registry, Defender weakened (host pack)", () => {
  it.each([
    [
      'Set-ItemProperty -Path "HKLM:\\SYSTEM\\CurrentControlSet\\Services\\EventLog\\Security" -Name MaxSize -Value 65536',
      OFF,
    ],
    [
      'reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\EventLog\\Security /v MaxSize /t REG_DWORD /d 65536 /f',
      OFF,
    ],
    ['"C:\\Program Files\\Windows Defender\\MpCmdRun.exe" -RemoveDefinitions -All', OFF],
    ['Set-MpPreference -MAPSReporting 0', OFF],
    [
      'Set-ItemProperty -Path "HKLM:\\SYSTEM\\CurrentControlSet\\Services\\EventLog\\Security" -Name MaxSize -Value 209715200',
      'allow',
    ],
    ['"C:\\Program Files\\Windows Defender\\MpCmdRun.exe" -SignatureUpdate', 'allow'],
    ['Set-MpPreference -MAPSReporting Advanced', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });
});
