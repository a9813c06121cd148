/**
 * Requests written by hand to a raw socket (src/extract/http-raw-socket.ts,
 * src/extract/http-raw-text.ts): the peer read from nc/ncat/netcat/telnet/socat/openssl
 * s_client or a `/dev/tcp` write, the text from stdin, a file or socat's other address, and
 * each HTTP request in it as the http fact curl would make.
 */
import { describe, expect, it } from 'vitest';
import type { HttpFact, NormalizedCommand } from '../../src/engine/types.js';
import { extractHttp } from '../../src/extract/http.js';
import { analyzeContext, command, WS } from '../helpers/command.js';

const FILES: Record<string, string> = {
  [`${WS}/req.http`]: 'DELETE /_all HTTP/1.1\r\nHost: es.prod.example.net\r\n\r\n',
};
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });

const pipe = (text: string): Partial<NormalizedCommand> => ({ stdin: { kind: 'pipe', text } });
const shown = (argv: string[], extra: Partial<NormalizedCommand> = {}) =>
  (
    extractHttp(command(argv, extra), ctx, []).filter((f) => f.kind === 'http') as Omit<HttpFact, 'command'>[]
  ).map(
    (f) => `${f.tool} ${f.method} ${f.url}${f.socket ? ` via ${f.socket}` : ''}${f.local ? ' local' : ''}`,
  );

const DEL = 'DELETE /orders-* HTTP/1.1\r\nHost: es.prod.example.net\r\nConnection: close\r\n\r\n';

describe('raw socket → the request written in its text', () => {
  it.each<[string, string[], Partial<NormalizedCommand>, string[]]>([
    [
      'nc host port',
      ['nc', 'es.prod.example.net', '9200'],
      pipe(DEL),
      ['nc DELETE http://es.prod.example.net:9200/orders-*'],
    ],
    [
      'ncat with options',
      ['ncat', '-w', '5', '-v', 'es.prod.example.net', '9200'],
      pipe(DEL),
      ['ncat DELETE http://es.prod.example.net:9200/orders-*'],
    ],
    [
      'ncat --ssl',
      ['ncat', '--ssl', 'api.example.net', '443'],
      pipe(DEL),
      ['ncat DELETE https://api.example.net/orders-*'],
    ],
    [
      'telnet',
      ['telnet', 'db.example.net', '8080'],
      pipe(DEL),
      ['telnet DELETE http://db.example.net:8080/orders-*'],
    ],
    [
      'nc -U docker socket',
      ['nc', '-U', '/var/run/docker.sock'],
      { stdin: { kind: 'heredoc', text: 'DELETE /containers/db?force=true HTTP/1.1\nHost: localhost\n\n' } },
      ['nc DELETE http://localhost/containers/db?force=true via /var/run/docker.sock local'],
    ],
    [
      'socat UNIX-CONNECT, no Host header',
      ['socat', '-', 'UNIX-CONNECT:/var/run/docker.sock'],
      pipe('DELETE /v1.43/volumes/pgdata?force=true HTTP/1.0\r\n\r\n'),
      ['socat DELETE http://localhost/v1.43/volumes/pgdata?force=true via /var/run/docker.sock local'],
    ],
    [
      'socat with valued options',
      ['socat', '-t', '5', '-T', '9', '-d', '-d', '-lf', 'log', '-', 'UNIX-CONNECT:/var/run/docker.sock'],
      pipe('DELETE /containers/db?force=1 HTTP/1.1\r\nHost: d\r\n\r\n'),
      ['socat DELETE http://d/containers/db?force=1 via /var/run/docker.sock local'],
    ],
    [
      'socat TCP4-CONNECT',
      ['socat', '-', 'TCP4-CONNECT:es:9200'],
      pipe(DEL),
      ['socat DELETE http://es:9200/orders-*'],
    ],
    [
      'socat tcp6',
      ['socat', '-b', '8192', '-', 'tcp6:es:9200'],
      pipe(DEL),
      ['socat DELETE http://es:9200/orders-*'],
    ],
    [
      'telnet -l user',
      ['telnet', '-l', 'ops', 'db.example.net', '8080'],
      pipe(DEL),
      ['telnet DELETE http://db.example.net:8080/orders-*'],
    ],
    [
      'socat TCP, file address',
      ['socat', 'FILE:req.http', 'TCP:10.0.0.5:9200'],
      {},
      ['socat DELETE http://10.0.0.5:9200/_all'],
    ],
    [
      'openssl s_client -connect',
      ['openssl', 's_client', '-quiet', '-connect', 'k8s.example.net:6443'],
      pipe(DEL),
      ['openssl s_client DELETE https://k8s.example.net:6443/orders-*'],
    ],
    [
      'written escapes (echo without -e)',
      ['nc', 'es', '9200'],
      pipe('DELETE /idx HTTP/1.1\\r\\nHost: es\\r\\n\\r\\n\n'),
      ['nc DELETE http://es:9200/idx'],
    ],
    [
      'two pipelined requests',
      ['nc', 'es', '9200'],
      pipe('GET /a HTTP/1.1\r\nHost: es\r\n\r\nDELETE /b HTTP/1.1\r\nHost: es\r\n\r\n'),
      ['nc GET http://es:9200/a', 'nc DELETE http://es:9200/b'],
    ],
    [
      'blanks and tabs between the parts of the request line',
      ['nc', 'es', '9200'],
      pipe('DELETE  /orders \tHTTP/1.1\r\nHost: es\r\n\r\n'),
      ['nc DELETE http://es:9200/orders'],
    ],
    [
      'a request after a short body, on the body line',
      ['nc', 'es', '9200'],
      pipe(
        'GET / HTTP/1.1\r\nHost: es\r\nContent-Length: 1\r\n\r\nxDELETE /orders HTTP/1.1\r\nHost: es\r\n\r\n',
      ),
      ['nc GET http://es:9200/', 'nc DELETE http://es:9200/orders'],
    ],
    [
      'a request after a short upper-case body',
      ['nc', 'es', '9200'],
      pipe('POST /a HTTP/1.1\r\nContent-Length: 1\r\n\r\nXDELETE /orders HTTP/1.1\r\n\r\n'),
      ['nc POST http://es:9200/a', 'nc DELETE http://es:9200/orders'],
    ],
    [
      'an HTTP version with no request line read: unknown',
      ['nc', 'es', '9200'],
      pipe('DELETE /orders HTTP/1.1 x\r\nHost: es\r\n\r\n'),
      ['nc UNKNOWN http://es:9200/'],
    ],
    [
      'a body that names HTTP in text is the body',
      ['nc', 'es', '9200'],
      pipe('POST /notes HTTP/1.1\r\nHost: es\r\n\r\nnotes on HTTP/1.1 caching\r\n'),
      ['nc POST http://es:9200/notes'],
    ],
    [
      'printf > /dev/tcp',
      ['printf', 'x'],
      { writes: ['/dev/tcp/es/9200'], wrote: { '/dev/tcp/es/9200': DEL } },
      ['printf DELETE http://es:9200/orders-*'],
    ],
    // not HTTP, not known, or no data sent: no request
    ['redis inline command', ['nc', 'redis', '6379'], pipe('FLUSHALL\r\n'), []],
    ['text not known', ['nc', 'es', '9200'], { stdin: { kind: 'pipe' } }, []],
    ['no stdin', ['nc', 'es', '9200'], {}, []],
    ['port scan', ['nc', '-zv', 'es', '9200'], pipe(DEL), []],
    ['listener', ['nc', '-l', '9200'], pipe(DEL), []],
    ['socat between two sockets', ['socat', 'TCP-LISTEN:80', 'TCP:es:9200'], pipe(DEL), []],
    [
      '/dev/tcp write not known',
      ['printf', '$X'],
      { writes: ['/dev/tcp/es/9200'], wrote: { '/dev/tcp/es/9200': null } },
      [],
    ],
  ])('%s', (_name, argv, extra, want) => expect(shown(argv, extra)).toEqual(want));

  // a device is never read (reading one is a payload that cannot be checked)
  it.each<[string, string[], Partial<NormalizedCommand>]>([
    [
      '< /dev/null',
      ['openssl', 's_client', '-connect', 'api.example.net:443'],
      { stdin: { kind: 'file', path: '/dev/null' } },
    ],
    ['socat FILE:/dev/ttyS0', ['socat', 'FILE:/dev/ttyS0', 'TCP:es:9200'], {}],
  ])('%s', (_name, argv, extra) => {
    const read: string[] = [];
    const c = analyzeContext(WS, { readFile: (p) => (read.push(p), DEL) });
    expect(extractHttp(command(argv, extra), c, [])).toEqual([]);
    expect(read).toEqual([]);
  });

  it('a GraphQL body in a POST becomes a graphql fact', () => {
    const body = '{"query":"mutation { databaseDelete(id: \\"db_42\\") { ok } }"}';
    const text = `POST /graphql HTTP/1.1\r\nHost: api.example.net\r\nContent-Type: application/json\r\n\r\n${body}`;
    const facts = extractHttp(command(['ncat', '--ssl', 'api.example.net', '443'], pipe(text)), ctx, []);
    expect(facts.filter((f) => f.kind === 'graphql').map((f) => `${f.operation} ${f.field}`)).toEqual([
      'mutation databaseDelete',
    ]);
  });
});
