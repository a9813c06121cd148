/**
 * A loopback HTTP server standing in for a remote API (the incident's GraphQL endpoint).
 * It records every request it receives, so a test can prove a destructive call never
 * arrived.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SinkRequest {
  method: string;
  url: string;
  body: string;
}

export interface Sink {
  /** e.g. http://127.0.0.1:41235 (no trailing slash). */
  baseUrl: string;
  /** Every request received so far, in order; empty when none arrived. */
  requests: SinkRequest[];
  close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
  const requests: SinkRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data":{"volumeDelete":true}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
