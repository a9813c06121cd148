import { describe, expect, it } from 'vitest';
import { exchangeAuditOff } from '../../src/extract/defences-exchange.js';

describe('Exchange and Microsoft 365 auditing switched off', () => {
  it.each<[string, string[], boolean]>([
    ['set-organizationconfig', ['-AuditDisabled', '$true'], true],
    ['set-organizationconfig', ['-AuditDisabled:$true'], true],
    ['set-organizationconfig', ['-AuditDisabled'], true],
    ['set-adminauditlogconfig', ['-UnifiedAuditLogIngestionEnabled', '$false'], true],
    ['set-adminauditlogconfig', ['-AdminAuditLogEnabled', 'false'], true],
    ['set-mailbox', ['-Identity', 'ceo@acme.com', '-AuditEnabled', '$false'], true],
    // a parameter named by a prefix of its name
    ['set-mailbox', ['ceo@acme.com', '-AuditEn:$false'], true],
    ['set-adminauditlogconfig', ['-UnifiedAuditLogIngestion', '$false'], true],
    ['set-mailbox', ['ceo@acme.com', '-AuditEn', '$true'], false],
    ['set-mailboxauditbypassassociation', ['-Identity', 'svc', '-AuditBypassEnabled', '$true'], true],
    // turned on, other settings, other cmdlets
    ['set-organizationconfig', ['-AuditDisabled', '$false'], false],
    ['set-adminauditlogconfig', ['-UnifiedAuditLogIngestionEnabled', '$true'], false],
    ['set-mailbox', ['-Identity', 'ceo', '-AuditEnabled', '$true'], false],
    ['set-mailbox', ['-Identity', 'ceo', '-ProhibitSendQuota', '5GB'], false],
    ['set-mailboxauditbypassassociation', ['-Identity', 'svc', '-AuditBypassEnabled', '$false'], false],
    ['get-organizationconfig', [], false],
  ])('%s %j → %s', (name, args, off) => {
    expect(exchangeAuditOff(name, args).length > 0).toBe(off);
  });
});
