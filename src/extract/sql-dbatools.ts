/**
 * SQL Server administered from PowerShell (dbatools' `…-Dba…` cmdlets and the SqlServer
 * module's), read as the statements they amount to (their `Remove-Dba…` deletes keep the
 * generic reading of a destroying verb, cloud-pwsh.ts; `Invoke-DbaQuery -Query` is read as
 * SQL, sql-client-pwsh.ts):
 * - `Restore-DbaDatabase … -WithReplace`, `Restore-SqlDatabase … -ReplaceDatabase` and
 *   `Copy-DbaDatabase … -Force` put a backup over a database that exists: statement `RESET`
 *   (databases/framework-reset asks);
 * - `Set-DbaDbState -Offline|-Detached` and `Dismount-DbaDatabase` take a database away from
 *   its applications, `Stop-DbaService` stops the server: `SHUTDOWN` (databases/server-outage);
 *   `Stop-DbaProcess` without `-Spid` kills every session it selects: `KILL SESSIONS`;
 * - `Set-DbaDbRecoveryModel -RecoveryModel Simple` ends the log backup chain: `NOBACKUP`
 *   (databases/backups-off).
 * `-WhatIf`, `-OutputScriptOnly` and `-VerifyOnly` change nothing. Names are matched case-folded.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { DraftFact } from './extractor.js';
import { evidenceOf } from './fs-evidence.js';

/** The value of `-NAME V` / `-NAME:V` for any of `names` (full, case-folded); '' = a switch; undefined = absent. */
function option(argv: string[], ...names: string[]): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const m = /^-([a-z]+)(?::(.*))?$/i.exec(argv[i]);
    if (!m || !names.includes(m[1].toLowerCase())) continue;
    if (m[2] !== undefined) return m[2];
    const v = argv[i + 1];
    return v === undefined || v.startsWith('-') ? '' : v;
  }
  return undefined;
}

const has = (argv: string[], ...names: string[]) => {
  const v = option(argv, ...names);
  return v !== undefined && !/^\$?false$/i.test(v);
};

/** [statement, object] a cmdlet amounts to; undefined = none of these. */
function statementOf(name: string, a: string[]): [string, string] | undefined {
  switch (name) {
    case 'restore-dbadatabase':
      return has(a, 'withreplace') ? ['RESET', 'DATABASE'] : undefined;
    case 'restore-sqldatabase':
      return has(a, 'replacedatabase') ? ['RESET', 'DATABASE'] : undefined;
    case 'copy-dbadatabase':
      return has(a, 'force') ? ['RESET', 'DATABASE'] : undefined;
    case 'set-dbadbstate':
      return has(a, 'offline', 'detached') ? ['SHUTDOWN', 'DATABASE'] : undefined;
    case 'dismount-dbadatabase':
      return ['SHUTDOWN', 'DATABASE'];
    case 'stop-dbaservice':
    case 'stop-dbainstance':
      return ['SHUTDOWN', 'INSTANCE'];
    case 'stop-dbaprocess':
      return option(a, 'spid') === undefined ? ['KILL', 'SESSIONS'] : undefined;
    case 'set-dbadbrecoverymodel':
      return /^simple$/i.test(option(a, 'recoverymodel') ?? '') ? ['NOBACKUP', 'LOG CHAIN'] : undefined;
    default:
      return undefined;
  }
}

/** The sql fact of one SQL Server cmdlet (see the header); empty = none. */
export function dbatoolsFacts(cmd: NormalizedCommand): DraftFact[] {
  const a = cmd.argv;
  if (has(a, 'whatif', 'outputscriptonly', 'verifyonly')) return [];
  const found = statementOf(cmd.program.toLowerCase(), a);
  if (!found) return [];
  const target =
    option(a, 'sqlinstance', 'serverinstance', 'destination', 'computername') ?? option(a, 'source') ?? '';
  return [
    {
      kind: 'sql',
      tool: cmd.program,
      statement: found[0],
      object: found[1],
      name: option(a, 'databasename', 'database', 'name') || '*',
      where: true,
      target,
      evidence: evidenceOf(cmd),
    },
  ];
}
