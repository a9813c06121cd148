/**
 * WinRM loosened (src/extract/defences-remoting.ts): every host trusted, unencrypted traffic
 * or Basic authentication accepted ask; named hosts, domain patterns and turning remoting on
 * do not. Through the real pipeline with the host pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('host');

describe('WinRM loosened', () => {
  it.each([
    "Enable-PSRemoting -Force -SkipNetworkProfileCheck; Set-Item WSMan:\\localhost\\Client\\TrustedHosts -Value '*' -Force",
    "Set-Item 'WSMan:\\localhost\\Client\\TrustedHosts' '*'",
    "pwsh -c 'Set-Item WSMan:\\localhost\\Service\\AllowUnencrypted -Value $true'",
    `winrm set winrm/config/client '@{TrustedHosts="*"}'`,
    `winrm set winrm/config/service/auth '@{Basic="true"}'`,
  ])('%s asks', (cmd) => {
    expect(verdict(cmd)).toBe('ask host/defences-off');
  });
  it.each([
    'Enable-PSRemoting -Force',
    "Set-Item WSMan:\\localhost\\Client\\TrustedHosts -Value 'build01.corp.example' -Force",
    "Set-Item WSMan:\\localhost\\Client\\TrustedHosts -Value '*.corp.example'",
    `winrm set winrm/config/service '@{AllowUnencrypted="false"}'`,
    'winrm get winrm/config',
  ])('%s is allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });
});
