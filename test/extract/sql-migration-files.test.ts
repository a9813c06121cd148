/**
 * Declarative migration files (src/extract/sql-migration-files.ts): pgroll operations that drop
 * are read as SQL statements; additive operations are nothing; an unreadable file is unknown.
 */
import { describe, expect, it } from 'vitest';
import { analyzeContext, command, WS } from '../helpers/command.js';
import type { SqlFact } from '../../src/engine/types.js';
import { extractSql } from '../../src/extract/sql.js';

const FILES: Record<string, string> = {
  '/ws/m/07_drop.json': JSON.stringify({
    name: '07_drop',
    operations: [{ drop_table: { name: 'orders' } }, { drop_column: { table: 'users', column: 'email' } }],
  }),
  '/ws/m/08_raw.yaml': 'operations:\n  - sql:\n      up: TRUNCATE TABLE events\n',
  '/ws/m/09_constraint.json': '{"operations":[{"drop_constraint":{"table":"t","name":"fk_u"}}]}',
  '/ws/m/01_create.json':
    '{"operations":[{"create_table":{"name":"orders","columns":[{"name":"id","type":"int"}]}},{"add_column":{"table":"u","column":{"name":"x","type":"int"}}}]}',
  '/ws/m/broken.json': '{"operations": [',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const facts = (argv: string[]) =>
  (extractSql(command(argv), ctx, []) as SqlFact[]).map((f) => [f.statement, f.object, f.name]);

describe('pgroll migrations', () => {
  it.each<[string[], string[][]]>([
    [
      ['pgroll', '--postgres-url', '$URL', 'start', 'm/07_drop.json', '--complete'],
      [
        ['DROP', 'TABLE', 'orders'],
        ['ALTER', 'COLUMN', 'users.email'],
      ],
    ],
    [['pgroll', 'start', 'm/08_raw.yaml'], [['TRUNCATE', 'TABLE', 'events']]],
    [['pgroll', 'start', '--complete', 'm/09_constraint.json'], [['ALTER', 'CONSTRAINT', 't.fk_u']]],
    // additive operations drop nothing
    [['pgroll', 'start', 'm/01_create.json', '--complete'], []],
    // fail closed: missing or unparsable
    [['pgroll', 'start', 'm/missing.json'], [['UNKNOWN', '', 'm/missing.json']]],
    [['pgroll', 'start', 'm/broken.json'], [['UNKNOWN', '', 'm/broken.json']]],
    // other subcommands read no file
    [['pgroll', 'status'], []],
    [['pgroll', 'complete'], []],
  ])('%j', (argv, want) => {
    expect(facts(argv)).toEqual(want);
  });
});
