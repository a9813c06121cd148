/**
 * Administration of this host that no file rule sees: local accounts (`userdel -r deploy`,
 * `deluser --remove-home ci`, `groupdel`), the host firewall (`iptables -F`, `nft flush
 * ruleset`, `ufw --force reset`, a default policy of DROP), and the host's record and
 * defences (a security or logging daemon stopped, audit rules deleted, SELinux set to
 * permissive, the journal vacuumed). Read into CloudFacts whose tool is the program, so
 * rules (rulesets/host.yaml) name them; listing stays a read.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

/** The words after the program: options and positional words, in order. */
function split(cmd: NormalizedCommand): { opts: string[]; pos: string[] } {
  const opts: string[] = [];
  const pos: string[] = [];
  for (const a of cmd.argv.slice(1)) (a.startsWith('-') ? opts : pos).push(a);
  return { opts, pos };
}

function draft(
  cmd: NormalizedCommand,
  service: string,
  verb: string,
  resource: string,
  all = false,
): CloudDraft {
  return { tool: cmd.program, service, verb, resource, all, force: true };
}

/**
 * `userdel [-r] NAME`, `deluser [--remove-home] NAME`, `groupdel|delgroup NAME`: the account
 * (and with -r / --remove-home / --remove-all-files, its files: `all`) is deleted.
 */
export function readAccount(cmd: NormalizedCommand): CloudDraft | undefined {
  const { opts, pos } = split(cmd);
  if (opts.some((o) => o === '--help' || o === '-h')) return undefined;
  const group = cmd.program === 'groupdel' || cmd.program === 'delgroup';
  // `deluser NAME GROUP` takes NAME out of GROUP only: a membership, not the account.
  if (cmd.program === 'deluser' && pos.length > 1 && !opts.includes('--group'))
    return draft(cmd, 'membership', 'remove', pos.join(' '));
  const files = opts.some((o) => /^-[a-zA-Z]*r[a-zA-Z]*$|^--remove(-home|-all-files)?$/.test(o));
  return draft(cmd, group ? 'group' : 'account', 'delete', pos[pos.length - 1] ?? '', files);
}

/**
 * The host firewall: `iptables|ip6tables -F|-X [chain]` (every rule, or chain, gone: the host
 * open, or shut if the policy drops), `-P CHAIN DROP|REJECT` (everything not let in is
 * dropped: a remote session locks itself out), `nft flush|delete ruleset|table|chain`,
 * `ufw reset|disable`, `firewall-cmd --panic-on`. Adding, listing or deleting one rule is
 * routine administration: no verb here.
 */
export function readFirewall(cmd: NormalizedCommand): CloudDraft | undefined {
  const { opts, pos } = split(cmd);
  const args = cmd.argv.slice(1);
  if (opts.includes('--help')) return undefined;
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
      return opts.includes('--panic-on') ? draft(cmd, 'firewall', 'panic', '', true) : undefined;
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

/**
 * Daemons that keep the record or the defences of a host (audit, logs shipped off it,
 * intrusion detection, endpoint protection, mandatory access control): stopping one leaves
 * what follows unrecorded or unguarded.
 */
const SECURITY_UNITS = new Set(
  (
    'auditd rsyslog syslog syslog-ng systemd-journald journald falco falco-modern-bpf osqueryd wazuh-agent wazuh-manager ' +
    'ossec ossec-hids falcon-sensor sentinelone sentinelagent cbagentd clamav-daemon clamd clamav-freshclam apparmor ' +
    'firewalld fail2ban crowdsec sshguard nftables netfilter-persistent ufw aide tripwire auditbeat filebeat elastic-agent ' +
    'splunk splunkd splunkforwarder amazon-cloudwatch-agent google-cloud-ops-agent datadog-agent newrelic-infra ' +
    'td-agent fluentd fluent-bit otelcol otelcol-contrib'
  ).split(' '),
);

/** The unit named by a word (`auditd.service` → auditd); '' for an option. */
const unitOf = (w: string) => (w.startsWith('-') ? '' : w.replace(/\.(service|socket)$/, '').toLowerCase());

/**
 * `systemctl stop|disable|mask|kill UNIT…` and `service UNIT stop` of a security or logging
 * daemon (SECURITY_UNITS); other units are the host's business as usual: no fact.
 */
export function readService(cmd: NormalizedCommand): CloudDraft | undefined {
  const { pos } = split(cmd);
  const [verb, units] =
    cmd.program === 'service' ? [pos[1] ?? '', [pos[0] ?? '']] : [pos[0] ?? '', pos.slice(1)];
  if (!/^(stop|disable|mask|kill)$/.test(verb)) return undefined;
  const hit = units.map(unitOf).filter((u) => SECURITY_UNITS.has(u));
  return hit.length ? draft(cmd, 'security-service', verb, hit.join(' ')) : undefined;
}

/**
 * The record and the defences switched off: `auditctl -D` (every audit rule deleted) or
 * `-e 0`, `setenforce 0|Permissive`, `aa-teardown` (every AppArmor profile unloaded),
 * `journalctl --vacuum-size|time|files` (journal files deleted).
 */
export function readDefence(cmd: NormalizedCommand): CloudDraft | undefined {
  const a = cmd.argv.slice(1);
  switch (cmd.program) {
    case 'auditctl':
      if (a.includes('-D')) return draft(cmd, 'audit', 'delete-rules', '', true);
      if (a.some((w, i) => w === '-e0' || (w === '-e' && a[i + 1] === '0')))
        return draft(cmd, 'audit', 'disable', '', true);
      return undefined;
    case 'setenforce':
      return /^(0|permissive)$/i.test(a[0] ?? '') ? draft(cmd, 'selinux', 'disable', '', true) : undefined;
    case 'aa-teardown':
      return draft(cmd, 'apparmor', 'disable', '', true);
    case 'journalctl': {
      const v = a.find((w) => /^--vacuum-(size|time|files)/.test(w));
      return v ? draft(cmd, 'journal', 'delete-logs', v, true) : undefined;
    }
    default:
      return undefined;
  }
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
  systemctl: readService,
  service: readService,
  auditctl: readDefence,
  setenforce: readDefence,
  'aa-teardown': readDefence,
  journalctl: readDefence,
};
