import { command } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import { loadOps } from '../../src/extract/sql-loads.js';

const read = (argv: string[], remote = false) =>
  loadOps(command(argv, { remote })).map((o) => [o.statement, o.object, o.name, o.localDev ?? false]);

describe('loads and restores that replace or empty what is there', () => {
  it.each<[string[], (string | boolean)[][]]>([
    [
      ['neo4j-admin', 'database', 'load', '--from-path=/tmp/old', '--overwrite-destination=true', 'neo4j'],
      [['RESET', 'DATABASE', 'neo4j', false]],
    ],
    [
      ['neo4j-admin', 'database', 'restore', '--from-path=/b', '--overwrite-destination', 'graph'],
      [['RESET', 'DATABASE', '*', false]],
    ],
    [
      ['neo4j-admin', 'load', '--from=/b/graph.dump', '--database=graph', '--force'],
      [['RESET', 'DATABASE', 'graph', false]],
    ],
    [
      [
        'arangoimport',
        '--server.endpoint',
        'ssl://arango.prod:8529',
        '--collection',
        'customers',
        '--file',
        'c.json',
        '--overwrite',
        'true',
      ],
      [['TRUNCATE', 'COLLECTION', 'customers', false]],
    ],
    [['arangoimport', '--collection=c', '--overwrite'], [['TRUNCATE', 'COLLECTION', 'c', false]]],
    [
      ['arangorestore', '--server.endpoint', 'tcp://arango.prod:8529', '--input-directory', 'dump'],
      [['DROP', 'COLLECTION', '*', false]],
    ],
    [
      [
        'mongoimport',
        '--uri',
        'mongodb://db.prod/shop',
        '--collection',
        'users',
        '--drop',
        '--file',
        'u.json',
      ],
      [['DROP', 'COLLECTION', 'users', false]],
    ],
    [['mysqlimport', '--delete', '-h', 'db.prod', 'shop', 'orders.txt'], [['TRUNCATE', 'TABLE', '*', false]]],
    [['mysqlimport', '-dL', 'shop', 'orders.txt'], [['TRUNCATE', 'TABLE', '*', false]]],
    [['influx', 'restore', '/backups/x', '--full'], [['RESET', 'DATABASE', '*', false]]],
    [['clickhouse-backup', 'restore_remote', '--drop', 'daily'], [['DROP', 'TABLE', '*', false]]],
    [['gbak', '-rep', 'b.fbk', '/db/prod.fdb'], [['RESET', 'DATABASE', '*', false]]],
    [['gbak', '-r', 'o', 'b.fbk', '/db/prod.fdb'], [['RESET', 'DATABASE', '*', false]]],
    [
      ['neo4j-admin', 'database', 'import', 'full', '--nodes=n.csv', '--overwrite-destination', 'neo4j'],
      [['RESET', 'DATABASE', 'full', false]],
    ],
    [['mysqlimport', '-hdbhost', '-udbadmin', '--local', 'shop', 'orders.csv'], []],
    // a dev/test database on this machine, named beyond doubt
    [
      [
        'arangoimport',
        '--server.endpoint',
        'tcp://127.0.0.1:8529',
        '--server.database',
        'shop_dev',
        '--collection',
        'c',
        '--overwrite',
        'true',
      ],
      [['TRUNCATE', 'COLLECTION', 'c', true]],
    ],
    [
      ['mongoimport', '--host', 'localhost', '--db', 'app_test', '-c', 'users', '--drop'],
      [['DROP', 'COLLECTION', 'users', true]],
    ],
    // fail closed: no server named, a kept name, another machine
    [
      ['arangoimport', '--server.database', 'shop_dev', '--collection', 'c', '--overwrite', 'true'],
      [['TRUNCATE', 'COLLECTION', 'c', false]],
    ],
    [
      ['mongoimport', '--host', 'localhost', '--db', 'prod_test', '-c', 'u', '--drop'],
      [['DROP', 'COLLECTION', 'u', false]],
    ],
    // a host list with one member elsewhere: the replica set is not this machine's
    [
      [
        'mongoimport',
        '--uri',
        'mongodb://localhost,db.prod.example/x',
        '--db',
        'app_test',
        '-c',
        'u',
        '--drop',
      ],
      [['DROP', 'COLLECTION', 'u', false]],
    ],
    [
      [
        'mongoimport',
        '--uri',
        'mongodb://localhost:27017,127.0.0.1:27018/x',
        '--db',
        'app_test',
        '-c',
        'u',
        '--drop',
      ],
      [['DROP', 'COLLECTION', 'u', true]],
    ],
    // kept: dumps, loads into a new database, adds and upserts, overwrite told false
    [['neo4j-admin', 'database', 'dump', 'neo4j', '--to-path=/b'], []],
    [['neo4j-admin', 'database', 'load', '--from-path=/b', 'newgraph'], []],
    [['neo4j-admin', 'database', 'load', '--overwrite-destination=false', 'neo4j'], []],
    [['arangoimport', '--collection', 'c_new', '--create-collection', 'true', '--file', 'c.json'], []],
    [['arangoimport', '--collection', 'c', '--on-duplicate', 'replace', '--file', 'c.json'], []],
    [['arangorestore', '--input-directory', 'dump', '--overwrite', 'false'], []],
    [['mongoimport', '--collection', 'users', '--mode', 'upsert', '--file', 'u.json'], []],
    [['mysqlimport', '--replace', '--local', 'shop', 'orders.csv'], []],
    [['influx', 'restore', '/backups/x', '--bucket', 'm', '--new-bucket', 'm2'], []],
    [['clickhouse-backup', 'restore', 'daily'], []],
    [['gbak', '-c', 'b.fbk', '/db/new.fdb'], []],
    [['gbak', '-b', '/db/prod.fdb', 'b.fbk'], []],
  ])('%j', (argv, want) => {
    expect(read(argv)).toEqual(want);
  });
  it('a load run on another machine is not marked as a local one', () => {
    expect(
      read(['mongoimport', '--host', 'localhost', '--db', 'app_test', '-c', 'users', '--drop'], true),
    ).toEqual([['DROP', 'COLLECTION', 'users', false]]);
  });
});
