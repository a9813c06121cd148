/**
 * The answer on a host port that was not declared as a service: no byte reaches the host.
 * The bridge listens on the host's listening loopback ports inside the sandbox so that a
 * client gets this explanation in its own protocol instead of a bare "connection refused":
 * a PostgreSQL ErrorResponse, an HTTP 403, a Redis error, a TLS `access_denied` alert (a
 * TLS client shows no text), else one text line.
 */
import type net from 'node:net';
import { CODE, errorResponse } from './pg-wire.js';

/** What the client is told: no route, and how a human declares the port. */
export function undeclaredText(port: number): string {
  return (
    `agentfw: 127.0.0.1:${port} is a service on the host that this sandbox has no route to (not declared). ` +
    `A human can declare it in ~/.config/agentfw/config.yaml, e.g. \`services: [{port: ${port}, protocol: postgres}]\`, ` +
    `and start a new session (docs/proxy.md). HTTP services are reached through the egress proxy (HTTP_PROXY). ` +
    'Do not retry or work around this; ask the user.'
  );
}

/** How long a silent client is given to speak first, ms (then the text line is sent). */
const SNIFF_MS = 300;

/** Which protocol the first bytes look like. Pure. */
export function sniff(head: Buffer): 'postgres-ssl' | 'postgres' | 'http' | 'resp' | 'tls' | 'text' {
  if (head.length >= 2 && head[0] === 0x16 && head[1] === 0x03) return 'tls';
  if (head.length >= 8) {
    const len = head.readInt32BE(0);
    const code = head.readInt32BE(4);
    if (len === 8 && (code === CODE.ssl || code === CODE.gssenc)) return 'postgres-ssl';
    if (len >= 8 && len < 10_000 && code >>> 16 === 3) return 'postgres';
  }
  const start = head.subarray(0, 16).toString('latin1');
  if (/^[A-Z]{3,10} \S/.test(start)) return 'http';
  if (/^[*$+]/.test(start)) return 'resp';
  return 'text';
}

/** Answers the client on `sock` (after `head`) and closes it. */
export function explainUndeclared(sock: net.Socket, head: Buffer, port: number): void {
  const text = undeclaredText(port);
  let buf = head;
  let done = false;
  const reply = () => {
    if (done) return;
    const kind = sniff(buf);
    if (kind === 'postgres-ssl') {
      // answer N, then the startup message follows: explain in the protocol's own error
      sock.write('N');
      buf = buf.subarray(8);
      if (buf.length < 8) return;
    }
    done = true;
    clearTimeout(timer);
    const k = kind === 'postgres-ssl' ? 'postgres' : kind;
    if (k === 'postgres') sock.end(errorResponse({ severity: 'FATAL', code: '08004', message: text }));
    else if (k === 'http')
      sock.end(
        `HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text) + 1}\r\nConnection: close\r\n\r\n${text}\n`,
      );
    else if (k === 'resp') sock.end(`-ERR ${text}\r\n`);
    else if (k === 'tls')
      sock.end(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 49])); // fatal alert: access_denied
    else sock.end(`${text}\n`);
    setTimeout(() => sock.destroy(), 1000).unref();
  };
  const timer = setTimeout(reply, SNIFF_MS);
  timer.unref();
  sock.on('error', () => sock.destroy());
  sock.on('data', (b: Buffer) => {
    buf = Buffer.concat([buf, b]);
    if (buf.length >= 8 || /\n/.test(buf.toString('latin1'))) reply();
  });
  sock.resume();
  if (buf.length >= 8) reply();
}
