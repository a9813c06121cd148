/**
 * Directory and local accounts disabled, locked or expired, and directory objects removed
 * (src/extract/cloud-directory.ts): read into cloud facts `tool|verb|resource|all` of service
 * `directory-account`, asked by the host pack; queries and harmless changes stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact } from '../../src/engine/types.js';
import { analyzeContext, command, packVerdict } from '../helpers/command.js';

const ctx = analyzeContext();
const verdict = await packVerdict('host');
const accounts = (argv: string[]) => {
  const c = command(argv);
  return (extractCloud(c, ctx, [c]) as Fact[])
    .filter((f) => f.kind === 'cloud' && f.service === 'directory-account')
    .map((f) => (f.kind === 'cloud' ? [f.tool, f.verb, f.resource, f.all].join('|') : ''));
};

describe('accounts switched off or removed', () => {
  it.each<[string[], string]>([
    [
      ['dsmod', 'user', 'CN=Al,OU=Staff,DC=corp', '-disabled', 'yes'],
      'dsmod|disable|CN=Al,OU=Staff,DC=corp|false',
    ],
    [['dsmod', 'user', '-disabled', 'yes'], 'dsmod|disable|users read from stdin|true'],
    [['dsmod', 'computer', 'CN=WS1,DC=corp', '-acctexpires', '0'], 'dsmod|disable|CN=WS1,DC=corp|false'],
    [['dsrm', 'CN=svc,DC=corp', '-noprompt'], 'dsrm|delete|CN=svc,DC=corp|false'],
    [['dsrm', '-subtree', '-noprompt', '-c', 'OU=Old,DC=corp'], 'dsrm|delete|OU=Old,DC=corp|true'],
    [['net', 'user', 'jsmith', '/active:no', '/domain'], 'net|disable|jsmith|false'],
    [['Disable-ADAccount', '-Identity', 'bob'], 'Disable-ADAccount|disable|bob|false'],
    [['disable-adaccount'], 'disable-adaccount|disable|accounts from the pipeline|true'],
    [['Set-ADUser', 'bob', '-Enabled', '$false'], 'Set-ADUser|disable|bob|false'],
    [['samba-tool', 'user', 'disable', 'alice'], 'samba-tool|disable|alice|false'],
    [['samba-tool', 'user', 'setexpiry', 'alice', '--days=0'], 'samba-tool|disable|alice|false'],
    [['ipa', 'host-disable', 'web1.corp'], 'ipa|disable|web1.corp|false'],
    [['gam', 'update', 'user', 'bob@example.com', 'suspended', 'on'], 'gam|disable|bob@example.com|false'],
    [
      ['kcadm.sh', 'update', 'users/1234', '-r', 'corp', '-s', 'enabled=false'],
      'kcadm.sh|disable|users/1234|false',
    ],
    [['usermod', '-L', 'deploy'], 'usermod|disable|deploy|false'],
    [['usermod', '--expiredate', '1', 'deploy'], 'usermod|disable|deploy|false'],
    [['passwd', '--lock', 'deploy'], 'passwd|disable|deploy|false'],
    [['chage', '-E', '0', 'deploy'], 'chage|disable|deploy|false'],
    [['pw', 'lock', 'jdoe'], 'pw|disable|jdoe|false'],
    [['pwpolicy', '-u', 'jdoe', 'disableuser'], 'pwpolicy|disable|jdoe|false'],
  ])('%j', (argv, want) => expect(accounts(argv)).toEqual([want]));

  it.each<string[]>([
    ['dsquery', 'user', '-name', 'John*'],
    ['dsget', 'user', 'CN=Al,DC=corp', '-memberof'],
    ['dsmod', 'user', 'CN=Al,DC=corp', '-disabled', 'no'],
    ['dsmod', 'user', 'CN=Al,DC=corp', '-tel', '555-0100'],
    ['dsrm', '-?'],
    ['net', 'user', 'jsmith', '/domain'],
    ['net', 'user', 'jsmith', '/active:yes'],
    ['Set-ADUser', 'bob', '-Enabled', '$true'],
    ['samba-tool', 'user', 'enable', 'alice'],
    ['samba-tool', 'user', 'setexpiry', 'alice', '--days=90'],
    ['ipa', 'user-show', 'bob'],
    ['gam', 'update', 'user', 'bob', 'suspended', 'off'],
    ['usermod', '-aG', 'docker', 'deploy'],
    ['usermod', '-U', 'deploy'],
    ['passwd', '-S', 'deploy'],
    ['chage', '-l', 'deploy'],
    ['chage', '-E', '2030-01-01', 'deploy'],
  ])('%j → nothing switched off', (...argv) => expect(accounts(argv)).toEqual([]));

  it.each<string>([
    'dsquery user -inactive 4 | dsmod user -disabled yes',
    'ssh dc01 \'dsrm "CN=svc-backup,OU=Service,DC=corp,DC=example,DC=com" -noprompt\'',
    'sudo usermod --lock deploy',
    "ldapmodify -x -D cn=admin,dc=corp -W <<'EOF'\ndn: uid=alice,ou=people,dc=corp\nchangetype: modify\nreplace: nsAccountLock\nnsAccountLock: TRUE\nEOF",
    "printf 'dn: CN=Al,OU=Staff,DC=corp\\nchangetype: modify\\nreplace: userAccountControl\\nuserAccountControl: 514\\n' | ldapmodify -H ldaps://dc01.corp -x",
  ])('%s asks', (script) => expect(verdict(script)).toBe('ask host/account-disabled'));

  it.each<string>([
    "ldapmodify -x -D cn=admin,dc=corp -W <<'EOF'\ndn: uid=alice,ou=people,dc=corp\nchangetype: modify\nreplace: nsAccountLock\nnsAccountLock: FALSE\nEOF",
    "ldapmodify -x <<'EOF'\ndn: CN=Al,OU=Staff,DC=corp\nchangetype: modify\nreplace: userAccountControl\nuserAccountControl: 512\nEOF",
    "ldapadd -x <<'EOF'\ndn: CN=New,OU=Staff,DC=corp\nobjectClass: user\nuserAccountControl: 546\nEOF",
  ])('%s stays allowed', (script) => expect(verdict(script)).toBe('allow'));
});
