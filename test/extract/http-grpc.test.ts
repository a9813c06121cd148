import { analyzeContext, command as cmd, WS } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import type { HttpFact, NormalizedCommand } from '../../src/engine/types.js';
import { extractHttp } from '../../src/extract/http.js';
import { parseGrpc } from '../../src/extract/http-grpc.js';
import { restVerb, rpcPath } from '../../src/extract/http-grpc-methods.js';

const FILES: Record<string, string> = { '/ws/req.json': '{"tenant_id":"t1"}' };
const ctx = analyzeContext(WS, { readFile: (p) => FILES[p] });
const http = (argv: string[], extra?: Partial<NormalizedCommand>) =>
  extractHttp(cmd(argv, extra), ctx, []).filter((f) => f.kind === 'http') as Omit<HttpFact, 'command'>[];

describe('the REST verb a gRPC method name stands for', () => {
  it.each([
    ['DeleteTenant', 'DELETE'],
    ['DestroyCluster', 'DELETE'],
    ['PurgeQueue', 'DELETE'],
    ['RemoveMember', 'DELETE'],
    ['BatchDeleteUsers', 'DELETE'],
    ['BulkPurgeLogs', 'DELETE'],
    ['delete_tenant', 'DELETE'],
    ['Delete', 'DELETE'],
    ['GetAccount', 'GET'],
    ['ListTenants', 'GET'],
    ['Watch', 'GET'],
    ['CreateTenant', 'POST'],
    ['UpdateTenant', 'POST'],
    ['UndeleteTenant', 'POST'],
    ['DeletionStatus', 'POST'],
    ['Batch', 'POST'],
    ['SayHello', 'POST'],
  ])('%s → %s', (name, verb) => {
    expect(restVerb(name)).toBe(verb);
  });
  it.each([
    ['acme.v1.Svc/DeleteTenant', '/acme.v1.Svc/DeleteTenant'],
    ['acme.v1.Svc.DeleteTenant', '/acme.v1.Svc/DeleteTenant'],
    ['/acme.v1.Svc/Get', '/acme.v1.Svc/Get'],
    ['Svc/Get', '/Svc/Get'],
    ['$METHOD', undefined],
    ['list', undefined],
  ])('rpcPath(%s)', (symbol, path) => {
    expect(rpcPath(symbol)).toBe(path);
  });
});

describe('gRPC clients → method, URL, socket', () => {
  it.each<[string, string[], string, string]>([
    [
      'grpcurl over TLS',
      ['grpcurl', '-d', '{"id":"1"}', 'api.example.net:443', 'acme.v1.Svc/DeleteTenant'],
      'DELETE',
      'https://api.example.net:443/acme.v1.Svc/DeleteTenant',
    ],
    [
      'grpcurl -plaintext, dotted method',
      ['grpcurl', '-plaintext', 'localhost:50051', 'acme.v1.Svc.GetAccount'],
      'GET',
      'http://localhost:50051/acme.v1.Svc/GetAccount',
    ],
    [
      'grpcurl --flag=value and headers',
      ['grpcurl', '--max-time=5', '-H', 'x: y', 'svc.example.net:443', 'acme.v1.Svc/PurgeQueue'],
      'DELETE',
      'https://svc.example.net:443/acme.v1.Svc/PurgeQueue',
    ],
    [
      'buf curl',
      [
        'buf',
        'curl',
        '--data',
        '{}',
        'https://api.example.net/acme.v1.Svc/RemoveMember',
        '--protocol',
        'grpc',
      ],
      'DELETE',
      'https://api.example.net/acme.v1.Svc/RemoveMember',
    ],
    [
      'grpc_cli call',
      ['grpc_cli', 'call', 'db.example.net:50051', 'acme.v1.Svc.DropIndex', 'name: "i1"'],
      'DELETE',
      'http://db.example.net:50051/acme.v1.Svc/DropIndex',
    ],
    [
      'ghz load test',
      ['ghz', '--insecure', '--call', 'acme.v1.Svc.DeleteTenant', '-D', 'req.json', 'api.example.net:50051'],
      'DELETE',
      'http://api.example.net:50051/acme.v1.Svc/DeleteTenant',
    ],
    [
      'evans cli call over TLS',
      [
        'evans',
        '--host',
        'api.example.net',
        '--port',
        '443',
        '--tls',
        '-r',
        'cli',
        'call',
        'acme.v1.Svc.DeleteTenant',
      ],
      'DELETE',
      'https://api.example.net:443/acme.v1.Svc/DeleteTenant',
    ],
    [
      'evans flags after the subcommand, short port',
      [
        'evans',
        '-r',
        '-p',
        '9090',
        'cli',
        'call',
        '--file',
        'req.json',
        'acme.v1.Svc.PurgeQueue',
        '--host',
        'mq.example.net',
      ],
      'DELETE',
      'http://mq.example.net:9090/acme.v1.Svc/PurgeQueue',
    ],
    [
      'evans bare method of --package / --service, default address',
      ['evans', '--package', 'acme.v1', '--service', 'Svc', 'cli', 'call', 'DropDatabase'],
      'DELETE',
      'http://127.0.0.1:50051/acme.v1.Svc/DropDatabase',
    ],
    [
      'evans older --call flag',
      ['evans', '--host', 'api.example.net', '--call', 'acme.v1.Svc.GetTenant', '--file', 'req.json'],
      'GET',
      'http://api.example.net:50051/acme.v1.Svc/GetTenant',
    ],
  ])('%s', (_n, argv, method, url) => {
    const [f] = http(argv);
    expect(f).toMatchObject({ method, url });
    expect(f.evidence).toContain('(read from the gRPC method');
  });

  it('reads a -unix address as a socket on this machine', () => {
    const [f] = http(['grpcurl', '-unix', '-plaintext', '/run/agent.sock', 'acme.v1.Svc/DeleteTenant']);
    expect(f).toMatchObject({ method: 'DELETE', socket: '/run/agent.sock', local: true });
  });
  it('reads the message from standard input and from data files', () => {
    const [a] = http(['grpcurl', '-d', '@', 'h.example:443', 'p.S/M'], {
      stdin: { kind: 'heredoc', text: '{"x":1}' },
    });
    expect(a).toMatchObject({ body: '{"x":1}', bodyUnknown: false });
    const [b] = http(['ghz', '--call', 'p.S.M', '-D', 'missing.json', 'h.example:443']);
    expect(b.bodyUnknown).toBe(true);
  });
  it('evans reads the request from --file, else from standard input, and name=value headers', () => {
    const [a] = http([
      'evans',
      '--host',
      'h.example',
      'cli',
      'call',
      '--file',
      'req.json',
      'p.S.DeleteTenant',
    ]);
    expect(a).toMatchObject({ body: '{"tenant_id":"t1"}', bodyUnknown: false });
    const [b] = http(['evans', '--header', 'authorization=Bearer fake', 'cli', 'call', 'p.S.M'], {
      stdin: { kind: 'heredoc', text: '{"x":1}' },
    });
    expect(b).toMatchObject({ body: '{"x":1}', bodyUnknown: false, auth: true });
    const [c] = http(['evans', '--host', 'h.example', 'cli', 'call', 'p.S.M']);
    expect(c.bodyUnknown).toBe(true);
  });
  it('sees a bearer header as a credential', () => {
    const [f] = http(['grpcurl', '-H', 'Authorization: Bearer fake', 'h.example:443', 'p.S/M']);
    expect(f.auth).toBe(true);
    expect(JSON.stringify(f)).not.toContain('fake');
  });
  it('fail closed: a method that cannot be read is UNKNOWN', () => {
    const [f] = http(['grpcurl', 'h.example:443', '$METHOD'], { dynamicArgs: [2] });
    expect(f.method).toBe('UNKNOWN');
  });

  it.each([
    ['grpcurl', '-plaintext', 'localhost:50051', 'list'],
    ['grpcurl', '-plaintext', 'localhost:50051', 'list', 'acme.v1.Svc'],
    ['grpcurl', 'h.example:443', 'describe', 'acme.v1.Svc.DeleteTenant'],
    ['grpcurl', '-protoset', 'x.pb', 'list'],
    ['grpcurl', '-plaintext', 'localhost:50051'],
    ['buf', 'build'],
    ['grpc_cli', 'ls', 'localhost:50051'],
    ['ghz', '--help'],
    ['evans', '--host', 'h.example', '-r', 'cli', 'desc', 'acme.v1.Svc.DeleteTenant'],
    ['evans', '--host', 'h.example', '-r', 'cli', 'list'],
    ['evans', '--host', 'h.example', '-r', 'repl'],
    ['evans', '--help'],
  ])('no call: %s %s %s', (...argv) => {
    expect(parseGrpc(cmd(argv), ctx)).toEqual([]);
  });
});
