/**
 * A small compiled C client (no HTTP library) that honours `http_proxy` the way most
 * programs do: with the proxy variables it sends the incident's mutation through the
 * proxy, which holds it; without them (control) the mutation reaches the API.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { INCIDENT, startRig, type Rig } from './helpers.js';

const run = promisify(execFile);

const SOURCE = String.raw`
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
/* usage: post HOST PORT PATH BODY; honours http_proxy=http://IP:PORT */
int main(int argc, char **argv) {
  if (argc != 5) return 2;
  const char *host = argv[1], *port = argv[2], *path = argv[3], *body = argv[4];
  const char *proxy = getenv("http_proxy");
  char chost[64]; int cport = atoi(port);
  snprintf(chost, sizeof chost, "%s", host);
  if (proxy && *proxy && sscanf(proxy, "http://%63[^:]:%d", chost, &cport) != 2) return 3;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(cport) };
  inet_pton(AF_INET, chost, &a.sin_addr);
  if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) { perror("connect"); return 4; }
  char req[8192];
  int n = proxy && *proxy
    ? snprintf(req, sizeof req, "POST http://%s:%s%s HTTP/1.1\r\nHost: %s:%s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n%s", host, port, path, host, port, strlen(body), body)
    : snprintf(req, sizeof req, "POST %s HTTP/1.1\r\nHost: %s:%s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n%s", path, host, port, strlen(body), body);
  if (write(fd, req, n) != n) return 5;
  char buf[4096]; ssize_t r;
  while ((r = read(fd, buf, sizeof buf)) > 0) fwrite(buf, 1, r, stdout);
  return 0;
}
`;

let rig: Rig;
let bin = '';
beforeAll(async () => {
  rig = await startRig();
  const src = path.join(rig.dir, 'post.c');
  bin = path.join(rig.workspace, 'post');
  writeFileSync(src, SOURCE);
  await run('cc', ['-O1', '-o', bin, src]);
}, 60_000);
afterAll(async () => rig?.close());

const port = () => new URL(rig.api.httpUrl).port;
const noProxyEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => !/_proxy$/i.test(k))) as Record<
    string,
    string
  >;

it('control: without the proxy variables the mutation arrives', async () => {
  const before = rig.api.received.length;
  const r = await run(bin, ['127.0.0.1', port(), '/graphql/v2', INCIDENT], { env: noProxyEnv() });
  expect(r.stdout.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
  expect(rig.api.received.slice(before).map((x) => x.body)).toEqual([INCIDENT]);
});

it('with the proxy variables the mutation is held, attributed to the binary, and never arrives', async () => {
  const before = rig.api.received.length;
  const asked = rig.approver.seen.length;
  rig.approver.answers.push('deny');
  const r = await run(bin, ['127.0.0.1', port(), '/graphql/v2', INCIDENT], {
    env: { ...noProxyEnv(), ...rig.proxy.env },
    cwd: rig.workspace,
  });
  expect(r.stdout.split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden');
  expect(r.stdout).toContain('graphql/destructive-mutation');
  expect(rig.api.received.length).toBe(before);
  expect(rig.approver.seen[asked].command).toContain('from: post 127.0.0.1');
});
