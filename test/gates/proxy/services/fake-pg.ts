/**
 * A small PostgreSQL server for tests, speaking the real v3 wire protocol on 127.0.0.1:0:
 * trust authentication, SimpleQuery (one text column `?column?` for SELECT, a command tag
 * otherwise) and the extended protocol (Parse/Bind/Describe/Execute/Sync). It records every
 * query text it receives, so a test can tell what reached the "database".
 */
import net from 'node:net';

export interface FakePg {
  port: number;
  /** Query texts received (SimpleQuery and Parse), in order. */
  queries: string[];
  /** Startup parameters of each connection. */
  startups: Record<string, string>[];
  /** SSLRequests seen (a client that asked for TLS directly at the server). */
  sslRequests: number;
  close(): Promise<void>;
}

function msg(type: string, body: Buffer): Buffer {
  const h = Buffer.alloc(5);
  h.write(type, 0, 'latin1');
  h.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([h, body]);
}
const cstr = (s: string) => Buffer.concat([Buffer.from(s, 'utf8'), Buffer.alloc(1)]);
const int16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

function tagOf(sql: string): string {
  const w = (sql.trim().split(/\s+/)[0] ?? '').toUpperCase();
  if (w === 'DELETE' || w === 'UPDATE') return `${w} 3`;
  if (w === 'INSERT') return 'INSERT 0 1';
  if (w === 'SELECT') return 'SELECT 1';
  return w.replace(/;$/, '') + (w === 'DROP' || w === 'CREATE' ? ' TABLE' : '');
}

function rows(sql: string): Buffer[] {
  if (!/^\s*select/i.test(sql)) return [msg('C', cstr(tagOf(sql)))];
  const desc = msg(
    'T',
    Buffer.concat([
      int16(1),
      cstr('?column?'),
      int32(0),
      int16(0),
      int32(25),
      int16(-1),
      int32(-1),
      int16(0),
    ]),
  );
  const row = msg('D', Buffer.concat([int16(1), int32(1), Buffer.from('1')]));
  return [desc, row, msg('C', cstr('SELECT 1'))];
}

export async function startFakePg(): Promise<FakePg> {
  const queries: string[] = [];
  const startups: Record<string, string>[] = [];
  let sslRequests = 0;
  const socks = new Set<net.Socket>();
  const srv = net.createServer((s) => {
    socks.add(s);
    s.on('close', () => socks.delete(s));
    s.on('error', () => s.destroy());
    let buf = Buffer.alloc(0);
    let started = false;
    s.on('data', (b: Buffer) => {
      buf = Buffer.concat([buf, b]);
      for (;;) {
        if (!started) {
          if (buf.length < 8) return;
          const len = buf.readInt32BE(0);
          if (buf.length < len) return;
          const code = buf.readInt32BE(4);
          const body = buf.subarray(8, len);
          buf = buf.subarray(len);
          if (code === 80877103 || code === 80877104) {
            sslRequests++;
            s.write('N');
            continue;
          }
          const kv = body.toString('utf8').split('\0');
          const p: Record<string, string> = {};
          for (let i = 0; i + 1 < kv.length; i += 2) if (kv[i]) p[kv[i]] = kv[i + 1];
          startups.push(p);
          started = true;
          s.write(
            Buffer.concat([
              msg('R', int32(0)),
              msg('S', Buffer.concat([cstr('server_version'), cstr('15.0')])),
              msg('S', Buffer.concat([cstr('client_encoding'), cstr('UTF8')])),
              msg('K', Buffer.concat([int32(1), int32(2)])),
              msg('Z', Buffer.from('I')),
            ]),
          );
          continue;
        }
        if (buf.length < 5) return;
        const len = buf.readInt32BE(1);
        if (buf.length < len + 1) return;
        const type = String.fromCharCode(buf[0]);
        const body = buf.subarray(5, len + 1);
        buf = buf.subarray(len + 1);
        const text = (i: number) => body.toString('utf8').split('\0')[i] ?? '';
        if (type === 'Q') {
          const sql = text(0);
          queries.push(sql);
          s.write(Buffer.concat([...rows(sql), msg('Z', Buffer.from('I'))]));
        } else if (type === 'P') {
          queries.push(text(1));
          s.write(msg('1', Buffer.alloc(0)));
        } else if (type === 'B') s.write(msg('2', Buffer.alloc(0)));
        else if (type === 'D') s.write(msg('n', Buffer.alloc(0)));
        else if (type === 'E') s.write(msg('C', cstr('OK')));
        else if (type === 'S') s.write(msg('Z', Buffer.from('I')));
        else if (type === 'X') return void s.end();
      }
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return {
    port: (srv.address() as net.AddressInfo).port,
    queries,
    startups,
    get sslRequests() {
      return sslRequests;
    },
    close: () =>
      new Promise((r) => {
        for (const s of socks) s.destroy();
        srv.close(() => r());
      }),
  };
}
