/** TigerGraph's gsql (src/extract/sql-gsql.ts): the GSQL statements that destroy, as store statements. */
import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { StdinSource } from '../../src/engine/types.js';
import { parseGsql } from '../../src/extract/sql-gsql.js';

const FILES: Record<string, string> = {
  '/ws/reset.gsql': 'USE GLOBAL\nDROP GRAPH social\n',
  '/ws/queries.gsql': 'USE GRAPH social\nINSTALL QUERY ALL\n',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const read = (argv: string[], stdin?: StdinSource) =>
  parseGsql(command(argv, { stdin }), ctx)?.stmts.map((s) => [s.statement, s.object, s.name, s.where]);
const GSQL = ['gsql', '-u', 'tigergraph', '-p', '$TG_PASSWORD'];

describe("TigerGraph's gsql: what its GSQL deletes", () => {
  it.each<[string[], StdinSource | undefined, (string | boolean)[][] | undefined]>([
    [[...GSQL, 'DROP ALL'], undefined, [['DROP', 'DATABASE', 'ALL', false]]],
    [[...GSQL, '-g', 'social', 'drop graph social'], undefined, [['DROP', 'DATABASE', 'social', true]]],
    [[...GSQL, 'CLEAR GRAPH STORE -HARD'], undefined, [['TRUNCATE', 'DATABASE', 'ALL', false]]],
    [[...GSQL, '-g', 'g', 'DROP VERTEX Person'], undefined, [['DROP', 'TABLE', 'Person', true]]],
    [['gsql', '--reset'], undefined, [['DROP', 'DATABASE', 'ALL', false]]],
    [['gsql', 'reset.gsql'], undefined, [['DROP', 'DATABASE', 'social', true]]],
    // fail closed: a script that cannot be read
    [['gsql', 'jobs/missing.gsql'], undefined, [['UNKNOWN', '', 'jobs/missing.gsql', true]]],
    [['gsql'], { kind: 'heredoc', text: 'DROP ALL\n' }, [['DROP', 'DATABASE', 'ALL', false]]],
    [['gsql'], { kind: 'pipe' }, [['UNKNOWN', '', 'stdin', true]]],
    // reads, installs, a quoted value, and another program
    [[...GSQL, 'SHOW GRAPH *'], undefined, []],
    [[...GSQL, '-g', 'social', 'RUN QUERY q("drop all")'], undefined, []],
    [['gsql', 'queries.gsql'], undefined, []],
    [['cypher-shell', 'DROP ALL'], undefined, undefined],
    // openGauss / GaussDB's gsql (psql's options) is read as a SQL client instead
    [['gsql', '-d', 'postgres', '-U', 'omm', '-c', 'DROP DATABASE x'], undefined, undefined],
    [['gsql', '--dbname=shop', '-f', 'wipe.sql'], undefined, undefined],
  ])('%j %j', (argv, stdin, want) => {
    expect(read(argv, stdin)).toEqual(want);
  });
});
