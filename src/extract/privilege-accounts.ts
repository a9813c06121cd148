/**
 * Accounts made root, or members of a group that administers the host or the domain: a
 * Unix account given uid 0 or a root group as its primary group (`useradd -o -u 0`, `usermod -g 0`,
 * FreeBSD `pw useradd NAME -u 0 -o -g wheel`), added to
 * sudo/wheel/docker (`usermod -aG`, `useradd -G`, `gpasswd -a|-A`, libuser's `lgroupmod
 * --member-add`, `groupmems -a`, `adduser U G`, `pw groupmod
 * -m`, macOS `dseditgroup -a` / `dscl -append … GroupMembership`), and a member added to a
 * directory's or Windows' admin groups (`samba-tool group addmembers "Domain Admins"`, `net
 * group|localgroup … /add`, `Add-ADGroupMember`, `Add-LocalGroupMember`,
 * `Add-ADPrincipalGroupMembership`, `ipa group-add-member admins`, `dsmod group -addmbr`).
 * Read from the command's own words; each finding is the group (or uid) granted.
 */
import type { NormalizedCommand } from '../engine/types.js';

/** Unix groups whose members are root in all but name. */
export const ROOT_GROUPS = /^(sudo|wheel|admin|root|docker|lxd|libvirt|disk|shadow)$/;
/** Directory and Windows groups that administer the domain or the machine (FreeIPA's `admins`). */
const ADMIN_GROUPS =
  /^(domain admins|enterprise admins|schema admins|administrators|admins|account operators|backup operators|server operators|print operators|dnsadmins|group policy creator owners|(enterprise )?key admins|wheel|sudo|admin|root)$/i;

/** A group as named: `CN=Domain Admins,CN=Users,DC=…` is Domain Admins, `/Groups/admin` admin. */
const groupName = (w: string) => (/^cn=([^,]+)/i.exec(w)?.[1] ?? w.replace(/^\/Groups\//, '')).trim();
const isAdmin = (w: string | undefined) => w !== undefined && ADMIN_GROUPS.test(groupName(w));

/** The program's name as Windows would match it: case folded (a command's program has no `.exe`). */
const nameOf = (cmd: NormalizedCommand) => cmd.program.toLowerCase();

/** The value of a short or long option (`-u 0`, `-u0`, `--uid=0`, `--uid 0`); undefined = not given. */
function opt(args: string[], short: string, long: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === `-${short}` || a === `--${long}`) return args[i + 1];
    if (a.startsWith(`--${long}=`)) return a.slice(long.length + 3);
    // a cluster of flags ending in the letter (`-aG`), or the letter with its value (`-u0`)
    const m = /^-([a-zA-Z]*)$/.exec(a);
    if (m && m[1].endsWith(short) && m[1].length > 1 && !m[1].startsWith(short)) return args[i + 1];
    if (a.startsWith(`-${short}`) && !a.startsWith('--') && a.length > 2 && /^-.\d/.test(a))
      return a.slice(2);
  }
  return undefined;
}

/** A PowerShell parameter's value (`-Identity X`, `-Identity:X`, any prefix of the name). */
export function param(args: string[], names: RegExp): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const m = /^-([a-z]+)(?::(.*))?$/i.exec(args[i]);
    if (m && names.test(m[1].toLowerCase())) return m[2] ?? args[i + 1];
  }
  return undefined;
}

/** Positional words of a PowerShell call (parameter names and their values left out). */
export function positional(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (/^-[a-z]+$/i.test(args[i])) i++;
    else if (!/^-[a-z]+:/i.test(args[i])) out.push(args[i]);
  }
  return out;
}

/** Unix account tools: uid 0, group 0/root as the primary group, or a root group among the others. */
function unixAccount(name: string, args: string[]): string | undefined {
  const pos = args.filter((w) => !w.startsWith('-'));
  // FreeBSD `pw useradd|usermod [NAME] -u 0 -o -g wheel`: read as useradd's options
  if (name === 'pw' && /^user(add|mod)$/.test(pos[0] ?? '')) return unixAccount('useradd', args.slice(1));
  if (name === 'useradd' || name === 'usermod' || name === 'adduser') {
    const uid = opt(args, 'u', 'uid');
    if (uid !== undefined && /^0+$/.test(uid)) return 'uid 0';
    const gid = opt(args, 'g', 'gid');
    if (gid !== undefined && /^0+$/.test(gid)) return 'primary group root';
    if (gid !== undefined && ROOT_GROUPS.test(gid)) return `primary group ${gid}`;
    const groups = opt(args, 'G', 'groups') ?? (name === 'adduser' ? opt(args, 'G', 'ingroup') : undefined);
    const hit = (groups ?? '').split(',').find((g) => ROOT_GROUPS.test(g));
    if (hit) return `group ${hit}`;
    // `adduser USER GROUP`
    if (name === 'adduser' && pos.length === 2 && ROOT_GROUPS.test(pos[1])) return `group ${pos[1]}`;
    return undefined;
  }
  if (name === 'addgroup' && pos.length === 2 && ROOT_GROUPS.test(pos[1])) return `group ${pos[1]}`;
  // `gpasswd -a|-M USER GROUP`, or `-A USER GROUP` (the group's administrator, who adds anyone);
  // libuser's `lgroupmod --member-add|-M USERS GROUP` (`--admin-add|-A` likewise)
  if (name === 'gpasswd' || name === 'lgroupmod') {
    const adds = args.some((w) =>
      /^(-a|--add|-M|--members|-A|--administrators|--member-add|--admin-add)(=.*)?$/.test(w),
    );
    const g = pos[pos.length - 1];
    return adds && g && ROOT_GROUPS.test(g) ? `group ${g}` : undefined;
  }
  // shadow-utils `groupmems -g wheel -a USER` (not `-l`, `-d`)
  if (name === 'groupmems' && args.some((w) => w === '-a' || w === '--add' || w.startsWith('--add='))) {
    const g = opt(args, 'g', 'group');
    return g !== undefined && ROOT_GROUPS.test(g) ? `group ${g}` : undefined;
  }
  // FreeBSD `pw groupmod wheel -m USER`
  if (name === 'pw' && /^group(mod|add)$/.test(pos[0] ?? '') && args.some((w) => w === '-m' || w === '-M'))
    return ROOT_GROUPS.test(pos[1] ?? '') ? `group ${pos[1]}` : undefined;
  return undefined;
}

/** Directory and Windows group tools: a member added to an admin group. */
function adminMember(name: string, args: string[]): string | undefined {
  const pos = args.filter((w) => !w.startsWith('-') && !w.startsWith('/'));
  const lower = args.map((w) => w.toLowerCase());
  switch (name) {
    case 'samba-tool':
      return pos[0] === 'group' && pos[1] === 'addmembers' && isAdmin(pos[2]) ? pos[2] : undefined;
    case 'net':
      // `net group "Domain Admins" USER /add /domain`, `net localgroup administrators USER /add`
      return /^(group|localgroup)$/i.test(pos[0] ?? '') &&
        lower.includes('/add') &&
        pos.length > 2 &&
        isAdmin(pos[1])
        ? pos[1]
        : undefined;
    case 'add-adgroupmember':
    case 'add-localgroupmember': {
      const g =
        param(
          args,
          /^(i|id|ide|iden|ident|identi|identit|identity|g|gr|gro|grou|group|n|na|nam|name|sid)$/,
        ) ?? positional(args)[0];
      return isAdmin(g) ? g : undefined;
    }
    case 'add-adprincipalgroupmembership': {
      const g = param(args, /^memberof$|^m(e(m(b(e(r(o(f)?)?)?)?)?)?)?$/) ?? positional(args)[1];
      return g?.split(',').find(isAdmin);
    }
    case 'ipa':
      return pos[0] === 'group-add-member' && isAdmin(pos[1]) ? pos[1] : undefined;
    case 'dsmod':
      return pos[0] === 'group' && lower.some((w) => w === '-addmbr') && isAdmin(pos[1])
        ? groupName(pos[1])
        : undefined;
    case 'dseditgroup': {
      // macOS `dseditgroup -o edit -a USER -t user admin`
      const adds = args.includes('-a') && opt(args, 'o', 'o') === 'edit';
      const g = args[args.length - 1];
      return adds && isAdmin(g) ? g : undefined;
    }
    case 'dscl': {
      // `dscl . -append /Groups/admin GroupMembership USER`
      const i = lower.findIndex((w) => w === '-append' || w === '-merge' || w === '-create');
      return i >= 0 &&
        /^\/groups\//i.test(args[i + 1] ?? '') &&
        /^(GroupMembership|GroupMembers)$/.test(args[i + 2] ?? '') &&
        isAdmin(args[i + 1])
        ? groupName(args[i + 1])
        : undefined;
    }
    default:
      return undefined;
  }
}

/** What root or admin-group power `cmd` grants an account, in words; undefined = none. */
export function accountGrant(cmd: NormalizedCommand): string | undefined {
  const name = nameOf(cmd);
  const args = cmd.argv.slice(1);
  return unixAccount(name, args) ?? adminMember(name, args);
}
