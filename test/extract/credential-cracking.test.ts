import { describe, expect, it } from 'vitest';
import { crackingAttack } from '../../src/extract/credential-cracking.js';

describe('password cracking and Kerberos ticket attacks', () => {
  it.each<[string[], string]>([
    [
      ['hashcat', '-m', '1000', '-a', '0', 'ntds.ntlm', 'rockyou.txt', '-o', 'x.txt'],
      'passwords cracked by hashcat (ntds.ntlm)',
    ],
    [['hashcat', '-m', '13100', 'roast.txt', 'words.txt'], 'passwords cracked by hashcat (roast.txt)'],
    [['hashcat', '--show', '-m', '1000', 'ntds.ntlm'], 'passwords cracked by hashcat (ntds.ntlm)'],
    [
      ['john', '--wordlist=rockyou.txt', '--format=NT', 'hashes.txt'],
      'passwords cracked by john (hashes.txt)',
    ],
    [
      ['Rubeus.exe', 'kerberoast', '/outfile:C:\\Temp\\roast.txt'],
      'Kerberos tickets taken by Rubeus kerberoast',
    ],
    [['.Rubeus.exe', 'asreproast', '/format:hashcat'], 'Kerberos tickets taken by Rubeus asreproast'],
    [['./Rubeus.exe', 'dump', '/service:krbtgt'], 'Kerberos tickets taken by Rubeus dump'],
    [['rubeus', 'tgtdeleg', '/nowrap'], 'Kerberos tickets taken by Rubeus tgtdeleg'],
    [
      ['kerbrute', 'passwordspray', '-d', 'acme.local', 'users.txt', 'Fake123'],
      'accounts attacked by kerbrute passwordspray',
    ],
    [
      ['./kerbrute_linux_amd64', 'passwordspray', '-d', 'acme.local', 'users.txt', 'Fake123'],
      'accounts attacked by kerbrute passwordspray',
    ],
    // information runs
    [['hashcat', '--benchmark'], ''],
    [['hashcat', '-b', '-m', '1000'], ''],
    [['hashcat', '--help'], ''],
    [['hashcat', '-I'], ''],
    [['john', '--list=formats'], ''],
    [['john', '--test'], ''],
    [['Rubeus.exe', 'help'], ''],
    [['Rubeus.exe'], ''],
    [['Rubeus.exe', 'hash', '/password:fake'], ''],
    [['kerbrute', '--help'], ''],
    [['johnny', 'x'], ''],
  ])('%j → %s', (argv, label) => {
    expect(crackingAttack(argv[0], argv)).toBe(label);
  });
});
