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
 * written while firewalld is not running). Adding, listing or deleting one rule is
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
      return undefined;
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
