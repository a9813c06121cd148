/**
 * Credential hunting on Windows (src/extract/credential-hunt-windows.ts): recursive searches
 * for secret words over where logins and configuration are kept ask, as `grep -r password
 * /etc` does; a project's folder, a relative path and other words do not.
 */
import { describe, expect, it } from 'vitest';
import { huntedWindowsPlace } from '../../src/extract/credential-hunt-windows.js';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('secrets');

describe('places a recursive search for secrets hunts', () => {
  it.each<[string, boolean]>([
    ['C:\\', true],
    ['C:\\*.config', true],
    ['C:\\Users', true],
    ['C:\\Users\\*.xml', true],
    ['C:\\Users\\me', true],
    ['C:\\Users\\*\\Documents\\*.txt', true],
    ['C:\\Users\\me\\AppData\\Roaming', true],
    ['C:\\ProgramData\\*.ini', true],
    ['"C:\\inetpub\\wwwroot\\*.config"', true],
    ['C:\\Windows\\Panther', true],
    ['%USERPROFILE%\\*.txt', true],
    ['$env:APPDATA', true],
    // bash dropped the separators: read by the first name (fail closed)
    ['C:Users*.xml', true],
    ['C:inetpub*.config', true],
    ['C:\\Users\\me\\src\\app\\*.cs', false],
    ['D:\\work\\proj', false],
    ['src\\*.cs', false],
    ['.\\config', false],
  ])('%s → %s', (word, want) => {
    expect(huntedWindowsPlace(word)).toBe(want);
  });
});

describe('credential hunting on Windows through the secrets pack', () => {
  it.each([
    'findstr /s /i /m /c:"password" C:\\inetpub\\*.config C:\\Users\\*.xml C:\\ProgramData\\*.ini',
    'findstr /si password "C:\\Users\\*.txt"',
    'findstr /S /I "connectionString" "C:\\inetpub\\wwwroot\\*.config"',
    `pwsh -c 'Select-String -Path C:\\Users\\*\\Documents\\*.txt -Pattern "password"'`,
    `pwsh -c 'Get-ChildItem -Path C:\\ProgramData -Recurse -Include *.xml | Select-String -Pattern "passw"'`,
  ])('%s asks', (cmd) => {
    expect(verdict(cmd)).toBe('ask secrets/credential-store-read');
  });

  it.each([
    'findstr /s /i TODO src\\*.cs',
    'findstr /n password login.cs',
    'findstr password "C:\\inetpub\\wwwroot\\web.config"',
    'findstr /s /i password "C:\\Users\\me\\src\\app\\*.cs"',
    `pwsh -c 'Select-String -Path .\\src\\*.ps1 -Pattern "password"'`,
    `pwsh -c 'Select-String -Path C:\\Users\\*\\Documents\\*.txt -Pattern "invoice"'`,
    `pwsh -c 'Get-ChildItem -Path C:\\ProgramData -Recurse | Select-String -Pattern "error"'`,
    `pwsh -c 'Get-ChildItem -Path C:\\ProgramData | Select-String -Pattern "password"'`,
  ])('%s is allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });
});
