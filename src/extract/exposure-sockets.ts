/**
 * Control planes put on the network:
 * - a container engine's or node agent's control socket forwarded to a TCP listener that is
 *   not kept to this machine: `socat TCP-LISTEN:2375,fork UNIX-CONNECT:/var/run/docker.sock`
 *   (also `UNIX-CLIENT:`, `UNIX:`, `GOPEN:` or a bare path; `TCP4-L`, `OPENSSL-LISTEN`),
 *   `websocat -E tcp-l:0.0.0.0:2375 unix:/var/run/docker.sock` (also `ws-l:`, `l-ws:`,
 *   `unix-connect:`). The sockets are Docker's, containerd's, Podman's, CRI-O's,
 *   cri-dockerd's, BuildKit's, the kubelet's, LXD's, Incus's and libvirt's: whoever connects
 *   runs containers (root on the host) or reads every pod. A listener bound to loopback
 *   (`bind=127.0.0.1`, `tcp-l:127.0.0.1:2375`) or restricted to chosen clients (`range=`,
 *   `tcpwrap`) is not reported; nor is a socket path that names another program's socket.
 *   Fail closed: a socket path not known statically counts as a control socket.
 * - `kubectl proxy` (and `oc proxy`) serving the cluster's API with this machine's
 *   credentials beyond loopback (`--address` not a loopback address), to any Host header
 *   (`--accept-hosts` with a pattern that matches any name: a web page's DNS rebinding reaches
 *   it) or with its request filter off (`--disable-filter`); a proxy on a unix socket
 *   (`--unix-socket`) is not reported.
 * Each finding is [`daemon` or `cluster-api`, the words].
 */
import type { NormalizedCommand } from '../engine/types.js';
import { isLocalHost } from './http-url.js';
import type { Finding } from './word-facts.js';

/** Control sockets whose client commands a container engine or a node (see the header). */
const CONTROL_SOCKET =
  /(^|\/)(docker|containerd|podman|crio|cri-dockerd|dockershim|buildkitd|kubelet|firecracker)\.sock(\.ttrpc)?$|\/(lxd|incus)\/unix\.socket$|\/libvirt-sock$|\/pod-resources\/[^/]+\.sock$/;

/** An address bound to loopback only (`0.0.0.0` and `::` are every address). */
const loopbackOnly = (host: string) => {
  const h = host.replace(/^\[|\]$/g, '');
  return h !== '' && isLocalHost(h) && !/^(0\.0\.0\.0|::)$/.test(h);
};

/** A control socket named by `path`, or a path not known statically (fail closed). */
const controlSocket = (path: string, dynamic: boolean) =>
  dynamic || /\$/.test(path) || CONTROL_SOCKET.test(path);

/** socat's TCP listeners: port and options (`TCP-LISTEN:2375,fork,bind=0.0.0.0`). */
const SOCAT_LISTEN = /^(?:tcp[46]?|openssl|ssl|sctp[46]?)-l(?:isten)?:(\d+)((?:,[^,]*)*)$/i;
/** socat's socket clients (`UNIX-CONNECT:/path`, `UNIX-CLIENT:`, `UNIX:`, `GOPEN:`, a bare path). */
const SOCAT_SOCKET = /^(?:(?:unix-connect|unix-client|unix|gopen):([^,]*)|(\/[^,]*))/i;

/** Whether socat's listener options keep it to this machine or to chosen clients. */
function socatRestricted(opts: string): boolean {
  const kv = opts.split(',').filter(Boolean);
  const bind = kv.find((o) => /^bind=/i.test(o))?.slice(5);
  if (bind !== undefined && loopbackOnly(bind)) return true;
  return kv.some((o) => /^(range|tcpwrap)(=|$)/i.test(o));
}

function socat(cmd: NormalizedCommand): Finding[] {
  const addrs = cmd.argv.map((w, i) => ({ w, i })).filter(({ w, i }) => i > 0 && !/^-/.test(w));
  const listen = addrs.map(({ w }) => SOCAT_LISTEN.exec(w)).find((m) => m);
  if (!listen || socatRestricted(listen[2])) return [];
  const sock = addrs.find(({ w }) => SOCAT_SOCKET.test(w) && !SOCAT_LISTEN.test(w));
  if (!sock) return [];
  const m = SOCAT_SOCKET.exec(sock.w);
  const path = m?.[1] ?? m?.[2] ?? '';
  if (!controlSocket(path, cmd.dynamicArgs.includes(sock.i))) return [];
  return [['daemon', `socat: ${path} served on port ${listen[1]} of every interface`]];
}

/** websocat's listeners (`tcp-l:HOST:PORT`, `ws-l:`, `l-ws:`, `tcp-listen:`), and its socket clients. */
const WEBSOCAT_LISTEN = /^(?:tcp-l|tcp-listen|l-tcp|ws-l|ws-listen|l-ws|listen-ws|wss-l|wss-listen):(.*)$/i;
const WEBSOCAT_SOCKET = /^(?:unix|unix-c|unix-connect|connect-unix):(.+)$/i;

function websocat(cmd: NormalizedCommand): Finding[] {
  const words = cmd.argv.map((w, i) => ({ w, i })).slice(1);
  const listen = words.map(({ w }) => WEBSOCAT_LISTEN.exec(w)).find((m) => m);
  const sock = words.find(({ w }) => WEBSOCAT_SOCKET.test(w));
  if (!listen || !sock) return [];
  // `127.0.0.1:2375`, `[::1]:2375`; a port alone has no host: every interface (fail closed)
  const host = /^(\[[^\]]*\]|[^:]*):\d+$/.exec(listen[1])?.[1] ?? '';
  if (loopbackOnly(host)) return [];
  const path = WEBSOCAT_SOCKET.exec(sock.w)?.[1] ?? '';
  if (!controlSocket(path, cmd.dynamicArgs.includes(sock.i))) return [];
  return [['daemon', `websocat: ${path} served on ${listen[1]}`]];
}

/** kubectl's global options that take a value (`--context prod proxy`). */
const KUBECTL_VALUED =
  /^(-n|--namespace|--context|--cluster|--user|--kubeconfig|-s|--server|--token|--as|--as-group|--request-timeout|--cache-dir|--certificate-authority|--client-certificate|--client-key|--tls-server-name|-v|--v)$/;
/** kubectl proxy's options that take a value. */
const PROXY_VALUED =
  /^(--address|--accept-hosts|--accept-paths|--reject-paths|--reject-methods|--api-prefix|-p|--port|-u|--unix-socket|-w|--www|-P|--www-prefix|--keepalive)$/;

/** A Host-header pattern list of kubectl proxy that lets any name in (an invalid one too: fail closed). */
function anyHost(patterns: string): boolean {
  return patterns.split(',').some((p) => {
    try {
      return new RegExp(p).test('attacker.invalid');
    } catch {
      return true;
    }
  });
}

function kubectlProxy(cmd: NormalizedCommand): Finding[] {
  const args = cmd.argv.slice(1);
  let i = 0;
  while (i < args.length && args[i].startsWith('-')) i += KUBECTL_VALUED.test(args[i]) ? 2 : 1;
  if (args[i] !== 'proxy') return [];
  const opts = new Map<string, string>();
  for (let j = 0; j < args.length; j++) {
    const eq = /^(--?[\w-]+)=(.*)$/s.exec(args[j]);
    if (eq) opts.set(eq[1], eq[2]);
    else if (PROXY_VALUED.test(args[j]) || (j < i && KUBECTL_VALUED.test(args[j])))
      opts.set(args[j], args[++j] ?? '');
    else if (args[j].startsWith('-')) opts.set(args[j], '');
  }
  const get = (...names: string[]) => names.map((n) => opts.get(n)).find((v) => v !== undefined);
  if (get('--unix-socket', '-u') !== undefined) return [];
  const found: Finding[] = [];
  const address = get('--address');
  if (address !== undefined && !loopbackOnly(address))
    found.push(['cluster-api', `${cmd.program} proxy --address ${address}`]);
  const hosts = get('--accept-hosts');
  if (hosts !== undefined && anyHost(hosts))
    found.push(['cluster-api', `${cmd.program} proxy --accept-hosts ${hosts}`]);
  const filter = get('--disable-filter');
  if (filter !== undefined && !/^(false|0)$/i.test(filter))
    found.push(['cluster-api', `${cmd.program} proxy --disable-filter`]);
  return found;
}

/** The control planes `cmd` puts on the network (see the header); empty = none. */
export function exposedControlPlanes(cmd: NormalizedCommand): Finding[] {
  if (cmd.program === 'socat') return socat(cmd);
  if (cmd.program === 'websocat') return websocat(cmd);
  if (cmd.program === 'kubectl' || cmd.program === 'oc') return kubectlProxy(cmd);
  return [];
}
