/**
 * Clients that hang up: whatever a client does with its connection, the proxy closes its own
 * side and `close()` (awaited when a session ends) returns. The regression: a program that
 * sends CONNECT and exits right after the `200` (terraform's check for updates does this when
 * the command itself is quick) left the proxy's socket half-open, so the session never ended.
 * Each case ends with the client seeing the proxy close the connection (an event, not a
 * timer) and with `close()` resolving; the last ones show that a tunnel still carries a
 * request to the loopback API (the change closes only what the client already left).
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from './helpers.js';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** Connects to the proxy, sends CONNECT for `authority`, resolves with the socket once the answer's head arrived. */
function connectTunnel(port: number, authority: string): Promise<{ sock: net.Socket; head: string }> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1', () =>
      sock.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`),
    );
    sock.once('error', reject);
    sock.once('data', (d: Buffer) => resolve({ sock, head: d.toString('latin1') }));
  });
}

/** Resolves when the proxy has closed the connection (the client's 'close' event). */
const closedByProxy = (sock: net.Socket) =>
  new Promise<void>((r) => (sock.destroyed ? r() : sock.once('close', () => r())));

type Step = (r: Rig) => Promise<net.Socket>;

const HANG_UPS: [string, Step][] = [
  [
    'CONNECT to an intercepted host, then the client exits before its first byte',
    async (r) => {
      const { sock, head } = await connectTunnel(r.proxy.port, 'checkpoint.example:443');
      expect(head).toMatch(/^HTTP\/1\.1 200/);
      sock.end();
      return sock;
    },
  ],
  [
    'CONNECT to a passthrough host, then the client exits before its first byte',
    async (r) => {
      const { sock, head } = await connectTunnel(r.proxy.port, `localhost:${r.api.port}`);
      expect(head).toMatch(/^HTTP\/1\.1 200/);
      sock.end();
      return sock;
    },
  ],
  [
    'a TLS request through CONNECT, then the client half-closes',
    async (r) => {
      const { sock } = await connectTunnel(r.proxy.port, 'checkpoint.example:443');
      const t = tls.connect({
        socket: sock,
        servername: 'checkpoint.example',
        ca: [readFileSync(r.proxy.caCertPath)],
      });
      await new Promise<void>((ok, ko) => {
        t.once('error', ko);
        t.once('secureConnect', () => ok());
      });
      t.end();
      return sock;
    },
  ],
  [
    'a plain keep-alive request, then the client half-closes',
    async (r) => {
      const sock = net.connect(r.proxy.port, '127.0.0.1', () =>
        sock.write(`GET ${r.api.httpUrl}/health HTTP/1.1\r\nHost: x\r\n\r\n`),
      );
      await new Promise((ok) => sock.once('data', ok));
      sock.end();
      return sock;
    },
  ],
];

describe('egress proxy: clients that hang up', () => {
  it.each(HANG_UPS)(
    '%s: the proxy closes its side and close() returns',
    async (_name, step) => {
      rig = await startRig({ proxy: { passthrough: ['localhost'] } });
      const sock = await step(rig);
      await closedByProxy(sock);
      await rig.proxy.close();
      expect(sock.destroyed).toBe(true);
    },
    30_000,
  );

  it('an idle tunnel left open by a running client is dropped by close()', async () => {
    rig = await startRig({ proxy: { passthrough: ['localhost'] } });
    const { sock, head } = await connectTunnel(rig.proxy.port, `localhost:${rig.api.port}`);
    expect(head).toMatch(/^HTTP\/1\.1 200/);
    const closed = closedByProxy(sock);
    await rig.proxy.close();
    await closed;
    expect(sock.destroyed).toBe(true);
  }, 30_000);

  it('control: a request through a CONNECT tunnel still arrives at the loopback API', async () => {
    rig = await startRig({ proxy: { passthrough: ['localhost'] } });
    const { sock } = await connectTunnel(rig.proxy.port, `localhost:${rig.api.port}`);
    const t = tls.connect({ socket: sock, servername: 'localhost', ca: [rig.api.caPem] });
    await new Promise<void>((ok, ko) => {
      t.once('secureConnect', () => ok());
      t.once('error', ko);
    });
    const answer = new Promise<string>((ok) => {
      let text = '';
      t.on('data', (d: Buffer) => (text += d.toString('utf8')));
      t.on('end', () => ok(text));
    });
    t.write('GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(await answer).toMatch(/^HTTP\/1\.1 200/);
    expect(rig.api.received.map((q) => q.path)).toEqual(['/hello']);
  }, 30_000);
});
