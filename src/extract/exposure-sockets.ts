/**
 * Control planes put on the network:
 * - a container engine's or node agent's control socket forwarded to a TCP listener that is
 *   not kept to this machine: `socat TCP-LISTEN:2375,fork UNIX-CONNECT:/var/run/docker.sock`
 *   (also `UNIX-CLIENT:`, `UNIX:`, `GOPEN:` or a bare path; `TCP4-L`, `OPENSSL-LISTEN`),
 *   `websocat -E tcp-l:0.0.0.0:2375 unix:/var/run/docker.sock` (also `ws-l:`, `l-ws:`,
 *   `unix-connect:`). The sockets are Docker's, containerd's, Podman's, CRI-O's,
 *   cri-dockerd's, BuildKit's, the kubelet's, LXD's, Incus's and libvirt's: whoever connects
 *   runs containers (root on the host) or reads every pod. A listener bound to loopback
 *   (`bind=127.0.0.1`, `tcp-l:127.0.0.1:2375`) or restricted to chosen clients (a `range=`
 *   within loopback or private blocks, `tcpwrap`) is not reported (`range=0.0.0.0/0` is); nor is a socket path that names another program's socket.
 *   Fail closed: a socket path not known statically counts as a control socket.
 * - `kubectl proxy` (and `oc proxy`, and kubectl run by a distribution: `microk8s kubectl`,
 *   `microk8s.kubectl`, `k3s kubectl`, `k0s kubectl`, `minikube kubectl --`) serving the cluster's API with this machine's
 *   credentials beyond loopback (`--address` not a loopback address), to any Host header
 *   (`--accept-hosts` with a pattern that lets a name of another's domain in, as `.*` or
 *   `^localhost` without its `$` does `localhost.attacker.invalid`: a web page's DNS rebinding
 *   reaches it) or with its request filter off (`--disable-filter`); a proxy on a unix socket
 *   (`--unix-socket`) is not reported.
 * Each finding is [`daemon` or `cluster-api`, the words]. A shell websocat serves
 * (`sh-c:`, `exec:`) is read by websocatShell for shell-remote.ts.
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

/** IPv4 blocks a client range must lie within to count as kept to chosen clients: loopback and private. */
const NEAR_V4: [number, number][] = [
  [0x7f000000, 8],
  [0x0a000000, 8],
  [0xac100000, 12],
  [0xc0a80000, 16],
  [0xa9fe0000, 16],
];

/** The 32-bit value of a dotted IPv4 address; undefined = not one. */
function v4(addr: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(addr);
  if (!m || m.slice(1).some((o) => Number(o) > 255)) return undefined;
  return m.slice(1).reduce((n, o) => n * 256 + Number(o), 0);
}

/** The prefix length of a dotted netmask (`255.255.0.0` → 16); undefined = not a contiguous mask. */
function maskBits(mask: string): number | undefined {
  const n = v4(mask);
  if (n === undefined) return undefined;
  const bits = n.toString(2).padStart(32, '0');
  return /^1*0*$/.test(bits) ? (bits.indexOf('0') < 0 ? 32 : bits.indexOf('0')) : undefined;
}

/**
 * Whether socat's `range=` (`ADDR/BITS`, `ADDR:MASK`, `[V6]/BITS`) admits only loopback or
 * private clients. A wider one (`0.0.0.0/0`, a public block), one not known statically
 * (`range=$NET`) or one not read is no restriction (fail closed).
 */
function privateRange(range: string): boolean {
  const v6 = /^\[([^\]]*)\](?:\/(\d+))?$/.exec(range);
  if (v6) {
    const [a, bits] = [v6[1].toLowerCase(), Number(v6[2] ?? 128)];
    return (
      (a === '::1' && bits === 128) || (/^f[cd]/.test(a) && bits >= 7) || (/^fe[89ab]/.test(a) && bits >= 10)
    );
  }
  const m = /^([\d.]+)(?:\/(\d+)|:([\d.]+))?$/.exec(range);
  const addr = m ? v4(m[1]) : undefined;
  const bits = m?.[3] !== undefined ? maskBits(m[3]) : Number(m?.[2] ?? 32);
  if (addr === undefined || bits === undefined || bits > 32) return false;
  return NEAR_V4.some(
    ([net, len]) => bits >= len && Math.floor(addr / 2 ** (32 - len)) === net / 2 ** (32 - len),
  );
}

/**
 * Whether socat's listener options keep it to this machine (`bind=` loopback) or to chosen
 * clients (`range=` within loopback or private blocks; `tcpwrap`: the hosts.allow rules).
 */
function socatRestricted(opts: string): boolean {
  const kv = opts.split(',').filter(Boolean);
  const bind = kv.find((o) => /^bind=/i.test(o))?.slice(5);
  if (bind !== undefined && loopbackOnly(bind)) return true;
  const range = kv.find((o) => /^range=/i.test(o))?.slice(6);
  return (range !== undefined && privateRange(range)) || kv.some((o) => /^tcpwrap(=|$)/i.test(o));
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

/** websocat's addresses that run a program for each connection (`sh-c:CMD`, `cmd:CMD`, `exec:PROG`), after any overlays. */
const WEBSOCAT_SHELL = /^(?:[a-z][\w-]*:)*?(?:sh-c|cmd|exec):/i;
/** websocat's client addresses that reach another machine (`ws://`, `tcp:HOST:PORT`, `ws-c:`). */
const WEBSOCAT_CLIENT =
  /^(?:wss?:\/\/|(?:tcp|tcp-c|c-tcp|tcp-connect|connect-tcp|udp|udp-c|udp-connect):)(\[[^\]]*\]|[^:/]*)/i;

/**
 * The peer of a shell websocat hands to the network: `websocat ws-l:0.0.0.0:8080 sh-c:bash`
 * (a bind shell: whoever connects runs commands here; the listener is returned) or
 * `websocat ws://host/ exec:/bin/sh` (a reverse one: the host). A listener or peer on
 * loopback is not; an address known only at run time (`websocat ws-l:0.0.0.0:80 "$TO"`)
 * counts as a shell (fail closed). undefined = no shell served.
 */
export function websocatShell(cmd: NormalizedCommand): string | undefined {
  if (cmd.program !== 'websocat') return undefined;
  const words = cmd.argv
    .map((w, i) => ({ w, i }))
    .slice(1)
    .filter(({ w }) => !w.startsWith('-'));
  const shell = words.some(
    ({ w, i }) => WEBSOCAT_SHELL.test(w) || cmd.dynamicArgs.includes(i) || /^\$/.test(w),
  );
  if (!shell) return undefined;
  for (const { w } of words) {
    const listen = WEBSOCAT_LISTEN.exec(w);
    const host = listen
      ? (/^(\[[^\]]*\]|[^:]*):\d+$/.exec(listen[1])?.[1] ?? '')
      : WEBSOCAT_CLIENT.exec(w)?.[1];
    if (host !== undefined && !loopbackOnly(host)) return listen ? listen[1] : host;
  }
  return undefined;
}

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

/**
 * Names a web page's DNS rebinding can put in the Host header: the attacker's own, and names
 * of the attacker's domain that begin with a loopback name or with the pattern's own text
 * (a pattern anchored only at its start, `^localhost`, lets `localhost.attacker.invalid` in).
 */
const hostileNames = (pattern: string) =>
  [
    '',
    'localhost.',
    '127.0.0.1.',
    '[::1].',
    'ip6-localhost.',
    `${pattern.replace(/\\(.)|[\^$]/g, '$1')}.`,
  ].map((head) => `${head}attacker.invalid`);

/**
 * A Host-header pattern list of kubectl proxy that lets a hostile name in (see hostileNames;
 * one that does not compile or is known only at run time too: fail closed).
 */
function anyHost(patterns: string, dynamic: boolean): boolean {
  if (dynamic || /\$\w|\$\{/.test(patterns)) return true;
  return patterns.split(',').some((p) => {
    try {
      const re = new RegExp(p);
      return hostileNames(p).some((n) => re.test(n));
    } catch {
      return true;
    }
  });
}

/** Programs that run kubectl as their first word (`microk8s kubectl`, `k3s kubectl`, `minikube kubectl --`). */
const KUBECTL_WRAPPERS = /^(microk8s|k3s|k0s|minikube)$/;

/** The kubectl words of `cmd` after its program (`kubectl ARGS`, `microk8s kubectl ARGS`); undefined = not kubectl. */
function kubectlArgs(cmd: NormalizedCommand): { args: string[]; at: number; name: string } | undefined {
  if (/^(kubectl|oc|kubecolor|microk8s\.kubectl)$/.test(cmd.program))
    return { args: cmd.argv.slice(1), at: 1, name: cmd.program };
  if (!KUBECTL_WRAPPERS.test(cmd.program) || cmd.argv[1] !== 'kubectl') return undefined;
  const at = cmd.argv[2] === '--' ? 3 : 2;
  return { args: cmd.argv.slice(at), at, name: `${cmd.program} kubectl` };
}

function kubectlProxy(cmd: NormalizedCommand): Finding[] {
  const kube = kubectlArgs(cmd);
  if (!kube) return [];
  const { args, at, name } = kube;
  let i = 0;
  while (i < args.length && args[i].startsWith('-')) i += KUBECTL_VALUED.test(args[i]) ? 2 : 1;
  if (args[i] !== 'proxy') return [];
  const opts = new Map<string, string>();
  /** Options whose value is known only at run time. */
  const dynamic = new Set<string>();
  for (let j = 0; j < args.length; j++) {
    const eq = /^(--?[\w-]+)=(.*)$/s.exec(args[j]);
    if (eq) opts.set(eq[1], eq[2]);
    else if (PROXY_VALUED.test(args[j]) || (j < i && KUBECTL_VALUED.test(args[j]))) {
      if (cmd.dynamicArgs.includes(at + j + 1)) dynamic.add(args[j]);
      opts.set(args[j], args[++j] ?? '');
    } else if (args[j].startsWith('-')) opts.set(args[j], '');
    if (eq && cmd.dynamicArgs.includes(at + j)) dynamic.add(eq[1]);
  }
  const get = (...names: string[]) => names.map((n) => opts.get(n)).find((v) => v !== undefined);
  if (get('--unix-socket', '-u') !== undefined) return [];
  const found: Finding[] = [];
  const address = get('--address');
  if (address !== undefined && !loopbackOnly(address))
    found.push(['cluster-api', `${name} proxy --address ${address}`]);
  const hosts = get('--accept-hosts');
  if (hosts !== undefined && anyHost(hosts, dynamic.has('--accept-hosts')))
    found.push(['cluster-api', `${name} proxy --accept-hosts ${hosts}`]);
  const filter = get('--disable-filter');
  if (filter !== undefined && !/^(false|0)$/i.test(filter))
    found.push(['cluster-api', `${name} proxy --disable-filter`]);
  return found;
}

/** The control planes `cmd` puts on the network (see the header); empty = none. */
export function exposedControlPlanes(cmd: NormalizedCommand): Finding[] {
  if (cmd.program === 'socat') return socat(cmd);
  if (cmd.program === 'websocat') return websocat(cmd);
  return kubectlProxy(cmd);
}
