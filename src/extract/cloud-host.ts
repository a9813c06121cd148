/**
 * Administration of this host that no file rule sees: local accounts (`userdel -r deploy`,
 * `deluser --remove-home ci`, `groupdel`), the host firewall (`iptables -F`, `nft flush
 * ruleset`, `ufw --force reset`, a default policy of DROP), the host's record and defences
 * (a security or logging daemon stopped, audit rules deleted, SELinux set to permissive,
 * the journal vacuumed), and the host taken down (powered off or rebooted, its network
 * down, every process killed, a data store or remote-access daemon stopped). Read into
 * CloudFacts whose tool is the program, so rules (rulesets/host.yaml) name them; listing
 * stays a read. Sub-families: the firewall (cloud-host-firewall.ts), services and defences
 * (cloud-host-services.ts), the host taken down (cloud-host-disruption.ts).
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { readRoutingDown } from './cloud-routing.js';
import { agentKill } from './security-agents.js';
import { optionWord } from './help-words.js';
import { draft, split } from './cloud-host-argv.js';
import { readFirewall } from './cloud-host-firewall.js';
import { readDefence, readService } from './cloud-host-services.js';
import { readDisruption } from './cloud-host-disruption.js';

export { SECURITY_UNITS } from './cloud-host-services.js';

/** userdel's and deluser's options that take no value. */
const ACCOUNT_SWITCHES = /^-[a-zA-Z]*[rfZ][a-zA-Z]*$|^--(remove(-home|-all-files)?|system|quiet|group)$/;

/**
 * `userdel [-r] NAME`, `deluser [--remove-home] NAME`, `groupdel|delgroup NAME`: the account
 * (and with -r / --remove-home / --remove-all-files, its files: `all`) is deleted.
 */
export function readAccount(cmd: NormalizedCommand): CloudDraft | undefined {
  const { opts, pos } = split(cmd);
  if (optionWord(cmd.argv, (o) => o === '--help' || o === '-h', ACCOUNT_SWITCHES)) return undefined;
  const group = cmd.program === 'groupdel' || cmd.program === 'delgroup';
  // `deluser NAME GROUP` takes NAME out of GROUP only: a membership, not the account.
  if (cmd.program === 'deluser' && pos.length > 1 && !opts.includes('--group'))
    return draft(cmd, 'membership', 'remove', pos.join(' '));
  const files = opts.some((o) => /^-[a-zA-Z]*r[a-zA-Z]*$|^--remove(-home|-all-files)?$/.test(o));
  return draft(cmd, group ? 'group' : 'account', 'delete', pos[pos.length - 1] ?? '', files);
}

/** Programs this module reads, by name. */
export const HOST_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  userdel: readAccount,
  deluser: readAccount,
  groupdel: readAccount,
  delgroup: readAccount,
  iptables: readFirewall,
  ip6tables: readFirewall,
  'iptables-nft': readFirewall,
  'iptables-legacy': readFirewall,
  nft: readFirewall,
  ufw: readFirewall,
  'firewall-cmd': readFirewall,
  'firewall-offline-cmd': readFirewall,
  systemctl: (cmd) => readDisruption(cmd) ?? readService(cmd),
  service: readService,
  'rc-service': readService,
  auditctl: readDefence,
  setenforce: readDefence,
  'aa-teardown': readDefence,
  journalctl: readDefence,
  shutdown: readDisruption,
  poweroff: readDisruption,
  reboot: readDisruption,
  halt: readDisruption,
  init: readDisruption,
  telinit: readDisruption,
  ip: readDisruption,
  ifdown: readDisruption,
  ifconfig: readDisruption,
  nmcli: readDisruption,
  kill: readDisruption,
  killall5: readDisruption,
  vtysh: readRoutingDown,
  birdc: readRoutingDown,
  birdc6: readRoutingDown,
  birdcl: readRoutingDown,
  gobgp: readRoutingDown,
  'ovs-vsctl': readRoutingDown,
  'ovs-ofctl': readRoutingDown,
  pkill: (cmd) => readDisruption(cmd) ?? agentKill(cmd),
  killall: (cmd) => readDisruption(cmd) ?? agentKill(cmd),
};
