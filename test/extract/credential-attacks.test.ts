/** Credential attacks run as tools (src/extract/credential-attacks.ts): ADCS abuse, secret crawlers, password guessers. */
import { describe, expect, it } from 'vitest';
import { credentialAttack, toolName } from '../../src/extract/credential-attacks.js';

describe('credential attacks run as tools', () => {
  it.each<[string[], string]>([
    // Active Directory Certificate Services
    [
      [
        'certipy',
        'req',
        '-u',
        'jdoe@corp.example.local',
        '-ca',
        'CA',
        '-template',
        'User',
        '-upn',
        'administrator@corp.example.local',
      ],
      'certificate abuse by certipy req as administrator@corp.example.local',
    ],
    [
      ['certipy-ad', 'req', '-u', 'u@x.local', '-ca', 'CA', '-template', 'User'],
      'certificate abuse by certipy req',
    ],
    [['certipy', 'auth', '-pfx', 'administrator.pfx'], 'certificate abuse by certipy auth'],
    [['certipy', 'shadow', 'auto', '-account', 'dc01$'], 'certificate abuse by certipy shadow'],
    [['certipy', 'ca', '-backup', '-ca', 'CA'], 'certificate abuse by certipy ca'],
    [
      ['Certify.exe', 'request', '/ca:ca01\\CA', '/template:T', '/altname:administrator'],
      'certificate abuse by Certify request /altname:administrator',
    ],
    [
      ['ForgeCert.exe', '--CaCertPath', 'ca.pfx', '--Subject', 'CN=User'],
      'certificate forged or redeemed by forgecert',
    ],
    [
      ['gettgtpkinit.py', '-cert-pfx', 'a.pfx', 'corp/dc01$', 'out.ccache'],
      'certificate forged or redeemed by gettgtpkinit',
    ],
    // secret crawlers
    [['Snaffler.exe', '-s', '-o', 'C:\\Users\\Public\\snaffler.log'], 'secrets searched for by snaffler'],
    [['Snaffler.exe', '-d', 'corp.example.local', '-s'], 'secrets searched for by snaffler'],
    [['manspider', '10.0.0.0/24', '-c', 'password'], 'secrets searched for by manspider'],
    [['Seatbelt.exe', '-group=all'], 'secrets searched for by Seatbelt -group=all'],
    [['Seatbelt.exe', 'WindowsAutoLogon'], 'credentials read by Seatbelt WindowsAutoLogon'],
    [
      ['nxc', 'smb', '10.0.0.5', '-u', 'u', '-p', 'x', '-M', 'spider_plus'],
      'secrets searched for by nxc -M spider_plus',
    ],
    // online password guessing
    [
      ['hydra', '-L', 'users.txt', '-P', 'words.txt', '-t', '4', 'ssh://10.20.0.15'],
      'passwords guessed by hydra (ssh://10.20.0.15)',
    ],
    [
      ['hydra', '-l', 'admin', '-P', 'w.txt', '10.0.0.7', 'http-post-form', '/login'],
      'passwords guessed by hydra (10.0.0.7)',
    ],
    [
      ['medusa', '-h', '10.0.0.5', '-U', 'u.txt', '-P', 'p.txt', '-M', 'ssh'],
      'passwords guessed by medusa (10.0.0.5)',
    ],
    [
      ['ncrack', '-p', '22', '--user', 'root', '-P', 'w.txt', '10.0.0.5'],
      'passwords guessed by ncrack (10.0.0.5)',
    ],
    [['patator', 'ssh_login', 'host=10.0.0.5', 'password=FILE0'], 'passwords guessed by patator'],
    // an info word as an option's value is not a request for help (`-p version` is a password)
    [['nxc', 'smb', '10.0.0.0/24', '-u', 'admin', '-p', 'version'], 'logins tried by nxc smb -p'],
    [
      ['netexec', 'smb', '10.0.0.0/24', '-u', 'users.txt', '-p', 'Fake123!'],
      'logins tried by netexec smb -p',
    ],
    [
      ['nmap', '-p', '22', '--script', 'ssh-brute', '10.0.0.5'],
      'passwords guessed by nmap --script ssh-brute',
    ],
    [['nmap', '--script=brute', '10.0.0.5'], 'passwords guessed by nmap --script brute'],
    [
      ['crackmapexec', 'smb', '10.0.0.0/24', '-u', 'administrator', '-H', 'FAKEHASH', '--local-auth'],
      'logins tried by crackmapexec smb -H',
    ],
    [['python3', 'certipy', 'req', '-u', 'u@x.local', '-ca', 'CA'], 'certificate abuse by certipy req'],
    // read-only, help, and other tools of the same name: not reported
    [['certipy', 'find', '-u', 'u@x.local', '-stdout'], ''],
    [['certipy', 'parse', 'reg.txt'], ''],
    [['certipy'], ''],
    [['Certify.exe', 'find', '/vulnerable'], ''],
    [['Certify.exe', 'cas'], ''],
    [['certify', 'renew', '--force-renew-all'], ''],
    [['Snaffler.exe', '-h'], ''],
    [['Snaffler.exe'], ''],
    [['Seatbelt.exe', 'OSInfo'], ''],
    [['hydra', '-h'], ''],
    [['hydra'], ''],
    [['hydra', '-U', 'http-post-form'], ''],
    [['hydra', 'create', 'client', '-e', 'http://localhost:4445'], ''],
    [['hydra', 'serve', 'all'], ''],
    [['medusa', '-d'], ''],
    [['medusa', 'list-backups'], ''],
    [['medusa', 'backup', '--backup-name=nightly'], ''],
    [['ncrack', '--version'], ''],
    [['patator', '--help'], ''],
    [['nxc', 'smb', '--help'], ''],
    [['nxc', 'smb', '10.0.0.5'], ''],
    [['nmap', '-sV', '--script', 'default', '10.0.0.5'], ''],
  ])('%j → %s', (argv, label) => {
    expect(credentialAttack(argv[0], argv)).toBe(label);
  });

  it.each<[string, string]>([
    ['nanodump.x64.exe', 'nanodump'],
    ['.\\Snaffler.exe', 'snaffler'],
    ['C:\\Tools\\Seatbelt.exe', 'seatbelt'],
    ['/opt/tools/gettgtpkinit.py', 'gettgtpkinit'],
    ['hydra', 'hydra'],
    ['./kerbrute_linux_amd64', 'kerbrute'],
  ])('the tool named %s is %s', (program, name) => expect(toolName(program)).toBe(name));
});
