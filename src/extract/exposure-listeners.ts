/**
 * Services this machine's own setup opens to anyone: a port mapped on the home or office
 * router by UPnP or NAT-PMP (`upnpc -r 22 TCP`, `upnpc -a IP 5432 5432 TCP`, `natpmpc -a 22
 * 22 tcp`), which puts it on the internet; data stores and daemons started to accept every
 * address without authentication (`redis-server --protected-mode no`, `mongod
 * --bind_ip_all` without `--auth`, `memcached -l 0.0.0.0`, `dockerd -H tcp://0.0.0.0:2375`
 * without TLS verification, `podman system service tcp:0.0.0.0:8888` (no login at all),
 * `buildkitd --addr tcp://0.0.0.0:1234` without client certificates, `etcd --listen-client-urls http://0.0.0.0:2379`), or told so at
 * run time (`redis-cli CONFIG SET protected-mode no`); the WinRM service told to take unencrypted
 * traffic or Basic auth (`winrm set winrm/config/service @{AllowUnencrypted="true"}`, `Set-Item
 * WSMan:\localhost\Service\Auth\Basic $true`); and the home folder, `/` or a credential
 * folder shared over Tor (`onionshare-cli --public ~/`); admin consoles and debuggers served
 * without a login (exposure-admin.ts) and buckets of S3-compatible stores served to anyone
 * (exposure-stores.ts). Reads the command's words, resolving a shared folder.
 *
 * A web port mapped (80, 443), a store bound to loopback or asking for credentials, listing
 * and deleting mappings (`upnpc -l`, `upnpc -d 22 TCP`), and a workspace folder shared are not.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { isHomeCredential } from '../normalize/credentials.js';
import { optionPairs } from './cloud-argv.js';
import { resolvePath } from './http-body.js';
import { homeOrAbove, LOOPBACK } from './exposure-servers.js';
import { openConsoles } from './exposure-admin.js';
import { publicBuckets } from './exposure-stores.js';
import type { Finding } from './word-facts.js';

/** Ports meant to face the internet (a web server). */
const WEB_PORTS = /^(80|443)$/;

/**
 * The ports a router mapping names: after `-r` the ports up to each protocol, after `-a`/`-n`
 * (upnpc) the internal and external port, after `-A` (an IPv6 pinhole) the remote and internal
 * port, after natpmpc's `-a` the public and private port. Empty = no mapping added.
 */
function mappedPorts(program: string, argv: string[]): string[] {
  const ports: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const rest = argv.slice(i + 1);
    const until = rest.findIndex((w) => w.startsWith('-'));
    const args = until < 0 ? rest : rest.slice(0, until);
    const nums = (ws: string[]) => ws.filter((w) => /^\d+$/.test(w));
    if (program === 'natpmpc') {
      if (a === '-a') ports.push(...nums(args.slice(0, 2)));
    } else if (a === '-r') ports.push(...nums(args));
    else if (a === '-a' || a === '-n') ports.push(...nums(args.slice(1, 3)));
    else if (a === '-A') ports.push(...nums([args[1] ?? '', args[3] ?? '']));
  }
  return ports;
}

/** A router port mapping that is not only a web port. */
function routerMappings(cmd: NormalizedCommand): Finding[] {
  if (cmd.program !== 'upnpc' && cmd.program !== 'natpmpc') return [];
  const ports = mappedPorts(cmd.program, cmd.argv);
  const open = [...new Set(ports)].filter((p) => !WEB_PORTS.test(p));
  return open.length ? [['router', `${cmd.program} maps port ${open.join(', ')} on the router`]] : [];
}

/** A bind address list (`0.0.0.0`, `127.0.0.1 ::1`, `tcp://0.0.0.0:2375`) that reaches beyond this machine. */
const beyondLoopback = (addrs: string[]) =>
  addrs.some((a) => !LOOPBACK.test(a.replace(/^[a-z]+:\/\//i, '').replace(/^-/, '')));

/** The values that follow option `name` up to the next option (redis's `--bind a b`). */
function valuesOf(argv: string[], name: string): string[] | undefined {
  const at = argv.findIndex((w) => w === name || w.startsWith(`${name}=`));
  if (at < 0) return undefined;
  if (argv[at].includes('=')) return argv[at].slice(name.length + 1).split(/[\s,]+/);
  const rest = argv.slice(at + 1);
  const end = rest.findIndex((w) => w.startsWith('--'));
  return end < 0 ? rest : rest.slice(0, end);
}

/** Data stores and daemons accepting every address without authentication. */
function openStores(cmd: NormalizedCommand): Finding[] {
  const p = cmd.program;
  const a = cmd.argv;
  const opts = optionPairs(a);
  const value = (re: RegExp) => opts.find(([o]) => re.test(o))?.[1];
  const has = (re: RegExp) => a.slice(1).some((w) => re.test(w));
  if (/^(redis|valkey|keydb)-server$/.test(p) && /^no$/i.test(value(/^--protected-mode$/) ?? '')) {
    // without a bind, the server listens on every address
    const bind = valuesOf(a, '--bind');
    if (!has(/^--requirepass/) && (bind === undefined || beyondLoopback(bind)))
      return [['datastore', `${p} --protected-mode no${bind ? ` --bind ${bind.join(' ')}` : ''}`]];
  }
  if (/^(redis|valkey)-cli$/.test(p)) {
    const words = a.map((w) => w.toLowerCase());
    const at = words.indexOf('protected-mode');
    if (at > 1 && words[at - 1] === 'set' && words[at - 2] === 'config' && words[at + 1] === 'no')
      return [['datastore', `${p} CONFIG SET protected-mode no`]];
  }
  if (p === 'mongod' && !has(/^--(auth|keyFile)(=|$)/)) {
    const ip = value(/^--bind_ip$/);
    if (has(/^--bind_ip_all$/) || (ip !== undefined && beyondLoopback(ip.split(','))))
      return [['datastore', `mongod ${ip ? `--bind_ip ${ip}` : '--bind_ip_all'} without --auth`]];
  }
  if (p === 'memcached' && !has(/^(-S|--enable-sasl)$/)) {
    const listen = value(/^(-l|--listen)$/);
    if (listen !== undefined && beyondLoopback(listen.split(',')))
      return [['datastore', `memcached -l ${listen}`]];
  }
  if (p === 'dockerd' && !has(/^--tlsverify(=true)?$/)) {
    const tcp = opts.filter(([o, v]) => /^(-H|--host)$/.test(o) && /^tcp:\/\//.test(v)).map(([, v]) => v);
    if (beyondLoopback(tcp.map((v) => v.replace(/:\d+$/, ''))))
      return [['daemon', `dockerd -H ${tcp.join(' ')} without --tlsverify`]];
  }
  // podman's API service has no login of its own: a tcp: address beyond loopback hands the
  // container engine (root on the host, for a rootful one) to the network
  if (p === 'podman' && a[1] === 'system' && a[2] === 'service') {
    const tcp = a.slice(3).filter((w) => /^tcp:/.test(w));
    if (beyondLoopback(tcp.map((v) => v.replace(/^tcp:(\/\/)?/, '').replace(/:\d+$/, ''))))
      return [
        ['daemon', `podman system service ${tcp.join(' ')}: the container engine's API without a login`],
      ];
  }
  // BuildKit's daemon on a tcp address without client certificates runs any build (as root) for anyone
  if (p === 'buildkitd' && !has(/^--tlscacert(=|$)/)) {
    const tcp = opts.filter(([o, v]) => o === '--addr' && /^tcp:\/\//.test(v)).map(([, v]) => v);
    if (beyondLoopback(tcp.map((v) => v.replace(/:\d+$/, ''))))
      return [['daemon', `buildkitd --addr ${tcp.join(' ')} without --tlscacert`]];
  }
  // WinRM (a remote shell) told to take unencrypted traffic or Basic auth: passwords in clear text
  const winrm =
    (p === 'winrm' || p === 'winrm.cmd') &&
    /^(set|s)$/i.test(a[1] ?? '') &&
    /^winrm\/config\/service/i.test(a[2] ?? '')
      ? a.slice(3).join(' ')
      : /^set-item$/i.test(p)
        ? a
            .slice(1)
            .join(' ')
            .replace(/wsman:\\localhost\\service\\(auth\\)?(\w+)\s+(-value\s+)?/i, '$2=')
        : '';
  if (/\b(AllowUnencrypted|Basic)\s*=\s*"?(true|\$true)\b/i.test(winrm))
    return [['daemon', `WinRM service ${winrm.replace(/\s+/g, ' ')}: credentials in clear text`]];
  if (p === 'etcd') {
    const urls = (value(/^--listen-client-urls$/) ?? '').split(',').filter((u) => /^http:\/\//.test(u));
    if (beyondLoopback(urls.map((u) => u.replace(/^http:\/\//, '').replace(/:\d+\/?$/, ''))))
      return [['datastore', `etcd --listen-client-urls ${urls.join(',')}`]];
  }
  return [];
}

/** onionshare's options that take a value. */
const ONIONSHARE_VALUE =
  /^--(persistent|title|auto-start-timer|auto-stop-timer|connect-timeout|config|data-dir|webhook-url|client-auth-priv-key)$/;

/** The home folder, `/` or a credential folder shared over Tor (not received into or chatted in). */
function onionShares(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  if (!/^onionshare(-cli)?$/.test(cmd.program)) return [];
  const a = cmd.argv;
  if (a.some((w) => w === '--receive' || w === '--chat')) return [];
  const files = a
    .slice(1)
    .filter((w, i, all) => !w.startsWith('-') && !ONIONSHARE_VALUE.test(all[i - 1] ?? ''));
  for (const f of files) {
    const shared = homeOrAbove(f, cmd, ctx);
    const secret = isHomeCredential(resolvePath(f, cmd, ctx), ctx.home);
    if (shared || secret) return [['files', `${cmd.program} shares ${shared ?? f} over Tor`]];
  }
  return [];
}

/** What `cmd` opens to anyone (see the header), as [kind, the words]; empty = nothing. */
export function openedListeners(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  return [
    ...routerMappings(cmd),
    ...openStores(cmd),
    ...onionShares(cmd, ctx),
    ...openConsoles(cmd),
    ...publicBuckets(cmd),
  ];
}
