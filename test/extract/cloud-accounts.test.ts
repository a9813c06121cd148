/**
 * Local accounts and groups deleted by macOS, FreeBSD and Windows tools
 * (src/extract/cloud-accounts.ts), read into cloud facts: `tool|service|verb|resource|all`.
 */
import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact } from '../../src/engine/types.js';
import { analyzeContext, command } from '../helpers/command.js';

const ctx = analyzeContext();
const cloud = (line: string) => {
  const c = command(line.split(' '));
  return (extractCloud(c, ctx, [c]) as Fact[]).map((f) =>
    f.kind === 'cloud' ? [f.tool, f.service, f.verb, f.resource, f.all].join('|') : '',
  );
};

describe('accounts deleted', () => {
  it.each<[string, string[]]>([
    ['sysadminctl -deleteUser jdoe', ['sysadminctl|account|delete|jdoe|true']],
    ['sysadminctl -deleteUser jdoe -keepHome', ['sysadminctl|account|delete|jdoe|false']],
    ['dscl . -delete /Users/jdoe', ['dscl|account|delete|jdoe|false']],
    ['dscl . -delete /Groups/devs', ['dscl|group|delete|devs|false']],
    ['pw userdel jdoe -r', ['pw|account|delete|jdoe|true']],
    ['pw user del jdoe', ['pw|account|delete|jdoe|false']],
    ['pw groupdel devs', ['pw|group|delete|devs|false']],
    ['rmuser -y jdoe', ['rmuser|account|delete|jdoe|true']],
    ['net user jdoe /delete', ['net|account|delete|jdoe|false']],
    ['net.exe localgroup builders /DELETE', ['net|group|delete|builders|false']],
    ['NET USER jdoe /DELETE', ['net|account|delete|jdoe|false']],
    ['Net LocalGroup builders /Delete', ['net|group|delete|builders|false']],
    ['Remove-LocalUser -Name jdoe', ['Remove-LocalUser|account|delete|jdoe|false']],
    ['remove-aduser jdoe', ['remove-aduser|account|delete|jdoe|false']],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));

  it.each<string>([
    'sysadminctl -addUser builder',
    'dscl . -list /Users',
    'dscl . -delete /Users/jdoe AuthenticationAuthority',
    'pw usershow jdoe',
    'pw useradd builder -m',
    'net user jdoe',
    'NET USER jdoe',
    'net localgroup administrators jdoe /delete',
  ])('%s → no account deleted', (line) => {
    expect(cloud(line).filter((f) => /\|(account|group)\|delete\|/.test(f))).toEqual([]);
  });
});
