import { describe, expect, it } from 'vitest';
import { mailboxGrant } from '../../src/extract/privilege-mailbox.js';

describe("another account given someone's mailbox", () => {
  it.each<[string, string[], string]>([
    [
      'add-mailboxpermission',
      ['-Identity', 'ceo@acme.com', '-User', 'temp@acme.com', '-AccessRights', 'FullAccess'],
      'FullAccess on ceo@acme.com to temp@acme.com',
    ],
    ['add-mailboxpermission', ['ceo@acme.com', '-Owner', 'temp'], 'ownership on ceo@acme.com'],
    [
      'add-mailboxpermission',
      ['-Identity', 'ceo', '-User', 'x', '-AccessRights', '$rights'],
      '$rights on ceo to x',
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
    [
      'add-mailboxfolderpermission',
      ['-Identity', 'ceo@acme.com:\\Inbox', '-User', 't', '-AccessRights', 'Owner'],
      'Owner on ceo@acme.com:\\Inbox to t',
    ],
    [
      'set-mailboxfolderpermission',
      ['-Identity', 'ceo:\\Calendar', '-User', 't', '-AccessRights', 'Editor'],
      'Editor on ceo:\\Calendar to t',
    ],
    [
      'new-managementroleassignment',
      ['-Role', 'ApplicationImpersonation', '-User', 'svc'],
      'role ApplicationImpersonation to svc',
    ],
    // read-only, removed, ordinary calendar sharing, other cmdlets
    ['get-mailboxpermission', ['-Identity', 'ceo@acme.com'], ''],
    ['remove-mailboxpermission', ['-Identity', 'ceo', '-User', 'x', '-AccessRights', 'FullAccess'], ''],
    ['add-mailboxpermission', ['-Identity', 'ceo', '-User', 'x', '-AccessRights', 'ReadPermission'], ''],
    [
      'add-mailboxfolderpermission',
      ['-Identity', 'ceo:\\Calendar', '-User', 't', '-AccessRights', 'Reviewer'],
      '',
    ],
    [
      'add-mailboxfolderpermission',
      ['-Identity', 'ceo:\\Inbox', '-User', 't', '-AccessRights', 'AvailabilityOnly'],
      '',
    ],
    ['set-mailbox', ['-Identity', 'cfo', '-GrantSendOnBehalfTo', '$null'], ''],
    ['new-managementroleassignment', ['-Role', 'Mail Recipients', '-User', 'svc'], ''],
  ])('%s %j → %s', (name, args, said) => {
    expect(mailboxGrant(name, args)).toBe(said);
  });
});
