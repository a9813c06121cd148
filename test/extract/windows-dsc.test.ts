/**
 * Desired State Configuration applied directly (src/extract/windows-dsc.ts): `Invoke-DscResource
 * -Method Set` read as the cmdlet it amounts to, its hashtable gathered from the commands bash
 * split it into. Through the real pipeline with one pack at a time.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const packs: Record<string, (script: string) => string> = {
  host: await packVerdict('host'),
  filesystem: await packVerdict('filesystem'),
  saas: await packVerdict('saas'),
};
const [host, fs, saas] = ['host', 'filesystem', 'saas'];
const dsc = (resource: string, method: string, props: string) =>
  `Invoke-DscResource -Name ${resource} -ModuleName PSDesiredStateConfiguration -Method ${method} -Property @{ ${props} }`;

describe('Invoke-DscResource -Method Set', () => {
  it.each([
    // a security service stopped or disabled, Defender removed, a guard's registry value set off
    [
      host,
      dsc('Service', 'Set', "Name = 'WinDefend'; State = 'Stopped'; StartupType = 'Disabled'"),
      'ask host/defences-off',
    ],
    [host, dsc('Service', 'Set', "Name = 'Sense'; StartupType = 'Disabled'"), 'ask host/defences-off'],
    [host, dsc('xService', 'Set', "Name = 'Sysmon64'; Ensure = 'Absent'"), 'ask host/defences-off'],
    [
      host,
      dsc('WindowsFeature', 'Set', "Name = 'Windows-Defender'; Ensure = 'Absent'"),
      'ask host/defences-off',
    ],
    [
      host,
      dsc(
        'Registry',
        'Set',
        "Key = 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows Defender'; ValueName = 'DisableAntiSpyware'; ValueData = '1'; ValueType = 'Dword'",
      ),
      'ask host/defences-off',
    ],
    // a folder made absent is deleted
    [
      fs,
      dsc(
        'File',
        'Set',
        "DestinationPath = 'E:\\SQLData'; Type = 'Directory'; Ensure = 'Absent'; Force = $true",
      ),
      'ask filesystem/delete-outside-workspace',
    ],
    [
      fs,
      dsc(
        'File',
        'Set',
        "DestinationPath = 'C:\\Windows\\System32'; Type = 'Directory'; Ensure = 'Absent'; Recurse = $true",
      ),
      'deny filesystem/destroy-root-home-system',
    ],
    // any other resource made absent is a removal of what it names
    [saas, dsc('User', 'Set', "UserName = 'svc-backup'; Ensure = 'Absent'"), 'ask saas/unknown-cli-destroy'],
    // fail closed: SetScript runs code; a hashtable bash cut into assignments is not read
    [
      fs,
      dsc('Script', 'Set', "SetScript = 'Remove-Item X'; TestScript = '$false'; GetScript = '@{}'"),
      'ask agentfw/unresolved',
    ],
    [
      fs,
      "Invoke-DscResource -Name Service -Method Set -Property @{Name='WinDefend';State='Stopped'}",
      'ask agentfw/unresolved',
    ],
    // Get and Test change nothing; a service kept running, an app's service stopped
    [host, dsc('Service', 'Test', "Name = 'WinDefend'; State = 'Stopped'"), 'allow'],
    [fs, dsc('File', 'Get', "DestinationPath = 'E:\\SQLData'; Ensure = 'Absent'"), 'allow'],
    [host, dsc('Service', 'Set', "Name = 'Spooler'; State = 'Running'"), 'allow'],
    [host, dsc('Service', 'Set', "Name = 'AcmeWorker'; State = 'Stopped'"), 'allow'],
    [
      fs,
      dsc(
        'File',
        'Set',
        "DestinationPath = 'C:\\inetpub\\site\\app.config'; Contents = 'x'; Ensure = 'Present'",
      ),
      'allow',
    ],
  ])('%s pack: %s → %s', async (pack, cmd, want) => {
    expect(await packs[pack](cmd)).toBe(want);
  });
});
