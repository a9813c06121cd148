import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { StdinSource } from '../../src/engine/types.js';
import { parseGridShell } from '../../src/extract/sql-grid-shells.js';

const ctx = analyzeContext(WS);
const read = (argv: string[], stdin?: StdinSource) =>
  parseGridShell(command(argv, { stdin }), ctx)?.stmts.map((s) => [s.statement, s.object, s.name, s.where]);
const pipe = (text?: string) => ({ kind: 'pipe', text }) as StdinSource;

describe('wide-column and data-grid admin shells: what their text commands delete', () => {
  it.each<[string[], StdinSource | undefined, (string | boolean)[][] | undefined]>([
    // HBase shell: commands on stdin
    [['hbase', 'shell', '-n'], pipe("disable 'events'; drop 'events'"), [['DROP', 'TABLE', 'events', true]]],
    [['hbase', 'shell'], pipe("drop_all 'tmp_.*'\n"), [['DROP', 'TABLE', 'tmp_.*', true]]],
    [['hbase', 'shell', '-n'], pipe("drop_namespace 'analytics'"), [['DROP', 'DATABASE', 'analytics', true]]],
    [['hbase', 'shell', '-n'], pipe("truncate 'events'"), [['TRUNCATE', 'TABLE', 'events', true]]],
    [['hbase', 'shell', '-n'], pipe("truncate_preserve 'events'"), [['TRUNCATE', 'TABLE', 'events', true]]],
    [['hbase', 'shell', '-n'], pipe("deleteall 'users', 'row-42'"), [['DELETE', 'TABLE', 'users', true]]],
    [
      ['hbase', 'shell', '-n'],
      pipe("delete_all_snapshot 'nightly.*'"),
      [['DROP', 'SNAPSHOT', 'nightly.*', true]],
    ],
    // fail closed: commands piped from an unknown source, a script file that cannot be read
    [['hbase', 'shell', '-n'], pipe(undefined), [['UNKNOWN', '', 'stdin', true]]],
    [
      ['hbase', 'shell', '-n', 'missing-script.rb'],
      undefined,
      [['UNKNOWN', '', `${WS}/missing-script.rb`, true]],
    ],
    // reads, offline/online switches, interactive shells, other hbase commands: nothing deleted
    [['hbase', 'shell', '-n'], pipe("scan 'events', {LIMIT => 5}; count 'events'"), []],
    [['hbase', 'shell', '-n'], pipe("disable 'events'; enable 'events'"), []],
    [['hbase', 'shell'], undefined, []],
    [['hbase', 'hbck', '-details'], undefined, undefined],
    [
      ['hbase', '--config', '/etc/hbase/conf', 'shell', '-n'],
      pipe("drop 'x'"),
      [['DROP', 'TABLE', 'x', true]],
    ],
    [['hbase', 'org.apache.hadoop.hbase.util.RegionMover', 'shell'], undefined, undefined],
    // gfsh: -e commands, or the arguments as one command
    [
      ['gfsh', '-e', 'connect --locator=locator1[10334]', '-e', 'destroy region --name=/customers'],
      undefined,
      [['DROP', 'TABLE', '/customers', true]],
    ],
    [['gfsh', 'destroy', 'region', '--name', '/orders'], undefined, [['DROP', 'TABLE', '/orders', true]]],
    [['gfsh', '-e', 'destroy disk-store --name=ds1'], undefined, [['DROP', 'DISK-STORE', 'ds1', true]]],
    [['gfsh', '-e', 'remove --region=/sessions --all'], undefined, [['DELETE', 'TABLE', '/sessions', false]]],
    [
      ['gfsh', '-e', 'remove --region=/sessions --key=s-1'],
      undefined,
      [['DELETE', 'TABLE', '/sessions', true]],
    ],
    [['gfsh', '-e', 'run --file=missing.gfsh'], undefined, [['UNKNOWN', '', `${WS}/missing.gfsh`, true]]],
    [['gfsh', '-e', 'connect', '-e', 'list regions'], undefined, []],
    [['gfsh', 'start', 'locator', '--name=locator1'], undefined, []],
    // Ignite's control script: its command given as options
    [
      ['control.sh', '--cache', 'destroy', '--caches', 'users,orders'],
      undefined,
      [
        ['DROP', 'TABLE', 'users', true],
        ['DROP', 'TABLE', 'orders', true],
      ],
    ],
    [
      ['control.sh', '--cache', 'destroy', '--destroy-all-caches', '--yes'],
      undefined,
      [['DROP', 'TABLE', '*', true]],
    ],
    [
      ['control.sh', '--cache', 'clear', '--caches', 'sessions'],
      undefined,
      [['TRUNCATE', 'TABLE', 'sessions', true]],
    ],
    [
      ['control.bat', '--persistence', 'clean', 'all'],
      undefined,
      [['TRUNCATE', 'TABLE', 'persistence all', true]],
    ],
    [
      ['control.sh', '--meta', 'remove', '--typeName', 'acme.Order'],
      undefined,
      [['DROP', 'TYPE', 'acme.Order', true]],
    ],
    [
      ['control.sh', '--set-state', 'INACTIVE', '--force'],
      undefined,
      [['TRUNCATE', 'TABLE', 'in-memory caches', true]],
    ],
    [['control.sh', '--cache', 'list', '.'], undefined, undefined],
    [['control.sh', '--state'], undefined, undefined],
    [['control.sh', '--set-state', 'ACTIVE'], undefined, undefined],
    [['mongosh', '--eval', 'db.dropDatabase()'], undefined, undefined],
  ])('%j', (argv, stdin, want) => {
    expect(read(argv, stdin)).toEqual(want);
  });
});
