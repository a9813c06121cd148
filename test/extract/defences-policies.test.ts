/**
 * Execution and password policies loosened (src/extract/defences-policies.ts), through the host
 * pack: machine-wide Unrestricted/Bypass and cleared or weakened password rules ask; the
 * user's and the process's own scope, and stricter settings, pass.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('host');
const ASK = 'ask host/defences-off';

describe('execution and password policies loosened', () => {
  it.each([
    'pwsh -NoProfile -c "Set-ExecutionPolicy Unrestricted -Scope LocalMachine -Force"',
    // LocalMachine is the scope when none is given
    'powershell -c "Set-ExecutionPolicy Bypass -Force"',
    'pwsh -c "Set-ExecutionPolicy -ExecutionPolicy Unrestricted"',
    "pwsh -c 'Set-ExecutionPolicy -Scope LocalMachine -ExecutionPolicy $p'",
    "reg add 'HKLM\\SOFTWARE\\Microsoft\\PowerShell\\1\\ShellIds\\Microsoft.PowerShell' /v ExecutionPolicy /t REG_SZ /d Bypass /f",
    "pwsh -c 'Set-ItemProperty -Path HKLM:\\SOFTWARE\\Microsoft\\PowerShell\\1\\ShellIds\\Microsoft.PowerShell -Name ExecutionPolicy -Value Unrestricted'",
    'sudo pwpolicy -clearaccountpolicies',
    'pwpolicy -u bob -clearaccountpolicies',
    'pwpolicy -setglobalpolicy "minChars=0 maxFailedLoginAttempts=0"',
    'net accounts /minpwlen:0',
    'net accounts /lockoutthreshold:0',
    "pwsh -c 'Set-ADDefaultDomainPasswordPolicy -Identity corp.example -ComplexityEnabled $false -MinPasswordLength 1'",
    "pwsh -c 'Set-ADFineGrainedPasswordPolicy -Identity Admins-PSO -LockoutThreshold 0'",
  ])('%s asks', (cmd) => {
    expect(verdict(cmd)).toBe(ASK);
  });
  it.each([
    'pwsh -c "Set-ExecutionPolicy RemoteSigned -Scope CurrentUser"',
    'pwsh -c "Set-ExecutionPolicy Bypass -Scope Process -Force"',
    'pwsh -c "Set-ExecutionPolicy Unrestricted -Scope CurrentUser"',
    'pwsh -c "Set-ExecutionPolicy AllSigned -Scope LocalMachine"',
    'powershell -ExecutionPolicy Bypass -File build.ps1',
    'pwsh -c "Get-ExecutionPolicy -List"',
    'pwpolicy -getaccountpolicies',
    'pwpolicy -setglobalpolicy "minChars=12"',
    'net accounts',
    'net accounts /minpwlen:14 /lockoutthreshold:5',
    "pwsh -c 'Set-ADDefaultDomainPasswordPolicy -Identity corp.example -MinPasswordLength 14'",
  ])('%s is allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });
});
