/**
 * PowerShell provider paths (src/normalize/pwsh-providers.ts): which provider a path word
 * goes to, and the file system path a FileSystem:: word names.
 */
import { describe, expect, it } from 'vitest';
import { providerPath, type ProviderPath } from '../../src/normalize/pwsh-providers.js';

describe('providerPath', () => {
  it.each<[string, ProviderPath | undefined]>([
    ['FileSystem::C:\\Users', { provider: 'filesystem', path: 'C:\\Users' }],
    [
      'Microsoft.PowerShell.Core\\FileSystem::\\\\srv\\share',
      { provider: 'filesystem', path: '\\\\srv\\share' },
    ],
    // bash dropped the backslash after the module name
    ['Microsoft.PowerShell.CoreFileSystem::C:Users', { provider: 'filesystem', path: 'C:Users' }],
    ['filesystem::/home', { provider: 'filesystem', path: '/home' }],
    ['Temp:\\cache', { provider: 'filesystem', path: '%TEMP%\\cache' }],
    ['Cert:\\LocalMachine\\Root', { provider: 'host' }],
    ['HKLM:\\SOFTWARE', { provider: 'host' }],
    ['Registry::HKEY_CURRENT_USER\\x', { provider: 'host' }],
    ['Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My', { provider: 'host' }],
    ['WSMan:\\localhost', { provider: 'host' }],
    ['Env:\\PATH', { provider: 'session' }],
    ['Variable:x', { provider: 'session' }],
    // fail closed: any other provider or drive
    ['Foo::C:\\Users', { provider: 'unknown' }],
    ['Data:\\ledger', { provider: 'unknown' }],
    // no provider: drive letters, relative and POSIX paths, URLs
    ['C:\\Users', undefined],
    ['.\\dist', undefined],
    ['/srv/x', undefined],
    ['https://example.com/x', undefined],
  ])('%s → %j', (raw, want) => expect(providerPath(raw)).toEqual(want));
});
