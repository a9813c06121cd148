/**
 * A directory's accounts taken over or its logins opened to everyone:
 * - `reset-password`: another account's password set by an administrator, so its owner is
 *   locked out and whoever set it can log in as them: `ldappasswd` on an entry other than the
 *   one it binds as (without that entry's old password), `samba-tool user setpassword`, `net
 *   user USER PASSWORD|*`, `Set-ADAccountPassword -Reset`, `Set-LocalUser -Password`, `ipa
 *   passwd USER`, `ipa user-mod USER --password|--random`, Keycloak's `kcadm.sh
 *   set-password`, `aws cognito-idp admin-set-user-password`, `aws iam update-login-profile
 *   --password`, `az ad user update --password`, `gam update user U password P`, macOS `dscl .
 *   -passwd /Users/U NEW` (no old password), `sysadminctl -resetPasswordFor` and `dsmod user DN
 *   -pwd NEW`;
 * - `open-login`: every account of a domain let in: `realm permit --all` (or the group of all
 *   domain users), FreeIPA's `allow_all` host-access rule enabled or a rule given every user
 *   (`--usercat=all`), and a group of everyone (Everyone, Domain Users, Authenticated Users)
 *   added to a group that logs in remotely (Remote Desktop Users, Remote Management Users,
 *   Administrators) by `net localgroup … /add`, `Add-LocalGroupMember` or `samba-tool group
 *   addmembers`.
 * A user changing their own password (`ldappasswd -S` bound as themselves, `ipa passwd`,
 * `samba-tool user password`), showing, denying or withdrawing logins make no finding.
 * Reads the command's words; each finding is [verb, the words that say so].
 */
import type { NormalizedCommand } from '../engine/types.js';
import { param, positional } from './privilege-accounts.js';
import type { Finding } from './word-facts.js';

/** Groups whose members are every account of the machine or the domain. */
const EVERYONE_GROUP = /^(everyone|domain users|authenticated users|users|interactive)(@.*)?$/i;
/** Groups whose members may log in remotely (or do anything). */
const LOGIN_GROUP = /^(remote desktop users|remote management users|administrators)$/i;

/** ldappasswd's options that take a value. */
const LDAPPASSWD_VALUED = new Set('-D -w -y -H -h -p -s -T -a -t -e -E -o -O -R -U -X -Y'.split(' '));

/** A DN compared the way a directory does: case and spaces after commas do not matter. */
const dn = (v: string) =>
  v
    .toLowerCase()
    .replace(/\s*,\s*/g, ',')
    .trim();

/** `ldappasswd [-D BINDDN] [-a OLD|-A|-t FILE] [-s NEW|-S|-T FILE] [USER]`: another entry's password set. */
function ldappasswd(args: string[]): string | undefined {
  let bind = '';
  let oldGiven = false;
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-A') oldGiven = true;
    if (!LDAPPASSWD_VALUED.has(a)) {
      if (!a.startsWith('-')) targets.push(a);
      continue;
    }
    if (a === '-D') bind = args[i + 1] ?? '';
    if (a === '-a' || a === '-t') oldGiven = true;
    i++;
  }
  const user = targets[0];
  // no USER changes the bound entry's own password; its old password proves it is the owner's
  if (user === undefined || oldGiven || dn(user) === dn(bind)) return undefined;
  return `ldappasswd sets the password of ${user}${bind ? ` as ${bind}` : ''}`;
}

/** The words after the program that are not options (`/domain`, `--flag`). */
const plain = (args: string[]) => args.filter((w) => !/^[-/]/.test(w));

/** Another account's password set (see the header); undefined = none. */
function passwordReset(name: string, args: string[]): string | undefined {
  const words = plain(args);
  const lower = args.map((w) => w.toLowerCase());
  const has = (re: RegExp) => args.some((w) => re.test(w));
  switch (name) {
    case 'ldappasswd':
      return ldappasswd(args);
    case 'samba-tool':
      return words[0] === 'user' && words[1] === 'setpassword' && words[2]
        ? `samba-tool user setpassword ${words[2]}`
        : undefined;
    case 'net':
      // `net user USER PASSWORD|* [/domain]` (not /add, /delete: accounts made or removed)
      return /^user$/i.test(words[0] ?? '') &&
        words.length >= 3 &&
        !lower.some((w) => /^\/(add|del|delete)$/.test(w))
        ? `net user ${words[1]}: password set`
        : undefined;
    case 'set-adaccountpassword':
      return lower.some((w) => /^-r(e(s(e(t)?)?)?)?$/.test(w))
        ? `Set-ADAccountPassword -Reset ${param(args, /^(i|id|ide|iden|ident|identi|identit|identity)$/) ?? positional(args)[0] ?? ''}`.trim()
        : undefined;
    case 'set-localuser':
      return param(args, /^p(a(s(s(w(o(r(d)?)?)?)?)?)?)?$/) !== undefined
        ? `Set-LocalUser ${param(args, /^(n|na|nam|name)$/) ?? positional(args)[0] ?? ''} -Password`
        : undefined;
    case 'ipa':
      if (words[0] === 'passwd' && words[1]) return `ipa passwd ${words[1]}`;
      return words[0] === 'user-mod' && has(/^--(password|random)$|^--setattr=?userpassword/i)
        ? `ipa user-mod ${words[1] ?? ''} --password`
        : undefined;
    case 'kcadm':
    case 'kcadm.sh':
      return words[0] === 'set-password' || /\/reset-password$/.test(words[1] ?? '')
        ? `${name} ${words.slice(0, 2).join(' ')}`
        : undefined;
    case 'aws':
      if (words[0] === 'cognito-idp' && words[1] === 'admin-set-user-password')
        return words.slice(0, 2).join(' ');
      return words[0] === 'iam' && words[1] === 'update-login-profile' && has(/^--password(=|$)/)
        ? 'iam update-login-profile --password'
        : undefined;
    case 'az':
      return words.slice(0, 3).join(' ') === 'ad user update' && has(/^--password(=|$)/)
        ? 'az ad user update --password'
        : undefined;
    case 'gam':
      return words[0] === 'update' && words[1] === 'user' && lower.includes('password')
        ? `gam update user ${words[2] ?? ''} password`
        : undefined;
    case 'dscl': {
      // `dscl . -passwd /Users/U NEW` resets; `… OLD NEW` is a change by one who knows the old
      const at = lower.indexOf('-passwd');
      const rest = at >= 0 ? args.slice(at + 1) : [];
      return at >= 0 && rest.length === 2 ? `dscl -passwd ${rest[0]}` : undefined;
    }
    case 'dsmod': {
      // `dsmod user DN… -pwd NEW|*`: the password of every account named (the DNs before the
      // first option; none = read from stdin) set
      const dns = args.slice(
        1,
        Math.max(
          1,
          args.findIndex((a) => a.startsWith('-')),
        ),
      );
      return /^user$/i.test(args[0] ?? '') && lower.includes('-pwd')
        ? `dsmod user ${dns.join('; ') || '(accounts read from stdin)'} -pwd`
        : undefined;
    }
    case 'sysadminctl':
      return args.includes('-resetPasswordFor')
        ? `sysadminctl -resetPasswordFor ${args[args.indexOf('-resetPasswordFor') + 1] ?? ''}`
        : undefined;
    default:
      return undefined;
  }
}

/** A group of everyone added to a group that logs in remotely; undefined = none. */
function everyoneIntoLoginGroup(name: string, args: string[]): string | undefined {
  const words = plain(args);
  let group: string | undefined;
  let members: string[] = [];
  if (name === 'net' && /^localgroup$/i.test(words[0] ?? '') && args.some((w) => /^\/add$/i.test(w))) {
    group = words[1];
    members = words.slice(2);
  } else if (name === 'add-localgroupmember') {
    group = param(args, /^(g|gr|gro|grou|group|n|na|nam|name|sid)$/) ?? positional(args)[0];
    members = (param(args, /^(m|me|mem|memb|membe|member)$/) ?? positional(args)[1] ?? '').split(',');
  } else if (name === 'samba-tool' && words[0] === 'group' && words[1] === 'addmembers') {
    group = words[2];
    members = (words[3] ?? '').split(',');
  }
  const everyone = members
    .map((m) => m.trim().replace(/^['"]|['"]$/g, ''))
    .find((m) => EVERYONE_GROUP.test(m.replace(/^.*\\/, '')));
  return group && LOGIN_GROUP.test(group) && everyone ? `${everyone} added to ${group}` : undefined;
}

/** Logins opened to every account (see the header); undefined = none. */
function openLogin(name: string, args: string[]): string | undefined {
  const words = plain(args);
  if (name === 'realm' && words[0] === 'permit' && !args.some((w) => /^(-x|--withdraw)$/.test(w))) {
    if (args.some((w) => /^(-a|--all)$/.test(w)))
      return 'realm permit --all: every domain account may log in';
    const groups = args
      .flatMap((w, i) =>
        /^(-g|--groups)$/.test(args[i - 1] ?? '') ? [w] : /^--groups=/.test(w) ? [w.slice(9)] : [],
      )
      .flatMap((g) => g.split(','));
    const all = groups.find((g) => EVERYONE_GROUP.test(g.trim()));
    if (all) return `realm permit -g ${all}: every domain account may log in`;
  }
  if (name === 'ipa') {
    if (words[0] === 'hbacrule-enable' && words[1] === 'allow_all') return 'ipa hbacrule-enable allow_all';
    if (
      /^hbacrule-(mod|add)$/.test(words[0] ?? '') &&
      args.some((w, i) => /^--usercat=all$/i.test(w) || (w === '--usercat' && args[i + 1] === 'all'))
    )
      return `ipa ${words[0]} ${words[1] ?? ''} --usercat=all`;
  }
  return everyoneIntoLoginGroup(name, args);
}

/** What `cmd` does to a directory's accounts and logins, as [verb, the words]; empty = nothing. */
export function identityTakeover(cmd: NormalizedCommand): Finding[] {
  const name = cmd.program.toLowerCase();
  const args = cmd.argv.slice(1);
  const reset = passwordReset(name, args);
  const open = openLogin(name, args);
  return [
    ...(reset ? [['reset-password', reset] as Finding] : []),
    ...(open ? [['open-login', open] as Finding] : []),
  ];
}
