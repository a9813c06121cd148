/**
 * Host services of a sandboxed session: connections the network bridge accepted inside
 * the sandbox on a port other than the egress proxy's (sandbox/net-bridge.c `--service`).
 *
 * - a declared `postgres` service: each query judged (pg-session.ts), audited, asked;
 * - a declared `redis` service: each command judged (redis-session.ts), audited, asked;
 * - a declared `tcp` service with `trust_raw: true`: passed through UNJUDGED, one audit
 *   record per connection that says so;
 * - any other port (a host port that is listening but not declared): no route; the client
 *   is told why and how to declare it (explain.ts), and the attempt is audited as denied.
 */
import net from 'node:net';
import type { DeclaredService } from '../../../config/services.js';
import type { JudgeDeps, Sender } from '../judge.js';
import { explainUndeclared, undeclaredText } from './explain.js';
import { judgeService } from './judge-service.js';
import { servePostgres } from './pg-session.js';
import { serveRedis } from './redis-session.js';

export { listeningLoopbackPorts } from './host-ports.js';
export { undeclaredText } from './explain.js';

export interface HostServicesOptions {
  /** Declared services in effect (src/config/services.ts). Empty = none. */
  services: DeclaredService[];
  /** Host ports answered with an explanation (listening, not declared). Empty = none. */
  explained: number[];
  deps: JudgeDeps;
  headless(): boolean;
  /** The process inside the sandbox that opened the connection from `innerPort` to `port`. */
  sender(innerPort: number, port: number): Sender;
  /** Where the services really are. Default 127.0.0.1. */
  host?: string;
}

export interface HostServices {
  /** Every port the bridge must listen on besides the proxy's: declared, then explained. */
  ports: number[];
  /** The bridge's handler (src/supervisor/sandbox-net.ts ServiceHandler). */
  handle(conn: { port: number; innerPort: number; sock: net.Socket; head: Buffer }): void;
  /** One line per service for the start banner. */
  banner(): string[];
}

export function createHostServices(o: HostServicesOptions): HostServices {
  const host = o.host ?? '127.0.0.1';
  const byPort = new Map(o.services.map((s) => [s.port, s]));
  const explained = o.explained.filter((p) => !byPort.has(p));
  const audit = (command: string, allow: boolean, reason: string, rules: string[] = []) =>
    o.deps.audit?.({
      layer: 'proxy',
      cwd: o.deps.cwd,
      command: o.deps.secrets.mask(command),
      decision: allow ? 'allow' : 'deny',
      verdict: allow ? 'allow' : 'deny',
      rules,
      approver: 'policy',
      reason,
    });
  const senderFor = (innerPort: number, port: number): (() => Sender) => {
    let cached: Sender | undefined;
    return () => (cached ??= o.sender(innerPort, port));
  };

  return {
    ports: [...byPort.keys(), ...explained],
    banner: () => [
      ...o.services.map((s) =>
        s.protocol === 'tcp'
          ? `127.0.0.1:${s.port} (${s.label}): raw TCP passed through UNJUDGED (trust_raw in ${s.file})`
          : `127.0.0.1:${s.port} (${s.label}): each ${s.protocol === 'redis' ? 'command' : 'query'} judged`,
      ),
      ...(explained.length
        ? [
            `other host ports listening now (${explained.slice(0, 12).join(', ')}${explained.length > 12 ? `, +${explained.length - 12} more` : ''}): no route, the client is told how to declare them`,
          ]
        : []),
    ],
    handle({ port, innerPort, sock, head }) {
      sock.on('error', () => sock.destroy());
      const svc = byPort.get(port);
      const who = senderFor(innerPort, port);
      if (!svc) {
        const from = who();
        audit(
          `tcp 127.0.0.1:${port}${from.cmdline ? `, from: ${from.cmdline}` : ''}`,
          false,
          `not a declared host service: ${undeclaredText(port)}`,
          ['agentfw/undeclared-service'],
        );
        return explainUndeclared(sock, head, port);
      }
      if (svc.protocol === 'postgres')
        return servePostgres({
          client: sock,
          head,
          port,
          host,
          headless: o.headless,
          judge: (action, signal) => judgeService(o.deps, action, who, signal),
        });
      if (svc.protocol === 'redis')
        return serveRedis({
          client: sock,
          head,
          port,
          host,
          headless: o.headless,
          judge: (action, signal) => judgeService(o.deps, action, who, signal),
        });
      // protocol tcp, trust_raw: true (the schema refuses tcp without it)
      const from = who();
      audit(
        `tcp 127.0.0.1:${port} (${svc.label})${from.cmdline ? `, from: ${from.cmdline}` : ''}`,
        true,
        `UNJUDGED: raw TCP to a host service declared with trust_raw in ${svc.file}; nothing on this connection is checked`,
      );
      const out = net.connect(port, host);
      out.on('connect', () => {
        if (head.length) out.write(head);
        sock.pipe(out);
        out.pipe(sock);
        sock.resume();
      });
      out.on('error', () => sock.destroy());
      // the service closed: what it sent is flushed to the client before the socket goes
      out.on('close', () => {
        sock.end();
        setTimeout(() => sock.destroy(), 5000).unref();
      });
      sock.on('close', () => out.destroy());
    },
  };
}
