import { describe, expect, it } from 'vitest';
import { classifySql } from '../../src/extract/sql-statements.js';

const read = (sql: string) => classifySql(sql, 'postgresql').map((s) => [s.statement, s.object]);

describe('statements that stop a server or cut every session off', () => {
  it.each<[string, string[][]]>([
    ['SHUTDOWN WITH NOWAIT', [['SHUTDOWN', 'INSTANCE']]],
    ['shutdown', [['SHUTDOWN', 'INSTANCE']]],
    ['SHUTDOWN IMMEDIATELY', [['SHUTDOWN', 'INSTANCE']]],
    ['stop dbm force', [['SHUTDOWN', 'INSTANCE']]],
    ['STOP DATABASE MANAGER', [['SHUTDOWN', 'INSTANCE']]],
    ['deactivate database SAMPLE', [['SHUTDOWN', 'DATABASE']]],
    ['QUIESCE INSTANCE db2inst1 IMMEDIATE', [['SHUTDOWN', 'INSTANCE']]],
    ['force application all', [['KILL', 'SESSIONS']]],
    ['ALTER DATABASE Sales SET OFFLINE WITH ROLLBACK IMMEDIATE', [['SHUTDOWN', 'DATABASE']]],
    ['ALTER DATABASE Sales SET SINGLE_USER WITH ROLLBACK IMMEDIATE', [['KILL', 'SESSIONS']]],
    ['SELECT pg_terminate_backend(pid) FROM pg_stat_activity', [['KILL', 'SESSIONS']]],
    ['select pg_terminate_backend(pid) from pg_catalog.pg_stat_activity', [['KILL', 'SESSIONS']]],
    // kept: sessions picked by a WHERE, one application forced, a database set online or multi-user, reads
    ["SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'app_test'", []],
    ['SELECT pg_terminate_backend(4242)', []],
    ['ALTER DATABASE Sales SET ONLINE', []],
    ['ALTER DATABASE Sales SET MULTI_USER', []],
  ])('%s', (sql, expected) => {
    expect(read(sql).filter(([s]) => ['SHUTDOWN', 'KILL'].includes(s))).toEqual(expected);
  });
});
