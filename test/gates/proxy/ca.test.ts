/**
 * The session CA's files: the bundle is the system trust store as it is, then the session
 * CA on a line of its own; a client trusting only that bundle completes a real TLS
 * handshake with a leaf the CA signs (the leaves' key pair is made on the first leaf).
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { createSessionCa } from '../../../src/gates/proxy/ca.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'agentfw-ca-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

describe('session CA', () => {
  it.each([
    ['a store ending in a newline', `${PEM}\n`, `${PEM}\n`],
    ['a store without a final newline', PEM, `${PEM}\n`],
    ['an empty store', '', ''],
    ['no store', undefined, ''],
  ])('bundle from %s: the store, then the session CA', (_what, store, before) => {
    const dir = mkdtempSync(path.join(tmp, 's-'));
    const storeFile = path.join(dir, 'store.pem');
    if (store !== undefined) writeFileSync(storeFile, store);
    const ca = createSessionCa(dir, 'abc', storeFile);
    expect(readFileSync(ca.bundlePath, 'utf8')).toBe(`${before}${ca.certPem}`);
    expect(readFileSync(ca.certPath, 'utf8')).toBe(ca.certPem);
    expect(statSync(ca.bundlePath).mode & 0o777).toBe(0o644);
  });

  it('signs a leaf a client trusting only the bundle accepts', async () => {
    const dir = mkdtempSync(path.join(tmp, 's-'));
    const ca = createSessionCa(dir, 'abc', '/nonexistent');
    expect(ca.leaves).toBe(0);
    const server = tls.createServer({ SNICallback: (host, cb) => cb(null, ca.contextFor(host)) }, (s) =>
      s.end('hello'),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const got = await new Promise<string>((resolve, reject) => {
        const c = tls.connect({
          host: '127.0.0.1',
          port,
          servername: 'api.example.test',
          ca: readFileSync(ca.bundlePath),
        });
        let data = '';
        c.on('data', (d: Buffer) => (data += d.toString()));
        c.on('end', () => resolve(data));
        c.on('error', reject);
      });
      expect(got).toBe('hello');
      expect(ca.leaves).toBe(1);
      // Control: a client with the system store alone refuses the same leaf.
      const refused = await new Promise<string>((resolve) => {
        const c = tls.connect({ host: '127.0.0.1', port, servername: 'api.example.test' });
        c.on('secureConnect', () => resolve('connected'));
        c.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      });
      expect(refused).toMatch(/CERT|SIGNED|VERIFY/);
    } finally {
      server.close();
    }
  });
});
