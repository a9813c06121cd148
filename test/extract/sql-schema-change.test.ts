import { command } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import { schemaChangeInvocation } from '../../src/extract/sql-schema-change.js';

const read = (argv: string[], dynamicArgs: number[] = []) => {
  const inv = schemaChangeInvocation(command(argv, { dynamicArgs }));
  return inv
    ? [inv.tool, inv.target, ...inv.sources.map((s) => `${s.text}${s.dynamic ? ' (dynamic)' : ''}`)]
    : [];
};

describe('online schema change and archiving tools: the SQL they run', () => {
  it.each<[string[], string[]]>([
    [
      ['gh-ost', '--database=shop', '--table=orders', '--alter=DROP COLUMN customer_email', '--execute'],
      ['gh-ost', 'shop', 'ALTER TABLE orders DROP COLUMN customer_email'],
    ],
    [
      ['gh-ost', '-database', 'shop', '-table', 'orders', '-alter', 'DROP COLUMN x', '-execute'],
      ['gh-ost', 'shop', 'ALTER TABLE orders DROP COLUMN x'],
    ],
    [
      ['pt-online-schema-change', '--alter', 'DROP COLUMN ssn', 'D=hr,t=employees,h=db', '--execute'],
      ['pt-online-schema-change', 'hr', 'ALTER TABLE employees DROP COLUMN ssn'],
    ],
    [
      ['spirit', '--database=shop', '--table=t', '--alter=DROP COLUMN c'],
      ['spirit', 'shop', 'ALTER TABLE t DROP COLUMN c'],
    ],
    [
      ['spirit', '--database=shop', '--statement=ALTER TABLE t DROP COLUMN c'],
      ['spirit', 'shop', 'ALTER TABLE t DROP COLUMN c'],
    ],
    [
      ['gh-ost', '--table=t', '--alter', '$CHANGE', '--execute'],
      ['gh-ost', '', 'ALTER TABLE t $CHANGE (dynamic)'],
    ],
    [
      ['pt-archiver', '--source', 'h=db,D=shop,t=events', '--purge', '--where', '1=1'],
      ['pt-archiver', 'shop', 'DELETE FROM events WHERE 1=1'],
    ],
    // Runs that change nothing: no --execute, a dry run, an archive that keeps the rows.
    [['gh-ost', '--table=orders', '--alter=DROP COLUMN x'], []],
    [['pt-online-schema-change', '--alter', 'DROP COLUMN ssn', 'D=hr,t=employees', '--dry-run'], []],
    [['pt-online-schema-change', '--alter', 'DROP COLUMN ssn', 'D=hr,t=employees'], []],
    [
      [
        'pt-archiver',
        '--source',
        'h=db,D=shop,t=events',
        '--dest',
        'h=arch',
        '--where',
        '1=1',
        '--no-delete',
      ],
      [],
    ],
    [['pt-archiver', '--source', 'h=db,D=shop,t=events', '--purge', '--where', '1=1', '--dry-run'], []],
    [['mysql', '-e', 'SELECT 1'], []],
  ])('%j', (argv, want) => {
    expect(read(argv, argv.indexOf('$CHANGE') > 0 ? [argv.indexOf('$CHANGE')] : [])).toEqual(want);
  });
});
