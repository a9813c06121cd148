/**
 * The supervisor's end of the sandbox's network bridge (sandbox/net-bridge.c): with
 * `--unshare-net` the agent has only a loopback interface; the bridge inside listens on
 * 127.0.0.1:<port> and sends each connection over a Unix socket (bound read-only into
 * the sandbox) to this server, which connects it to the egress proxy's TCP port on the
 * host's loopback. Only loopback targets are accepted.
 */
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { AgentfwError } from '../errors.js';
import { PACKAGE_ROOT } from '../gates/shim/client-path.js';
import { listenPrivate } from './unix-server.js';

/** Absolute path of the built bridge, or '' when it was not built. */
export function findNetBridge(root = PACKAGE_ROOT): string {
  const p = path.join(root, 'build', 'agentfw-net-bridge');
  return existsSync(p) ? p : '';
}

/** True for 127.0.0.0/8 and ::1: the only hosts the bridge forwards to. */
export function isLoopback(host: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '::1';
}

export interface NetBridge {
  socketPath: string;
  /** Connections forwarded so far. */
  readonly forwarded: number;
  /**
   * The client's source port inside the sandbox for the forwarded connection whose local
   * port (on the host, towards the proxy) is `hostPort`; undefined = not one of ours, or
   * a port claimed twice (not believed).
   */
  innerPort(hostPort: number): number | undefined;
  close(): Promise<void>;
}

/**
 * A connection the bridge accepted on a port other than the proxy's (a `--service` port):
 * `sock` is the Unix side after the header, `head` the bytes already read past it. The
 * handler owns the socket (it judges, connects or refuses). `innerPort` is the client's
 * source port inside the sandbox, believed only while no one else claims it.
 */
export type ServiceHandler = (conn: {
  port: number;
  innerPort: number;
  sock: net.Socket;
  head: Buffer;
}) => void;

/**
 * The bridge helper's first line on each connection: `AGENTFW-BRIDGE <client port> <port>\n`
 * (the port it was accepted on inside; absent = the proxy's).
 */
const HEADER = /^AGENTFW-BRIDGE ([1-9]\d{0,4})(?: ([1-9]\d{0,4}))?\n/;
/** Longest header accepted, bytes. */
const HEADER_MAX = 32;

/**
 * Serves `socketPath`: each connection is piped to `host:port` (loopback only), after the
 * helper's header line, which names the client's source port inside the sandbox.
 */
export async function startNetBridge(
  socketPath: string,
  host: string,
  port: number,
  services?: ServiceHandler,
): Promise<NetBridge> {
  if (!isLoopback(host) || !Number.isInteger(port) || port <= 0 || port > 65535)
    throw new AgentfwError(
      'E_SANDBOX_NET',
      `the sandbox's network bridge only forwards to a loopback port, not ${host}:${port}`,
      'give the egress proxy port on 127.0.0.1',
      2,
    );
  let forwarded = 0;
  /** host-side local port → inner client port, for live connections. */
  const inner = new Map<number, number>();
  /** `innerPort:port` → the live connection that claimed it (its Unix side). */
  const claimed = new Map<string, net.Socket>();
  /**
   * `innerPort:port` pairs claimed twice while live: someone other than the bridge named a
   * port (a forged claim). Both connections are ended and the pair is never attributed
   * again in this session. At most 65535 entries per port.
   */
  const disputed = new Set<string>();
  const server = await listenPrivate(socketPath, (sock) => {
    sock.on('error', () => sock.destroy());
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const nl = head.indexOf(10);
      if (nl < 0) {
        // fail closed: no header within the limit, no way out
        if (head.length > HEADER_MAX) sock.destroy();
        return;
      }
      sock.off('data', onData);
      sock.pause();
      const m = HEADER.exec(head.subarray(0, nl + 1).toString('latin1'));
      const innerPort = m ? Number(m[1]) : 0;
      const at = m?.[2] ? Number(m[2]) : port;
      // fail closed: a malformed header
      if (!innerPort || innerPort > 65535 || at > 65535) return void sock.destroy();
      // fail closed: a service port with no handler has no route
      if (at !== port && !services) return void sock.destroy();
      const key = `${innerPort}:${at}`;
      const earlier = claimed.get(key);
      if (earlier || disputed.has(key)) {
        // fail closed: a second claim of a live port: neither claim is believed, both end
        disputed.add(key);
        earlier?.destroy();
        return void sock.destroy();
      }
      claimed.set(key, sock);
      forwarded++;
      const rest = head.subarray(nl + 1);
      if (at !== port && services) {
        // A client that half-closes (`nc`, `printf … | client`) still gets the service's reply.
        sock.allowHalfOpen = true;
        sock.on('close', () => {
          if (claimed.get(key) === sock) claimed.delete(key);
        });
        return services({ port: at, innerPort, sock, head: rest });
      }
      const out = net.connect(port, host);
      let local = 0;
      out.on('connect', () => {
        local = out.localPort ?? 0;
        if (local) inner.set(local, innerPort);
        if (rest.length) out.write(rest);
        sock.pipe(out);
        out.pipe(sock);
        sock.resume();
      });
      const done = () => {
        if (local && inner.get(local) === innerPort) inner.delete(local);
        if (claimed.get(key) === sock) claimed.delete(key);
      };
      // either side closing ends the other (no half-dead pipes left open)
      out.on('close', () => {
        done();
        sock.destroy();
      });
      sock.on('close', () => {
        done();
        out.destroy();
      });
      // fail closed: either side failing ends both
      out.on('error', () => sock.destroy());
      sock.on('error', () => out.destroy());
    };
    sock.on('data', onData);
  });
  return {
    socketPath,
    get forwarded() {
      return forwarded;
    },
    innerPort: (hostPort) => {
      const p = inner.get(hostPort);
      return p === undefined || disputed.has(`${p}:${port}`) ? undefined : p;
    },
    close: server.close,
  };
}
