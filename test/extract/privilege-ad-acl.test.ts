/**
 * Rights written into an Active Directory object's ACL (src/extract/privilege-ad-acl.ts),
 * through the privilege pack: grants that write or control ask; reading an ACL, read-only
 * grants and the mailbox rights' own reading pass here.
 */
import { describe, expect, it } from 'vitest';
import { adAclGrant } from '../../src/extract/privilege-ad-acl.js';
import { command, packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('privilege');
const ASK = 'ask privilege/grant-admin';

describe('AD object ACL grants', () => {
  it.each([
    'dsacls "CN=AdminSDHolder,CN=System,DC=corp,DC=acme,DC=local" /G "CORP\\svc-agent:GA"',
    'dsacls.exe "DC=corp,DC=acme,DC=local" /G "CORP\\bob:CA;Replicating Directory Changes All"',
    'dsacls "OU=Servers,DC=corp,DC=local" /I:T /G "CORP\\helpdesk:WP;member"',
    'dsacls "CN=Domain Admins,CN=Users,DC=corp,DC=local" /g CORP\\eve:RPWP',
    'pwsh -c \'Add-ADPermission -Identity "CN=AdminSDHolder,CN=System,DC=corp,DC=local" -User CORP\\eve -AccessRights GenericAll\'',
    'pwsh -c \'Set-Acl -Path "AD:CN=AdminSDHolder,CN=System,DC=corp,DC=local" -AclObject $acl\'',
    'pwsh -c \'Add-DomainObjectAcl -TargetIdentity "DC=corp,DC=local" -PrincipalIdentity eve -Rights DCSync\'',
    'dacledit.py -action write -rights FullControl -principal eve -target-dn DC=corp,DC=local corp.local/admin:Fake-Pass-1',
    'impacket-dacledit -action write -rights DCSync -principal eve -target-dn DC=corp,DC=local corp.local/admin:Fake-Pass-1',
    'dacledit.py -action=write -rights FullControl -principal eve -target-dn DC=corp,DC=local corp.local/admin:Fake-Pass-1',
    'dacledit.py -action "$A" -principal eve -target-dn DC=corp,DC=local corp.local/admin:Fake-Pass-1',
    // a grant known only at run time (fail closed)
    'dsacls "CN=AdminSDHolder,CN=System,DC=corp,DC=local" /G "CORP\\bob:$P"',
    'dsacls "CN=AdminSDHolder,CN=System,DC=corp,DC=local" /G $GRANT',
  ])('%s asks', (cmd) => {
    expect(verdict(cmd)).toBe(ASK);
  });
  it.each([
    'dsacls "CN=AdminSDHolder,CN=System,DC=corp,DC=acme,DC=local"',
    'dsacls "OU=Servers,DC=corp,DC=local" /G "CORP\\auditors:GR"',
    'dsacls "OU=Servers,DC=corp,DC=local" /G CORP\\auditors:RPLC',
    "pwsh -c 'Set-Acl -Path C:\\data\\report.txt -AclObject $acl'",
    'dacledit.py -action read -principal eve -target-dn DC=corp,DC=local corp.local/admin:Fake-Pass-1',
    'impacket-dacledit -action=read -principal eve -target-dn DC=corp,DC=local corp.local/admin:Fake-Pass-1',
    'dsacls "CN=Users,DC=corp,DC=local" /R "CORP\\bob"',
  ])('%s is allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });
});

describe("dacledit's evidence never carries the login (values are fake)", () => {
  it.each([
    [
      'dacledit.py -action write -rights FullControl -principal bob -target-dn DC=corp,DC=local corp.local/admin:FAKEsecret123',
      'dacledit.py -action write -rights FullControl -principal bob -target-dn DC=corp,DC=local corp.local/admin:…',
    ],
    [
      'dacledit.py -action write -principal bob -target-dn DC=corp,DC=local -hashes :FAKEsecret123 corp.local/admin',
      'dacledit.py -action write -principal bob -target-dn DC=corp,DC=local -hashes … corp.local/admin',
    ],
  ])('%s → %s', (line, want) => {
    expect(adAclGrant(command(line.split(' ')))).toEqual(['grant-admin', want]);
  });

  it('Set-Acl keeps its AD: path as written (not read as user:password)', () => {
    const c = command([
      'Set-Acl',
      '-Path',
      'AD:CN=AdminSDHolder,CN=System,DC=corp,DC=local',
      '-AclObject',
      '$acl',
    ]);
    expect(adAclGrant(c)?.[1]).toContain('AD:CN=AdminSDHolder');
  });
});
