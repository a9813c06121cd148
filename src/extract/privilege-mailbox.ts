/**
 * Another account given someone's mailbox: full access or ownership of it
 * (`Add-MailboxPermission -AccessRights FullAccess|ChangeOwner|ChangePermission`), the right
 * to send as its owner (`Add-RecipientPermission -AccessRights SendAs`, `Add-ADPermission
 * -ExtendedRights Send-As|Receive-As`, `Set-Mailbox -GrantSendOnBehalfTo`), a folder opened
 * to another account (`Add-MailboxFolderPermission|Set-MailboxFolderPermission -AccessRights
 * Owner|Editor|Reviewer…`; a calendar shared as free/busy or read-only is ordinary and is not
 * reported), and impersonation of every mailbox (`New-ManagementRoleAssignment -Role
 * ApplicationImpersonation`, `Mailbox Import Export`). Reads the cmdlet's parameters as
 * PowerShell binds them (any prefix of a name; the identity also by position: pwsh-params.ts);
 * a value that cannot be read (a variable) counts as a grant (fail closed).
 */
import { pwshArgs, valueOf } from './pwsh-params.js';

/** Rights on a folder that show free/busy only or nothing. */
const FOLDER_NONE = /^(none|availabilityonly|limiteddetails)$/i;
/** Rights that only read a calendar (ordinary sharing). */
const CALENDAR_READ = /^(none|availabilityonly|limiteddetails|reviewer)$/i;
/** Mailbox rights that hand over the mailbox. */
const MAILBOX_RIGHTS = /^(fullaccess|changeowner|changepermission|externalaccount|\$.*)$/i;
/** Roles that open every mailbox to whoever holds them. */
const MAILBOX_ROLES = /^(applicationimpersonation|mailbox ?import ?export|\$.*)$/i;

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** The mailbox access `name ARGS` grants (`name`: the cmdlet, case-folded), as evidence; '' = none. */
export function mailboxGrant(name: string, args: string[]): string {
  const p = pwshArgs(args, { unquote: true });
  const ps = {
    get: (...full: string[]) => valueOf(p, ...full),
    has: (full: string) => valueOf(p, full) !== undefined,
  };
  const who = ps.get('user') ?? ps.get('trustee') ?? '';
  // the mailbox: `-Identity`, or the first word bound by position
  const on = ps.get('identity') ?? p.positional[0] ?? '';
  const said = (what: string) => `${what} on ${on || 'a mailbox'}${who ? ` to ${who}` : ''}`;
  switch (name) {
    case 'add-mailboxpermission': {
      if (ps.has('owner')) return said('ownership');
      const right = list(ps.get('accessrights')).find((r) => MAILBOX_RIGHTS.test(r));
      return right ? said(right) : '';
    }
    case 'add-recipientpermission': {
      const rights = list(ps.get('accessrights'));
      return !rights.length || rights.some((r) => /^(sendas|\$.*)$/i.test(r)) ? said('SendAs') : '';
    }
    case 'add-adpermission': {
      const right = list(ps.get('extendedrights')).find((r) => /^(send-?as|receive-?as|\$.*)$/i.test(r));
      return right ? said(right) : '';
    }
    case 'set-mailbox': {
      const to = ps.get('grantsendonbehalfto');
      return to && !/^\$null$/i.test(to) ? `send on behalf of ${on || 'a mailbox'} to ${to}` : '';
    }
    case 'add-mailboxfolderpermission':
    case 'set-mailboxfolderpermission': {
      const rights = list(ps.get('accessrights'));
      const calendar = /:[\\/]?(calendar|kalender|calendrier)\b/i.test(on);
      const none = calendar ? CALENDAR_READ : FOLDER_NONE;
      const right = rights.find((r) => !none.test(r)) ?? (rights.length ? '' : 'rights');
      return right ? said(right) : '';
    }
    case 'new-managementroleassignment': {
      const role = ps.get('role') ?? '';
      return MAILBOX_ROLES.test(role)
        ? `role ${role} to ${ps.get('user') ?? ps.get('securitygroup') ?? 'an account'}`
        : '';
    }
    default:
      return '';
  }
}
