/**
 * PowerShell cmdlets that send SQL to SQL Server, read like sqlcmd once the PowerShell text is
 * re-parsed as a command (`pwsh -c "Invoke-Sqlcmd -ServerInstance S -Query 'DELETE …'"`):
 * the SqlServer module's `Invoke-Sqlcmd` (`-Query`, or the first operand, and `-InputFile`)
 * and dbatools' `Invoke-DbaQuery` (`-Query`, `-File`). Cmdlet and parameter names are matched
 * without regard to case, as PowerShell does, and `-Query:'…'` is read like `-Query '…'`.
 */
import type { ClientSpec } from './sql-client-table.js';

/** Clients keyed by the cmdlet's name in lower case; option names are in lower case too. */
export const PWSH_CLIENTS: Record<string, ClientSpec> = {
  'invoke-sqlcmd': {
    tool: 'Invoke-Sqlcmd',
    dialect: 'postgresql',
    sql: ['-query'],
    file: ['-inputfile'],
    db: ['-database'],
    withArg: [
      ...['-serverinstance', '-username', '-password', '-credential', '-connectionstring', '-hostname'],
      ...['-variable', '-querytimeout', '-connectiontimeout', '-outputas', '-errorlevel', '-severitylevel'],
      ...['-maxcharlength', '-maxbinarylength', '-encrypt', '-hostnameincertificate', '-applicationintent'],
      ...['-accesstoken', '-applicationname', '-failoverpartner', '-statisticsvariable', '-outputsqlerrors'],
    ],
    // the first operand is the query (`Invoke-Sqlcmd "DELETE …" -ServerInstance S`)
    allPositionalSql: true,
    caseless: true,
  },
  'invoke-dbaquery': {
    tool: 'Invoke-DbaQuery',
    dialect: 'postgresql',
    sql: ['-query'],
    file: ['-file'],
    db: ['-database'],
    withArg: [
      ...['-sqlinstance', '-sqlcredential', '-querytimeout', '-sqlobject', '-as', '-sqlparameter'],
      ...['-commandtype', '-appendconnectionstring', '-inputobject', '-messagesto'],
    ],
    caseless: true,
  },
};
