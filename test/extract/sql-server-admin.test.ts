import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import { parseServerAdmin } from '../../src/extract/sql-server-admin.js';

const ctx = analyzeContext(WS);
const read = (argv: string[]) => parseServerAdmin(command(argv), ctx)?.stmts.map((s) => s.statement);

describe('server controls and HA managers, in one chain', () => {
  it.each<[string[], string[] | undefined]>([
    [['pg_ctl', 'stop', '-D', '/srv/pg'], ['SHUTDOWN']],
    [['onmode', '-ky'], ['SHUTDOWN']],
    [['patronictl', 'failover', '--force'], ['FAILOVER']],
    // help and dry runs change nothing
    [['patronictl', 'failover', '--help'], []],
    [['repmgr', 'standby', 'promote', '--dry-run'], []],
    [['pg_ctl', 'stop', '--help'], []],
    [['patronictl', 'failover', '--force', '--help'], []],
    [['repmgr', 'standby', 'promote', '--dry-run', '--help'], []],
    // the same spelling as an option's value or after `--` is no help or dry run
    [['patronictl', 'failover', '--candidate', '--help'], ['FAILOVER']],
    [['pg_ctl', 'stop', '-D', '/srv/pg', '-o', '--help'], ['SHUTDOWN']],
    [['pg_ctl', 'stop', '-D', '/srv/pg', '--', '--dry-run'], ['SHUTDOWN']],
    // not one of them
    [['psql', '-c', 'SHUTDOWN'], undefined],
  ])('%j', (argv, expected) => {
    expect(read(argv)).toEqual(expected);
  });
});
