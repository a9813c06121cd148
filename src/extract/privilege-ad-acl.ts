/**
 * Rights on an Active Directory object handed out through its access control list: `dsacls
 * OBJECT /G TRUSTEE:PERMS…` granting anything beyond reading (GA full control, GW, WD the
 * ACL itself, WO its owner, WP/WS properties, CC/DC/DT children, SD delete, CA the control
 * rights such as replicating every secret); PowerShell's `Add-ADPermission` with such
 * `-AccessRights` or an extended right other than the mailbox ones (privilege-mailbox.ts reads
 * Send-As and Receive-As); `Set-Acl` on an `AD:` path (the ACL object is built elsewhere and
 * cannot be read: fail closed); PowerView's `Add-DomainObjectAcl|Add-ObjectAcl -Rights …`;
 * impacket's `dacledit.py -action write` (also `impacket-dacledit`, `-action=write`). A grant
 * or an action known only at run time counts (fail closed). Written on `AdminSDHolder`, a
 * domain's root or a privileged group, such a grant is domain admin. Read-only grants (`GR`, `RP`, `LC`, `RC`,
 * `LO`, `GE`), listing an object's ACL (`dsacls OBJECT`), `/R` (rights removed) and `/D` (rights
 * denied) are not reported. Each finding is [`grant-admin`, the words].
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';
import { withoutCredentials } from './impacket-target.js';
import { pwshArgs, valueOf } from './pwsh-params.js';

/** dsacls' two-letter permission codes that write, delete, take over or control. */
const WRITE_CODES = new Set(['GA', 'GW', 'SD', 'WD', 'WO', 'WP', 'WS', 'CC', 'DC', 'DT', 'CA']);
/** AD rights names (Add-ADPermission, PowerView) that write or control; a variable counts (fail closed). */
const WRITE_RIGHTS =
  /^(genericall|genericwrite|writedacl|writeowner|writeproperty|extendedright|createchild|deletechild|delete|deletetree|self|all|dcsync|resetpassword|writemembers|fullcontrol|\$.*)$/i;

/** Add-ADPermission's rights that only read, and the mailbox rights privilege-mailbox.ts reads. */
const READ_OR_MAILBOX =
  /^(send-?as|receive-?as|readproperty|genericread|genericexecute|listchildren|readcontrol|listobject)$/i;

/** The permission codes of one `TRUSTEE:PERMS[;OBJECT[;INHERITED]]` grant, upper case. */
function codes(grant: string): string[] {
  const perms = (grant.split(';')[0].split(':').pop() ?? '').toUpperCase();
  return perms.match(/[A-Z]{2}/g) ?? [];
}

/**
 * `dsacls OBJECT /G TRUSTEE:PERMS…`: the grants that write (see the header); '' = none. A
 * grant known only at run time (`/G $GRANT`, `"CORP\\bob:$P"`; `dynamic` holds the indices
 * of such words in `args`) counts as one that writes (fail closed).
 */
function dsacls(args: string[], dynamic: (i: number) => boolean): string {
  const granted: string[] = [];
  let granting = false;
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (/^\/g$/i.test(a)) granting = true;
    else if (a.startsWith('/') && !dynamic(i)) granting = false;
    else if (granting && (dynamic(i) || codes(a).some((c) => WRITE_CODES.has(c)))) granted.push(a);
  }
  return granted.length ? `${args[0] ?? ''} /G ${granted.join(' ')}` : '';
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** The AD rights `cmd` grants (see the header), as a finding; undefined = none. */
export function adAclGrant(cmd: NormalizedCommand): Finding | undefined {
  // `dacledit.py`, impacket's packaged `impacket-dacledit`, `DSACLS.EXE`
  const name = cmd.program
    .toLowerCase()
    .replace(/\.(exe|py)$/, '')
    .replace(/^impacket-/, '');
  const args = cmd.argv.slice(1);
  const dynamic = (i: number) => cmd.dynamicArgs.includes(i + 1);
  const said = `${cmd.program} ${args.join(' ')}`.trim();
  if (name === 'dsacls') {
    const grant = dsacls(args, dynamic);
    return grant ? ['grant-admin', grant] : undefined;
  }
  if (name === 'dacledit') {
    // `-action write`, `-action=write`; an action known only at run time may be write (fail closed)
    const action = args.findIndex((a) => /^--?action(=|$)/.test(a));
    const inline = action >= 0 && args[action].includes('=');
    const at = inline ? action : action + 1;
    const value = inline ? args[action].split('=', 2)[1] : (args[at] ?? '');
    return action >= 0 && (dynamic(at) || /^write$/i.test(value))
      ? // impacket's `domain/user:password` and `-hashes` never reach the evidence
        ['grant-admin', `${cmd.program} ${withoutCredentials(args).join(' ')}`]
      : undefined;
  }
  const p = pwshArgs(args, { unquote: true });
  if (name === 'add-adpermission') {
    const rights = [...list(valueOf(p, 'accessrights')), ...list(valueOf(p, 'extendedrights'))];
    const writes = rights.filter((r) => !READ_OR_MAILBOX.test(r));
    return writes.length ? ['grant-admin', `${cmd.program} ${writes.join(',')}`] : undefined;
  }
  if (name === 'add-domainobjectacl' || name === 'add-objectacl') {
    const rights = valueOf(p, 'rights') ?? 'All';
    return list(rights).some((r) => WRITE_RIGHTS.test(r)) ? ['grant-admin', said] : undefined;
  }
  if (name === 'set-acl') {
    const path = valueOf(p, 'path', 'literalpath') ?? p.positional[0] ?? '';
    return /^["']?ad:/i.test(path) ? ['grant-admin', said] : undefined;
  }
  return undefined;
}
