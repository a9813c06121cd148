/**
 * GraphQL carried by programs that are not HTTP clients: platform CLIs, GraphQL CLIs and
 * any program given a document in an argument, option value, stdin or file. Real engine,
 * real parsing, real files in a scratch workspace.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, makeContext, type Engine } from '../../src/engine/analyze.js';
import { payloadReader } from '../../src/engine/payload-reader.js';
import type { AnalyzeContext, GraphqlFact } from '../../src/engine/types.js';

let engine: Engine;
let ctx: AnalyzeContext;
let root: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'agentfw-gqlcli-'));
  const ws = path.join(root, 'ws');
  fs.mkdirSync(ws, { recursive: true });
  fs.writeFileSync(path.join(ws, 'drop.graphql'), 'mutation Drop { serviceDelete(id: "svc-7") }\n');
  fs.writeFileSync(path.join(ws, 'me.graphql'), '{ me { id } }\n');
  fs.writeFileSync(
    path.join(ws, 'body.json'),
    '{"query":"mutation($v: String!) { volumeDelete(volumeId: $v) }","variables":{"v":"vol-3"}}',
  );
  engine = await loadEngine();
  ctx = makeContext({ cwd: ws, home: path.join(root, 'home'), env: {}, readFile: payloadReader(1 << 20) });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const run = (cmd: string) => {
  const d = engine.analyze(cmd, ctx);
  const g = d.facts.filter((f): f is GraphqlFact => f.kind === 'graphql');
  return { decision: d.decision, fields: g.map((f) => `${f.operation}:${f.field}:${f.resource ?? ''}`) };
};

describe('GraphQL documents carried by CLIs', () => {
  it.each<[string, string, string[]]>([
    ['railway api \'mutation { volumeDelete(volumeId: "v1") }\'', 'ask', ['mutation:volumeDelete:v1']],
    [
      'railway api --variables \'{"id":"p1"}\' \'mutation($id: String!) { projectDelete(id: $id) }\'',
      'ask',
      ['mutation:projectDelete:p1'],
    ],
    [
      "railway api --var id=e4 'mutation($id: String!) { environmentDelete(id: $id) }'",
      'ask',
      ['mutation:environmentDelete:e4'],
    ],
    ['echo \'mutation { volumeDelete(volumeId: "v2") }\' | railway api', 'ask', ['mutation:volumeDelete:v2']],
    [
      'railway api <<\'EOF\'\nmutation { volumeDelete(volumeId: "v5") }\nEOF',
      'ask',
      ['mutation:volumeDelete:v5'],
    ],
    ['railway api --file drop.graphql', 'ask', ['mutation:serviceDelete:svc-7']],
    ['railway api --file body.json', 'ask', ['mutation:volumeDelete:vol-3']],
    [
      "gq https://h.example.com/v1/graphql -q 'mutation { delete_orders(where: {}) { affected_rows } }'",
      'ask',
      ['mutation:delete_orders:{}'],
    ],
    [
      'anytool push --query=\'mutation Wipe { wipeTenant(tenant: "t1") { ok } }\'',
      'ask',
      ['mutation:wipeTenant:t1'],
    ],
    // an operation written inside inline code (a GraphQL client library, no HTTP call seen)
    [
      `python3 -c "from gql import gql, Client; c.execute(gql('mutation { deleteProject(id: 1) { id } }'))"`,
      'ask',
      ['mutation:deleteProject:1'],
    ],
    [
      `node -e 'client.request(\`mutation { volumeDelete(volumeId: "v9") }\`)'`,
      'ask',
      ['mutation:volumeDelete:v9'],
    ],
    [`python3 -c "c.execute(gql('query { projects { id } }'))"`, 'allow', ['query:projects:projects']],
    // JSON messages of a subscription protocol (graphql-ws, subscriptions-transport-ws), one per line
    [
      `printf '%s\\n' '{"type":"connection_init"}' '{"id":"1","type":"subscribe","payload":{"query":"mutation { deleteChannel(id: \\"general\\") { id } }"}}' | websocat wss://chat.example.com/graphql`,
      'ask',
      ['mutation:deleteChannel:general'],
    ],
    [
      `echo '{"type":"start","id":"1","payload":{"query":"mutation { wipeTenant(id: \\"t1\\") { ok } }"}}' | wscat -c wss://h.example.com/graphql`,
      'ask',
      ['mutation:wipeTenant:t1'],
    ],
    [
      `printf '%s\\n' '{"type":"connection_init"}' '{"id":"1","type":"subscribe","payload":{"query":"subscription { logs(id: \\"d1\\") { message } }"}}' | websocat ws://localhost:4000/graphql`,
      'allow',
      [],
    ],
    // unreadable documents given to a GraphQL CLI: fail closed
    ['railway api --file missing.graphql', 'ask', []],
    ['some-generator | railway api', 'ask', []],
    // reads and schema searches are not deletes
    ['railway api search delete', 'allow', []],
    ["railway api 'query { me { projects { edges { node { id } } } } }'", 'allow', ['query:me:me']],
    ['gq https://h.example.com/graphql --file me.graphql', 'allow', ['query:me:me']],
    ["git commit -m 'mutation { deleteUser }'", 'allow', []],
    ["anytool --note 'query params { are fine }'", 'allow', []],
  ])('%s → %s', (cmd, decision, fields) => {
    const r = run(cmd);
    expect(r.decision).toBe(decision);
    for (const f of fields) expect(r.fields).toContain(f);
    if (decision === 'allow') expect(r.fields.filter((f) => !/^(query|subscription):/.test(f))).toEqual([]);
  });
});
