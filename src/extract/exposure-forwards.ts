/**
 * Port forwarders that put another machine's service on every interface of the machine they
 * run on: `socat TCP-LISTEN:15432,fork,bind=0.0.0.0 TCP:db.prod:5432` (a bastion or laptop
 * relaying a production database to anyone who reaches it). A listener bound to loopback
 * (`bind=127.0.0.1`), restricted to some clients (`range=10.0.0.0/8`, `tcpwrap`), or
 * forwarding to this machine (`TCP:127.0.0.1:3000`, a local dev server) opens nothing new.
 * Forwarders that run a program for the connection are remote shells (shell-remote.ts).
 */
import type { NormalizedCommand } from '../engine/types.js';
import { isLocalHost } from './http-url.js';
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

/** What `cmd` forwards from every interface to another machine, as [kind, the words]; empty = nothing. */
export function openedForwards(cmd: NormalizedCommand): Finding[] {
  if (cmd.program !== 'socat') return [];
  const addrs = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  const listen = addrs.map((a) => LISTEN.exec(a)).find((m) => m);
  const to = addrs.map((a) => CONNECT.exec(a)).find((m) => m);
  if (!listen || !to || restricted(listen[2])) return [];
  const host = to[1].replace(/^\[|\]$/g, '');
  if (isLocalHost(host)) return [];
  return [['forward', `listens on port ${listen[1]} of every interface, forwarding to ${host}:${to[2]}`]];
}
