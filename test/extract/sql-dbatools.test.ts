/**
 * SQL Server administered through dbatools and the SqlServer module
 * (src/extract/sql-dbatools.ts): restores over a database, databases taken offline, the
 * server stopped, sessions killed, the log chain ended. Through the real pipeline with the
 * databases pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('databases');

describe('dbatools cmdlets (databases pack)', () => {
  it.each([
    [
      'Restore-DbaDatabase -SqlInstance sql-prod01 -Path \\\\backup01\\sql\\staging\\Billing.bak -DatabaseName Billing -WithReplace',
      'ask databases/framework-reset',
    ],
    [
      "Restore-SqlDatabase -ServerInstance sql-prod01 -Database Billing -BackupFile 'D:\\bak\\b.bak' -ReplaceDatabase",
      'ask databases/framework-reset',
    ],
    [
      'Copy-DbaDatabase -Source sql01 -Destination sql02 -Database Billing -BackupRestore -SharedPath \\\\nas\\x -Force',
      'ask databases/framework-reset',
    ],
    [
      'Set-DbaDbState -SqlInstance sql-prod02 -Database Orders -Offline -Force',
      'ask databases/server-outage',
    ],
    ['Dismount-DbaDatabase -SqlInstance sql-prod02 -Database Orders', 'ask databases/server-outage'],
    ['Stop-DbaService -ComputerName sql-prod02 -Type Engine', 'ask databases/server-outage'],
    ['Stop-DbaProcess -SqlInstance sql-prod02 -Database Orders', 'ask databases/server-outage'],
    [
      'Set-DbaDbRecoveryModel -SqlInstance sql-prod02 -Database Orders -RecoveryModel Simple -Confirm:$false',
      'ask databases/backups-off',
    ],
    // reads, backups, restores that replace nothing, scripts only, one session killed
    ['Get-DbaDatabase -SqlInstance sql-prod02', 'allow'],
    ['Backup-DbaDatabase -SqlInstance sql-prod02 -Database Orders -Path D:\\bak', 'allow'],
    ['Restore-DbaDatabase -SqlInstance sql01 -Path D:\\bak\\Orders.bak -DatabaseName Orders_Copy', 'allow'],
    [
      'Restore-DbaDatabase -SqlInstance sql01 -Path D:\\bak\\Orders.bak -DatabaseName Orders -WithReplace -OutputScriptOnly',
      'allow',
    ],
    ['Stop-DbaProcess -SqlInstance sql01 -Spid 71', 'allow'],
    ['Set-DbaDbRecoveryModel -SqlInstance sql01 -Database Orders -RecoveryModel Full', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await verdict(cmd)).toBe(want);
  });
});
