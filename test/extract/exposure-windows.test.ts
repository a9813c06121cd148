/**
 * Windows shares and inbound firewall rules opened to anyone (src/extract/exposure-windows.ts).
 * Through the real pipeline with the exposure pack only; shares for named groups, rules that
 * block, are outbound or name their remote addresses stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('exposure');
const ASK = 'ask exposure/make-public';

describe('Windows shares and firewall rules open to anyone (exposure pack)', () => {
  it.each([
    ['New-SmbShare -Name Root -Path C:\\ -FullAccess Everyone', ASK],
    ['New-SmbShare -Name Data -Path D:\\Data -ChangeAccess Everyone', ASK],
    ["New-SmbShare -Name Users -Path 'C:\\Users' -ReadAccess 'Everyone'", ASK],
    ['Grant-SmbShareAccess -Name Finance -AccountName Everyone -AccessRight Full -Force', ASK],
    ['net share backup=E:\\Backups /grant:Everyone,FULL', ASK],
    ['net share c=C:\\', ASK],
    [
      "New-NetFirewallRule -DisplayName 'Allow All Inbound' -Direction Inbound -Action Allow -Protocol Any -RemoteAddress Any",
      ASK,
    ],
    [
      "New-NetFirewallRule -DisplayName 'Open RDP' -Direction Inbound -Protocol TCP -LocalPort 3389 -Action Allow",
      ASK,
    ],
    ["Set-NetFirewallRule -DisplayName 'SQL' -RemoteAddress Any", ASK],
    ['netsh advfirewall firewall add rule name="all in" dir=in action=allow protocol=any', ASK],
    [
      'netsh advfirewall firewall add rule name=pg dir=in action=allow protocol=TCP localport=5432 remoteip=any',
      ASK,
    ],
    ['Enable-NetFirewallRule -DisplayGroup "Remote Desktop"', ASK],
    ["Set-NetFirewallRule -DisplayGroup 'File and Printer Sharing' -Enabled True", ASK],
    // named groups, local networks, blocks, outbound rules, web ports, reads
    ["New-SmbShare -Name Builds -Path D:\\Builds -ReadAccess 'CORP\\BuildAgents'", 'allow'],
    ['New-SmbShare -Name Drop -Path D:\\Drop -ReadAccess Everyone', 'allow'],
    ['Get-SmbShare', 'allow'],
    [
      "New-NetFirewallRule -DisplayName 'Dev API' -Direction Inbound -Protocol TCP -LocalPort 5000 -RemoteAddress LocalSubnet -Action Allow",
      'allow',
    ],
    [
      "New-NetFirewallRule -DisplayName 'Block Telnet' -Direction Inbound -Protocol TCP -LocalPort 23 -Action Block",
      'allow',
    ],
    ["New-NetFirewallRule -DisplayName 'Out' -Direction Outbound -Action Allow", 'allow'],
    [
      "New-NetFirewallRule -DisplayName 'Web' -Direction Inbound -Protocol TCP -LocalPort 80,443 -Action Allow",
      'allow',
    ],
    ['netsh advfirewall firewall add rule name=web dir=in action=allow protocol=TCP localport=443', 'allow'],
    ['Get-NetFirewallRule -Direction Inbound -Enabled True', 'allow'],
    ["Set-NetFirewallRule -DisplayGroup 'Remote Desktop' -Enabled True -RemoteAddress 10.0.0.0/8", 'allow'],
    ["Enable-NetFirewallRule -DisplayName 'Acme API (TCP-In)'", 'allow'],
    ['Disable-NetFirewallRule -DisplayGroup "Remote Desktop"', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });
});
