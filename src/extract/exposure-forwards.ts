/**
 * Port forwarders that put another machine's service on every interface of the machine they
 * run on: `socat TCP-LISTEN:15432,fork,bind=0.0.0.0 TCP:db.prod:5432` (a bastion or laptop
 * relaying a production database to anyone who reaches it). A listener bound to loopback
 * (`bind=127.0.0.1`), restricted to some clients (`range=10.0.0.0/8`, `tcpwrap`), or
 * forwarding to this machine (`TCP:127.0.0.1:3000`, a local dev server) opens nothing new,
 * unless the local port is a service never meant to face the network (`TCP:127.0.0.1:5432`).
 * gost's forwards read alike: `gost -L tcp://0.0.0.0:15432/127.0.0.1:5432` (also `:PORT` with no
 * host, `udp://`, and `rtcp://`/`rudp://`, which listen on the far server's interfaces).
 * Forwarders that run a program for the connection are remote shells (shell-remote.ts).
 */
import type { NormalizedCommand } from '../engine/types.js';
import { isLocalHost } from './http-url.js';
import { SERVICE_PORTS } from './exposure-tunnels.js';
import type { Finding } from './word-facts.js';

/** A socat listening address: its kind and options (`TCP-LISTEN:15432,fork,bind=0.0.0.0`). */
const LISTEN = /^(?:tcp[46]?-l(?:isten)?|openssl-listen|ssl-l(?:isten)?):(\d+)((?:,[^,]*)*)$/i;
/** A socat connecting address (`TCP:host:5432`, `TCP4:[::1]:80`, `OPENSSL:host:443`). */
const CONNECT = /^(?:tcp[46]?|openssl|ssl):(\[[^\]]+\]|[^:,]+):(\d+)/i;

/** Whether a listener's options keep it to this machine (`bind=127.0.0.1`) or to chosen clients (`range=`, `tcpwrap`). */
function restricted(opts: string): boolean {
  const kv = opts.split(',').filter(Boolean);
  const bind = kv
    .find((o) => /^bind=/i.test(o))
    ?.slice(5)
    .replace(/^\[|\]$/g, '');
  if (bind && isLocalHost(bind) && !/^(0\.0\.0\.0|::)$/.test(bind)) return true;
  return kv.some((o) => /^(range|tcpwrap)(=|$)/i.test(o));
}

/** True when forwarding to `host:port` reaches something new: another machine, or a local service port. */
function reachesService(host: string, port: string): boolean {
  return !isLocalHost(host) || SERVICE_PORTS.has(Number(port));
}

/** A gost forward: `tcp://[HOST]:PORT/TARGET:PORT` (scheme, listen host, listen port, target host, target port). */
const GOST_FORWARD =
  /^(r?(?:tcp|udp)):\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^:/]*):(\d+)\/(\[[^\]]+\]|[^:/,]+):(\d+)/i;

/** The forwards of a gost command that listen on every interface (see the header); empty = none. */
function gostForwards(argv: string[]): Finding[] {
  const found: Finding[] = [];
  for (let i = 1; i < argv.length; i++) {
    const eq = /^--?L=(.*)$/.exec(argv[i]);
    const spec = eq ? eq[1] : /^--?L$/.test(argv[i]) ? (argv[i + 1] ?? '') : '';
    const m = GOST_FORWARD.exec(spec);
    if (!m) continue;
    const bind = m[2].replace(/^\[|\]$/g, '');
    if (bind && isLocalHost(bind) && !/^(0\.0\.0\.0|::)$/.test(bind)) continue;
    const host = m[4].replace(/^\[|\]$/g, '');
    if (!reachesService(host, m[5])) continue;
    found.push(['forward', `listens on port ${m[3]} of every interface, forwarding to ${host}:${m[5]}`]);
  }
  return found;
}

/** What `cmd` forwards from every interface to another machine, as [kind, the words]; empty = nothing. */
export function openedForwards(cmd: NormalizedCommand): Finding[] {
  if (cmd.program === 'gost') return gostForwards(cmd.argv);
  if (cmd.program !== 'socat') return [];
  const addrs = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  const listen = addrs.map((a) => LISTEN.exec(a)).find((m) => m);
  const to = addrs.map((a) => CONNECT.exec(a)).find((m) => m);
  if (!listen || !to || restricted(listen[2])) return [];
  const host = to[1].replace(/^\[|\]$/g, '');
  if (!reachesService(host, to[2])) return [];
  return [['forward', `listens on port ${listen[1]} of every interface, forwarding to ${host}:${to[2]}`]];
}
