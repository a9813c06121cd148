/**
 * The supervisor's end of the sandbox's network bridge, with real sockets: a connection is
 * forwarded to the loopback target only after the bridge helper's header line, whose inner
 * client port is then known by the host-side local port; a malformed or missing header, an
 * oversized one, or a second claim of a live port never reaches the target (fail closed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopback, startNetBridge, type NetBridge } from '../../src/supervisor/sandbox-net.js';

let dir: string;
let target: net.Server;
let bridge: NetBridge;
/** What the target received, per connection, and the connection's remote port. */
const got: { port: number; data: string }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'afw-net-'));
  target = net.createServer((s) => {
    const rec = { port: s.remotePort ?? 0, data: '' };
    got.push(rec);
    s.on('data', (d) => {
      rec.data += d.toString('latin1');
      s.write(`echo:${d.toString('latin1')}`);
    });
  });
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  bridge = await startNetBridge(
    path.join(dir, 'net.sock'),
    '127.0.0.1',
    (target.address() as net.AddressInfo).port,
  );
});
afterAll(async () => {
  await bridge?.close();
  await new Promise<void>((r) => target.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

/** Connects to the bridge, writes `first`, collects the answer until `echo:<expect>`, close or 1.5 s. */
function send(first: string, expect = ''): Promise<{ answer: string; closed: boolean; sock: net.Socket }> {
  return new Promise((resolve) => {
    const sock = net.connect(bridge.socketPath);
    let answer = '';
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      resolve({ answer, closed, sock });
    };
    sock.on('data', (d) => {
      answer += d.toString('latin1');
      if (expect && answer === `echo:${expect}`) finish(false);
    });
    sock.on('close', () => finish(true));
    sock.on('error', () => finish(true));
    sock.on('connect', () => sock.write(first));
    setTimeout(() => finish(false), 1500);
  });
}

describe('startNetBridge', () => {
  it('forwards after a valid header, without the header, and maps the host port to the inner port', async () => {
    const before = got.length;
    const r = await send('AGENTFW-BRIDGE 40123\nhello', 'hello');
    expect(r.answer).toBe('echo:hello');
    expect(got.slice(before).map((g) => g.data)).toEqual(['hello']);
    expect(bridge.innerPort(got[before].port)).toBe(40123);
    r.sock.destroy();
  });

  it('a second claim of a live port ends both connections and the port is never attributed', async () => {
    const first = await send('AGENTFW-BRIDGE 40200\none', 'one');
    expect(first.answer).toBe('echo:one');
    const firstHostPort = got[got.length - 1].port;
    expect(bridge.innerPort(firstHostPort)).toBe(40200);
    const before = got.length;
    const firstClosed = new Promise<void>((r) =>
      first.sock.destroyed ? r() : first.sock.once('close', () => r()),
    );
    const second = await send('AGENTFW-BRIDGE 40200\ntwo', 'two');
    expect(second.closed).toBe(true);
    expect(got.length).toBe(before);
    await firstClosed;
    expect(bridge.innerPort(firstHostPort)).toBeUndefined();
    // later claims of the disputed port are refused too
    const third = await send('AGENTFW-BRIDGE 40200\nthree', 'three');
    expect(third.closed).toBe(true);
    expect(got.length).toBe(before);
  });

  it.each([
    ['no header at all', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a header with port 0', 'AGENTFW-BRIDGE 0\nhello'],
    ['a header with a port over 65535', 'AGENTFW-BRIDGE 70000\nhello'],
    ['a header with extra words', 'AGENTFW-BRIDGE 40300 pid=1\nhello'],
    ['a header with a service port over 65535', 'AGENTFW-BRIDGE 40301 70000\nhello'],
    ['an oversized first line', 'AGENTFW-BRIDGE ' + '1'.repeat(64)],
  ])('fail closed: %s never reaches the target', async (_name, first) => {
    const before = got.length;
    const r = await send(first);
    expect(r.closed).toBe(true);
    expect(r.answer).toBe('');
    expect(got.length).toBe(before);
  });

  it('a header naming the proxy port itself is the proxy path', async () => {
    const port = (target.address() as net.AddressInfo).port;
    const r = await send(`AGENTFW-BRIDGE 40400 ${port}\nhi`, 'hi');
    expect(r.answer).toBe('echo:hi');
    r.sock.destroy();
  });

  it('fail closed: a service port on a bridge without service handler has no route', async () => {
    const before = got.length;
    const r = await send('AGENTFW-BRIDGE 40401 5432\nhello');
    expect(r.closed).toBe(true);
    expect(got.length).toBe(before);
  });

  it('a service port goes to the handler with the inner port and the bytes after the header', async () => {
    const seen: { port: number; innerPort: number; head: string }[] = [];
    const svc = await startNetBridge(path.join(dir, 'svc.sock'), '127.0.0.1', 9, (c) => {
      seen.push({ port: c.port, innerPort: c.innerPort, head: c.head.toString() });
      c.sock.end('handled');
    });
    try {
      const answer = await new Promise<string>((resolve) => {
        const sock = net.connect(svc.socketPath, () => sock.write('AGENTFW-BRIDGE 40500 5432\nstartup'));
        let a = '';
        sock.on('data', (d) => (a += d.toString()));
        sock.on('close', () => resolve(a));
      });
      expect(answer).toBe('handled');
      expect(seen).toEqual([{ port: 5432, innerPort: 40500, head: 'startup' }]);
    } finally {
      await svc.close();
    }
  });

  it.each([
    ['127.0.0.1', true],
    ['127.10.0.5', true],
    ['::1', true],
    ['10.0.0.1', false],
    ['localhost', false],
  ])('isLoopback(%s) = %s', (host, want) => {
    expect(isLoopback(host)).toBe(want);
  });
});
