/**
 * Through the real proxy: requests whose content cannot be judged are held, never
 * forwarded unjudged (compressed bodies are read; an unknown encoding, a body over the
 * limit, a persisted-query hash only are asked and refused); an upstream that fails gives
 * a 502 from the proxy. Passthrough hosts are tunnelled opaquely (the client sees the
 * server's own certificate and nothing is judged).
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT, startRig, type Rig } from './helpers.js';

const run = promisify(execFile);
let rig: Rig;
beforeAll(async () => {
  rig = await startRig({ proxy: { maxBodyBytes: 64 * 1024, passthrough: ['localhost'] } });
}, 60_000);
afterAll(async () => rig?.close());

/** A plain-HTTP proxy request (absolute URL) with a raw body. */
function viaProxy(
  url: string,
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: rig.proxy.host,
        port: rig.proxy.port,
        method: 'POST',
        path: url,
        headers: { ...headers, 'content-length': String(body.length) },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    r.on('error', reject);
    r.end(body);
  });
}

describe('bodies the proxy cannot read are held', () => {
  const json = { 'content-type': 'application/json' };
  const cases: [string, Buffer, Record<string, string>, string][] = [
    [
      'gzip mutation (decoded, then judged)',
      zlib.gzipSync(INCIDENT),
      { ...json, 'content-encoding': 'gzip' },
      'graphql/destructive-mutation',
    ],
    [
      'brotli mutation',
      zlib.brotliCompressSync(INCIDENT),
      { ...json, 'content-encoding': 'br' },
      'graphql/destructive-mutation',
    ],
    [
      'unknown content-encoding',
      Buffer.from(INCIDENT),
      { ...json, 'content-encoding': 'zstd' },
      'agentfw/not-understood',
    ],
    [
      'body over the size limit',
      Buffer.from(JSON.stringify({ query: '{ me { id } }', pad: 'x'.repeat(100_000) })),
      json,
      'agentfw/not-understood',
    ],
    [
      'persisted-query hash only',
      Buffer.from(
        JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } }),
      ),
      json,
      'graphql/unparsed-body',
    ],
  ];
  it.each(cases)('%s', async (_n, body, headers, rule) => {
    const before = rig.api.received.length;
    const asked = rig.approver.seen.length;
    rig.approver.answers.push('deny');
    const r = await viaProxy(`${rig.api.httpUrl}/graphql/v2`, body, headers);
    expect(r.status).toBe(403);
    expect(r.text).toContain(rule);
    expect(rig.approver.seen.length).toBe(asked + 1);
    expect(rig.api.received.length).toBe(before);
  });

  it('control: the same gzip body is delivered when approved (the route works)', async () => {
    const before = rig.api.received.length;
    rig.approver.answers.push('allow');
    const r = await viaProxy(`${rig.api.httpUrl}/graphql/v2`, zlib.gzipSync(INCIDENT), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(r.status).toBe(200);
    expect(rig.api.received.length).toBe(before + 1);
  });
});

it('an upstream that refuses the connection gets a 502 from the proxy', async () => {
  const r = await viaProxy(
    'http://127.0.0.1:1/graphql',
    Buffer.from(JSON.stringify({ query: '{ me { id } }' })),
    {
      'content-type': 'application/json',
    },
  );
  expect(r.status).toBe(502);
  expect(r.text).toContain('it was not sent');
});

it('a passthrough host is tunnelled opaquely: the server certificate is its own and nothing is judged', async () => {
  const before = rig.api.received.length;
  const audits = rig.audit.length;
  const asked = rig.approver.seen.length;
  const url = `${rig.api.url.replace('127.0.0.1', 'localhost')}/graphql/v2`;
  // Trusting only the API's own CA: interception would fail the handshake.
  const r = await run(
    '/usr/bin/curl',
    ['-sS', '--cacert', rig.api.caPath, '-w', '\n%{http_code}', '-d', INCIDENT, url],
    {
      env: { ...process.env, ...rig.proxy.env, CURL_CA_BUNDLE: rig.api.caPath },
    },
  );
  expect(r.stdout.trim().split('\n').at(-1)).toBe('200');
  expect(rig.api.received.length).toBe(before + 1);
  expect(rig.audit.length).toBe(audits);
  expect(rig.approver.seen.length).toBe(asked);
});
