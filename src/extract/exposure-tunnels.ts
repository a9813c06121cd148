/**
 * A local service put on the internet or opened to every address by this machine: tunnels
 * that give it a public address (`ngrok tcp`, `tailscale funnel`, `cloudflared tunnel --url
 * tcp://…`, `bore local`, `lt --port`; ssh forwards are read in exposure-ssh.ts), and the
 * host's own firewall letting a service port in from anyone (`firewall-cmd --add-port`, `ufw
 * allow`, `iptables … --dport P -j ACCEPT`, `nft … dport P accept`). Public shares (`zrok share public`, `devtunnel host --allow-anonymous`) count as
 * tunnels, and one serving a folder (`zrok share public --backend-mode web DIR`) exposes it
 * when it is the home folder, `/`, above it or a secret folder (exposure-roots.ts). tunnelmole (`tmole PORT`) is read like localtunnel,
 * LocalXpose (`loclx tunnel tcp`) and inlets (`inlets-pro tcp client`) forwarding raw TCP are
 * tunnels, and PageKite (`pagekite.py SERVICE KITE`) like both: a port is a tunnel, a folder served by
 * its built-in web server is a share. loophole (`loophole http PORT`) is read like ngrok, its
 * folder shares (`loophole path DIR`, `loophole webdav DIR`) like zrok's; those, tailscale's and
 * ngrok's file servers are read in exposure-tunnel-shares.ts. Reads the command's
 * words, resolving a folder.
 *
 * A web app's port (`ngrok http 3000`, `ufw allow 443`) is meant to be reached; a database,
 * cache, remote shell or cluster API (`SERVICE_PORTS`), a raw TCP tunnel of anything, or a
 * rule that lets a port range in, is not.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { optionPairs } from './cloud-argv.js';
import { exposedFolder, tunnelledFolders } from './exposure-tunnel-shares.js';
import type { Finding } from './word-facts.js';
import { optionWord } from './help-words.js';
import { EVERY_ADDRESS } from './cloud-host-firewall.js';

/**
 * Ports of services that are never meant to face the internet: remote shells and desktops,
 * file shares, databases, caches, brokers, container and cluster APIs, secret stores.
 */
export const SERVICE_PORTS = new Set([
  21, 22, 23, 111, 135, 139, 445, 873, 1433, 1521, 2049, 2375, 2376, 2379, 2380, 3306, 3389, 4369, 5432, 5672,
  5900, 5984, 6379, 6443, 7001, 8086, 8200, 8500, 9042, 9092, 9200, 9300, 10250, 11211, 15672, 27017,
]);

/** Named services that are web servers (`ufw allow 'Nginx Full'`, `--add-service=https`). */
const WEB_SERVICES = /^(https?|www(-full)?|http3|(nginx|apache)( (full|https?|secure))?)$/i;

/** True when a port or range (`5432`, `6000-7000`, `6000:7000`) includes a service port. */
export function hasServicePort(spec: string): boolean {
  const m = /^(\d+)(?:[-:](\d+))?$/.exec(spec.replace(/\/\w+$/, ''));
  if (!m) return false;
  const lo = Number(m[1]);
  const hi = m[2] ? Number(m[2]) : lo;
  return [...SERVICE_PORTS].some((p) => p >= lo && p <= hi);
}

/** The port of a tunnel's target (`5432`, `localhost:6379`, `http://127.0.0.1:8200/`); '' = none. */
function targetPort(target: string): string {
  return /(?:^|:)(\d+)\/?$/.exec(target.replace(/^[a-z]+:\/\//i, ''))?.[1] ?? '';
}

const positionals = (argv: string[]) => argv.slice(1).filter((a) => !a.startsWith('-'));

/** Tunnel programs: what their words open to the internet. */
function tunnels(cmd: NormalizedCommand): Finding[] {
  const p = cmd.program;
  const a = cmd.argv;
  const pos = positionals(a);
  const opts = optionPairs(a);
  if (p === 'ngrok') {
    if (pos[0] === 'tcp' && pos[1]) return [['tunnel', `ngrok tcp ${pos[1]}`]];
    if (pos[0] === 'http' && hasServicePort(targetPort(pos[1] ?? '')))
      return [['tunnel', `ngrok http ${pos[1]}`]];
  }
  if (p === 'tailscale' && pos[0] === 'funnel') {
    // the target is the last word (`--tcp 443 tcp://localhost:2222`); `off`, `reset`, `status` open nothing
    const target =
      pos.length > 1 && !/^(on|off|reset|status)$/.test(pos[pos.length - 1]) ? pos[pos.length - 1] : '';
    const tcp = opts.some(([o]) => o === '--tcp' || o === '--tls-terminated-tcp') || /^tcp:\/\//.test(target);
    if (tcp || hasServicePort(targetPort(target))) return [['tunnel', `tailscale funnel ${target}`]];
  }
  if (p === 'cloudflared') {
    const url = opts.find(([o]) => o === '--url')?.[1] ?? '';
    if (/^(tcp|ssh|rdp|smb|unix):\/\//i.test(url) || hasServicePort(targetPort(url)))
      return [['tunnel', `cloudflared --url ${url}`]];
  }
  if (p === 'bore' && pos[0] === 'local') return [['tunnel', `bore local ${pos[1] ?? ''}`]];
  if (
    (p === 'lt' || p === 'localtunnel') &&
    hasServicePort(opts.find(([o]) => o === '--port' || o === '-p')?.[1] ?? '')
  )
    return [['tunnel', `${p} --port`]];
  // LocalXpose: `loclx tunnel tcp|udp|tls --to ADDR` forwards raw traffic, `tunnel http --to ADDR` a web port
  if (p === 'loclx' && pos[0] === 'tunnel') {
    const to = opts.find(([o]) => o === '--to' || o === '-t')?.[1] ?? '';
    if (/^(tcp|udp|tls)$/.test(pos[1] ?? '') || hasServicePort(targetPort(to)))
      return [['tunnel', `loclx tunnel ${pos[1] ?? ''} --to ${to}`]];
  }
  // inlets: `inlets-pro tcp client --upstream HOST --ports P,P` (raw TCP), `http client --upstream URL`
  if (/^inlets(-pro)?$/.test(p) && pos.includes('client')) {
    const ports = opts.filter(([o]) => o === '--ports' || o === '--port').flatMap(([, v]) => v.split(','));
    const upstreams = opts.filter(([o]) => o === '--upstream' || o === '-u').map(([, v]) => v);
    if (
      pos[0] === 'tcp' ||
      ports.some(hasServicePort) ||
      upstreams.some((u) => hasServicePort(targetPort(u)))
    )
      return [['tunnel', `${p} ${pos[0] ?? ''} client`]];
  }
  // tunnelmole: `tmole PORT [as NAME.tunnelmole.net]`
  if (p === 'tmole' && hasServicePort(pos[0] ?? '')) return [['tunnel', `tmole ${pos[0]}`]];
  // loophole: `loophole http|https PORT [HOST]` forwards a local port (`path`, `webdav`: folderShares)
  if (p === 'loophole' && /^https?$/.test(pos[0] ?? '') && hasServicePort(pos[1] ?? ''))
    return [['tunnel', `loophole ${pos[0]} ${pos[1]}`]];
  return [];
}

/** A PageKite backend that is a port or address (`80`, `localhost:22`, `http://127.0.0.1:8080`), not a folder. */
const PAGEKITE_PORT = /^(\d+|([a-z]+:\/\/)?[\w.[\]:-]*:\d+\/?)$/i;

/**
 * PageKite: `pagekite.py [opts] SERVICE KITE [+flags]` puts SERVICE on a public name. SERVICE
 * is a local port or address (a tunnel when it is a service port, or the kite speaks raw TCP
 * or ssh), or a folder its built-in web server publishes (exposed when it is HOME, `/` or above);
 * `--service_on=PROTO[-PORT]:KITE:HOST:PORT:SECRET` names the same for a raw kite.
 */
function pagekite(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  if (!/^pagekite(\.py)?$/.test(cmd.program)) return [];
  const a = cmd.argv;
  const words = a.slice(1).filter((w) => !/^[-+]/.test(w));
  const out: Finding[] = [];
  for (const [o, v] of optionPairs(a)) {
    const parts = v.split(':');
    if (/^--(service_on|be_config)$/.test(o) && (/^raw/i.test(parts[0]) || hasServicePort(parts[3] ?? '')))
      out.push(['tunnel', `pagekite ${o}=${v}`]);
  }
  const [service, kite = ''] = words;
  if (service === undefined || words.length < 2) return out;
  if (!PAGEKITE_PORT.test(service)) {
    const over = exposedFolder(cmd, ctx, service, false);
    if (over) out.push(['files', `pagekite publishes ${over} as ${kite}`]);
  } else if (hasServicePort(targetPort(service)) || /^(raw|ssh)\b/i.test(kite))
    out.push(['tunnel', `pagekite ${service} ${kite}`]);
  return out;
}

/** zrok's backends that serve a folder rather than forward to a service. */
const ZROK_FOLDER = /^(web|drive)$/;

/**
 * Shares that give anyone a public address: `zrok share|reserve public TARGET` (a folder with
 * the web or drive backend, else an address whose port is a service port, or a raw TCP/UDP
 * backend), `devtunnel host -p PORT --allow-anonymous` (anyone, no sign-in) and `devtunnel
 * access create … --anonymous` (the tunnel's ports, not named here, opened to anyone).
 */
function publicShares(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  const a = cmd.argv;
  const opts = optionPairs(a);
  if (optionWord(a, (w) => w === '--help' || w === '-h')) return [];
  if (cmd.program === 'zrok' && /^(share|reserve)$/.test(a[1] ?? '') && a[2] === 'public') {
    const mode = opts.find(([o]) => o === '--backend-mode' || o === '-b')?.[1] ?? 'proxy';
    const valued = new Set([
      '--backend-mode',
      '-b',
      '--basic-auth',
      '--frontend',
      '--oauth-provider',
      '--unique-name',
    ]);
    const target =
      a.slice(3).find((w, i, rest) => !w.startsWith('-') && !valued.has(rest[i - 1] ?? '')) ?? '';
    if (ZROK_FOLDER.test(mode)) {
      // `drive` is a WebDAV folder anyone with the address may change, unless a password guards it
      const writable = mode === 'drive' && !opts.some(([o]) => o === '--basic-auth');
      const over = exposedFolder(cmd, ctx, target || '.', writable);
      if (over === undefined) return [];
      return [
        ['files', writable ? `zrok lets anyone change and delete ${over}` : `zrok shares ${over} publicly`],
      ];
    }
    if (/tunnel|socks|vpn/i.test(mode) || hasServicePort(targetPort(target)))
      return [['tunnel', `zrok share public ${target}`]];
    return [];
  }
  if (cmd.program === 'devtunnel') {
    const anonymous = a.some((w) => /^(-a|--allow-anonymous|--anonymous)$/.test(w));
    if (!anonymous) return [];
    const ports = opts.filter(([o]) => o === '-p' || o === '--port-numbers').flatMap(([, v]) => v.split(','));
    // fail closed: hosting or opening a tunnel whose ports are not named here may open any
    if (a[1] === 'access' || (a[1] === 'host' && (ports.length === 0 || ports.some(hasServicePort))))
      return [['tunnel', `devtunnel ${a.slice(1).join(' ')}`]];
  }
  return [];
}

/** A source that is anyone (`any`, `0.0.0.0/0`, `::/0`), or none named. */
const ANYONE = /^(any|0\.0\.0\.0\/0|::\/0|)$/i;

/** A rich rule's source that names some addresses (`source address="10.0.0.0/8"`); every address (`0.0.0.0/0`) names none. */
function namedSource(rule: string): boolean {
  const m = /source\s+address="?([^"\s]+)/.exec(rule);
  return Boolean(m) && !EVERY_ADDRESS.test(m?.[1] ?? '');
}

/** The host firewall letting a service port (or a non-web service) in from anyone. */
function firewallOpens(cmd: NormalizedCommand): Finding[] {
  const p = cmd.program;
  const a = cmd.argv;
  const opts = optionPairs(a);
  const out: Finding[] = [];
  if (p === 'firewall-cmd') {
    for (const [o, v] of opts) {
      if (o === '--add-port' && hasServicePort(v)) out.push(['network', `${o}=${v}`]);
      if (o === '--add-service' && !WEB_SERVICES.test(v)) out.push(['network', `${o}=${v}`]);
      if (o === '--add-rich-rule' && /\baccept\b/.test(v) && !namedSource(v)) {
        const port = /port\s+port="?([\d-]+)/.exec(v)?.[1] ?? '';
        const service = /service\s+name="?([\w-]+)/.exec(v)?.[1] ?? '';
        if (hasServicePort(port) || (service && !WEB_SERVICES.test(service)))
          out.push(['network', `${o} ${v}`]);
      }
    }
  }
  if (p === 'ufw') {
    const w = positionals(a);
    const at = w.indexOf('allow');
    if (at < 0 || w[0] === 'delete' || (at > 0 && w[at - 1] === 'delete')) return out;
    const rest = w.slice(at + 1);
    const from = rest[rest.indexOf('from') + 1];
    if (rest.includes('from') && !ANYONE.test(from ?? '')) return out;
    const port = rest.includes('port')
      ? rest[rest.indexOf('port') + 1]
      : rest.find((x) => !/^(in|out|on|proto|to|from|any|tcp|udp)$/.test(x));
    if (port === undefined || rest.includes('out')) return out;
    if (/^\d/.test(port) ? hasServicePort(port) : !WEB_SERVICES.test(port))
      out.push(['network', `ufw allow ${port}`]);
  }
  if (/^ip6?tables(-legacy|-nft)?$/.test(p) && a.some((w) => /^-(A|I)$/.test(w)) && a.includes('INPUT')) {
    const accept = opts.some(([o, v]) => o === '-j' && v === 'ACCEPT');
    const source = opts.find(([o]) => o === '-s' || o === '--source')?.[1];
    const port =
      opts.find(([o]) => o === '--dport' || o === '--destination-port' || o === '--dports')?.[1] ?? '';
    if (accept && ANYONE.test(source ?? '') && port.split(',').some(hasServicePort))
      out.push(['network', `--dport ${port}`]);
  }
  if (p === 'nft') {
    const text = a.slice(1).join(' ');
    const port = /\bdport\s+\{?\s*([\d\s,-]+)/.exec(text)?.[1] ?? '';
    if (/\badd rule\b|\binsert rule\b/.test(text) && /\baccept\b/.test(text) && !/\bsaddr\b/.test(text))
      if (port.split(/[\s,]+/).some(hasServicePort)) out.push(['network', `dport ${port.trim()}`]);
  }
  return out;
}

/** What `cmd` opens to the internet or to every address, as [kind, the words]; empty = nothing. */
export function openedServices(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  return [
    ...tunnels(cmd),
    ...pagekite(cmd, ctx),
    ...publicShares(cmd, ctx),
    ...tunnelledFolders(cmd, ctx),
    ...firewallOpens(cmd),
  ];
}
