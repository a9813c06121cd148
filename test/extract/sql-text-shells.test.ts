import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { StdinSource } from '../../src/engine/types.js';
import { parseTextShell } from '../../src/extract/sql-text-shells.js';
import { verbLine } from '../../src/extract/sql-text-verbs.js';

const FILES: Record<string, string> = {
  '/ws/purge.txt': 'show queues\npurge queue payments\n',
  '/ws/wipe.lua': 'box.space.orders:truncate()\n',
  '/ws/report.lua': 'print(box.space.orders:count())\n',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const read = (argv: string[], stdin?: StdinSource) =>
  parseTextShell(
    command(argv, { stdin, dynamicArgs: argv.flatMap((a, i) => (a.includes('$(') ? [i] : [])) }),
    ctx,
  )?.stmts.map((s) => [s.statement, s.object, s.name, s.where]);
const pipe = (text?: string) => ({ kind: 'pipe', text }) as StdinSource;

describe('admin shells whose commands are text: where the commands come from', () => {
  it.each<[string[], StdinSource | undefined, (string | boolean)[][] | undefined]>([
    // tarantool: -e code; an application file runs instead of commands on stdin
    [['tarantool', '-e', 'box.space.users:truncate()'], undefined, [['TRUNCATE', 'TABLE', 'users', true]]],
    [['tarantool'], pipe('box.space.s:drop()'), [['DROP', 'TABLE', 's', true]]],
    [['tarantool', 'app.lua'], pipe('box.space.s:drop()'), []],
    [['tarantool', '-e', 'print(box.space.users:count())'], undefined, []],
    // tarantoolctl connect|enter read stdin; eval reads its file, else stdin
    [
      ['tarantoolctl', 'connect', 'admin@db1:3301'],
      pipe('box.space.o:truncate()'),
      [['TRUNCATE', 'TABLE', 'o', true]],
    ],
    [['tarantoolctl', 'eval', 'app', 'wipe.lua'], undefined, [['TRUNCATE', 'TABLE', 'orders', true]]],
    [['tarantoolctl', 'eval', 'app', 'report.lua'], undefined, []],
    [['tarantoolctl', 'start', 'app'], pipe('box.space.o:truncate()'), undefined],
    // tt connect: -f FILE, -f - (stdin), --language sql
    [['tt', 'connect', 'app:3301', '-f', '-'], pipe('box.space.e:drop()'), [['DROP', 'TABLE', 'e', true]]],
    [['tt', 'connect', 'app:3301', '-f', 'wipe.lua'], undefined, [['TRUNCATE', 'TABLE', 'orders', true]]],
    [
      ['tt', 'connect', 'app:3301', '-l', 'sql'],
      pipe('DROP TABLE invoices'),
      [['DROP', 'TABLE', 'invoices', true]],
    ],
    [['tt', 'start', 'app'], undefined, undefined],
    // weed shell and tibemsadmin: stdin, a script file
    [
      ['weed', 'shell', '-master=localhost:9333'],
      pipe('collection.delete -collection=logs -force'),
      [['DROP', 'COLLECTION', 'logs', true]],
    ],
    [['weed', 'shell'], pipe('lock\nfs.ls /buckets\nvolume.list\nunlock'), []],
    [['weed', 'server', '-dir=/data'], undefined, undefined],
    [
      ['tibemsadmin', '-server', 'tcp://ems1:7222', '-script', 'purge.txt'],
      undefined,
      [['TRUNCATE', 'QUEUE', 'payments', true]],
    ],
    [['tibemsadmin', '-server', 'tcp://ems1:7222'], pipe('show queues'), []],
    [
      ['pulsar-shell', '-e', 'admin topics delete persistent://public/default/orders'],
      undefined,
      [['DROP', 'TOPIC', 'persistent://public/default/orders', true]],
    ],
    // ZooKeeper's shells: the command as operands (after the server for zookeeper-shell), or on stdin
    [['zkCli.sh', '-server', 'zk1:2181', 'deleteall', '/app'], undefined, [['DROP', 'ZNODE', '/app', true]]],
    [['zkCli.sh', '-server', 'zk1:2181'], pipe('ls /\nrmr /brokers'), [['DROP', 'ZNODE', '/brokers', true]]],
    [
      ['zookeeper-shell', 'zk1:2181', 'deleteall', '-b', '100', '/config'],
      undefined,
      [['DROP', 'ZNODE', '/config', true]],
    ],
    [['zookeeper-shell', 'zk1:2181', 'ls', '/brokers/ids'], pipe('deleteall /x'), []],
    [['zkCli.sh', '-server', 'zk1:2181', 'delete', '/app/lock-1'], undefined, []],
    // fail closed: a script that cannot be read, stdin from an unknown source
    [['tibemsadmin', '-script', 'missing.txt'], undefined, [['UNKNOWN', '', `${WS}/missing.txt`, true]]],
    [['weed', 'shell'], pipe(undefined), [['UNKNOWN', '', 'stdin', true]]],
    [['tarantoolctl', 'connect', 'db1:3301'], pipe(undefined), [['UNKNOWN', '', 'stdin', true]]],
    [['tarantool', '-e', '$(cat wipe.lua)'], undefined, [['UNKNOWN', '', '-e (built at run time)', true]]],
    [
      ['zkCli.sh', '-server', 'zk1:2181', '$(cat cmd.txt)'],
      undefined,
      [['UNKNOWN', '', 'argument (built at run time)', true]],
    ],
    // an interactive session with nothing on stdin runs nothing yet
    [['tarantoolctl', 'connect', 'db1:3301'], undefined, []],
  ])('%j', (argv, stdin, want) => {
    expect(read(argv, stdin)).toEqual(want);
  });
});

describe('a command line read by the shape [object…] VERB [object] [name]', () => {
  it.each<[string, (string | boolean)[] | undefined]>([
    ['delete queue orders.in', ['DROP', 'QUEUE', 'orders.in', true]],
    ['purge topic prices', ['TRUNCATE', 'TOPIC', 'prices', true]],
    ['purge all queues', ['TRUNCATE', 'QUEUE', '*', true]],
    ['delete durable sub1', ['DROP', 'DURABLE', 'sub1', true]],
    ['collection.delete -collection=logs -force', ['DROP', 'COLLECTION', 'logs', true]],
    ['volume.delete -node=10.0.0.3:8080 -volumeId=7', ['DROP', 'VOLUME', '7', true]],
    ['fs.rm -r /buckets/prod', ['DROP', 'FS', '/buckets/prod', true]],
    ['s3.bucket.delete -name photos', ['DROP', 'BUCKET', 'photos', true]],
    ['admin topics delete persistent://t/ns/x', ['DROP', 'TOPIC', 'persistent://t/ns/x', true]],
    ['delete queue name=orders', ['DROP', 'QUEUE', 'orders', true]],
    // reads, creations, verbs that only name deletion in a longer word, comments
    ['show queues', undefined],
    ['create queue orders.in', undefined],
    ['volume.deleteEmpty -quietFor=24h', undefined],
    ['fs.ls /buckets', undefined],
    ['# delete queue orders.in', undefined],
    ['setprop queue q1 maxbytes=1MB', undefined],
  ])('%s', (line, want) => {
    const s = verbLine(line, 'stdin');
    expect(s && [s.statement, s.object, s.name, s.where]).toEqual(want);
  });
});
