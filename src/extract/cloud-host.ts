/**
 * Administration of this host that no file rule sees: local accounts (`userdel -r deploy`,
 * `deluser --remove-home ci`, `groupdel`), the host firewall (`iptables -F`, `nft flush
 * ruleset`, `ufw --force reset`, a default policy of DROP), the host's record and defences
 * (a security or logging daemon stopped, audit rules deleted, SELinux set to permissive,
 * the journal vacuumed), and the host taken down (powered off or rebooted, its network
 * down, every process killed, a data store or remote-access daemon stopped). Read into
 * CloudFacts whose tool is the program, so rules (rulesets/host.yaml) name them; listing
 * stays a read.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { readRoutingDown } from './cloud-routing.js';
import { agentKill, backupUnit, securityAgentName } from './security-agents.js';
import { asksHelp, optionWord } from './help-words.js';

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

/**
 * Daemons that keep the record or the defences of a host (audit, logs shipped off it,
 * intrusion detection, endpoint protection, mandatory access control, the monitoring that
 * alerts someone): stopping one leaves what follows unrecorded, unguarded or unnoticed.
 */
export const SECURITY_UNITS = new Set(
  (
    'auditd rsyslog syslog syslogd syslog-ng metalog sysklogd klogd socklog socklog-unix systemd-journald journald falco falco-modern-bpf osqueryd wazuh-agent wazuh-manager ' +
    'ossec ossec-hids falcon-sensor sentinelone sentinelagent cbagentd clamav-daemon clamd clamav-freshclam apparmor ' +
    'firewalld fail2ban crowdsec sshguard nftables netfilter-persistent ufw aide tripwire auditbeat filebeat elastic-agent ' +
    'iptables ip6tables shorewall shorewall6 shorewall-lite shorewall6-lite csf lfd apf ' +
    'splunk splunkd splunkforwarder amazon-cloudwatch-agent google-cloud-ops-agent datadog-agent newrelic-infra ' +
    'td-agent fluentd fluent-bit otelcol otelcol-contrib alertmanager prometheus-alertmanager icinga2 nagios nagios4 ' +
    'zabbix-agent zabbix-agent2 monit ' +
    // network intrusion detection and kernel event sensors
    'suricata snort snort3 zeek bro packetbeat sagan arkime-capture tetragon tracee sysmon sysmonforlinux kunai'
  ).split(' '),
);

/** The unit named by a word (`auditd.service` → auditd); '' for an option. */
const unitOf = (w: string) => (w.startsWith('-') ? '' : w.replace(/\.(service|socket)$/, '').toLowerCase());

/**
 * `systemctl stop|disable|mask|kill UNIT…` and `service|rc-service UNIT stop` (FreeBSD's
 * `onestop`, `forcestop`, `onedisable` too) of a security or
 * logging daemon (SECURITY_UNITS, or an endpoint security or vulnerability agent:
 * security-agents.ts); a backup or snapshot scheduler disabled or masked (or its timer
 * stopped) is backups switched off (service `backups`, verb `disable`); other units are the
 * host's business as usual: no fact.
 */
export function readService(cmd: NormalizedCommand): CloudDraft | undefined {
  const { pos } = split(cmd);
  const [said, units] =
    cmd.program !== 'systemctl' ? [pos[1] ?? '', [pos[0] ?? '']] : [pos[0] ?? '', pos.slice(1)];
  // FreeBSD's rc.d prefixes: `onestop` (even when not enabled), `forcestop`, `quietstop`, `onedisable`
  const verb =
    cmd.program === 'service' ? said.replace(/^(one|force|quiet|fast)(?=stop$|disable$)/, '') : said;
  if (!/^(stop|disable|mask|kill)$/.test(verb)) return undefined;
  const hit = units.map(unitOf).filter((u) => SECURITY_UNITS.has(u) || securityAgentName(u));
  if (hit.length) return draft(cmd, 'security-service', verb, hit.join(' '));
  const backups = units.filter((u) => backupUnit(u) && (verb !== 'stop' || u.endsWith('.timer')));
  if (verb !== 'kill' && backups.length)
    return { ...draft(cmd, 'backups', 'disable', backups.join(' ')), all: false };
  // `systemctl --user stop …`: the caller's own services
  if (cmd.argv.includes('--user')) return undefined;
  const critical = units.map(unitOf).filter((u) => CRITICAL_UNITS.has(u.replace(/@.*$/, '')));
  return critical.length ? draft(cmd, 'critical-service', verb, critical.join(' ')) : undefined;
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

/** Daemons whose stop takes down what others rely on (data stores, remote access, containers). */
const CRITICAL_UNITS = new Set(
  (
    'sshd ssh postgresql postgres mysql mysqld mariadb mongod mongodb redis redis-server memcached ' +
    'elasticsearch opensearch rabbitmq-server kafka zookeeper etcd consul vault openbao nomad docker containerd ' +
    'kubelet k3s rke2-server cassandra clickhouse-server influxdb minio ' +
    // other database servers, and the HA managers that fail them over (stopped: failover is off)
    'mssql-server informix firebird firebird3.0 firebird4.0 firebird5.0 db2fmcd ohasd ' +
    'patroni pgpool pgpool2 pgpool-ii repmgrd orchestrator'
  ).split(' '),
);

/**
 * The machine or its network taken down: `shutdown`, `poweroff`, `reboot`, `halt`, `init
 * 0|6`, `systemctl poweroff|reboot|halt|kexec`; an interface set down, deleted or flushed
 * (`ip link set eth0 down`, `ip addr flush dev eth0`, `ip route flush`, `ifdown`, `ifconfig
 * eth0 down`, `nmcli connection down`, `nmcli networking off`); every process killed
 * (`kill -9 -1`), or a data store, remote access or container daemon stopped or killed.
 */
export function readDisruption(cmd: NormalizedCommand): CloudDraft | undefined {
  const a = cmd.argv.slice(1);
  const { pos } = split(cmd);
  const p = cmd.program;
  if (asksHelp(cmd.argv)) return undefined;
  if (/^(shutdown|poweroff|reboot|halt)$/.test(p)) {
    // `shutdown -c` cancels one; `-k` only warns
    if (p === 'shutdown' && a.some((w) => w === '-c' || w === '-k')) return undefined;
    return draft(cmd, 'power', p, '', true);
  }
  if ((p === 'init' || p === 'telinit') && /^[06]$/.test(pos[0] ?? ''))
    return draft(cmd, 'power', pos[0] === '0' ? 'halt' : 'reboot', '', true);
  if (p === 'systemctl' && /^(poweroff|reboot|halt|kexec|soft-reboot)$/.test(pos[0] ?? ''))
    return draft(cmd, 'power', pos[0], '', true);
  if (p === 'ip') {
    const words = pos.join(' ');
    if (/^(link|l) set \S+ (.* )?down\b/.test(words) || /^(link|l) (delete|del) /.test(words))
      return draft(cmd, 'network', 'down', pos[2] ?? '');
    if (/^(addr|address|a|route|r|ro) flush\b/.test(words))
      return draft(cmd, 'network', 'flush', pos.slice(2).join(' '), true);
    return undefined;
  }
  if (p === 'ifdown') return draft(cmd, 'network', 'down', pos[0] ?? '');
  if (p === 'ifconfig' && pos[1] === 'down') return draft(cmd, 'network', 'down', pos[0]);
  if (p === 'nmcli') {
    const words = pos.join(' ');
    // (deleting a saved connection profile leaves the link as it is)
    if (/^(c|con|connection) down\b/.test(words))
      return draft(cmd, 'network', 'down', pos.slice(2).join(' '));
    if (
      /^(n|networking) off\b|^(r|radio) (all|wifi) off\b|^(d|dev|device) (disconnect|delete|down)\b/.test(
        words,
      )
    )
      return draft(cmd, 'network', 'down', words);
    return undefined;
  }
  if (p === 'kill') {
    // `kill -9 -1`, `kill -s KILL -- -1`: pid -1 is every process the caller may signal
    // (the first `-N`/`-NAME` is the signal; a later one, or any after `--`, is a pid)
    let signal = false;
    for (let i = 0; i < a.length; i++) {
      const w = a[i];
      if (w === '--')
        return a.slice(i + 1).includes('-1') ? draft(cmd, 'processes', 'kill-all', '', true) : undefined;
      if (w === '-s' || w === '-n') {
        i++;
        signal = true;
      } else if (!signal && /^-(\d+|[A-Za-z][\w+-]*)$/.test(w)) signal = true;
      else if (w === '-1') return draft(cmd, 'processes', 'kill-all', '', true);
    }
    return undefined;
  }
  if (p === 'killall5') return draft(cmd, 'processes', 'kill-all', '', true);
  if (p === 'pkill' || p === 'killall') {
    const hit = pos.find((w) => CRITICAL_UNITS.has(w));
    return hit ? draft(cmd, 'critical-service', 'kill', hit) : undefined;
  }
  return undefined;
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
