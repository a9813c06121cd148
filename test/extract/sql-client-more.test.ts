import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { SqlFact, StdinSource } from '../../src/engine/types.js';
import { extractSql } from '../../src/extract/sql.js';

const FILES: Record<string, string> = { '/ws/wipe.sql': 'DROP TABLE orders;' };
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const facts = (argv: string[], stdin?: StdinSource) =>
  (extractSql(command(argv, { stdin }), ctx, []) as SqlFact[]).map((f) => [f.tool, f.statement, f.name]);

describe('SQL Anywhere, SAP IQ, SQream, sqsh, Spanner and Sqoop clients', () => {
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
    // sqsh: -C SQL, -i FILE, stdin
    [
      ['sqsh', '-S', 'PRODASE', '-U', 'sa', '-P', '$SYB_PW', '-C', 'drop database orders'],
      undefined,
      [['sqsh', 'DROP', 'orders']],
    ],
    [['sqsh', '-S', 'ase', '-D', 'erp', '-i', 'wipe.sql'], undefined, [['sqsh', 'DROP', 'orders']]],
    [['sqsh', '-S', 'ase', '-U', 'sa'], { kind: 'pipe' }, [['sqsh', 'UNKNOWN', 'stdin']]],
    // spanner-cli and spanner-mycli: -e / --execute=, -f FILE
    [
      ['spanner-cli', '-p', 'acme', '-i', 'main', '-d', 'orders', '-e', 'DELETE FROM Sessions WHERE true'],
      undefined,
      [['spanner-cli', 'DELETE', 'Sessions']],
    ],
    [
      ['spanner-mycli', '--project=acme', '--instance=main', '--database=orders', '--execute=DROP TABLE t'],
      undefined,
      [['spanner-mycli', 'DROP', 't']],
    ],
    [
      ['spanner-cli', '-p', 'a', '-i', 'm', '-d', 'o', '-t', '-f', 'wipe.sql'],
      undefined,
      [['spanner-cli', 'DROP', 'orders']],
    ],
    // sqoop eval --query|-e on the --connect database
    [
      [
        'sqoop',
        'eval',
        '--connect',
        'jdbc:mysql://db.example/shop',
        '--username',
        'etl',
        '-P',
        '--query',
        'DELETE FROM orders',
      ],
      undefined,
      [['sqoop eval', 'DELETE', 'orders']],
    ],
    [
      ['sqoop', 'eval', '--connect', 'jdbc:postgresql://db/shop', '-e', 'DROP TABLE orders'],
      undefined,
      [['sqoop eval', 'DROP', 'orders']],
    ],
  ])('%j', (argv, stdin, want) => expect(facts(argv, stdin)).toEqual(want));

  it.each<[string[], string[][]]>([
    [['dbisql', '-c', 'DSN=erp', 'SELECT COUNT(*) FROM orders'], [['dbisql', 'SELECT', '']]],
    [
      ['sqream', 'sql', '--host=h', '-c', 'SELECT * FROM fact_sales LIMIT 10'],
      [['sqream sql', 'SELECT', '']],
    ],
    [['sqsh', '-S', 'ase', '-C', 'select count(*) from invoices'], [['sqsh', 'SELECT', '']]],
    [['spanner-cli', '-p', 'a', '-i', 'm', '-d', 'o', '-e', 'SELECT 1'], [['spanner-cli', 'SELECT', '']]],
    [
      ['sqoop', 'eval', '--connect', 'jdbc:mysql://db/shop', '--query', 'SELECT COUNT(*) FROM orders'],
      [['sqoop eval', 'SELECT', '']],
    ],
  ])('reads %j', (argv, want) =>
    expect(facts(argv).map((f) => f.slice(0, 2))).toEqual(want.map((f) => f.slice(0, 2))),
  );

  // sqoop's other tools run no SQL given on the command line (an import reads a table)
  it.each<[string[]]>([
    [['sqoop', 'import', '--connect', 'jdbc:mysql://db/shop', '--table', 'orders', '--delete-target-dir']],
    [['sqoop', 'list-tables', '--connect', 'jdbc:mysql://db/shop']],
  ])('no SQL in %j', (argv) => expect(facts(argv)).toEqual([]));
});
