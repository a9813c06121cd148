/**
 * A cmdlet's words read as PowerShell binds them (src/extract/pwsh-params.ts): named values,
 * switches, words bound by position, and a parameter named by any prefix of its name.
 */
import { describe, expect, it } from 'vitest';
import { fullName, names, pwshArgs, valueOf } from '../../src/extract/pwsh-params.js';

describe('pwshArgs', () => {
  it.each<[string[], Parameters<typeof pwshArgs>[1], ReturnType<typeof pwshArgs>]>([
    [
      ['-Identity', 'a', '-User:b'],
      {},
      {
        named: [
          { name: 'identity', value: 'a' },
          { name: 'user', value: 'b' },
        ],
        positional: [],
      },
    ],
    // common switches take no value word: the next word is bound by position
    [
      ['-Force', 'ceo', '-Confirm:$false'],
      {},
      {
        named: [
          { name: 'force', value: '' },
          { name: 'confirm', value: '$false' },
        ],
        positional: ['ceo'],
      },
    ],
    [
      ['-AuditDisabled'],
      { switchValue: '$true' },
      { named: [{ name: 'auditdisabled', value: '$true' }], positional: [] },
    ],
    [
      ['-Name', '"x y"', 'pos'],
      { unquote: true },
      { named: [{ name: 'name', value: 'x y' }], positional: ['pos'] },
    ],
    [
      ['-Owner', 'bob'],
      { switches: /^owner$/ },
      { named: [{ name: 'owner', value: '' }], positional: ['bob'] },
    ],
  ])('%j %j', (args, opts, want) => expect(pwshArgs(args, opts)).toEqual(want));

  it.each([
    ['forwardingsmtp', 'forwardingsmtpaddress', true],
    ['forwardingsmtpaddress', 'forwardingsmtpaddress', true],
    ['forwardingsmtpaddressx', 'forwardingsmtpaddress', false],
    ['', 'identity', false],
    ['type', 'identity', false],
  ])('names(%s, %s) = %s', (w, full, want) => expect(names(w, full)).toBe(want));

  it('valueOf and fullName read any prefix, an exact name first', () => {
    const p = pwshArgs(['-ForwardingSmtp', 'x@out.example', '-Ident', 'ceo']);
    expect(valueOf(p, 'forwardingsmtpaddress')).toBe('x@out.example');
    expect(valueOf(p, 'identity')).toBe('ceo');
    expect(valueOf(p, 'user')).toBeUndefined();
    expect(fullName('copyto', ['blindcopyto', 'copyto'])).toBe('copyto');
    expect(fullName('forward', ['forwardto', 'forwardasattachmentto'])).toBe('forwardto');
  });
});
