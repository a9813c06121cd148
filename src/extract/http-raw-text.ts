/**
 * HTTP/1.x requests written out by hand as text (`DELETE /orders-* HTTP/1.1`, headers, a blank
 * line, a body), as a script feeds them to a raw socket (http-raw-socket.ts). Each request
 * becomes the HttpRequest a curl command for the same method, URL, headers and body makes, so
 * the http and graphql rules judge it the same way.
 */
import { addHeaderLine, emptyRequest, type HttpRequest } from './http-request.js';

/** Where the bytes go: the socket's peer, as the raw-socket tool names it. */
export interface RawPeer {
  /** Host connected to; empty = not named (then the request's Host header names it). */
  host: string;
  /** Port connected to; 0 = the scheme's default. */
  port: number;
  /** True when the connection is TLS (`openssl s_client`, `ncat --ssl`, socat `OPENSSL:`). */
  tls: boolean;
  /** Unix socket path connected to (`nc -U`, socat `UNIX-CONNECT:`); empty = over the network. */
  socket: string;
}

/** `METHOD TARGET HTTP/1.x`: a request line (origin-form `/path` or absolute-form `http://…`). */
const REQUEST_LINE = /^([A-Z][A-Z0-9_-]{1,31}) (\S+) HTTP\/\d(?:\.\d)?$/;

/**
 * The text as the socket receives it. A text with no line break but written escapes (`echo
 * 'DELETE / HTTP/1.0\r\n\r\n'` run by a shell whose echo reads escapes) is read with them
 * decoded: fail closed, it may be sent that way.
 */
function decoded(text: string): string {
  if (/\n/.test(text.replace(/\n$/, '')) || !/\\[rn]/.test(text)) return text;
  return text.replace(/\\r/g, '\r').replace(/\\n/g, '\n');
}

/** `host` as a URL's authority, with `port` unless it is the scheme's default (or 0). */
function authority(host: string, port: number, tls: boolean): string {
  const h = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return port && port !== (tls ? 443 : 80) ? `${h}:${port}` : h;
}

/**
 * The requests in `text` sent to `peer` by `tool`; empty when the text does not start with an
 * HTTP request line (another protocol, or not a request at all).
 */
export function rawHttpRequests(text: string, peer: RawPeer, tool: string): HttpRequest[] {
  const lines = decoded(text).split(/\r?\n/);
  const out: HttpRequest[] = [];
  let i = 0;
  while (i < lines.length && !lines[i].trim()) i++;
  while (i < lines.length) {
    const m = REQUEST_LINE.exec(lines[i].trim());
    if (!m) break;
    const req = emptyRequest(tool);
    req.method = m[1];
    for (i++; i < lines.length && lines[i].trim(); i++) addHeaderLine(req, lines[i]);
    i++;
    // The body runs to the next request line (a pipelined request) or the end. Content-Length
    // is not trusted to cut it: fail closed, a wrong length still sends what follows.
    const body: string[] = [];
    for (; i < lines.length && !REQUEST_LINE.test(lines[i].trim()); i++) body.push(lines[i]);
    const text = body.join('\n').trim();
    if (text) req.body = text;
    req.socket = peer.socket;
    req.defaultScheme = peer.tls ? 'https' : 'http';
    req.urls = [urlOf(m[2], req, peer)];
    req.auth = Object.keys(req.headers).some((h) => /^(authorization|proxy-authorization|cookie)$/.test(h));
    out.push(req);
  }
  return out;
}

/** The URL curl would be given for the same request to the same peer. */
function urlOf(target: string, req: HttpRequest, peer: RawPeer): string {
  if (/^https?:\/\//i.test(target)) return target;
  const scheme = peer.tls ? 'https' : 'http';
  const path = target.startsWith('/') ? target : `/${target}`;
  // Through a Unix socket the host is the daemon's own (http.ts marks it local).
  if (peer.socket) return `${scheme}://${req.headers.host || 'localhost'}${path}`;
  // The bytes go to the peer; its name, not the Host header, says where they land.
  if (peer.host) return `${scheme}://${authority(peer.host, peer.port, peer.tls)}${path}`;
  return `${scheme}://${req.headers.host ?? ''}${path}`;
}
