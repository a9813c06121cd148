// A scripted agent for the network-namespace e2e test. Tries, from inside the session:
//   proxied   GET http://127.0.0.1:API_PORT/net-agent through $http_proxy when set (the
//             session's egress proxy, bridged out of the sandbox), else directly
//   raw       a raw TCP connection (Node's net) to the host's loopback API port
//   curl      /usr/bin/curl -f --noproxy '*' to the API (a program that ignores proxy variables)
//   devtcp    bash's /dev/tcp to the API
//   loopback  its own server on 127.0.0.1:0 and a request to it (an agent's dev server)
// Prints one JSON line {proxied, raw, curl, devtcp, loopback}: "ok" or the error.
// Usage: node net-agent.mjs API_PORT
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { URL } from 'node:url';

const [, , apiPort] = process.argv;
const proxy = process.env.http_proxy ? new URL(process.env.http_proxy) : undefined;
const get = (port, via) =>
  new Promise((resolve) => {
    const to = via
      ? { host: via.hostname, port: via.port, path: `http://127.0.0.1:${port}/net-agent` }
      : { host: '127.0.0.1', port, path: '/net-agent' };
    const req = http.get({ ...to, timeout: 5000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(`ok ${res.statusCode}`));
    });
    req.on('error', (e) => resolve(e.code));
    req.on('timeout', () => req.destroy(new Error('timeout')));
  });
const raw = (port) =>
  new Promise((resolve) => {
    const s = net.connect(Number(port), '127.0.0.1', () => {
      s.end('POST /graphql/v2 HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}');
      resolve('ok');
    });
    s.on('error', (e) => resolve(e.code));
  });
const out = {};
out.proxied = await get(apiPort, proxy);
out.raw = await raw(apiPort);
const c = spawnSync(
  '/usr/bin/curl',
  ['-fsS', '-m', '5', '--noproxy', '*', '-o', '/dev/null', `http://127.0.0.1:${apiPort}/`],
  {
    encoding: 'utf8',
  },
);
out.curl = c.status === 0 ? 'ok' : `exit ${c.status ?? c.error?.code}`;
const d = spawnSync('/bin/bash', ['-c', `exec 3<>/dev/tcp/127.0.0.1/${apiPort} && echo open`], {
  encoding: 'utf8',
});
out.devtcp = (d.stdout ?? '').includes('open') ? 'ok' : `exit ${d.status ?? d.error?.code}`;
const srv = http.createServer((q, r) => r.end('dev'));
await new Promise((r) => srv.listen(0, '127.0.0.1', r));
out.loopback = await get(srv.address().port);
srv.close();
console.log(JSON.stringify(out));
