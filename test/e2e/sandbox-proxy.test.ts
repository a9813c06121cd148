/**
 * The default sandbox and the egress proxy together, as real processes: inside `agentfw run`
 * (no flags) the network namespace's only way out is the session's proxy. A python urllib
 * script and a compiled C client (no HTTP library) run as the agent against a fake GraphQL
 * API on the host's loopback:
 *   - through the proxy (they honour the proxy variables): a harmless query arrives; the
 *     incident's mutation is held, refused headless, never arrives, and its proxy audit
 *     record names the sending process (attributed across the bridge);
 *   - direct (they ignore the proxy variables): no route, nothing arrives.
 * Control: without agentfw the same direct clients deliver the mutation.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratch, type Scratch } from '../gates/shim/gate-helpers.js';
import { startFakeApi, type FakeApi } from '../gates/proxy/helpers.js';
import { auditRecords, cliEnvNoProxy, ensureBuilt, headless } from './run-helpers.js';

const exec = promisify(execFile);
const HAS_BWRAP = spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;

/** The mutation of the incident, against the fake GraphQL API. */
const MUTATION = JSON.stringify({ query: 'mutation { volumeDelete(volumeId: "v1") }' });
const HARMLESS = JSON.stringify({ query: '{ me { name } }' });

/** post.py [--direct] URL BODYFILE: urllib POST; --direct ignores the proxy variables. */
const POST_PY = `import sys, urllib.request, urllib.error
args = sys.argv[1:]
direct = args[0] == "--direct"
if direct: args = args[1:]
handlers = [urllib.request.ProxyHandler({})] if direct else []
opener = urllib.request.build_opener(*handlers)
req = urllib.request.Request(args[0], data=open(args[1], "rb").read(), method="POST",
    headers={"Content-Type": "application/json"})
try:
    r = opener.open(req, timeout=30); print("status", r.status)
except urllib.error.HTTPError as e:
    print("status", e.code); print(e.read().decode())
except urllib.error.URLError as e:
    print("error", e.reason)
`;

/** post MODE HOST PORT PATH BODYFILE: MODE proxy = through $http_proxy, direct = ignore it. */
const POST_C = String.raw`
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
int main(int argc, char **argv) {
  if (argc != 6) return 2;
  const char *mode = argv[1], *host = argv[2], *port = argv[3], *path = argv[4];
  char body[4096];
  FILE *f = fopen(argv[5], "rb");
  if (!f) return 2;
  size_t blen = fread(body, 1, sizeof body - 1, f);
  fclose(f);
  body[blen] = 0;
  const char *proxy = strcmp(mode, "proxy") == 0 ? getenv("http_proxy") : NULL;
  char chost[64]; int cport = atoi(port);
  snprintf(chost, sizeof chost, "%s", host);
  if (proxy && sscanf(proxy, "http://%63[^:]:%d", chost, &cport) != 2) return 3;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(cport) };
  inet_pton(AF_INET, chost, &a.sin_addr);
  if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) { printf("connect: %s\n", strerror(errno)); return 4; }
  char req[8192];
  int n = proxy
    ? snprintf(req, sizeof req, "POST http://%s:%s%s HTTP/1.1\r\nHost: %s:%s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n%s", host, port, path, host, port, blen, body)
    : snprintf(req, sizeof req, "POST %s HTTP/1.1\r\nHost: %s:%s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n%s", path, host, port, blen, body);
  if (write(fd, req, n) != n) return 5;
  char buf[4096]; ssize_t r;
  while ((r = read(fd, buf, sizeof buf)) > 0) fwrite(buf, 1, r, stdout);
  return 0;
}
`;

let s: Scratch;
let api: FakeApi;
beforeAll(async () => {
  ensureBuilt();
  s = scratch();
  api = await startFakeApi(s.root);
  mkdirSync(path.join(s.ws, '.agentfw'));
  // The fake API's own CA is trusted upstream through the proxy config.
  writeFileSync(path.join(s.ws, '.agentfw', 'proxy.yaml'), `trust: [${JSON.stringify(api.caPath)}]\n`);
  writeFileSync(path.join(s.ws, 'post.py'), POST_PY);
  writeFileSync(path.join(s.ws, 'mutation.json'), MUTATION);
  writeFileSync(path.join(s.ws, 'harmless.json'), HARMLESS);
  writeFileSync(path.join(s.root, 'post.c'), POST_C);
  await exec('cc', ['-O1', '-o', path.join(s.ws, 'post'), path.join(s.root, 'post.c')]);
}, 60_000);
afterAll(async () => {
  await api?.close();
  s?.cleanup();
});

const httpPort = () => new URL(api.httpUrl).port;
const gql = () => `${api.url}/graphql/v2`;
/** The agent's argv for each client: `how` is proxy or direct. */
const CLIENTS: Record<string, (how: 'proxy' | 'direct', body: string) => string[]> = {
  'python3 urllib': (how, body) => [
    '/usr/bin/python3',
    'post.py',
    ...(how === 'direct' ? ['--direct'] : []),
    gql(),
    body,
  ],
  'compiled C client': (how, body) => ['./post', how, '127.0.0.1', httpPort(), '/graphql/v2', body],
};
const NAMES = Object.keys(CLIENTS);
const bodies = (from: number) => api.received.slice(from).map((r) => r.body);
const noProxy = () => cliEnvNoProxy(s);

describe.each(NAMES)('%s', (name) => {
  it('control: without agentfw the direct mutation arrives', async () => {
    const before = api.received.length;
    const argv = CLIENTS[name]('direct', 'mutation.json');
    const r = await exec(argv[0], argv.slice(1), {
      cwd: s.ws,
      env: { ...noProxy(), SSL_CERT_FILE: api.caPath },
    });
    expect(r.stdout).toMatch(/status 200|HTTP\/1\.1 200 OK/);
    expect(bodies(before)).toEqual([MUTATION]);
  });

  describe.skipIf(!HAS_BWRAP)('inside agentfw run (default sandbox)', () => {
    const session = async (how: 'proxy' | 'direct', body: string, tag: string) => {
      const audit = path.join(s.root, `audit-${tag}.jsonl`);
      const r = await headless(s, CLIENTS[name](how, body), { audit });
      return { ...r, proxyRecords: auditRecords(audit).filter((x) => x.layer === 'proxy') };
    };
    const tag = name.replace(/\W+/g, '-');

    it('direct (ignoring the proxy variables): no route, nothing arrives', async () => {
      const before = api.received.length;
      const r = await session('direct', 'mutation.json', `${tag}-direct`);
      expect(r.stderr).toMatch(/network: only through the egress proxy/);
      // A port listening on the host is answered inside by the bridge's explainer (no route:
      // an HTTP 403 saying how to declare a host service, or a TLS access_denied alert).
      expect(r.stdout).toMatch(/Connection refused|Network is unreachable|not declared|alert access denied/i);
      expect(bodies(before)).toEqual([]);
    });

    it('through the proxy: the harmless query arrives', async () => {
      const before = api.received.length;
      const r = await session('proxy', 'harmless.json', `${tag}-harmless`);
      expect({ code: r.code, out: r.stdout }).toMatchObject({ code: 0 });
      expect(r.stdout).toMatch(/status 200|HTTP\/1\.1 200 OK/);
      expect(bodies(before)).toEqual([HARMLESS]);
    });

    it('through the proxy: the mutation is held, refused headless, never arrives, attributed', async () => {
      const before = api.received.length;
      const r = await session('proxy', 'mutation.json', `${tag}-mutation`);
      expect(r.stdout).toMatch(/status 403|HTTP\/1\.1 403 Forbidden/);
      expect(r.stdout).toContain('graphql/destructive-mutation');
      expect(bodies(before)).toEqual([]);
      expect(r.proxyRecords).toHaveLength(1);
      expect(r.proxyRecords[0]).toMatchObject({ decision: 'deny', verdict: 'ask', approver: 'policy' });
      expect(r.proxyRecords[0].command).toContain('volumeDelete(volumeId: "v1")');
      const argv = CLIENTS[name]('proxy', 'mutation.json');
      expect(r.proxyRecords[0].command).toContain(`from: ${path.basename(argv[0])} ${argv[1]}`);
    });
  });
});
