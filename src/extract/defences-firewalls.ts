/**
 * Host firewalls other than iptables, nft, ufw and firewalld (cloud-host.ts) switched off:
 * Shorewall's `clear` (every rule removed: the host wide open) and `stop` (only the hosts of
 * its stopped rules let in), ConfigServer's `csf -x|--disable` and `-f|--flush`, APF's `apf
 * -f|--flush|--stop`, FreeBSD's `ipfw flush` and `ipfw disable firewall`, pf's `pfctl -d` or
 * `pfctl -F all|rules`, NetBSD's `npfctl stop|flush` (filtering off, or every rule and state
 * dropped) and `npfctl rule RULESET flush`, and IPFilter's `ipf -D` (disabled) or `ipf -F
 * a|i|o` (`-Fa`: rules flushed, unless `-f FILE` loads a new set in the same call), and
 * ESXi's `esxcli network firewall set --enabled false` (or `--default-action true`: every
 * packet passed), `esxcli network firewall unload`, and `esxcli network firewall ruleset set
 * --allowed-all true` (a service's ruleset let in from every address). Status,
 * checks, listing, (re)starting and one rule added or taken away are routine: no finding.
 * Each finding is [verb `firewall-off`, the words that say so].
 */
import type { Finding } from './word-facts.js';
import { lastValue, parseOptions } from './fs-options.js';
import { optionWord } from './help-words.js';

/** Shorewall's programs (IPv4, IPv6, and the lite versions compiled elsewhere). */
const SHOREWALL = /^shorewall6?(-lite)?$/;
/** Shorewall's global options that take a value (`-v 2`, `-t`, `-c DIR`). */
const SHOREWALL_VALUED = /^-[vcl]$/;

/** What `name ARGS` (`name`: the program case-folded) switches off; empty = none. */
export function firewallsOff(name: string, args: string[]): Finding[] {
  const said = `${name} ${args.join(' ')}`.trim();
  const off: Finding[] = [['firewall-off', said]];
  if (optionWord(['', ...args], (w) => w === '--help' || w === '-h')) return [];
  if (SHOREWALL.test(name)) {
    const verb = args.find((a, i) => !a.startsWith('-') && !SHOREWALL_VALUED.test(args[i - 1] ?? ''));
    return verb === 'clear' || verb === 'stop' ? off : [];
  }
  switch (name) {
    case 'csf':
      return args.some((a) => /^(-x|--disable|-f|--flush)$/.test(a)) ? off : [];
    case 'apf':
      return args.some((a) => /^(-f|--flush|--stop)$/.test(a)) ? off : [];
    case 'ipfw': {
      const pos = args.filter((a) => !a.startsWith('-'));
      return pos[0] === 'flush' || (pos[0] === 'disable' && pos[1] === 'firewall') ? off : [];
    }
    case 'pfctl': {
      if (args.includes('-d')) return [['firewall-off', 'pfctl -d']];
      // `pfctl -F all|rules` (`-Fa`, `-Fr`): every filter rule flushed
      const at = args.findIndex((a) => /^-F/.test(a));
      const what = at < 0 ? '' : args[at].length > 2 ? args[at].slice(2) : (args[at + 1] ?? '');
      return /^(a|all|r|rules)$/.test(what) ? [['firewall-off', `pfctl -F ${what}`]] : [];
    }
    case 'npfctl': {
      const words = args.filter((a) => !a.startsWith('-'));
      if (words[0] === 'stop' || words[0] === 'flush') return [['firewall-off', `npfctl ${words[0]}`]];
      // `npfctl rule RULESET flush`: every rule of a dynamic ruleset removed
      return words[0] === 'rule' && words[2] === 'flush' ? [['firewall-off', said]] : [];
    }
    case 'ipf': {
      const o = parseOptions(['ipf', ...args], 1, { shortWithValue: 'fFlT' });
      if (o.flags.has('D')) return [['firewall-off', 'ipf -D']];
      // `-F a|i|o` (`-Fa`): the rules flushed; with `-f FILE` a new set is loaded at once (a reload)
      const what = lastValue(o, 'F') ?? '';
      return /^[aio]$/.test(what) && !o.flags.has('f') ? [['firewall-off', `ipf -F ${what}`]] : [];
    }
    case 'esxcli':
      return esxcliFirewallOff(args);
    default:
      return [];
  }
}

/** A boolean value esxcli reads as false, and as true. */
/** A value only known at run time (`$X`) stands for either answer: fail closed. */
const FALSE = /^(false|0|no|off)$|\$/i;
const TRUE = /^(true|1|yes|on)$|\$/i;

/**
 * `esxcli [-s HOST …] network firewall set|unload …`, `… ruleset set --allowed-all true`.
 * Every esxcli option takes a value (`--enabled false`, `-e false`, `--enabled=false`).
 */
function esxcliFirewallOff(args: string[]): Finding[] {
  const words: string[] = [];
  const opts = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const [o, inline] = args[i].split(/=(.*)/s, 2);
    if (!o.startsWith('-')) words.push(args[i]);
    else opts.set(o, inline ?? args[++i] ?? '');
  }
  const value = (...names: string[]) => names.map((n) => opts.get(n)).find((v) => v !== undefined) ?? '';
  const said = `esxcli ${args.join(' ')}`;
  const ns = words.join(' ');
  const off =
    ns === 'network firewall unload' ||
    (ns === 'network firewall set' &&
      (FALSE.test(value('--enabled', '-e')) || TRUE.test(value('--default-action', '-d')))) ||
    (ns === 'network firewall ruleset set' && TRUE.test(value('--allowed-all', '-a')));
  return off ? [['firewall-off', said]] : [];
}
