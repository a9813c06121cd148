import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { SqlFact, StdinSource } from '../../src/engine/types.js';
import { extractSql } from '../../src/extract/sql.js';

const FILES: Record<string, string> = { '/ws/wipe.sql': 'DROP TABLE orders;' };
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const facts = (argv: string[], stdin?: StdinSource) =>
  (extractSql(command(argv, { stdin }), ctx, []) as SqlFact[]).map((f) => [f.tool, f.statement, f.name]);

describe('SQL Anywhere, SAP IQ and SQream clients', () => {
  it.each<[string[], StdinSource | undefined, string[][]]>([
    // dbisql / dbisqlc: each operand a statement, or a script file
    [
      ['dbisql', '-c', 'UID=dba;PWD=fake;Host=203.0.113.20', "DROP DATABASE 'C:\\data\\erp.db'"],
      undefined,
      [['dbisql', 'DROP', '']],
    ],
    [
      ['dbisqlc', '-c', 'DSN=erp', 'TRUNCATE TABLE invoices'],
      undefined,
      [['dbisqlc', 'TRUNCATE', 'invoices']],
    ],
    [['dbisql', '-nogui', '-c', 'DSN=erp', 'wipe.sql'], undefined, [['dbisql', 'DROP', 'orders']]],
    [['dbisql', '-c', 'DSN=erp'], { kind: 'pipe' }, [['dbisql', 'UNKNOWN', 'stdin']]],
    // SQream: `sqream sql -c`, legacy ClientCmd
    [
      [
        'sqream',
        'sql',
        '--host=10.0.4.7',
        '--database=master',
        '--username=sqream',
        '-c',
        'DROP TABLE fact_sales',
      ],
      undefined,
      [['sqream sql', 'DROP', 'fact_sales']],
    ],
    [
      ['ClientCmd', '--host=h', '--database=master', '-c', 'DELETE FROM events'],
      undefined,
      [['ClientCmd', 'DELETE', 'events']],
    ],
    [['iqisql', '-S', 'iq', '-U', 'dba', '-i', 'wipe.sql'], undefined, [['iqisql', 'DROP', 'orders']]],
  ])('%j', (argv, stdin, want) => expect(facts(argv, stdin)).toEqual(want));

  it.each<[string[], string[][]]>([
    [['dbisql', '-c', 'DSN=erp', 'SELECT COUNT(*) FROM orders'], [['dbisql', 'SELECT', '']]],
    [
      ['sqream', 'sql', '--host=h', '-c', 'SELECT * FROM fact_sales LIMIT 10'],
      [['sqream sql', 'SELECT', '']],
    ],
  ])('reads %j', (argv, want) =>
    expect(facts(argv).map((f) => f.slice(0, 2))).toEqual(want.map((f) => f.slice(0, 2))),
  );
});
