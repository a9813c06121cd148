/**
 * Another account given someone's mailbox (src/extract/privilege-mailbox.ts): one row per
 * cmdlet call, as the cmdlet name (case-folded) and its words; the evidence said, '' = none.
 * Parameters are read as PowerShell binds them: any prefix of a name, the identity by position.
 */
import { describe, expect, it } from 'vitest';
import { mailboxGrant } from '../../src/extract/privilege-mailbox.js';

/** `-Identity ON -User WHO -AccessRights RIGHTS`, the words most rows share. */
const rights = (on: string, who: string, r: string) => ['-Identity', on, '-User', who, '-AccessRights', r];

describe("another account given someone's mailbox", () => {
  it.each<[string, string[], string]>([
    [
      'add-mailboxpermission',
      rights('ceo@acme.com', 'temp@acme.com', 'FullAccess'),
      'FullAccess on ceo@acme.com to temp@acme.com',
    ],
    ['add-mailboxpermission', ['ceo@acme.com', '-Owner', 'temp'], 'ownership on ceo@acme.com'],
    ['add-mailboxpermission', rights('ceo', 'x', '$rights'), '$rights on ceo to x'],
    // the identity by position, after the other parameters; parameters by a prefix of their name
    [
      'add-mailboxpermission',
      ['-User', 'eve', '-AccessRights', 'FullAccess', 'ceo@acme.com'],
      'FullAccess on ceo@acme.com to eve',
    ],
    [
      'add-mailboxpermission',
      ['-Ident', 'ceo', '-Us', 'eve', '-AccessR', 'FullAccess'],
      'FullAccess on ceo to eve',
    ],
    [
      'add-mailboxpermission',
      ['ceo', '-User', 'eve', '-AccessRights', 'FullAccess', '-Confirm:$false'],
      'FullAccess on ceo to eve',
    ],
    [
      'add-recipientpermission',
      ['-Identity', 'cfo@acme.com', '-Trustee', 'i@acme.com', '-AccessRights', 'SendAs'],
      'SendAs on cfo@acme.com to i@acme.com',
    ],
    [
      'add-adpermission',
      ['-Identity', 'cfo', '-User', 'x', '-ExtendedRights', 'Send-As'],
      'Send-As on cfo to x',
    ],
    ['set-mailbox', ['-Identity', 'cfo', '-GrantSendOnBehalfTo', 'x'], 'send on behalf of cfo to x'],
    ['set-mailbox', ['cfo', '-GrantSendOnBeh', 'x'], 'send on behalf of cfo to x'],
    [
      'add-mailboxfolderpermission',
      rights('ceo@acme.com:\\Inbox', 't', 'Owner'),
      'Owner on ceo@acme.com:\\Inbox to t',
    ],
    ['set-mailboxfolderpermission', rights('ceo:\\Calendar', 't', 'Editor'), 'Editor on ceo:\\Calendar to t'],
    [
      'new-managementroleassignment',
      ['-Role', 'ApplicationImpersonation', '-User', 'svc'],
      'role ApplicationImpersonation to svc',
    ],
    // read-only, removed, ordinary calendar sharing, other cmdlets
    ['get-mailboxpermission', ['-Identity', 'ceo@acme.com'], ''],
    ['remove-mailboxpermission', rights('ceo', 'x', 'FullAccess'), ''],
    ['add-mailboxpermission', rights('ceo', 'x', 'ReadPermission'), ''],
    ['add-mailboxfolderpermission', rights('ceo:\\Calendar', 't', 'Reviewer'), ''],
    ['add-mailboxfolderpermission', rights('ceo:\\Inbox', 't', 'AvailabilityOnly'), ''],
    ['set-mailbox', ['-Identity', 'cfo', '-GrantSendOnBehalfTo', '$null'], ''],
    ['new-managementroleassignment', ['-Role', 'Mail Recipients', '-User', 'svc'], ''],
  ])('%s %j → %s', (name, args, said) => {
    expect(mailboxGrant(name, args)).toBe(said);
  });
});
