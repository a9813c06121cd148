/**
 * A mailbox's mail sent on to another address from now on: an inbox rule that forwards or
 * redirects (`New-InboxRule|Set-InboxRule -ForwardTo|-RedirectTo|-ForwardAsAttachmentTo`), a
 * mailbox's own forwarding (`Set-Mailbox -ForwardingSmtpAddress|-ForwardingAddress`), an
 * organisation's transport rule that copies or redirects messages (`New-TransportRule|
 * Set-TransportRule -BlindCopyTo|-CopyTo|-AddToRecipients|-RedirectMessageTo`), and Google
 * Workspace forwarding set by GAM (`gam user U forward on ADDR`, `gam user U add
 * forwardingaddress ADDR`). Every later message leaves by itself, unseen.
 *
 * Forwarding to an address of the mailbox's own domain (or a subdomain of it) is an ordinary
 * hand-over and is not reported; any other address, a recipient named without a domain, and
 * any forwarding whose mailbox is not named as an address (the caller's own, `-Identity
 * jsmith`) are (fail closed). A transport rule has no mailbox: every address it adds is
 * reported. Clearing a forward (`-ForwardingSmtpAddress $null`) is not. Parameters are read as
 * PowerShell binds them, by any prefix of their name (pwsh-params.ts).
 */
import { fullName, pwshArgs, valueOf } from './pwsh-params.js';

/** Where a mailbox's mail goes: the address as written, its domain ('' = none said). */
export interface MailForward {
  /** The address (or recipient name) the mail is sent on to, as written. */
  to: string;
  /** Its domain, lower case; '' when the recipient is named without one. */
  host: string;
  /** What sends it on (`New-InboxRule -ForwardTo`), for the evidence. */
  how: string;
}

/** Each cmdlet's parameters that send mail on, and those that name the mailbox (undefined = none; full names, lower case, given as any prefix). */
const CMDLETS: Record<string, [string[], string[] | undefined]> = {
  'new-inboxrule': [['forwardto', 'redirectto', 'forwardasattachmentto'], ['mailbox']],
  'set-inboxrule': [
    ['forwardto', 'redirectto', 'forwardasattachmentto'],
    ['mailbox', 'identity'],
  ],
  'set-mailbox': [['forwardingsmtpaddress', 'forwardingaddress'], ['identity']],
  'new-transportrule': [['blindcopyto', 'copyto', 'addtorecipients', 'redirectmessageto'], undefined],
  'set-transportrule': [['blindcopyto', 'copyto', 'addtorecipients', 'redirectmessageto'], undefined],
};

/** Cmdlets whose first word bound by position is the mailbox (their `-Identity`). */
const POSITIONAL_MAILBOX = new Set(['set-mailbox', 'set-inboxrule']);

/** Values that clear a setting rather than set one. */
const CLEARED = /^(\$null|\$false|''|""|)$/i;

/** An address as written, without quotes and the `smtp:` prefix. */
const address = (w: string) =>
  w
    .trim()
    .replace(/^["']|["']$/g, '')
    .replace(/^smtp:/i, '');

/** The domain of an address ('' = none), lower case. */
const domainOf = (w: string) => (/@([^@\s>]+)>?$/.exec(address(w))?.[1] ?? '').toLowerCase();

/** True when `to` is in `own`'s domain or a subdomain of it (either way). */
function sameDomain(to: string, own: string): boolean {
  if (!to || !own) return false;
  return to === own || to.endsWith(`.${own}`) || own.endsWith(`.${to}`);
}

/** The forwards of a cmdlet (see CMDLETS); empty = none. */
function cmdletForwards(name: string, args: string[]): MailForward[] {
  const [sends, names] = CMDLETS[name];
  const p = pwshArgs(args);
  // a mailbox as named (`cfo@acme.com`, `cfo@acme.com\Rule`, or the identity given by position)
  const mailbox = names
    ? (valueOf(p, ...names) ?? (POSITIONAL_MAILBOX.has(name) ? (p.positional[0] ?? '') : ''))
    : '';
  const own = domainOf(mailbox.split('\\')[0]);
  const out: MailForward[] = [];
  for (const { name: k, value: v } of p.named) {
    const param = fullName(k, sends);
    if (!param) continue;
    for (const to of v.split(',').map(address)) {
      if (CLEARED.test(to)) continue;
      const host = domainOf(to);
      if (!names || !sameDomain(host, own)) out.push({ to, host, how: `${name} -${param}` });
    }
  }
  return out;
}

/** GAM: `gam user|users U forward on ADDR …`, `gam user U add forwardingaddress ADDR`. */
function gamForwards(args: string[]): MailForward[] {
  const lower = args.map((a) => a.toLowerCase());
  const who = lower[0] === 'user' ? address(args[1] ?? '') : '';
  const own = domainOf(who);
  const at = lower.findIndex((a, i) => a === 'forward' && lower[i + 1] === 'on');
  const add = lower.findIndex((a, i) => a === 'add' && /^forwardingaddress(es)?$/.test(lower[i + 1] ?? ''));
  const to = at >= 0 ? args[at + 2] : add >= 0 ? args[add + 2] : undefined;
  if (to === undefined) return [];
  const host = domainOf(to);
  const how = at >= 0 ? 'gam forward on' : 'gam add forwardingaddress';
  return sameDomain(host, own) ? [] : [{ to: address(to), host, how }];
}

/** Where `program ARGS` sends a mailbox's mail on to (see the header); empty = nowhere. */
export function mailForwards(program: string, args: string[]): MailForward[] {
  const name = program.toLowerCase();
  if (Object.hasOwn(CMDLETS, name)) return cmdletForwards(name, args);
  return name === 'gam' ? gamForwards(args) : [];
}
