/**
 * Accounts made root or put in an admin group (src/extract/privilege-accounts.ts): the
 * words of the grant, or undefined.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { accountGrant } from '../../src/extract/privilege-accounts.js';
import { command } from '../helpers/command.js';

const grant = (line: string) =>
  accountGrant(command(shellParse(line).map((t) => (typeof t === 'string' ? t : ''))));

describe('accounts given root or admin power', () => {
  it.each<[string, string | undefined]>([
    ['useradd -o -u 0 -g 0 -M -s /bin/bash svc-maint', 'uid 0'],
    ['useradd --non-unique --uid=0 toor', 'uid 0'],
    ['usermod -ou 0 backup', 'uid 0'],
    ['usermod -g root backup', 'primary group root'],
    ['useradd -m -G wheel,video ci', 'group wheel'],
    ['usermod -aG sudo ci-runner', 'group sudo'],
    ['gpasswd -a ci docker', 'group docker'],
    ['gpasswd -A contractor wheel', 'group wheel'],
    ['lgroupmod --member-add contractor wheel', 'group wheel'],
    ['lgroupmod -M contractor,bob sudo', 'group sudo'],
    ['lgroupmod --member-add=ci docker', 'group docker'],
    ['lgroupmod --admin-add contractor wheel', 'group wheel'],
    ['lgroupmod --member-add contractor developers', undefined],
    ['lgroupmod --member-remove contractor wheel', undefined],
    ['adduser ci wheel', 'group wheel'],
    ['groupmems -g wheel -a dev', 'group wheel'],
    ['groupmems --group=docker --add ci', 'group docker'],
    ['pw groupmod wheel -m ci', 'group wheel'],
    ['pw useradd svc-x -u 0 -o -g wheel -s /bin/sh', 'uid 0'],
    ['pw useradd -n toor2 -u 0 -o -d /root', 'uid 0'],
    ['pw usermod deploy -G wheel,operator', 'group wheel'],
    ['pw useradd ops -g wheel', 'primary group wheel'],
    ['useradd -g docker -m ci', 'primary group docker'],
    ['samba-tool group addmembers "Domain Admins" ci-bot', 'Domain Admins'],
    ['net group "Domain Admins" ci-bot /add /domain', 'Domain Admins'],
    ['net.exe localgroup Administrators ci-bot /add', 'Administrators'],
    ['Add-ADGroupMember -Identity "Enterprise Admins" -Members eve', 'Enterprise Admins'],
    ['Add-ADGroupMember "Schema Admins" eve', 'Schema Admins'],
    ['Add-LocalGroupMember -Group Administrators -Member eve', 'Administrators'],
    ['Add-ADPrincipalGroupMembership -Identity eve -MemberOf "Domain Admins"', 'Domain Admins'],
    ['ipa group-add-member admins --users=eve', 'admins'],
    [
      'dsmod group "CN=Domain Admins,CN=Users,DC=acme,DC=io" -addmbr "CN=eve,CN=Users,DC=acme,DC=io"',
      'Domain Admins',
    ],
    ['dseditgroup -o edit -a eve -t user admin', 'admin'],
    ['dscl . -append /Groups/admin GroupMembership eve', 'admin'],
    // must not match
    ['useradd -m -u 1001 -s /bin/bash builder', undefined],
    ['useradd -m -G video,audio ci', undefined],
    ['usermod -aG video ci', undefined],
    ['pw useradd builder -m -s /bin/sh -g staff', undefined],
    ['pw usershow deploy', undefined],
    ['pw groupshow wheel', undefined],
    ['pw userdel olduser', undefined],
    ['groupmems -g wheel -l', undefined],
    ['groupmems -g wheel -d dev', undefined],
    ['groupmems -g video -a dev', undefined],
    ['samba-tool group addmembers Developers ci-bot', undefined],
    ['samba-tool group listmembers "Domain Admins"', undefined],
    ['net group "Domain Admins" /domain', undefined],
    ['net localgroup administrators', undefined],
    ['net user eve /add', undefined],
    ['Get-ADGroupMember -Identity "Domain Admins"', undefined],
    ['Add-ADGroupMember -Identity Developers -Members eve', undefined],
    ['ipa group-add-member developers --users=eve', undefined],
    ['dseditgroup -o read admin', undefined],
    ['dscl . -read /Groups/admin GroupMembership', undefined],
  ])('%s', (line, expected) => {
    expect(grant(line)).toBe(expected);
  });
});
