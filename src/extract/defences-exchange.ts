/**
 * Exchange and Microsoft 365 auditing switched off: mailbox auditing for the whole
 * organisation (`Set-OrganizationConfig -AuditDisabled $true`), the unified or admin audit
 * log (`Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $false`,
 * `-AdminAuditLogEnabled $false`), one mailbox's auditing (`Set-Mailbox -AuditEnabled
 * $false`), and an account exempted from it (`Set-MailboxAuditBypassAssociation
 * -AuditBypassEnabled $true`). Turning any of them back on is not reported. Reads the
 * cmdlet's parameters (`-Name V`, `-Name:V`; a bare switch is on).
 */
import type { Finding } from './word-facts.js';

/** Values that turn a setting on / off (`$true`, `1`; bash may drop the `$`). */
const ON = /^(\$?true|1)$/i;
const OFF = /^(\$?false|0)$/i;

/** Each cmdlet's parameters that switch auditing off: [name, true when the value `ON` is the off state]. */
const CMDLETS: Record<string, [RegExp, boolean][]> = {
  'set-organizationconfig': [[/^auditdisabled$/, true]],
  'set-adminauditlogconfig': [
    [/^unifiedauditlogingestionenabled$/, false],
    [/^adminauditlogenabled$/, false],
  ],
  'set-mailbox': [[/^auditenabled$/, false]],
  'set-mailboxauditbypassassociation': [[/^auditbypassenabled$/, true]],
};

/** PowerShell parameters as [name lower case, value] (a switch without a value is `$true`). */
function params(args: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < args.length; i++) {
    const m = /^-([a-z]\w*)(?::(.*))?$/i.exec(args[i]);
    if (!m) continue;
    const next = args[i + 1];
    const value = m[2] ?? (next !== undefined && !/^-[a-z]/i.test(next) ? args[++i] : '$true');
    out.push([m[1].toLowerCase(), value.replace(/^["']|["']$/g, '')]);
  }
  return out;
}

/** The auditing `name ARGS` switches off (`name`: the cmdlet, case-folded); empty = none. */
export function exchangeAuditOff(name: string, args: string[], program = name): Finding[] {
  const switches = Object.hasOwn(CMDLETS, name) ? CMDLETS[name] : undefined;
  if (!switches) return [];
  const off = params(args).some(([k, v]) =>
    switches.some(([re, onIsOff]) => re.test(k) && (onIsOff ? ON : OFF).test(v)),
  );
  return off ? [['audit-policy-off', `${program} ${args.join(' ')}`.trim()]] : [];
}
