/**
 * Managed devices wiped, retired or deleted through Intune's and Microsoft Graph's PowerShell
 * modules (src/extract/cloud-mdm.ts). Through the real pipeline with the fleet pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('fleet');
const WIPE = 'ask fleet/managed-device-wipe';

describe('managed devices wiped (fleet pack)', () => {
  it.each([
    [
      'Get-IntuneManagedDevice | ForEach-Object { Invoke-IntuneManagedDeviceWipeDevice -managedDeviceId $_.id }',
      WIPE,
    ],
    ['Invoke-IntuneManagedDeviceRetire -managedDeviceId abc', WIPE],
    ['Invoke-IntuneManagedDeviceCleanWindowsDevice -managedDeviceId abc -keepUserData $false', WIPE],
    ['Remove-IntuneManagedDevice -managedDeviceId abc', WIPE],
    ['Clear-MgDeviceManagementManagedDevice -ManagedDeviceId 00000000-0000-0000-0000-000000000001', WIPE],
    ['Clear-MgBetaDeviceManagementManagedDevice -ManagedDeviceId $id', WIPE],
    ['Invoke-MgRetireDeviceManagementManagedDevice -ManagedDeviceId $id', WIPE],
    ['Invoke-MgBetaRetireDeviceManagementManagedDevice -ManagedDeviceId $id', WIPE],
    ['Invoke-MgCleanDeviceManagementManagedDeviceWindowsDevice -ManagedDeviceId $id', WIPE],
    ['Remove-MgDeviceManagementManagedDevice -ManagedDeviceId $id', WIPE],
    ['Remove-MgDeviceManagementWindowsAutopilotDeviceIdentity -WindowsAutopilotDeviceIdentityId x', WIPE],
    ['Remove-MgDevice -DeviceId x', WIPE],
    ['Get-IntuneManagedDevice | Select-Object deviceName', 'allow'],
    ['Get-MgDeviceManagementManagedDevice -All', 'allow'],
    ['Get-MgBetaDeviceManagementManagedDevice -Filter "operatingSystem eq \'iOS\'"', 'allow'],
    ['Invoke-MgSyncDeviceManagementManagedDevice -ManagedDeviceId $id', 'allow'],
    ['Invoke-IntuneManagedDeviceSyncDevice -managedDeviceId abc', 'allow'],
    ['Invoke-MgRebootNowDeviceManagementManagedDevice -ManagedDeviceId $id', 'allow'],
    ['Invoke-MgLocateDeviceManagementManagedDevice -ManagedDeviceId $id', 'allow'],
  ])('%s → %s', (cmd, want) => {
    expect(verdict(cmd)).toBe(want);
  });
});
