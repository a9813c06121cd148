/**
 * Syslog sink: RFC 5424 messages over TCP (RFC 6587 octet counting, one connection kept
 * open) or UDP (one datagram per record).
 *
 * What "sent" means: over TCP a batch counts as delivered once the kernel accepted every
 * byte on a live connection (syslog has no application ack; a collector that dies with
 * bytes in its receive buffer can lose them). Over UDP nothing confirms delivery: a
 * datagram to a stopped collector is lost. Use TCP (or OTLP, where HTTP 200 is an ack)
 * when nothing may be lost.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import os from 'node:os';
import type { ExportConfig } from './config.js';
import { toOcsf } from './ocsf.js';
import { formatSyslog, octetFrame } from './syslog-format.js';
import type { ExportItem, Sink } from './types.js';

type SyslogConfig = NonNullable<ExportConfig['syslog']>;

const CONNECT_TIMEOUT_MS = 5_000;

export function messageOf(item: ExportItem, c: SyslogConfig): string {
  const body = c.format === 'ocsf' ? toOcsf(item.record, item.hash) : item.record;
  return formatSyslog(item.record, item.hash, JSON.stringify(body), {
    facility: c.facility,
    hostname: os.hostname(),
    appName: c.appName,
    procId: String(process.pid),
  });
}

export function createSyslogSink(c: SyslogConfig): Sink {
  return c.transport === 'udp' ? udpSink(c) : tcpSink(c);
}

function tcpSink(c: SyslogConfig): Sink {
  let sock: net.Socket | undefined;
  const connect = () =>
    new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect({ host: c.host, port: c.port });
      const timer = setTimeout(() => s.destroy(new Error('connect timed out')), CONNECT_TIMEOUT_MS);
      s.once('connect', () => {
        clearTimeout(timer);
        s.setNoDelay(true);
        // A dead connection is dropped; the next batch reconnects.
        s.on('error', () => s.destroy());
        s.on('close', () => {
          if (sock === s) sock = undefined;
        });
        resolve(s);
      });
      s.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  return {
    name: 'syslog',
    async send(batch) {
      if (!sock || sock.destroyed) sock = await connect();
      const s = sock;
      const data = Buffer.concat(batch.map((i) => octetFrame(messageOf(i, c))));
      await new Promise<void>((resolve, reject) => {
        s.write(data, (err) => (err ? reject(err) : resolve()));
      }).catch((err: Error) => {
        s.destroy();
        throw err;
      });
    },
    async close() {
      const s = sock;
      sock = undefined;
      if (s && !s.destroyed) await new Promise<void>((r) => s.end(() => r()));
    },
  };
}

function udpSink(c: SyslogConfig): Sink {
  const sock = dgram.createSocket(net.isIPv6(c.host) ? 'udp6' : 'udp4');
  sock.on('error', () => undefined);
  sock.unref();
  return {
    name: 'syslog',
    async send(batch) {
      for (const item of batch) {
        const msg = Buffer.from(messageOf(item, c), 'utf8');
        await new Promise<void>((resolve, reject) =>
          sock.send(msg, c.port, c.host, (err) => (err ? reject(err) : resolve())),
        );
      }
    },
    async close() {
      await new Promise<void>((r) => sock.close(() => r()));
    },
  };
}
