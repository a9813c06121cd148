/**
 * A fake Railway-like GraphQL API on 127.0.0.1 (random port) for `agentfw demo` and the
 * tests: it parses each POSTed body with the `graphql` package and records every
 * operation it receives, so a caller can prove that no destructive mutation arrived.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

export interface ReceivedOperation {
  /** query | mutation | subscription, or `unparsed` when the body was not GraphQL. */
  operation: string;
  /** Top-level field names selected. Empty for unparsed bodies. */
  fields: string[];
  /** Request path, e.g. /graphql/v2. */
  path: string;
  /** HTTP method. */
  method: string;
}

export interface FakeApi {
  port: number;
  /** Base URL, e.g. http://127.0.0.1:43123. */
  url: string;
  /** Every request received, in order. */
  received: ReceivedOperation[];
  /** Mutations received (any field). */
  mutations(): ReceivedOperation[];
  close(): Promise<void>;
}

function operationsOf(body: string): { operation: string; fields: string[] }[] {
  let query = body;
  try {
    const j = JSON.parse(body) as { query?: unknown };
    if (typeof j.query === 'string') query = j.query;
  } catch {
    /* a raw GraphQL document */
  }
  try {
    const doc = parse(query);
    return doc.definitions
      .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
      .map((d) => ({
        operation: d.operation,
        fields: d.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])),
      }));
  } catch {
    return [{ operation: 'unparsed', fields: [] }];
  }
}

export async function startFakeApi(): Promise<FakeApi> {
  const received: ReceivedOperation[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const ops = body ? operationsOf(body) : [{ operation: 'unparsed', fields: [] }];
      for (const op of ops) received.push({ ...op, path: req.url ?? '', method: req.method ?? '' });
      res.writeHead(200, { 'content-type': 'application/json' });
      const mutated = ops.some((o) => o.operation === 'mutation');
      res.end(JSON.stringify({ data: mutated ? { volumeDelete: true } : { me: { name: 'demo' } } }) + '\n');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    received,
    mutations: () => received.filter((r) => r.operation === 'mutation'),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections?.();
        server.close(() => r());
      }),
  };
}
