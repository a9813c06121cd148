/**
 * Exchange and Microsoft 365 auditing switched off: mailbox auditing for the whole
 * organisation (`Set-OrganizationConfig -AuditDisabled $true`), the unified or admin audit
 * log (`Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $false`,
 * `-AdminAuditLogEnabled $false`), one mailbox's auditing (`Set-Mailbox -AuditEnabled
 * $false`), and an account exempted from it (`Set-MailboxAuditBypassAssociation
 * -AuditBypassEnabled $true`). Turning any of them back on is not reported. Reads the
 * cmdlet's parameters as PowerShell binds them (`-Name V`, `-Name:V`, any prefix of the name;
 * a bare switch is on: pwsh-params.ts).
 */
import type { Finding } from './word-facts.js';
import { names, pwshArgs } from './pwsh-params.js';

/** Values that turn a setting on / off (`$true`, `1`; bash may drop the `$`). */
const ON = /^(\$?true|1)$/i;
const OFF = /^(\$?false|0)$/i;

/** Each cmdlet's parameters that switch auditing off: [full name (given as any prefix), true when the value `ON` is the off state]. */
const CMDLETS: Record<string, [string, boolean][]> = {
  'set-organizationconfig': [['auditdisabled', true]],
  'set-adminauditlogconfig': [
    ['unifiedauditlogingestionenabled', false],
    ['adminauditlogenabled', false],
  ],
  'set-mailbox': [['auditenabled', false]],
  'set-mailboxauditbypassassociation': [['auditbypassenabled', true]],
};

/** The auditing `name ARGS` switches off (`name`: the cmdlet, case-folded); empty = none. */
export function exchangeAuditOff(name: string, args: string[], program = name): Finding[] {
  const switches = Object.hasOwn(CMDLETS, name) ? CMDLETS[name] : undefined;
  if (!switches) return [];
  // a switch given no value is on
  const p = pwshArgs(args, { switchValue: '$true', unquote: true });
  const off = p.named.some(({ name: k, value: v }) =>
    switches.some(([full, onIsOff]) => names(k, full) && (onIsOff ? ON : OFF).test(v)),
  );
  return off ? [['audit-policy-off', `${program} ${args.join(' ')}`.trim()]] : [];
}
