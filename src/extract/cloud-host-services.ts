/**
 * The host's daemons read for cloud-host.ts: a security, logging or backup daemon stopped,
 * disabled, masked or killed (`systemctl`, `service`, `rc-service`), a critical one (a data
 * store, remote access, containers) stopped, and the record and defences switched off
 * (`auditctl`, `setenforce`, `aa-teardown`, `journalctl --vacuum-*`). The daemon tables are
 * shared with the other service managers' readers (defences-services.ts, defences.ts).
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { draft, split } from './cloud-host-argv.js';
import { backupUnit, securityAgentName } from './security-agents.js';

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
export const CRITICAL_UNITS = new Set(
  (
    'sshd ssh postgresql postgres mysql mysqld mariadb mongod mongodb redis redis-server memcached ' +
    'elasticsearch opensearch rabbitmq-server kafka zookeeper etcd consul vault openbao nomad docker containerd ' +
    'kubelet k3s rke2-server cassandra clickhouse-server influxdb minio ' +
    // other database servers, and the HA managers that fail them over (stopped: failover is off)
    'mssql-server informix firebird firebird3.0 firebird4.0 firebird5.0 db2fmcd ohasd ' +
    'patroni pgpool pgpool2 pgpool-ii repmgrd orchestrator'
  ).split(' '),
);
