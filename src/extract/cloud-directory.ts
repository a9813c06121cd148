/**
 * Accounts of a directory (Active Directory, Samba AD, FreeIPA, Google Workspace,
 * Keycloak) or of the machine switched off, and directory objects removed, by the tools that
 * administer them:
 * - `dsmod user|computer DN… -disabled yes` (or `-acctexpires 0`), also fed DNs on stdin by
 *   `dsquery … | dsmod user -disabled yes` (every account the query finds), and `dsrm DN
 *   [-subtree]` (the object, with `-subtree` everything under it);
 * - `net user NAME /active:no`; PowerShell's `Disable-ADAccount`, `Disable-LocalUser`, `Set-ADUser
 *   -Enabled $false`;
 * - `samba-tool user disable NAME` and `user setexpiry NAME --days=0`; FreeIPA's `ipa
 *   user-disable|host-disable NAME`; Google Workspace's `gam update user U suspended on`;
 *   Keycloak's `kcadm.sh update users/ID -s enabled=false` (Kerberos' kadmin is read as a
 *   console, cloud-consoles.ts);
 * - on the machine, `usermod -L|--lock|-e 1`, `passwd -l|--lock`, `chage -E 0`, FreeBSD's `pw
 *   lock`, macOS `pwpolicy -u NAME disableuser`.
 * Its owner (a person, a service, a computer's trust) can no longer log in. Read as CloudFacts
 * of service `directory-account`, verb `disable` or `delete` (host/account-disabled asks);
 * showing and querying (`dsquery`, `dsget`, `net user NAME`) make no fact here, and the tools'
 * other words keep the generic reading.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { optionValue, type CloudDraft } from './cloud-argv.js';
import { param, positional } from './privilege-accounts.js';

/** A fact: `verb` disable or delete, `resource` the account or object, `all` many at once. */
function account(
  cmd: NormalizedCommand,
  verb: 'disable' | 'delete',
  resource: string,
  all = false,
): CloudDraft {
  return { tool: cmd.program, service: 'directory-account', verb, resource, all, force: true };
}

/** The words after the program, case-folded. */
const lowered = (cmd: NormalizedCommand) => cmd.argv.slice(1).map((a) => a.toLowerCase());

/** dsmod's and dsrm's options that take a value (the rest of their words are DNs). */
const DS_VALUED =
  /^-(s|d|u|p|server|domain|pwd|upn|fn|mi|ln|display|empid|desc|office|tel|email|hometel|pager|mobile|fax|iptel|webpg|title|dept|company|mgr|hmdir|hmdrv|profile|loscr|mustchpwd|canchpwd|reversiblepwd|pwdneverexpires|acctexpires|disabled|addmbr|rmmbr|chmbr|loc|secgrp|scope)$/i;

/** The DNs a ds* command names; '' with `stdin` when it reads them from its input. */
function dsTargets(args: string[]): string {
  const dns = args.filter((a, i) => !a.startsWith('-') && !DS_VALUED.test(args[i - 1] ?? ''));
  return dns.join('; ');
}

/** `dsmod user|computer DN… -disabled yes|-acctexpires 0`. */
function dsmod(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = lowered(cmd);
  if (words[0] !== 'user' && words[0] !== 'computer') return undefined;
  const disabled = optionValue(words, /^-disabled$/, 0) === 'yes';
  const expires = optionValue(words, /^-acctexpires$/, 0);
  if (!disabled && !(expires !== undefined && /^(0|-\d+)$/.test(expires))) return undefined;
  const dns = dsTargets(cmd.argv.slice(2));
  // no DN: they come on stdin (`dsquery … | dsmod user -disabled yes`), every account found
  return account(cmd, 'disable', dns || `${words[0]}s read from stdin`, dns === '');
}

/** `dsrm DN… [-subtree] [-noprompt]`. */
function dsrm(cmd: NormalizedCommand): CloudDraft | undefined {
  const dns = dsTargets(cmd.argv.slice(1));
  if (cmd.argv.slice(1).some((a) => /^-(\?|h|help)$/i.test(a))) return undefined;
  return account(
    cmd,
    'delete',
    dns || 'objects read from stdin',
    dns === '' || lowered(cmd).includes('-subtree'),
  );
}

/** `net user NAME /active:no`. */
function net(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = lowered(cmd);
  const pos = cmd.argv.slice(1).filter((a) => !a.startsWith('/'));
  if (!/^users?$/i.test(pos[0] ?? '') || !words.includes('/active:no')) return undefined;
  return account(cmd, 'disable', pos[1] ?? '');
}

/** `Disable-ADAccount -Identity X`, `Disable-LocalUser X`, `Set-ADUser X -Enabled $false`. */
function cmdlet(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const who = param(args, /^(identity|name|sid|i|n)$/) ?? positional(args)[0] ?? '';
  if (/^set-aduser$/i.test(cmd.program)) {
    const enabled = param(args, /^(enabled?)$/);
    if (enabled === undefined || !/^\$?(false|0)$/i.test(enabled)) return undefined;
  }
  // no identity: the accounts come down the pipeline (`Search-ADAccount -AccountInactive | Disable-ADAccount`)
  return account(cmd, 'disable', who || 'accounts from the pipeline', who === '');
}

/** `samba-tool user disable NAME`, `samba-tool user setexpiry NAME --days=0`. */
function sambaTool(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = lowered(cmd);
  const pos = words.filter((w) => !w.startsWith('-'));
  if (pos[0] !== 'user') return undefined;
  const filter = words.some((w) => w.startsWith('--filter'));
  if (pos[1] === 'disable') return account(cmd, 'disable', pos[2] ?? '', filter);
  if (pos[1] === 'setexpiry' && optionValue(words, /^--days$/, 0) === '0')
    return account(cmd, 'disable', pos[2] ?? '', filter);
  return undefined;
}

/** `ipa user-disable NAME`, `ipa host-disable NAME` (its keytab and certificates revoked). */
function ipa(cmd: NormalizedCommand): CloudDraft | undefined {
  const pos = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  return /^(user|host)-disable$/.test(pos[0] ?? '') ? account(cmd, 'disable', pos[1] ?? '') : undefined;
}

/** `gam update user U suspended on|true`. */
function gam(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = lowered(cmd);
  const at = words.indexOf('suspended');
  if (words[0] !== 'update' || !/^users?$/.test(words[1] ?? '') || at < 0) return undefined;
  return /^(on|true|yes)$/.test(words[at + 1] ?? '') ? account(cmd, 'disable', cmd.argv[3] ?? '') : undefined;
}

/** `kcadm.sh update users/ID -s enabled=false`. */
function kcadm(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = lowered(cmd);
  if (words[0] !== 'update' || !/^users\//.test(words[1] ?? '')) return undefined;
  return words.some((w) => /^enabled=false$/.test(w))
    ? account(cmd, 'disable', cmd.argv[2] ?? '')
    : undefined;
}

/** The account a local tool names: its last word that is not an option or an option's value. */
const lastName = (args: string[], valued: RegExp) =>
  args.filter((a, i) => !a.startsWith('-') && !valued.test(args[i - 1] ?? '')).pop() ?? '';

/** `usermod -L|--lock NAME`, `usermod -e 1|--expiredate 1 NAME` (expired since 1970). */
function usermod(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const valued =
    /^(-[cdegGlpsuRP]|--(comment|home|expiredate|gid|groups|login|password|shell|uid|root|prefix))$/;
  const expired = /^(0|1|1970-01-0[12])$/.test(optionValue(args, /^(-e|--expiredate)$/, 0) ?? '');
  if (!args.some((a) => /^(-[a-zA-Z]*L[a-zA-Z]*|--lock)$/.test(a)) && !expired) return undefined;
  return account(cmd, 'disable', lastName(args, valued));
}

/** `passwd -l|--lock NAME`. */
function passwd(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  if (!args.some((a) => a === '-l' || a === '--lock')) return undefined;
  return account(
    cmd,
    'disable',
    lastName(args, /^(-[nxwi]|--(mindays|maxdays|warndays|inactive|root|prefix))$/),
  );
}

/** `chage -E 0|1970-01-01 NAME`. */
function chage(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  if (!/^(0|1970-01-01)$/.test(optionValue(args, /^(-E|--expiredate)$/, 0) ?? '')) return undefined;
  return account(cmd, 'disable', lastName(args, /^(-[dEImMWR]|--\w+)$/));
}

/** FreeBSD `pw lock NAME`. */
function pw(cmd: NormalizedCommand): CloudDraft | undefined {
  const pos = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  return pos[0] === 'lock' ? account(cmd, 'disable', pos[1] ?? '') : undefined;
}

/** macOS `pwpolicy -u NAME disableuser`. */
function pwpolicy(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = lowered(cmd);
  if (!words.includes('disableuser')) return undefined;
  return account(cmd, 'disable', optionValue(cmd.argv.slice(1), /^-u$/, 0) ?? '');
}

/** Programs this module reads, by name (cmdlets as usually written and in lower case). */
export const DIRECTORY_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  dsmod,
  'dsmod.exe': dsmod,
  dsrm,
  'dsrm.exe': dsrm,
  net,
  'net.exe': net,
  'samba-tool': sambaTool,
  ipa,
  gam,
  kcadm,
  'kcadm.sh': kcadm,
  usermod,
  passwd,
  chage,
  pw,
  pwpolicy,
  ...Object.fromEntries(
    ['Disable-ADAccount', 'Disable-LocalUser', 'Set-ADUser'].flatMap((n) => [
      [n, cmdlet],
      [n.toLowerCase(), cmdlet],
    ]),
  ),
};
