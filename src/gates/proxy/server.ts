/**
 * The proxy's sockets: one HTTP server on loopback that takes plain proxy requests
 * (`GET http://host/…`) and `CONNECT host:port`. CONNECT to a passthrough host becomes an
 * opaque tunnel; any other CONNECT is terminated with a leaf certificate of the session CA
 * and its requests are judged like plain ones. Every judged request is either forwarded
 * after an allow, or answered by the proxy itself; nothing is forwarded unjudged.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { hostMatches } from '../../secrets/env.js';
import { collectBody, decodeBody } from './body.js';
import type { SessionCa } from './ca.js';
import { attribute, cmdlineText, type Attribution } from './attribute.js';
import type { ProxiedRequest } from './facts.js';
import { judge, type JudgeDeps, type Sender } from './judge.js';
import { createUpstream } from './forward.js';
import { proxyErrorBody, refusalBody, send } from './respond.js';

export interface ServerOptions {
  ca: SessionCa;
  deps: JudgeDeps;
  /** Hosts tunnelled without interception (patterns as in secrets.yaml: `*.cursor.sh`). Empty = none. */
  passthrough: string[];
  /** Largest request body judged, bytes; larger → held (fail closed). */
  maxBodyBytes: number;
  /** Extra CA certificates (PEM) trusted for upstream servers, besides Node's built-in store. Empty = none. */
  upstreamCa: string[];
  /** Where to really connect for `host:port`; absent = there. (Tests point a public name at loopback.) */
  upstream?: (host: string, port: number) => { host: string; port: number };
  /** Whether asks are settled without a human (wording of refusals). */
  headless: () => boolean;
  /**
   * Which process sent a connection from `clientPort` to our `serverPort` (the sandbox's
   * network bridge: the sender is inside another network namespace). Absent = look in this
   * namespace (attribute.ts).
   */
  attribute?: (clientPort: number, serverPort: number) => Attribution;
}

interface Target {
  host: string;
  port: number;
}

export function createProxyServer(o: ServerOptions): { server: http.Server; close(): void } {
  const tlsTargets = new WeakMap<net.Socket, Target>();
  const upstream = createUpstream(o.upstreamCa, o.upstream);
  const tunnels = new Set<net.Socket>();
  let listenPort = 0;

  const senderOf = (sock: net.Socket): (() => Sender) => {
    let cached: Sender | undefined;
    return () => {
      if (cached) return cached;
      // A TLS socket wraps the client's TCP socket; the source port is the TCP one's.
      const raw = (sock as tls.TLSSocket & { _parent?: net.Socket })._parent ?? sock;
      const port = raw.remotePort ?? 0;
      const a = port ? (o.attribute ?? attribute)(port, listenPort) : { pid: 0, argv: [] };
      const cmdline = o.deps.secrets.mask(cmdlineText(a.argv));
      cached = { pid: a.pid, cmdline, program: a.argv[0]?.split('/').pop() ?? '' };
      return cached;
    };
  };

  const handle = async (
    req: IncomingMessage,
    res: ServerResponse,
    target?: Target,
    scheme = 'https',
  ): Promise<void> => {
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    let url: URL;
    try {
      url = target
        ? new URL(`${scheme}://${hostPort(target, scheme)}${req.url ?? '/'}`)
        : new URL(req.url ?? '');
      if (!target && url.protocol !== 'http:') throw new Error('not an absolute http URL');
    } catch {
      send(res, {
        status: 400,
        contentType: 'text/plain',
        text: 'agentfw proxy: send absolute http:// URLs, or CONNECT for https.\n',
      });
      return;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined) continue;
      headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    }
    const { raw, tooLarge } = await collectBody(req, o.maxBodyBytes);
    let body: string | undefined;
    let bodyIssue = '';
    if (tooLarge) {
      bodyIssue = `the body is larger than ${o.maxBodyBytes} bytes`;
      // The rest of the body is never read: this connection cannot carry another request.
      res.shouldKeepAlive = false;
    } else if (raw.length) {
      const d = decodeBody(raw, headers['content-encoding'], o.maxBodyBytes);
      if (d.ok) body = d.text;
      else bodyIssue = d.why;
    }
    const preq: ProxiedRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      url: url.href,
      headers,
      body,
      bodyIssue,
      tool: '',
    };
    const j = await judge(o.deps, preq, senderOf(req.socket), abort.signal);
    if (!j.allow) {
      const wantsJson = /json/i.test(`${headers.accept ?? ''} ${headers['content-type'] ?? ''}`);
      send(res, refusalBody(j.command, j.decision, j.result, wantsJson, o.headless()));
      return;
    }
    if (tooLarge) {
      // fail closed: an approved request whose body was not read in full is not sent half-read.
      send(res, proxyErrorBody('the body is over the size limit; approve a smaller request'));
      req.resume();
      return;
    }
    await upstream.forward(
      j.url,
      req.method ?? 'GET',
      j.headers,
      j.bodyChanged ? Buffer.from(j.body ?? '', 'utf8') : raw,
      j.bodyChanged,
      res,
    );
  };

  const safeHandle = (req: IncomingMessage, res: ServerResponse, target?: Target, scheme = 'https') => {
    handle(req, res, target, scheme).catch((err) => {
      // fail closed: an internal error answers the client; the request is not sent.
      send(res, proxyErrorBody(`internal error: ${(err as Error).message.slice(0, 120)}`));
    });
  };

  // Requests inside intercepted TLS connections.
  const inner = http.createServer({ keepAlive: true }, (req, res) => {
    const t = tlsTargets.get(req.socket);
    if (!t) return send(res, proxyErrorBody('lost the CONNECT target'));
    safeHandle(req, res, t);
  });
  inner.on('upgrade', (_req, sock: net.Socket) => refuseUpgrade(sock));
  // Plain http:// requests inside a CONNECT tunnel.
  const plainTargets = new WeakMap<net.Socket, Target>();
  const innerPlain = http.createServer({ keepAlive: true }, (req, res) => {
    const t = plainTargets.get(req.socket);
    if (!t) return send(res, proxyErrorBody('lost the CONNECT target'));
    safeHandle(req, res, t, 'http');
  });
  innerPlain.on('upgrade', (_req, sock: net.Socket) => refuseUpgrade(sock));

  const server = http.createServer({ keepAlive: true }, (req, res) => safeHandle(req, res));
  server.on('upgrade', (_req, sock: net.Socket) => refuseUpgrade(sock));
  server.on('connect', (req: IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = parseAuthority(req.url ?? '');
    if (!target) {
      client.end('HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    client.on('error', () => client.destroy());
    // Every CONNECT socket leaves the HTTP server's bookkeeping (closeAllConnections no
    // longer sees it): it is tracked here so that close() can drop it.
    tunnels.add(client);
    client.on('close', () => tunnels.delete(client));
    if (o.passthrough.some((p) => hostMatches(target.host, p))) {
      const to = o.upstream ? o.upstream(target.host, target.port) : target;
      const up = net.connect(to.port, to.host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length) up.write(head);
        up.pipe(client);
        client.pipe(up);
      });
      up.on('error', () => client.destroy());
      client.on('close', () => up.destroy());
      return;
    }
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    // Some clients (undici's ProxyAgent) tunnel plain http:// through CONNECT too: the
    // first byte tells a TLS ClientHello (0x16) from a plain request.
    const dispatch = (first: Buffer) => {
      client.pause();
      client.unshift(first);
      if (first[0] !== 0x16) {
        plainTargets.set(client, target);
        innerPlain.emit('connection', client);
        client.resume();
        return;
      }
      let ctx: tls.SecureContext;
      try {
        ctx = o.ca.contextFor(target.host);
      } catch {
        // fail closed: no certificate, no tunnel.
        client.destroy();
        return;
      }
      const sock = new tls.TLSSocket(client, {
        isServer: true,
        secureContext: ctx,
        ALPNProtocols: ['http/1.1'],
      });
      sock.on('error', () => sock.destroy());
      tlsTargets.set(sock, target);
      inner.emit('connection', sock);
    };
    if (head.length) dispatch(head);
    else {
      let started = false;
      client.once('data', (first: Buffer) => {
        started = true;
        dispatch(first);
      });
      // A client that hangs up before its first byte (a program exiting right after the
      // CONNECT answer) would otherwise leave the socket half-open for the session's life.
      client.once('end', () => {
        if (!started) client.destroy();
      });
    }
  });
  server.on('listening', () => {
    const a = server.address();
    listenPort = typeof a === 'object' && a ? a.port : 0;
  });
  return {
    server,
    close() {
      upstream.close();
      for (const t of tunnels) t.destroy();
      inner.closeAllConnections();
      innerPlain.closeAllConnections();
      server.closeAllConnections();
    },
  };
}

/** WebSocket and other upgrades are not judged yet, so they are refused (fail closed). */
function refuseUpgrade(sock: net.Socket): void {
  const text = 'agentfw: protocol upgrades (WebSocket) are not supported through the egress proxy.\n';
  sock.end(
    `HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
  );
}

function parseAuthority(a: string): Target | undefined {
  const m = /^\[?([^\]\s]+?)\]?:(\d{1,5})$/.exec(a.trim());
  if (!m) return undefined;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return undefined;
  return { host: m[1].toLowerCase(), port };
}

function hostPort(t: Target, scheme: string): string {
  const h = t.host.includes(':') ? `[${t.host}]` : t.host;
  return t.port === (scheme === 'https' ? 443 : 80) ? h : `${h}:${t.port}`;
}
