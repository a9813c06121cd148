/**
 * impacket's credential words hidden for evidence (src/extract/impacket-target.ts): the
 * password of `[domain/]user:password[@target]`, `-hashes` and `-aesKey` values. Other words,
 * including look-alikes with a colon, stay. Every value here is fake.
 */
import { describe, expect, it } from 'vitest';
import { withoutCredentials } from '../../src/extract/impacket-target.js';

describe('withoutCredentials', () => {
  it.each([
    ['corp.local/admin:FAKEsecret123', 'corp.local/admin:…'],
    ['corp/admin:FAKEsecret123@10.0.0.1', 'corp/admin:…@10.0.0.1'],
    ['admin:P@ssFAKE1@dc01.corp.local', 'admin:…@dc01.corp.local'],
    ['-hashes :FAKEsecret123', '-hashes …'],
    ['-aesKey FAKEsecret123 corp/admin@dc01', '-aesKey … corp/admin@dc01'],
    // not a login
    ['corp/admin@10.0.0.1', 'corp/admin@10.0.0.1'],
    ['-target-dn DC=corp,DC=local', '-target-dn DC=corp,DC=local'],
    ['ldap://dc01:389', 'ldap://dc01:389'],
    ['-k -no-pass', '-k -no-pass'],
  ])('%s → %s', (words, want) => expect(withoutCredentials(words.split(' ')).join(' ')).toBe(want));
});
