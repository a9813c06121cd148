import { describe, expect, it } from 'vitest';
import { windowsCredentials } from '../../src/extract/credential-windows.js';
import { packVerdict } from '../helpers/command.js';
import { programName } from '../../src/normalize/gnu-prefixed.js';

const secrets = await packVerdict('secrets');

describe("Windows' credential stores copied out", () => {
  it.each<[string[], string]>([
    [['reg', 'save', 'HKLM\\SAM', 'C:\\Users\\Public\\sam.hiv', '/y'], 'registry hive HKLM\\SAM'],
    [['reg.exe', 'save', 'hklm\\security', 'sec.hiv'], 'registry hive HKLM\\SECURITY'],
    [['reg', 'export', 'HKEY_LOCAL_MACHINE\\SYSTEM', 'sys.reg'], 'registry hive HKLM\\SYSTEM'],
    // bash dropped the unquoted backslash
    [['reg', 'save', 'HKLMSAM', 'sam.hiv'], 'registry hive HKLM\\SAM'],
    [
      ['ntdsutil', 'activate instance ntds', 'ifm', 'create full C:\\ifm', 'quit', 'quit'],
      'Active Directory database (ntdsutil ifm)',
    ],
    [
      ['ntdsutil.exe', 'ac i ntds', 'ifm', 'cr fu c:\\x', 'q', 'q'],
      'Active Directory database (ntdsutil ifm)',
    ],
    [
      ['impacket-secretsdump', '-just-dc-ntlm', 'acme.local/svc@10.0.0.5'],
      'credentials dumped by impacket-secretsdump',
    ],
    [['secretsdump.py', '-sam', 'sam.hiv', 'LOCAL'], 'credentials dumped by secretsdump.py'],
    [['GetUserSPNs.py', 'acme.local/u', '-request'], 'credentials dumped by GetUserSPNs.py'],
    [['nxc', 'smb', '10.0.0.5', '-u', 'a', '-p', 'b', '--sam'], 'credentials dumped by nxc --sam'],
    [['crackmapexec', 'smb', '10.0.0.0/24', '-M', 'lsassy'], 'credentials dumped by crackmapexec lsassy'],
    // dumpers by name, run by an interpreter, or as `.\X.exe` (bash drops the backslash)
    [['lazagne.exe', 'all'], 'credentials dumped by lazagne.exe'],
    [['.laZagne.exe', 'all', '-oJ'], 'credentials dumped by laZagne.exe'],
    [['python3', 'laZagne.py', 'browsers'], 'credentials dumped by laZagne.py'],
    [['SharpDPAPI.exe', 'triage'], 'credentials dumped by SharpDPAPI.exe'],
    [['impacket-dpapi', 'masterkey', '-file', 'mk'], 'credentials dumped by impacket-dpapi'],
    // LSASS dumpers, named as built (an architecture in the name)
    [
      ['nanodump.x64.exe', '--write', 'C:\\Windows\\Temp\\perf.dmp'],
      'credentials dumped by nanodump.x64.exe',
    ],
    [['SharpDump.exe'], 'credentials dumped by SharpDump.exe'],
    [['Outflank-Dumpert.exe'], 'credentials dumped by Outflank-Dumpert.exe'],
    [['PPLBlade.exe', '--mode', 'dump', '--name', 'lsass.exe'], 'credentials dumped by PPLBlade.exe'],
    // the vault enumerated; LSASS dumped through comsvcs; the store files copied
    [['vaultcmd', '/listcreds:Windows Credentials', '/all'], 'Windows vault (vaultcmd /listcreds)'],
    [
      ['rundll32.exe', 'C:\\Windows\\System32\\comsvcs.dll,', 'MiniDump', '624', 'x.dmp', 'full'],
      'process memory dumped through comsvcs.dll MiniDump',
    ],
    [
      ['esentutl.exe', '/y', '/vss', 'C:\\Windows\\NTDS\\ntds.dit', '/d', 'C:\\x\\ntds.dit'],
      'Active Directory database (NTDS.dit)',
    ],
    [['esentutl', '/y', 'C:WindowsNTDSntds.dit', '/d', 'x'], 'Active Directory database (NTDS.dit)'],
    [
      ['copy', '\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1\\Windows\\System32\\config\\SAM', 'sam'],
      'registry hive SAM (file)',
    ],
    [['Copy-Item', "'C:\\Windows\\System32\\config\\SECURITY'", 'x'], 'registry hive SECURITY (file)'],
    // listing, vault names, other databases and configs
    [['vaultcmd', '/list'], ''],
    [['cmdkey', '/list'], ''],
    [['dir', 'C:\\Windows\\NTDS\\ntds.dit'], ''],
    [['esentutl', '/mh', 'C:\\data\\app.edb'], ''],
    [['cp', 'app/config/system', '/tmp/x'], ''],
    [['python3', 'manage.py', 'runserver'], ''],
    // ordinary registry and AD work
    [['reg', 'query', 'HKLM\\SAM'], ''],
    [['reg', 'save', 'HKCU\\Software\\MyApp', 'myapp.hiv'], ''],
    [['reg', 'export', 'HKLM\\SOFTWARE\\MyApp', 'myapp.reg'], ''],
    [['ntdsutil', 'metadata cleanup', 'quit'], ''],
    [['nxc', 'smb', '10.0.0.5', '--shares'], ''],
  ])('%o → %s', (argv, want) => {
    expect(windowsCredentials(programName(argv[0]), argv)).toBe(want);
  });
});

describe('a copy of Windows credentials asks', () => {
  it.each([
    ['reg save HKLM\\SAM C:\\Users\\Public\\sam.hiv /y', 'ask secrets/credential-store-read'],
    [
      'ntdsutil "activate instance ntds" "ifm" "create full C:\\Users\\Public\\ifm" quit quit',
      'ask secrets/credential-store-read',
    ],
    [
      'impacket-secretsdump -hashes :0000 acme.local/backup_svc@10.20.0.5 -outputfile h',
      'ask secrets/credential-store-read',
    ],
    ['reg export "HKCU\\Software\\MyApp" myapp.reg', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(secrets(script)).toBe(expected);
  });
});

describe('Windows credential store copies through the secrets pack', () => {
  it.each([
    '.\\laZagne.exe all -oJ -output C:\\Users\\Public\\Documents',
    'vaultcmd /listcreds:"Windows Credentials" /all',
    'esentutl.exe /y /vss C:\\Windows\\NTDS\\ntds.dit /d C:\\Users\\Public\\ntds.dit',
  ])('%s asks', (cmd) => {
    expect(secrets(cmd)).toBe('ask secrets/credential-store-read');
  });
  it.each(['cmdkey /list', 'vaultcmd /list', 'esentutl /mh app.edb'])('%s is allowed', (cmd) => {
    expect(secrets(cmd)).toBe('allow');
  });
});
