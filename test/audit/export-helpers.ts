/** Shared set-up for the audit export tests: a temp dir, a real audit writer, a loopback OTLP collector. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { AuditWriter } from '../../src/audit/writer.js';

/** Writes `n` records to a real audit log; returns the exact lines written. */
export function writeRecords(w: AuditWriter, n: number, from = 0): string[] {
  const out: string[] = [];
  for (let i = from; i < from + n; i++) {
    const deny = i % 3 === 2;
    out.push(
      w.append({
        layer: 'shell',
        cwd: '/work/project',
        command: deny ? `rm -rf /srv/data-${i}` : `ls -la dir-${i}`,
        decision: deny ? 'deny' : 'allow',
        verdict: deny ? 'deny' : 'allow',
        rules: deny ? ['filesystem/recursive-delete-outside'] : [],
        approver: 'policy',
        reason: deny ? 'recursive delete outside the workspace' : 'no rule matched',
      }),
    );
  }
  return out;
}

/** A free loopback port (listen on 0, close). */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export interface OtlpLog {
  body: string;
  severityNumber: number;
  attributes: Record<string, unknown>;
}

type AnyValue = { stringValue?: string; intValue?: number; arrayValue?: { values: AnyValue[] } };
const value = (v: AnyValue): unknown =>
  v.arrayValue ? v.arrayValue.values.map(value) : (v.stringValue ?? v.intValue);

/** A loopback OTLP/HTTP collector that decodes the JSON the official exporter posts. */
export async function startCollector(port = 0): Promise<{
  url: string;
  port: number;
  logs: OtlpLog[];
  requests: number;
  close: () => Promise<void>;
}> {
  const state = { logs: [] as OtlpLog[], requests: 0 };
  const srv = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests += 1;
      const msg = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        resourceLogs: {
          scopeLogs: {
            logRecords: {
              body: AnyValue;
              severityNumber: number;
              attributes: { key: string; value: AnyValue }[];
            }[];
          }[];
        }[];
      };
      for (const rl of msg.resourceLogs)
        for (const sl of rl.scopeLogs)
          for (const lr of sl.logRecords)
            state.logs.push({
              body: String(value(lr.body)),
              severityNumber: lr.severityNumber,
              attributes: Object.fromEntries(lr.attributes.map((a) => [a.key, value(a.value)])),
            });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((r) => srv.listen(port, '127.0.0.1', () => r()));
  const p = (srv.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${p}/v1/logs`,
    port: p,
    get logs() {
      return state.logs;
    },
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((r) => {
        srv.closeAllConnections();
        srv.close(() => r());
      }),
  };
}

/** Polls `cond` every 20 ms for up to `ms` (bounded). */
export async function until(cond: () => boolean, ms = 15_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return cond();
}
