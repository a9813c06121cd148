import { describe, expect, it } from 'vitest';
import { cloudDataApi } from '../../src/extract/sql-cloud-data.js';
import { packVerdict } from '../helpers/command.js';

describe('cloud data API calls: the statements their SQL options carry', () => {
  it.each<[string[], string[] | undefined]>([
    [
      [
        'aws',
        'redshift-data',
        'execute-statement',
        '--cluster-identifier',
        'dw',
        '--sql',
        'DROP SCHEMA s CASCADE',
      ],
      ['aws redshift-data', '--sql', 'DROP SCHEMA s CASCADE'],
    ],
    [
      [
        'aws',
        '--profile',
        'prod',
        'redshift-data',
        'batch-execute-statement',
        '--sqls',
        'TRUNCATE a',
        'DROP TABLE b',
        '--database',
        'dev',
      ],
      ['aws redshift-data', '--sqls', 'TRUNCATE a', '--sqls', 'DROP TABLE b'],
    ],
    [
      ['aws', 'athena', 'start-query-execution', '--query-string=DROP DATABASE x CASCADE'],
      ['aws athena', '--query-string', 'DROP DATABASE x CASCADE'],
    ],
    [
      ['aws', 'athena', 'start-query-execution', '--query-string', 'file://q.sql'],
      ['aws athena', '--sql-file', 'q.sql'],
    ],
    [
      ['aws', 'rds-data', 'execute-statement', '--sql', 'DELETE FROM t'],
      ['aws rds-data', '--sql', 'DELETE FROM t'],
    ],
    [
      ['aws', 'dynamodb', 'execute-statement', '--statement', 'SELECT * FROM t'],
      ['aws dynamodb', '--statement', 'SELECT * FROM t'],
    ],
    [
      ['gcloud', 'spanner', 'databases', 'ddl', 'update', 'orders', '--ddl=DROP TABLE t'],
      ['gcloud spanner ddl update', '--ddl', 'DROP TABLE t'],
    ],
    // fail closed: the statement is in an input document
    [
      ['aws', 'athena', 'start-query-execution', '--cli-input-json', 'file://in.json'],
      ['aws athena', '--sql-file', 'in.json'],
    ],
    // not a statement-carrying call, or none given
    [['aws', 'athena', 'get-query-results', '--query-execution-id', '1'], undefined],
    [['aws', 'redshift-data', 'describe-statement', '--id', '1'], undefined],
    [['aws', 's3', 'ls'], undefined],
  ])('%j', (argv, want) => {
    expect(cloudDataApi(argv)?.argv).toEqual(want);
  });
});

describe('cloud data API SQL through the pipeline', () => {
  const verdict = packVerdict('databases');
  it.each<[string, string]>([
    [
      'aws redshift-data execute-statement --cluster-identifier dw-prod --database analytics --sql "DROP SCHEMA finance CASCADE"',
      'ask databases/drop-database',
    ],
    [
      'aws athena start-query-execution --query-string "DROP DATABASE analytics_prod CASCADE" --work-group primary',
      'ask databases/drop-database',
    ],
    [
      "aws rds-data execute-statement --resource-arn arn:x --sql 'DELETE FROM orders'",
      'ask databases/unfiltered-delete-or-update',
    ],
    ['aws athena start-query-execution --query-string file://missing.sql', 'ask databases/unreadable-sql'],
    ['aws athena start-query-execution --query-string "SELECT count(*) FROM logs.requests"', 'allow'],
    ["aws redshift-data execute-statement --cluster-identifier dw --sql 'SELECT 1'", 'allow'],
    ['aws athena get-query-results --query-execution-id 1234', 'allow'],
    // a statement known only at run time; a run-time value in another option is not SQL
    [
      'aws athena start-query-execution --query-string "$Q" --work-group primary',
      'ask databases/unreadable-sql',
    ],
    ['aws athena start-query-execution --query-string "SELECT 1" --work-group "$WG"', 'allow'],
  ])('%s', async (cmd, want) => {
    expect((await verdict)(cmd)).toBe(want);
  });
});
