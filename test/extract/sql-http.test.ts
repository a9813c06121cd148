import { analyzeContext, command, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { SqlFact } from '../../src/engine/types.js';
import { extractSql } from '../../src/extract/sql.js';

const ctx = analyzeContext(WS, { readFile: () => undefined });
const facts = (argv: string[]) =>
  (extractSql(command(argv), ctx, []) as SqlFact[]).map((f) => [
    f.statement,
    f.object,
    f.name,
    f.where,
    f.target,
  ]);

describe('SQL sent to a database HTTP API', () => {
  it.each<[string[], (string | boolean)[][]]>([
    [
      [
        'curl',
        '-s',
        'https://hasura.example.io/v2/query',
        '-H',
        'x-hasura-admin-secret: $S',
        '--json',
        '{"type":"run_sql","args":{"source":"default","sql":"DROP TABLE orders CASCADE;"}}',
      ],
      [['DROP', 'TABLE', 'orders', true, 'hasura.example.io']],
    ],
    [
      [
        'curl',
        'https://h.example.io/v2/query',
        '-d',
        '{"type":"bulk","args":[{"type":"run_sql","args":{"sql":"TRUNCATE t"}}]}',
      ],
      [['TRUNCATE', 'TABLE', 't', true, 'h.example.io']],
    ],
    [
      [
        'curl',
        '-X',
        'POST',
        'https://dbc-1.cloud.databricks.com/api/2.0/sql/statements',
        '-d',
        '{"statement":"DELETE FROM sales.orders","warehouse_id":"w"}',
      ],
      [['DELETE', '', 'sales.orders', false, 'dbc-1.cloud.databricks.com']],
    ],
    [
      [
        'curl',
        'https://api.cloudflare.com/client/v4/accounts/a/d1/database/d/query',
        '--data',
        '{"sql":"DROP TABLE users"}',
      ],
      [['DROP', 'TABLE', 'users', true, 'api.cloudflare.com']],
    ],
    [
      ['curl', 'http://ch.internal:8123/', '--data-binary', 'TRUNCATE TABLE events'],
      [['TRUNCATE', 'TABLE', 'events', true, 'ch.internal']],
    ],
    [
      ['curl', 'http://ch.internal:8123/?query=DROP%20TABLE%20events'],
      [['DROP', 'TABLE', 'events', true, 'ch.internal']],
    ],
    [
      ['curl', '-XPOST', 'http://influx.internal:8086/query', '--data-urlencode', 'q=DROP DATABASE telegraf'],
      [['DROP', 'DATABASE', 'telegraf', true, 'influx.internal']],
    ],
    [
      ['curl', 'https://h.example.io/v2/query', '-d', '@missing.json'],
      [['UNKNOWN', '', 'request body', true, 'h.example.io']],
    ],
    // rqlite's array of statements, Manticore's /cli and /sql, and other endpoints whose path names SQL.
    [
      ['curl', '-XPOST', 'http://rq.internal:4001/db/execute?pretty', '-d', '["DROP TABLE sessions"]'],
      [['DROP', 'TABLE', 'sessions', true, 'rq.internal']],
    ],
    [
      [
        'curl',
        'http://rq.internal:4001/db/request',
        '-d',
        '[["DELETE FROM t WHERE id=?", 1], ["DELETE FROM u"]]',
      ],
      [
        ['DELETE', '', 't', true, 'rq.internal'],
        ['DELETE', '', 'u', false, 'rq.internal'],
      ],
    ],
    [
      ['curl', 'http://rq.internal:4001/db/execute', '-d', '@missing.json'],
      [['UNKNOWN', '', 'request body', true, 'rq.internal']],
    ],
    [
      ['curl', '-s', 'http://mc.internal:9308/cli', '-d', 'DROP TABLE products'],
      [['DROP', 'TABLE', 'products', true, 'mc.internal']],
    ],
    [
      ['curl', 'http://mc.internal:9308/sql?mode=raw', '-d', 'query=TRUNCATE TABLE products'],
      [['TRUNCATE', 'TABLE', 'products', true, 'mc.internal']],
    ],
    [
      ['curl', 'http://ksql.internal:8088/ksql', '-d', '{"ksql":"DROP STREAM orders DELETE TOPIC;"}'],
      [['DROP', 'STREAM', 'orders', true, 'ksql.internal']],
    ],
    [
      ['curl', 'https://dremio.example.io/api/v3/sql', '--json', '{"sql":"DROP TABLE s3.events"}'],
      [['DROP', 'TABLE', 's3.events', true, 'dremio.example.io']],
    ],
    [
      ['curl', 'http://cb.internal:8093/query/service', '-d', 'statement=DELETE FROM orders'],
      [['DELETE', '', 'orders', false, 'cb.internal']],
    ],
    // Reads, and APIs that are not SQL.
    [
      ['curl', '-s', 'http://mc.internal:9308/cli', '-d', 'SHOW TABLES'],
      [['SHOW', '', '', true, 'mc.internal']],
    ],
    [['curl', 'https://api.example.com/v1/query', '--json', '{"text":"drop the old rows"}'], []],
    [['curl', 'https://api.example.com/messages', '--json', '{"text":"DROP TABLE users"}'], []],
    [['curl', 'https://api.example.com/api/v3/sql', '-d', '@missing.json'], []],
    [
      [
        'curl',
        'https://h.example.io/v2/query',
        '--json',
        '{"type":"run_sql","args":{"sql":"SELECT count(*) FROM orders"}}',
      ],
      [['SELECT', '', '', true, 'h.example.io']],
    ],
    [['curl', 'http://ch.internal:8123/?query=SELECT%201'], [['SELECT', '', '', true, 'ch.internal']]],
    [['curl', 'https://prom.internal/api/v1/query', '--data-urlencode', 'query=up'], []],
    [['curl', 'https://api.example.com/v2/query', '--json', '{"query":"DROP TABLE x"}'], []],
    [['curl', 'https://example.com/'], []],
    // httpie/xh items build the JSON body the SQL is read from, like curl's --json
    [
      [
        'http',
        'POST',
        'https://h.example.io/v2/query',
        'X-Hasura-Admin-Secret:fake',
        'type=run_sql',
        'args:={"source":"default","sql":"DROP SCHEMA public CASCADE"}',
      ],
      [['DROP', 'SCHEMA', 'public', true, 'h.example.io']],
    ],
    [
      ['xh', 'POST', 'h.example.io/v2/query', 'type=run_sql', 'args[sql]=TRUNCATE orders'],
      [['TRUNCATE', 'TABLE', 'orders', true, 'h.example.io']],
    ],
    [
      ['https', 'POST', 'db.example.io/api/2.0/sql/statements', 'statement=DELETE FROM c', 'warehouse_id=w'],
      [['DELETE', '', 'c', false, 'db.example.io']],
    ],
    [
      ['xhs', 'post', 'db.example.io/_sql', 'stmt=DROP TABLE doc.e'],
      [['DROP', 'TABLE', 'doc.e', true, 'db.example.io']],
    ],
    [
      ['http', 'POST', 'h.example.io/v2/query', 'type=run_sql', 'args:={"sql":"SELECT 1"}'],
      [['SELECT', '', '', true, 'h.example.io']],
    ],
    [['http', 'POST', 'api.example.io/v2/query', 'text=DROP TABLE users'], []],
  ])('%j', (argv, want) => {
    expect(facts(argv)).toEqual(want);
  });
});
