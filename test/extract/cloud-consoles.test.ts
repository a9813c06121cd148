/**
 * Admin consoles fed their commands as text (src/extract/cloud-consoles.ts). Facts:
 * `tool|service|verb|resource`.
 */
import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact, StdinSource } from '../../src/engine/types.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext('/ws', {
  readFile: (p) =>
    p === '/ws/ddns.txt' ? 'zone example.com\nupdate delete old.example.com. A\nsend\n' : undefined,
});
const cloud = (line: string, stdin?: StdinSource) => {
  const c = command(line.split(' '), stdin ? { stdin } : {});
  return (extractCloud(c, ctx, [c]) as Fact[]).map((f) =>
    f.kind === 'cloud' ? [f.tool, f.service, f.verb, f.resource].join('|') : '',
  );
};
const heredoc = (text: string): StdinSource => ({ kind: 'heredoc', text });

describe('commands that delete', () => {
  it.each<[string, string | undefined, string[]]>([
    [
      'nsupdate -k /etc/bind/ddns.key',
      'server ns1.example.com\nzone example.com\nupdate delete example.com. MX\nsend\n',
      ['nsupdate|console|delete|example.com. MX'],
    ],
    [
      'nsupdate -l',
      'update delete www.example.com. 300 IN A\nupdate del api.example.com.\nsend',
      ['nsupdate|console|delete|www.example.com. A; api.example.com.'],
    ],
    ['knsupdate', 'del www.example.com. A\nsend', ['knsupdate|console|delete|www.example.com. A']],
    // the script named on the command line
    ['nsupdate -k key ddns.txt', undefined, ['nsupdate|console|delete|old.example.com. A']],
    ['bconsole', 'delete volume=Full-0007 yes', ['bconsole|console|delete|volume=Full-0007']],
    [
      'bconsole -c /etc/bacula/bconsole.conf',
      'purge jobs client=web-fd',
      ['bconsole|console|purge|jobs client=web-fd'],
    ],
    [
      'bconsole',
      'truncate volume allpools storage=File1 yes',
      ['bconsole|console|truncate|volume allpools storage=File1'],
    ],
    // fail closed: commands that cannot be read
    ['bconsole', '@input /tmp/cmds.txt', ['bconsole|console|unread|@input /tmp/cmds.txt']],
    ['nsupdate -k key missing.txt', undefined, ['nsupdate|console|unread|missing.txt']],
  ])('%s <<< %j', (line, text, want) =>
    expect(cloud(line, text === undefined ? undefined : heredoc(text))).toEqual(want),
  );

  it('commands piped from a program whose output is not known are unread', () =>
    expect(cloud('bconsole', { kind: 'pipe' })).toEqual(['bconsole|console|unread|stdin']));
});

describe('commands that read or add, verify-only modes, interactive sessions', () => {
  it.each<[string, string | undefined]>([
    ['bconsole', 'list volumes\nstatus dir'],
    ['bconsole -t', undefined],
    ['bconsole', '# delete volume=Full-0007 yes'],
    ['nsupdate -k key', 'server ns1.example.com\nupdate add www.example.com. 300 A 192.0.2.10\nsend'],
    ['nsupdate', '; update delete www.example.com. A\nsend'],
    ['nsupdate', undefined],
    ['bconsole', undefined],
  ])('%s <<< %j', (line, text) =>
    expect(cloud(line, text === undefined ? undefined : heredoc(text))).toEqual([]),
  );
});

/** kadmin reads its commands from `-q` or the words after its options, so argv is given whole. */
const kadmin = (argv: string[], stdin?: StdinSource) => {
  const c = command(argv, stdin ? { stdin } : {});
  return (extractCloud(c, ctx, [c]) as Fact[]).flatMap((f) =>
    f.kind === 'cloud' && f.service === 'console' ? [[f.tool, f.verb, f.resource].join('|')] : [],
  );
};

describe('kadmin: principals deleted, keys purged, passwords replaced', () => {
  it.each<[string[], string | undefined, string[]]>([
    [
      ['kadmin', '-p', 'admin/admin', '-q', 'delprinc -force alice@CORP.EXAMPLE.COM'],
      undefined,
      ['kadmin|delete|alice@CORP.EXAMPLE.COM'],
    ],
    [['kadmin.local', '-q', 'delete_principal bob'], undefined, ['kadmin.local|delete|bob']],
    [['kadmin.local', 'delete_principal', '-force', 'bob'], undefined, ['kadmin.local|delete|bob']],
    [['kadmin', '-l', 'delete', 'carol'], undefined, ['kadmin|delete|carol']],
    [['kadmin.local', '-q', 'delpol strict'], undefined, ['kadmin.local|delete|strict']],
    [['kadmin.local', '-q', 'purgekeys -all admin/admin'], undefined, ['kadmin.local|purge|admin/admin']],
    [['kadmin', '-q', 'cpw -randkey kadmin/admin'], undefined, ['kadmin|change-password|kadmin/admin']],
    // a password given with -pw never becomes the resource (values are fake)
    [['kadmin.local', '-q', 'cpw -pw FAKEsecret123 bob'], undefined, ['kadmin.local|change-password|bob']],
    [['kadmin', '-q', 'change_password -pw FAKEsecret123'], undefined, ['kadmin|change-password|']],
    [
      ['kadmin.local', '-q', 'addprinc -pw FAKEsecret123 -policy admins eve/admin'],
      undefined,
      ['kadmin.local|add-admin|eve/admin'],
    ],
    [['kadmin.local'], 'cpw -e aes256-cts -pw FAKEsecret123 carol\n', ['kadmin.local|change-password|carol']],
    [['kadmin.local'], 'getprinc bob\ndelprinc -force bob\n', ['kadmin.local|delete|bob']],
    // fail closed: a query that is a substitution, commands piped from an unknown program
    [['kadmin', '-q', '$QUERY'], undefined, ['kadmin|unread|$QUERY']],
    [['kadmin.local'], undefined, []],
  ])('%o <<< %j', (argv, text, want) =>
    expect(kadmin(argv, text === undefined ? undefined : heredoc(text))).toEqual(want),
  );

  it.each<[string[]]>([
    [['kadmin', '-p', 'admin/admin', '-q', 'getprinc alice']],
    [['kadmin.local', '-q', 'listprincs']],
    [['kadmin.local', '-q', 'addprinc -randkey HTTP/web.example.com']],
    [['kadmin', '-q', 'ktadd -k /etc/krb5.keytab host/web.example.com']],
    [['kadmin.local', 'get_principal', 'bob']],
    [['kadmin', '--help']],
  ])('%o → no fact', (argv) => expect(kadmin(argv)).toEqual([]));

  it('commands piped from a program whose output is not known are unread', () =>
    expect(kadmin(['kadmin.local'], { kind: 'pipe' })).toEqual(['kadmin.local|unread|stdin']));
});

describe('kadmin: admin and cross-realm principals added', () => {
  it.each<[string[], string[]]>([
    [['kadmin.local', '-q', 'addprinc -pw Fake-Pass-1 agent/admin'], ['kadmin.local|add-admin|agent/admin']],
    [
      ['kadmin', '-p', 'admin/admin', '-q', 'addprinc -randkey root/admin@CORP.EXAMPLE'],
      ['kadmin|add-admin|root/admin@CORP.EXAMPLE'],
    ],
    [['kadmin.local', 'add_principal', 'kadmin/changepw'], ['kadmin.local|add-admin|kadmin/changepw']],
    [
      ['kadmin', '-l', 'add', '--random-key', 'krbtgt/PARTNER.EXAMPLE'],
      ['kadmin|add-admin|krbtgt/PARTNER.EXAMPLE'],
    ],
    [['kadmin.local', '-q', 'addprinc -randkey HTTP/web.example.com'], []],
    [['kadmin.local', '-q', 'addprinc alice'], []],
    [['kadmin.local', '-q', 'getprinc agent/admin'], []],
  ])('%o → %o', (argv, want) => expect(kadmin(argv)).toEqual(want));
});
