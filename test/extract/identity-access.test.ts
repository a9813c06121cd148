/**
 * Accounts taken over and logins opened to everyone (src/extract/identity-access.ts), read
 * from the words and end to end with the privilege pack.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { identityTakeover } from '../../src/extract/identity-access.js';
import { command, packVerdict } from '../helpers/command.js';

const found = (line: string) =>
  identityTakeover(command(shellParse(line).map((t) => (typeof t === 'string' ? t : '')))).map(
    ([k, s]) => `${k}: ${s}`,
  );

describe('what the words say', () => {
  it.each<[string, string[]]>([
    [
      'ldappasswd -x -D cn=admin,dc=acme,dc=com -w pw -s new uid=cfo,ou=people,dc=acme,dc=com',
      [
        'reset-password: ldappasswd sets the password of uid=cfo,ou=people,dc=acme,dc=com as cn=admin,dc=acme,dc=com',
      ],
    ],
    [
      'ldappasswd -Y EXTERNAL -H ldapi:/// uid=ops,dc=corp',
      ['reset-password: ldappasswd sets the password of uid=ops,dc=corp'],
    ],
    ['realm permit -a', ['open-login: realm permit --all: every domain account may log in']],
    [
      'realm permit --groups=Domain\\ Users',
      ['open-login: realm permit -g Domain Users: every domain account may log in'],
    ],
    [
      'net localgroup "Remote Management Users" Everyone /add',
      ['open-login: Everyone added to Remote Management Users'],
    ],
    // own password, a change that proves the old one, a shown or denied login
    ['ldappasswd -x -D uid=jdoe,dc=acme -W -S', []],
    ['ldappasswd -x -D "uid=jdoe, dc=acme" -W -S uid=jdoe,dc=acme', []],
    ['ldappasswd -x -D cn=admin,dc=acme -W -a old -s new uid=jdoe,dc=acme', []],
    ['realm permit --withdraw --all', []],
    ['net user jdoe', []],
    ['net user jdoe Fake-1 /add', []],
  ])('%s', (line, want) => expect(found(line)).toEqual(want));
});

const privilege = await packVerdict('privilege');

describe('another account taken over asks', () => {
  it.each([
    'ldappasswd -H ldaps://ldap.acme.internal -x -D "cn=admin,dc=acme,dc=com" -w "$LDAP_ADMIN_PW" -s \'Fake-1\' "uid=cfo,ou=people,dc=acme,dc=com"',
    'ldappasswd -x -H ldap://ldap.corp -D cn=Manager,dc=corp,dc=com -W -S uid=jdoe,ou=people,dc=corp,dc=com',
    "samba-tool user setpassword Administrator --newpassword='Fake-2'",
    'net user jdoe Fake-3 /domain',
    'net.exe user jdoe * /domain',
    `pwsh -c 'Set-ADAccountPassword -Identity cfo -Reset -NewPassword (ConvertTo-SecureString "Fake-4" -AsPlainText -Force)'`,
    `pwsh -c 'Set-LocalUser -Name builder -Password $pw'`,
    'ipa passwd cfo',
    'ipa user-mod cfo --random',
    "kcadm.sh set-password -r prod --username cfo --new-password 'Fake-5'",
    'aws cognito-idp admin-set-user-password --user-pool-id us-east-1_X --username cfo --password Fake-6 --permanent',
    'aws iam update-login-profile --user-name cfo --password Fake-7',
    'az ad user update --id cfo@acme.io --password Fake-8',
    'gam update user cfo@acme.io password Fake-9',
    'sudo dscl . -passwd /Users/cfo Fake-10',
    'sudo sysadminctl -resetPasswordFor cfo -newPassword Fake-11',
    'dsmod user "CN=cfo,OU=Staff,DC=acme,DC=com" -pwd Fake-12 -mustchpwd yes',
    'dsquery user -name cfo* | dsmod user -pwd Fake-13',
  ])('%s', (script) => expect(privilege(script)).toBe('ask privilege/reset-password'));
});

describe('logins opened to every account ask', () => {
  it.each([
    'sudo realm permit --all',
    'sudo realm permit --realm ad.acme.com -a',
    "sudo realm permit -g 'domain users@ad.acme.com'",
    'ipa hbacrule-enable allow_all',
    'ipa hbacrule-mod ssh-prod --usercat=all',
    'ipa hbacrule-add everyone --usercat all --hostcat all',
    'net localgroup "Remote Desktop Users" "Domain Users" /add',
    `pwsh -c 'Add-LocalGroupMember -Group "Remote Desktop Users" -Member "ACME\\Domain Users"'`,
    'samba-tool group addmembers "Remote Desktop Users" "Domain Users"',
  ])('%s', (script) => expect(privilege(script)).toBe('ask privilege/open-login'));
});

describe('own passwords, reads and narrow grants stay allowed', () => {
  it.each([
    'ldappasswd -x -H ldaps://ldap.corp -D uid=jdoe,ou=people,dc=corp,dc=com -W -S',
    'samba-tool user password',
    'ipa passwd',
    'net user jdoe /domain',
    `pwsh -c 'Set-ADAccountPassword -Identity jdoe -OldPassword $old -NewPassword $new'`,
    'aws iam get-login-profile --user-name cfo',
    'realm list',
    'sudo realm deny --all',
    'sudo realm permit jdoe@ad.acme.com',
    'ipa hbacrule-disable allow_all',
    'ipa hbacrule-mod ssh-prod --hostcat=all',
    'net localgroup "Remote Desktop Users"',
    'net localgroup "Remote Desktop Users" jdoe /add',
    'dsmod user "CN=jdoe,OU=Staff,DC=acme,DC=com" -mustchpwd yes',
  ])('%s', (script) => expect(privilege(script)).toBe('allow'));
});
