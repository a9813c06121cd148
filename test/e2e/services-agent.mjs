/* global setTimeout */
// A scripted agent for the host-services e2e test. From inside the session it runs the real
// psql against the host's loopback:
//   select    psql -c 'select 1' on the declared port
//   drop      psql fed `DROP TABLE users;` on stdin (no gate reads stdin: only the wire shows it)
//   delete    psql fed `DELETE FROM users;` on stdin
//   undecl    psql -c 'select 1' on a host port that is NOT declared
//   raw       a raw TCP connection (Node's net) to the undeclared port: what it reads back
//   echo      a raw TCP connection to RAW_PORT (declared `protocol: tcp, trust_raw`): what it reads back
// Prints one JSON line {select, drop, delete, undecl, raw, echo}: exit code and output of each.
// Usage: node services-agent.mjs DECLARED_PORT UNDECLARED_PORT RAW_PORT
import { spawnSync } from 'node:child_process';
import net from 'node:net';

const [, , declared, undeclared, rawPort] = process.argv;
const psql = (port, args, input) => {
  const r = spawnSync('psql', ['-X', '-h', '127.0.0.1', '-p', port, '-U', 'app', '-d', 'shop', ...args], {
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
    timeout: 60_000,
  });
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
};
const raw = (port) =>
  new Promise((resolve) => {
    let got = '';
    const s = net.connect(Number(port), '127.0.0.1', () => s.write('PING\r\n'));
    s.on('data', (d) => (got += d.toString()));
    s.on('end', () => resolve(got));
    s.on('error', (e) => resolve(e.code));
    setTimeout(() => {
      s.destroy();
      resolve(got || 'no answer');
    }, 5_000).unref();
  });
const out = {};
out.select = psql(declared, ['-c', 'select 1']);
out.drop = psql(declared, [], 'DROP TABLE users;\n');
out.delete = psql(declared, [], 'DELETE FROM users;\n');
out.undecl = psql(undeclared, ['-c', 'select 1']);
out.raw = await raw(undeclared);
out.echo = await raw(rawPort);
console.log(JSON.stringify(out));
