/**
 * The host firewall read for cloud-host.ts: iptables and its variants, nft, ufw, firewalld
 * (`firewall-cmd`, `firewall-offline-cmd`). Flushing, deleting a chain or the ruleset, a
 * default policy of DROP, everything opened; one rule added, listed or deleted is not read.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { draft, split } from './cloud-host-argv.js';
import { asksHelp } from './help-words.js';

/**
 * The host firewall: `iptables|ip6tables -F|-X [chain]` (every rule, or chain, gone: the host
 * open, or shut if the policy drops), `-P CHAIN DROP|REJECT` (everything not let in is
 * dropped: a remote session locks itself out), `nft flush|delete ruleset|table|chain`,
 * `ufw reset|disable`, `firewall-cmd --panic-on`, `--set-default-zone=trusted` or
 * `--set-target=ACCEPT` (every port open; also `firewall-offline-cmd`, the same settings
 * written while firewalld is not running), and the same reached one rule at a time
 * (`firewalldOpensAll`). Adding, listing or deleting one rule is
 * routine administration: no verb here.
 */
export function readFirewall(cmd: NormalizedCommand): CloudDraft | undefined {
  const { opts, pos } = split(cmd);
  const args = cmd.argv.slice(1);
  if (asksHelp(cmd.argv)) return undefined;
  switch (cmd.program) {
    case 'nft': {
      const at = pos.findIndex((w) => w === 'flush' || w === 'delete' || w === 'destroy');
      const what = pos[at + 1] ?? '';
      if (at < 0 || !/^(ruleset|table|chain)$/.test(what)) return undefined;
      return draft(cmd, what, pos[at], pos.slice(at + 2).join(' '), what === 'ruleset');
    }
    case 'ufw':
      if (pos[0] === 'reset' || pos[0] === 'disable') return draft(cmd, 'firewall', pos[0], '', true);
      return undefined;
    case 'firewall-cmd':
    case 'firewall-offline-cmd': {
      if (opts.includes('--panic-on')) return draft(cmd, 'firewall', 'panic', '', true);
      // every port open: the default zone `trusted`, or a zone whose target accepts everything
      const set = (o: string) => {
        const i = args.findIndex((a) => a === o || a.startsWith(`${o}=`));
        return i < 0 ? undefined : args[i].startsWith(`${o}=`) ? args[i].slice(o.length + 1) : args[i + 1];
      };
      if (set('--set-default-zone') === 'trusted' || /^accept$/i.test(set('--set-target') ?? ''))
        return draft(cmd, 'firewall', 'accept-all', set('--zone') ?? '', true);
      const opened = firewalldOpensAll(args, set('--zone') ?? '');
      return opened ? draft(cmd, 'firewall', 'accept-all', opened, true) : undefined;
    }
    default: {
      // iptables family: one command option per call
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '-F' || a === '--flush' || a === '-X' || a === '--delete-chain') {
          const chain = args[i + 1] && !args[i + 1].startsWith('-') ? args[i + 1] : '';
          return draft(cmd, 'chain', a === '-F' || a === '--flush' ? 'flush' : 'delete-chain', chain, !chain);
        }
        if ((a === '-P' || a === '--policy') && /^(DROP|REJECT)$/i.test(args[i + 2] ?? ''))
          return draft(cmd, 'policy', 'default-drop', args[i + 1] ?? '');
      }
      return undefined;
    }
  }
}

/** A source that is every address (`0.0.0.0/0`, `::/0`); an empty one is none named. */
export const EVERY_ADDRESS = /^(0\.0\.0\.0\/0|::\/0|0\.0\.0\.0\/0\.0\.0\.0)$/;
/**
 * Interfaces that stay inside the machine (loopback, container and VM bridges, VPN and mesh
 * tunnels): putting one in the trusted zone is the usual setup of Docker, libvirt or a VPN.
 */
const INNER_INTERFACE =
  /^(lo|docker\d*|br-[\w-]+|virbr\d*|vnet\d*|veth\w*|cni\w*|flannel[\w.]*|cali\w*|cilium\w*|weave|kube-\w+|podman\d*|lxc\w*|lxdbr\d*|incusbr\d*|tun\d*|tap\d*|wg\w*|tailscale\d*|zt\w*|nebula\d*)$/;

/** The value of every `--opt=V` / `--opt V` of `args`, in order. */
function values(args: string[], opt: string): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    if (a.startsWith(`${opt}=`)) out.push(a.slice(opt.length + 1));
    else if (a === opt && i + 1 < args.length) out.push(args[i + 1]);
  });
  return out;
}

/**
 * firewalld letting everything in one rule at a time: a rich rule that accepts every port and
 * protocol from every address (`rule family=ipv4 source address=0.0.0.0/0 accept`, or no
 * source at all), every address added as a source of the trusted zone (`--zone=trusted
 * --add-source=0.0.0.0/0`), or a network interface put in the trusted zone (`--add-interface`,
 * `--change-interface`): all it receives is accepted. A source negated (`source not
 * address=10.0.0.0/8`) is everyone else. What it opened, for the evidence;
 * undefined = none. A rich rule limited to a port, service, protocol or source network, one
 * that rejects or drops, and an inner interface (INNER_INTERFACE) open nothing of the kind.
 */
export function firewalldOpensAll(args: string[], zone: string): string | undefined {
  for (const rule of values(args, '--add-rich-rule')) {
    const r = rule.replace(/["']/g, '');
    if (
      !/\baccept\b/.test(r) ||
      /\b(port|service|protocol|forward-port|source-port|icmp-block|icmp-type|masquerade)\b/.test(r)
    )
      continue;
    const source = /\bsource\s+(not\s+)?(address|ipset|mac)=(\S+)/.exec(r);
    if (!source || source[1] || (source[2] === 'address' && EVERY_ADDRESS.test(source[3])))
      return `rich rule ${rule}`;
  }
  if (zone !== 'trusted') return undefined;
  const every = values(args, '--add-source').find((v) => EVERY_ADDRESS.test(v));
  if (every) return `trusted zone source ${every}`;
  const outer = [...values(args, '--add-interface'), ...values(args, '--change-interface')].find(
    (v) => !INNER_INTERFACE.test(v),
  );
  return outer ? `trusted zone interface ${outer}` : undefined;
}
