/**
 * Routers' and firewalls' own configuration lines, usually sent over ssh (each line is one
 * command of the remote script), that put an internal service on the outside or switch the
 * device's filtering off:
 * - a port forward (destination NAT) to an inside host: MikroTik RouterOS `/ip firewall nat
 *   add action=dst-nat|netmap …` (v7 `/ip/firewall/nat/add`), FortiOS `set mappedip` inside
 *   `config firewall vip`, EdgeOS `set port-forward rule N forward-to …`, VyOS `set nat
 *   destination rule N translation …`, Junos `set security nat destination …`, PAN-OS
 *   `set rulebase nat rules R destination-translation …`, Cisco IOS `ip nat inside source
 *   static tcp …` (ASA's `nat (inside,outside) …` is no shell syntax: not understood, asked),
 *   OpenWrt `uci add firewall redirect` / `uci set firewall.X.target=DNAT`, and a Linux router's `iptables -t nat -A PREROUTING … -j DNAT --to-destination HOST` or nft's
 *   `… prerouting … dnat to HOST` (HOST not this machine);
 * - filtering off: RouterOS `/ip firewall filter|raw disable|remove …` or `set … disabled=yes`,
 *   FortiOS `set status disable`, `delete N` or `purge` inside `config firewall policy`
 *   (and its local-in, DoS and interface policies), VyOS/EdgeOS `delete firewall …` or a rule
 *   set's `default-action accept`, Junos `delete|deactivate security policies …`, PAN-OS `set
 *   rulebase security rules R disabled yes`, ASA `clear configure access-list`, OpenWrt's
 *   default or a zone's input or forward policy set to ACCEPT.
 * Printing, showing and getting find nothing. Each finding is [kind, the words that say so]:
 * `port-forward` (read as exposure) or `firewall-off` (read as a defence switched off).
 */
import type { NormalizedCommand } from '../engine/types.js';
import { isLocalHost } from './http-url.js';
import type { Finding } from './word-facts.js';

/**
 * A RouterOS command's menu path and verb as words (`/ip/firewall/nat/add` or `/ip firewall
 * nat add`), and the parameters after them (`action=dst-nat`, `[find]`, `3`).
 */
function routerOsWords(cmd: NormalizedCommand): { path: string[]; params: string[] } {
  const head = (cmd.argv[0] ?? '').replace(/^\//, '').split('/').filter(Boolean);
  const rest = cmd.argv.slice(1);
  const end = rest.findIndex((a) => a.includes('=') || a.startsWith('[') || /^\d+$/.test(a));
  const at = end < 0 ? rest.length : end;
  return { path: [...head, ...rest.slice(0, at)].map((w) => w.toLowerCase()), params: rest.slice(at) };
}

/** RouterOS: a dst-nat rule added or set, a filter rule disabled or removed. */
function routerOs(cmd: NormalizedCommand): Finding[] {
  // every firewall menu starts at /ip or /ipv6: a command whose first path word is another is not split
  const first = (cmd.argv[0] ?? '').split('/').find(Boolean);
  if (first !== undefined && !/^ipv?6?$/i.test(first)) return [];
  const { path, params: given } = routerOsWords(cmd);
  if (!/^ipv?6?$/.test(path[0] ?? '') || path[1] !== 'firewall') return [];
  const [, , table = '', verb = ''] = path;
  const said = `/${[...path, ...given].join(' ')}`;
  const params = given.map((a) => a.toLowerCase());
  if (table === 'nat' && /^(add|set)$/.test(verb) && params.some((a) => /^action=(dst-nat|netmap)$/.test(a)))
    return [['port-forward', said]];
  if (/^(filter|raw)$/.test(table)) {
    if (/^(disable|remove)$/.test(verb)) return [['firewall-off', said]];
    if (verb === 'set' && params.some((a) => /^disabled=(yes|true)$/.test(a)))
      return [['firewall-off', said]];
  }
  return [];
}

/** FortiOS: the `config …` block a line is in (`config firewall vip`), '' = none. */
function fortiBlock(cmd: NormalizedCommand, all: NormalizedCommand[]): string {
  let depth = 0;
  for (let i = all.indexOf(cmd) - 1; i >= 0; i--) {
    const c = all[i];
    if (c.program === 'end') depth++;
    else if (c.program === 'config') {
      if (depth === 0) return c.argv.slice(1).join(' ').toLowerCase();
      depth--;
    }
  }
  return '';
}

/** FortiOS policy tables whose rules filter traffic. */
const FORTI_POLICIES =
  /^firewall (policy6?|local-in-policy6?|dos-policy6?|interface-policy6?|security-policy)$/;

/** FortiOS: a VIP's mapped address, a policy disabled, deleted or purged. */
function fortiOs(cmd: NormalizedCommand, all: NormalizedCommand[]): Finding[] {
  if (!/^(set|delete|purge)$/.test(cmd.program)) return [];
  const block = fortiBlock(cmd, all);
  if (!block) return [];
  const [key = '', ...value] = cmd.argv.slice(1).map((a) => a.toLowerCase());
  const said = `config ${block}: ${cmd.argv.join(' ')}`;
  if (/^firewall vip(6|46|64)?$/.test(block) && cmd.program === 'set' && key === 'mappedip')
    return [['port-forward', said]];
  if (!FORTI_POLICIES.test(block)) return [];
  if (cmd.program === 'set' && key === 'status' && value[0] === 'disable') return [['firewall-off', said]];
  return cmd.program === 'set' ? [] : [['firewall-off', said]];
}

/** `set …` lines of VyOS, EdgeOS, Junos and PAN-OS that forward a port inwards. */
const SET_FORWARD =
  /^(port-forward rule \S+ (forward-to|original-port)\b|nat destination rule \S+ translation\b|security nat destination\b|rulebase nat rules \S+ destination-translation\b)/;
/** `delete|deactivate …` lines that take a device's filtering away. */
const DELETE_FILTER = /^(firewall\b|security policies\b)/;
/** `set …` lines that switch filtering off: a PAN-OS security rule disabled, a VyOS/EdgeOS rule set that accepts by default. */
const SET_OFF =
  /^(rulebase security rules \S+ disabled yes\b|firewall (ipv6-)?name \S+ default-action accept\b)/;

/** VyOS, EdgeOS, Junos, PAN-OS and IOS configuration lines. */
/** The programs configLines reads: a line of any other program is not joined and lowercased. */
const CONFIG_PROGRAMS = new Set(['set', 'delete', 'deactivate', 'ip', 'clear']);

function configLines(cmd: NormalizedCommand): Finding[] {
  if (!CONFIG_PROGRAMS.has(cmd.program)) return [];
  const text = cmd.argv.slice(1).join(' ').toLowerCase();
  const said = cmd.argv.join(' ');
  if (cmd.program === 'set' && SET_FORWARD.test(text)) return [['port-forward', said]];
  if (cmd.program === 'set' && SET_OFF.test(text)) return [['firewall-off', said]];
  if (/^(delete|deactivate)$/.test(cmd.program) && DELETE_FILTER.test(text)) return [['firewall-off', said]];
  if (cmd.program === 'ip' && /^nat (inside|outside) source static (tcp|udp) /.test(text))
    return [['port-forward', said]];
  // Cisco ASA: every access list (and with it what the interfaces let through) removed
  if (cmd.program === 'clear' && /^configure access-list\b/.test(text)) return [['firewall-off', said]];
  return [];
}

/** OpenWrt: a redirect (port forward) added or made DNAT; a default or zone policy set to ACCEPT. */
function uci(cmd: NormalizedCommand): Finding[] {
  if (cmd.program !== 'uci') return [];
  const args = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  const said = cmd.argv.join(' ');
  if (args[0] === 'add' && args[1] === 'firewall' && args[2] === 'redirect') return [['port-forward', said]];
  if (args[0] !== 'set') return [];
  const [key = '', value = ''] = (args[1] ?? '').split(/=(.*)/);
  if (!key.startsWith('firewall.')) return [];
  if (/\.target$/.test(key) && /^'?dnat'?$/i.test(value)) return [['port-forward', said]];
  if (/^firewall\.@(defaults|zone)\[[^\]]+\]\.(input|forward)$/.test(key) && /^'?accept'?$/i.test(value))
    return [['firewall-off', said]];
  return [];
}

/** A Linux router's DNAT to another machine in the prerouting chain (iptables or nft). */
function linuxDnat(cmd: NormalizedCommand): Finding[] {
  const args = cmd.argv.slice(1);
  const said = cmd.argv.join(' ');
  let to: string | undefined;
  if (/^(ip6?tables(-nft|-legacy)?)$/.test(cmd.program)) {
    const chain = args.findIndex((a) => /^(-A|-I|--append|--insert)$/.test(a));
    const jump = args.findIndex((a) => a === '-j' || a === '--jump');
    if (chain < 0 || !/^prerouting$/i.test(args[chain + 1] ?? '') || args[jump + 1] !== 'DNAT') return [];
    const at = args.findIndex((a) => a === '--to-destination' || a === '--to');
    to = at < 0 ? undefined : args[at + 1];
  } else if (cmd.program === 'nft') {
    // the rule may be one quoted word (`nft 'add rule ip nat prerouting … dnat to H'`)
    const words = args.flatMap((a) => a.split(/\s+/)).filter(Boolean);
    const lower = words.map((a) => a.toLowerCase());
    const at = lower.indexOf('dnat');
    if (!lower.includes('add') && !lower.includes('insert')) return [];
    if (at < 0 || !lower.some((a) => /prerouting/.test(a))) return [];
    to = words[at + 1] === 'to' ? words[at + 2] : words[at + 1];
  } else return [];
  // fail closed: a target not named (or named by a variable) may be any inside host
  const host = (to ?? '').replace(/^\[([^\]]*)\].*$/, '$1').replace(/:\d+(-\d+)?$/, '');
  return host && isLocalHost(host) ? [] : [['port-forward', said]];
}

/** What a configuration line of a router or firewall opens or switches off (see the header). */
export function deviceConfig(cmd: NormalizedCommand, all: NormalizedCommand[]): Finding[] {
  return [...routerOs(cmd), ...fortiOs(cmd, all), ...configLines(cmd), ...uci(cmd), ...linuxDnat(cmd)];
}

/** Its port forwards (`port-forward` findings), for the exposure reading. */
export const deviceForwards = (cmd: NormalizedCommand, all: NormalizedCommand[]): Finding[] =>
  deviceConfig(cmd, all).filter(([k]) => k === 'port-forward');

/** Its filtering switched off (`firewall-off` findings), for the defences reading. */
export const deviceFirewallOff = (cmd: NormalizedCommand, all: NormalizedCommand[]): Finding[] =>
  deviceConfig(cmd, all).filter(([k]) => k === 'firewall-off');
