import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { SqlFact } from '../../src/engine/types.js';
import { extractSql } from '../../src/extract/sql.js';

const FILES: Record<string, string> = { '/ws/cleanup.sql': 'TRUNCATE TABLE dbo.Audit;\n' };
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const facts = (argv: string[]) =>
  (extractSql(command(argv), ctx, []) as SqlFact[]).map((f) => [f.tool, f.statement, f.object, f.where]);

describe('PowerShell cmdlets that send SQL to SQL Server', () => {
  it.each<[string[], (string | boolean)[][]]>([
    [
      [
        'Invoke-Sqlcmd',
        '-ServerInstance',
        'sql-prod01',
        '-Database',
        'Billing',
        '-Query',
        'DELETE FROM dbo.Invoice',
      ],
      [['Invoke-Sqlcmd', 'DELETE', '', false]],
    ],
    // cmdlet and parameter names have no case; `-Query:VALUE`; the query as the first operand
    [['invoke-sqlcmd', '-QUERY', 'DROP DATABASE Billing'], [['Invoke-Sqlcmd', 'DROP', 'DATABASE', true]]],
    [['Invoke-SqlCmd', '-Query:DROP DATABASE Billing'], [['Invoke-Sqlcmd', 'DROP', 'DATABASE', true]]],
    [
      ['Invoke-Sqlcmd', 'DROP DATABASE Billing', '-ServerInstance', 's'],
      [['Invoke-Sqlcmd', 'DROP', 'DATABASE', true]],
    ],
    [
      ['Invoke-Sqlcmd', '-InputFile', 'cleanup.sql', '-ServerInstance', 's'],
      [['Invoke-Sqlcmd', 'TRUNCATE', 'TABLE', true]],
    ],
    [
      ['Invoke-DbaQuery', '-SqlInstance', 'sql-prod01', '-Query', 'DELETE FROM dbo.Payments'],
      [['Invoke-DbaQuery', 'DELETE', '', false]],
    ],
    [
      ['Invoke-DbaQuery', '-SqlInstance', 's', '-File', 'cleanup.sql'],
      [['Invoke-DbaQuery', 'TRUNCATE', 'TABLE', true]],
    ],
  ])('%j', (argv, want) => {
    expect(facts(argv).filter(([, s]) => s !== 'SELECT')).toEqual(want);
  });

  it.each<[string[]]>([
    [['Invoke-Sqlcmd', '-ServerInstance', 'sql-prod01', '-Query', 'SELECT TOP 10 * FROM dbo.Invoice']],
    [['Invoke-DbaQuery', '-SqlInstance', 'sql-prod01', '-Query', 'SELECT @@VERSION']],
  ])('reads only: %j', (argv) => {
    expect(facts(argv).filter(([, s]) => s !== 'SELECT')).toEqual([]);
  });
});
