/**
 * Local accounts and groups deleted by the tools of other systems than Linux's userdel and
 * groupdel (cloud-host.ts): macOS `sysadminctl -deleteUser NAME` (its home too unless
 * `-keepHome`) and `dscl . -delete /Users/NAME|/Groups/NAME`, FreeBSD `pw userdel|groupdel NAME`
 * and `rmuser NAME…`, Windows `net user|localgroup NAME /delete` and the PowerShell cmdlets
 * `Remove-LocalUser`, `Remove-LocalGroup`, `Remove-ADUser`. Read as CloudFacts of service
 * `account` or `group` and verb `delete` (`all`: the home folder goes too), as userdel's are.
 * Listing, creating and changing an account make no fact here; the tools' other words keep the
 * generic reading.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

function deleted(
  cmd: NormalizedCommand,
  service: 'account' | 'group',
  name: string,
  home: boolean,
): CloudDraft {
  return { tool: cmd.program, service, verb: 'delete', resource: name, all: home, force: true };
}

/** `sysadminctl -deleteUser NAME [-secure | -keepHome]`. */
function sysadminctl(cmd: NormalizedCommand): CloudDraft | undefined {
  const at = cmd.argv.indexOf('-deleteUser');
  if (at < 0) return undefined;
  return deleted(cmd, 'account', cmd.argv[at + 1] ?? '', !cmd.argv.includes('-keepHome'));
}

/** `dscl [-u U] NODE -delete /Users/NAME` (the record itself, not one of its attributes). */
function dscl(cmd: NormalizedCommand): CloudDraft | undefined {
  const at = cmd.argv.findIndex((a) => /^-delete$/i.test(a));
  const path = cmd.argv[at + 1] ?? '';
  const m = /^\/(Users|Groups)\/([^/]+)$/i.exec(path);
  if (at < 0 || !m || cmd.argv.length > at + 2) return undefined;
  return deleted(cmd, /^users$/i.test(m[1]) ? 'account' : 'group', m[2], false);
}

/** FreeBSD `pw userdel|groupdel NAME [-r]`, also written `pw user|group del NAME`. */
function pw(cmd: NormalizedCommand): CloudDraft | undefined {
  const pos = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  const joined = /^(user|group)del$/.exec(pos[0] ?? '');
  const apart = /^(user|group)$/.test(pos[0] ?? '') && pos[1] === 'del';
  if (!joined && !apart) return undefined;
  const kind = joined ? joined[1] : pos[0];
  const name = (joined ? pos[1] : pos[2]) ?? '';
  return deleted(cmd, kind === 'user' ? 'account' : 'group', name, cmd.argv.includes('-r'));
}

/** FreeBSD `rmuser [-y] NAME…`: the accounts and their home folders. */
function rmuser(cmd: NormalizedCommand): CloudDraft | undefined {
  const names = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  return names.length ? deleted(cmd, 'account', names.join(' '), true) : undefined;
}

/** Windows `net user NAME /delete`, `net localgroup|group NAME /delete`. */
function net(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  if (!args.some((a) => /^\/del(ete)?$/i.test(a))) return undefined;
  const pos = args.filter((a) => !a.startsWith('/'));
  const what = (pos[0] ?? '').toLowerCase();
  if (what === 'user') return deleted(cmd, 'account', pos[1] ?? '', false);
  if (what === 'localgroup' || what === 'group') {
    // `net localgroup GROUP USER /delete` takes USER out of GROUP: a membership, not the group
    return pos.length > 2 ? undefined : deleted(cmd, 'group', pos[1] ?? '', false);
  }
  return undefined;
}

/** `Remove-LocalUser -Name NAME`, `Remove-ADUser -Identity NAME`, `Remove-LocalGroup NAME`. */
function cmdlet(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const named = args.findIndex((a) => /^-(name|identity|sid)$/i.test(a));
  const name = named >= 0 ? (args[named + 1] ?? '') : (args.find((a) => !a.startsWith('-')) ?? '');
  return deleted(cmd, /group$/i.test(cmd.program) ? 'group' : 'account', name, false);
}

/** Programs this module reads, by name (PowerShell cmdlets as usually written and in lower case). */
export const ACCOUNT_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  sysadminctl,
  dscl,
  pw,
  rmuser,
  net,
  'net.exe': net,
  ...Object.fromEntries(
    ['Remove-LocalUser', 'Remove-LocalGroup', 'Remove-ADUser'].flatMap((n) => [
      [n, cmdlet],
      [n.toLowerCase(), cmdlet],
    ]),
  ),
};
