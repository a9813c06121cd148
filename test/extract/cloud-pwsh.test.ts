/**
 * PowerShell cmdlets that delete what they name (src/extract/cloud-pwsh.ts): a
 * Remove/Clear/Unregister cmdlet of a cloud, directory or service module (and a Stop/Disable/
 * Revoke/Reset of Microsoft's, or an Update that turns a protection off) is asked like a CLI no
 * table models; reads, the session's own state, local files and `-WhatIf` are not.
 * Through the real pipeline with the saas pack loaded, and the reader on its own.
 */
import { describe, expect, it } from 'vitest';
import { readCmdlet } from '../../src/extract/cloud-pwsh.js';
import { command, packVerdict } from '../helpers/command.js';

const saas = await packVerdict('saas');
const ASK = 'ask saas/unknown-cli-destroy';

describe('destructive cmdlets (saas pack)', () => {
  it.each([
    [`pwsh -NoProfile -c 'Remove-AzResourceGroup -Name prod-rg -Force'`, ASK],
    [`pwsh -c 'Remove-AzStorageAccount -ResourceGroupName rg -AccountName st1'`, ASK],
    [`pwsh -c 'Remove-S3Bucket -BucketName assets -DeleteBucketContent -Force'`, ASK],
    [`pwsh -c 'Remove-EC2Instance -InstanceId i-0abc -Force'`, ASK],
    [`pwsh -c 'Connect-MgGraph -Scopes User.ReadWrite.All; Remove-MgUser -UserId jdoe@example.com'`, ASK],
    [`powershell -Command 'Remove-Mailbox -Identity jdoe -Confirm:$false'`, ASK],
    [`pwsh -c 'Clear-AzKeyVault -VaultName kv1'`, ASK],
    [`pwsh -c 'Unregister-AzResourceProvider -ProviderNamespace Microsoft.Sql'`, ASK],
    [`pwsh -c 'Get-AzResourceGroup -Name dev | Remove-AzResourceGroup -Force'`, ASK],
    // any cmdlet given a switch that deletes what it acts on
    [`pwsh -c 'Disable-AzRecoveryServicesBackupProtection -Item $i -RemoveRecoveryPoints -Force'`, ASK],
    [`pwsh -c 'Set-AzDataLakeStoreAccount -Name dl1 -DeleteData'`, ASK],
    // Microsoft's cloud modules: Stop/Disable/Revoke/Reset, and an Update/Set that turns a protection off
    [`pwsh -c 'Get-AzVM -ResourceGroupName prod-rg | Stop-AzVM -Force'`, ASK],
    [`pwsh -c 'Revoke-MgUserSignInSession -UserId admin@contoso.example'`, ASK],
    [`pwsh -c 'Disable-AzureADUser -ObjectId 00000000-0000-0000-0000-000000000001'`, ASK],
    [`pwsh -c 'Update-MgPolicyIdentitySecurityDefaultEnforcementPolicy -IsEnabled:$false'`, ASK],
    [`pwsh -c 'Set-AzKeyVault -VaultName kv -EnableSoftDelete $false'`, ASK],
    // typed as PowerShell, in a ForEach-Object block (src/normalize/pwsh-script.ts)
    [`Get-MgApplication -All | ForEach-Object { Remove-MgApplication -ApplicationId $_.Id }`, ASK],
    // reads, the session's own state, local files, and a dry run
    [`pwsh -c 'Get-AzResourceGroup -Name prod-rg'`, 'allow'],
    [`pwsh -c 'Remove-Variable -Name x; Remove-Module Pester; Clear-Host; Remove-Job -Id 3'`, 'allow'],
    [`pwsh -c 'Remove-PSDrive -Name X; Unregister-Event -SourceIdentifier t; Clear-History'`, 'allow'],
    [`pwsh -c 'Remove-AzResourceGroup -Name prod-rg -WhatIf'`, 'allow'],
    [`pwsh -c 'New-AzResourceGroup -Name dev-rg -Location westeurope'`, 'allow'],
    [`pwsh -c 'Disable-AzRecoveryServicesBackupProtection -Item $i -Force'`, 'allow'],
    [`pwsh -c 'Disable-AzContextAutosave; Start-AzVM -Name vm1 -ResourceGroupName rg'`, 'allow'],
    [`pwsh -c 'Set-AzStorageAccount -Name st -ResourceGroupName rg -EnableHttpsTrafficOnly $true'`, 'allow'],
    [`pwsh -c 'Find-AWSCmdletByName -ApiOperation DeleteSnapshot'`, 'allow'],
    [`pwsh -c 'Search-Mailbox -Identity "All Staff" -SearchQuery "Subject:x" -DeleteContent -Force'`, ASK],
    [`Get-MgApplication -All | ForEach-Object { $_.DisplayName }`, 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(saas(script)).toBe(expected);
  });
});

describe('readCmdlet', () => {
  it.each<
    [
      string[],
      { tool: string; service: string; verb: string; resource: string; all: boolean; force: boolean },
    ]
  >([
    [
      ['Remove-AzResourceGroup', '-Name', 'prod-rg', '-Force'],
      { tool: 'Az', service: 'ResourceGroup', verb: 'remove', resource: 'prod-rg', all: false, force: true },
    ],
    [
      ['Remove-S3Bucket', '-BucketName', 'b', '-DeleteBucketContent'],
      { tool: 'S3', service: 'Bucket', verb: 'remove', resource: 'b', all: true, force: false },
    ],
    [
      ['Remove-MgUser', '-UserId', 'u@example.com'],
      { tool: 'Mg', service: 'User', verb: 'remove', resource: 'u@example.com', all: false, force: false },
    ],
    [
      [
        'New-AzResourceGroupDeployment',
        '-ResourceGroupName',
        'rg-prod',
        '-TemplateFile',
        'main.bicep',
        '-Mode',
        'Complete',
        '-Force',
      ],
      {
        tool: 'az',
        service: 'New-AzResourceGroupDeployment -Mode Complete',
        verb: 'delete-unlisted',
        resource: 'rg-prod',
        all: false,
        force: true,
      },
    ],
    [
      ['New-AzResourceGroupDeployment', '-ResourceGroupName', 'rg-prod', '-Mode:Complete'],
      {
        tool: 'az',
        service: 'New-AzResourceGroupDeployment -Mode Complete',
        verb: 'delete-unlisted',
        resource: 'rg-prod',
        all: false,
        force: false,
      },
    ],
    [
      [
        'Set-AzResourceGroupDeploymentStack',
        '-Name',
        'app',
        '-ResourceGroupName',
        'rg1',
        '-ActionOnUnmanage',
        'DeleteAll',
      ],
      {
        tool: 'az',
        service: 'Set-AzResourceGroupDeploymentStack -ActionOnUnmanage DeleteAll',
        verb: 'delete-unlisted',
        resource: 'rg1',
        all: false,
        force: false,
      },
    ],
    [
      ['Stop-AzVM', '-Name', 'vm1', '-Force'],
      { tool: 'Az', service: 'VM', verb: 'stop', resource: 'vm1', all: false, force: true },
    ],
    [
      ['Set-AzKeyVault', '-VaultName', 'kv', '-EnablePurgeProtection:$false'],
      { tool: 'Az', service: 'KeyVault', verb: 'disable', resource: 'kv', all: false, force: false },
    ],
    [
      ['remove-azresourcegroup', 'rg1'],
      { tool: 'azresourcegroup', service: '', verb: 'remove', resource: 'rg1', all: false, force: false },
    ],
  ])('%j', (argv, want) => expect(readCmdlet(command(argv))).toMatchObject(want));

  it.each([
    [['Remove-Item', '-Recurse', 'x']],
    [['Clear-Content', 'log.txt']],
    [['Remove-Variable', 'x']],
    [['Get-AzVM']],
    [['Start-AzVM', '-Name', 'vm1']],
    [['Disable-AzDataCollection']],
    [['Update-AzVM', '-ResourceGroupName', 'rg', '-VM', '$vm']],
    [['Remove-AzVM', '-Name', 'vm1', '-WhatIf']],
    [['New-AzResourceGroupDeployment', '-ResourceGroupName', 'rg', '-Mode', 'Incremental']],
    [['New-AzResourceGroupDeployment', '-ResourceGroupName', 'rg', '-Mode', 'Complete', '-WhatIf']],
    [['New-AzResourceGroupDeploymentStack', '-ResourceGroupName', 'rg', '-ActionOnUnmanage', 'DetachAll']],
  ])('%j → none', (argv) => expect(readCmdlet(command(argv))).toBeUndefined());
});

describe('a protection state set off (saas pack)', () => {
  it.each([
    [
      "pwsh -c 'Set-AzRecoveryServicesVaultProperty -VaultId (Get-AzRecoveryServicesVault -ResourceGroupName rg-backup -Name rsv-prod).ID -SoftDeleteFeatureState Disable'",
      ASK,
    ],
    [`pwsh -c 'Set-AzRecoveryServicesVaultProperty -VaultId $v.ID -SoftDeleteFeatureState Disable'`, ASK],
    [
      `pwsh -c 'Update-AzRecoveryServicesVault -ResourceGroupName rg -Name rsv -ImmutabilityState Disabled'`,
      ASK,
    ],
    [`pwsh -c 'Set-AzRecoveryServicesVaultProperty -VaultId $v.ID -SoftDeleteFeatureState Enable'`, 'allow'],
    [
      `pwsh -c 'Set-AzRecoveryServicesVaultProperty -VaultId $v.ID -SoftDeleteFeatureState AlwaysON'`,
      'allow',
    ],
    [`pwsh -c 'Get-AzRecoveryServicesVaultProperty -VaultId $v.ID'`, 'allow'],
  ])('%s → %s', (line, want) => expect(saas(line)).toBe(want));
});
