/**
 * Covert tunnels: a network link carried inside DNS queries or ICMP echo packets to a
 * server outside (`iodine -f -P PW t1.example.net`, `dnscat --dns server=HOST`,
 * `dns2tcpc -z DOMAIN HOST`, `dnstt-client`, `ptunnel -p HOST`, `icmptunnel -c HOST`,
 * `hans -c HOST`) or the server end of one (`iodined`, `dnscat2`, `dns2tcpd`). The host at
 * the other end reaches this machine's network through it, past the firewall and any
 * egress control, and anything can leave through it unseen. Help and version runs
 * (`iodine -h`, `dnscat2 --help`) and a bare name (which prints its usage) open nothing.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';

/** Tunnel programs and what carries their traffic. */
const TUNNELS: Record<string, string> = {
  iodine: 'DNS',
  iodined: 'DNS',
  dnscat: 'DNS',
  dnscat2: 'DNS',
  'dnscat2.rb': 'DNS',
  dns2tcpc: 'DNS',
  dns2tcpd: 'DNS',
  'dnstt-client': 'DNS',
  'dnstt-server': 'DNS',
  ptunnel: 'ICMP',
  'ptunnel-ng': 'ICMP',
  icmptunnel: 'ICMP',
  hans: 'ICMP',
};

/** Words that only print help or a version. */
const INFO = /^(-h|--help|-\?|-v|-V|--version|help|version)$/;

/** The covert tunnel `cmd` opens, as [kind, the words]; empty = none. */
export function covertTunnels(cmd: NormalizedCommand): Finding[] {
  const name = (cmd.program.split('/').pop() ?? '').toLowerCase();
  const carrier = Object.hasOwn(TUNNELS, name) ? TUNNELS[name] : undefined;
  const args = cmd.argv.slice(1);
  // only a request for help or a version (`-v` is also a verbose flag: `hans -v -c host`)
  if (!carrier || args.length === 0 || args.every((a) => INFO.test(a))) return [];
  return [['tunnel', `${carrier} tunnel: ${cmd.program} ${args.join(' ')}`]];
}
