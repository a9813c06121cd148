/**
 * HTTP/1.x requests written out by hand as text (`DELETE /orders-* HTTP/1.1`, headers, a blank
 * line, a body), as a script feeds them to a raw socket (http-raw-socket.ts). Each request
 * becomes the HttpRequest a curl command for the same method, URL, headers and body makes, so
 * the http and graphql rules judge it the same way.
 */
import { addHeaderLine, emptyRequest, unknownRequest, type HttpRequest } from './http-request.js';

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

/**
 * `METHOD TARGET HTTP/1.x`: a request line (origin-form `/path` or absolute-form `http://…`).
 * Servers take runs of blanks or tabs between the parts, so this does too.
 */
const REQUEST_LINE = /^([A-Z][A-Z0-9_-]{1,31})[ \t]+(\S+)[ \t]+HTTP\/\d(?:\.\d)?$/;
/** A request line that ends a line after other bytes (a body cut short by Content-Length, then a request). */
const REQUEST_INSIDE = /([A-Z][A-Z0-9_-]{1,31})[ \t]+(\S+)[ \t]+HTTP\/\d(?:\.\d)?$/;
/** Methods a server knows: `XDELETE` read after a body byte `X` is the method DELETE. */
const KNOWN_METHOD =
  /(GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS|TRACE|CONNECT|PROPFIND|PROPPATCH|MKCOL|COPY|MOVE|LOCK|UNLOCK|PURGE)$/;
/** A protocol version somewhere in a text: it may be a request this reading cannot parse. */
const HTTP_VERSION = /HTTP\/(1\.|2)/;

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

/** A request being read: its line's method and target, then its headers, then its body lines. */
interface Open {
  req: HttpRequest;
  target: string;
  /** True while header lines are read; false once the blank line is passed. */
  headers: boolean;
  body: string[];
}

/**
 * The requests in `text` sent to `peer` by `tool`: every request line, at a line's start or
 * ending a line after a body's bytes (a second request smuggled after a short body). Empty when
 * the text holds no HTTP at all (another protocol); fail closed, a text that names an HTTP
 * version but holds no request line read here is one request of unknown method and body.
 */
export function rawHttpRequests(text: string, peer: RawPeer, tool: string): HttpRequest[] {
  const lines = decoded(text).split(/\r?\n/);
  const out: HttpRequest[] = [];
  let cur: Open | undefined;
  const open = (m: RegExpExecArray): Open => {
    const req = emptyRequest(tool);
    req.method = KNOWN_METHOD.exec(m[1])?.[1] ?? m[1];
    return { req, target: m[2], headers: true, body: [] };
  };
  const finish = () => {
    if (!cur) return;
    const { req } = cur;
    // The body runs to the next request line (a pipelined request) or the end. Content-Length
    // is not trusted to cut it: fail closed, a wrong length still sends what follows.
    const body = cur.body.join('\n').trim();
    if (body) req.body = body;
    req.socket = peer.socket;
    req.defaultScheme = peer.tls ? 'https' : 'http';
    req.urls = [urlOf(cur.target, req, peer)];
    req.auth = Object.keys(req.headers).some((h) => /^(authorization|proxy-authorization|cookie)$/.test(h));
    out.push(req);
    cur = undefined;
  };
  for (const line of lines) {
    const whole = REQUEST_LINE.exec(line.trim());
    if (whole) {
      finish();
      cur = open(whole);
    } else if (cur?.headers) {
      if (line.trim()) addHeaderLine(cur.req, line);
      else cur.headers = false;
    } else {
      const inside = HTTP_VERSION.test(line) ? REQUEST_INSIDE.exec(line.trimEnd()) : null;
      if (inside) {
        cur?.body.push(line.slice(0, inside.index));
        finish();
        cur = open(inside);
      } else cur?.body.push(line);
    }
  }
  finish();
  if (!out.length && lines.some((l) => HTTP_VERSION.test(l))) {
    const req = unknownRequest(tool);
    req.socket = peer.socket;
    req.defaultScheme = peer.tls ? 'https' : 'http';
    req.urls = [urlOf('/', req, peer)];
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
