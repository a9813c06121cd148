import { describe, expect, it } from 'vitest';
import { driverOps } from '../../src/extract/sql-code-drivers.js';

const ops = (code: string) => driverOps(code, 'python3').map((o) => [o.statement, o.object, o.where]);

describe('data-store drivers called from inline code', () => {
  it.each<[string, (string | boolean)[][]]>([
    // Cypher handed to a graph driver (Python, JavaScript, Go): every node, or pinned ones.
    ["d.session().run('MATCH (n) DETACH DELETE n').consume()", [['DELETE', '', false]]],
    ['await driver.executeQuery("MATCH (n:Session) DELETE n")', [['DELETE', '', false]]],
    ['session.Run(ctx, `MATCH (n) DETACH DELETE n`, nil)', [['DELETE', '', false]]],
    ["s.run('MATCH (u:User {id: 42}) DETACH DELETE u')", [['DELETE', '', true]]],
    ["s.run('MATCH (u:User) WHERE u.age > 90 DELETE u')", [['DELETE', '', true]]],
    ["d.execute_query('DROP DATABASE sales')", [['DROP', 'DATABASE', true]]],
    // InfluxDB's delete API: no predicate deletes every point in the range.
    [
      "c.delete_api().delete('1970-01-01T00:00:00Z', '2030-01-01T00:00:00Z', '', bucket='prod', org='acme')",
      [['DELETE', 'TABLE', false]],
    ],
    [
      'c.delete_api().delete(start, stop, \'_measurement="cpu" AND host="a"\', bucket=\'prod\')',
      [['DELETE', 'TABLE', true]],
    ],
    [
      "c.delete_api().delete(start=a, stop=b, predicate='host=\"a\"', bucket='b')",
      [['DELETE', 'TABLE', true]],
    ],
    [
      "api.postDelete({ org, bucket, body: { start: '1970-01-01T00:00:00Z', stop: now } })",
      [['DELETE', 'TABLE', false]],
    ],
    // memcached clients emptying the server.
    ["Client(('memcache.prod.internal', 11211)).flush_all()", [['FLUSHALL', '', true]]],
    ["memcache.Client(['cache:11211']).flush_all()", [['FLUSHALL', '', true]]],
    // Reads, writes and text that only mentions the words.
    ["s.run('MATCH (n) RETURN count(n)')", []],
    ["s.run('CREATE (n:User {name: $name})', name='Ann')", []],
    ["print('run MATCH and DELETE later')", []],
    ['c.query_api().query(\'from(bucket: "prod") |> range(start: -1h)\')', []],
    ["Client(('localhost', 11211)).stats()", []],
    ["c.delete('session:42')", []],
  ])('%s', (code, want) => {
    expect(ops(code)).toEqual(want);
  });
});
