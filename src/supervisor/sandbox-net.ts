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
import { PACKAGE_ROOT } from '../shim/client-path.js';
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
  close(): Promise<void>;
}

/** Serves `socketPath`: each connection is piped to `host:port` (loopback only). */
export async function startNetBridge(socketPath: string, host: string, port: number): Promise<NetBridge> {
  if (!isLoopback(host) || !Number.isInteger(port) || port <= 0 || port > 65535)
    throw new AgentfwError(
      'E_SANDBOX_NET',
      `the sandbox's network bridge only forwards to a loopback port, not ${host}:${port}`,
      'give the egress proxy port on 127.0.0.1',
      2,
    );
  let forwarded = 0;
  const server = await listenPrivate(socketPath, (sock) => {
    forwarded++;
    const out = net.connect(port, host);
    // fail closed: either side failing ends both
    out.on('error', () => sock.destroy());
    sock.on('error', () => out.destroy());
    sock.pipe(out);
    out.pipe(sock);
  });
  return {
    socketPath,
    get forwarded() {
      return forwarded;
    },
    close: server.close,
  };
}
