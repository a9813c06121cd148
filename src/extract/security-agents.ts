/**
 * Endpoint security, XDR and vulnerability agents, by the names their services, packages and
 * processes carry, and backup and snapshot schedulers by theirs. Read by cloud-host.ts (a unit
 * stopped, disabled or masked; an agent's process killed: agentKill here), cloud-packages.ts
 * (the package removed) and defences.ts (a launchd label unloaded).
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

/**
 * Tokens (split on `-`, `_`, `.`, `@`, lower case) that name one vendor's security agent
 * and nothing else: CrowdStrike, SentinelOne, Carbon Black, Cybereason, Cortex XDR (traps),
 * Microsoft Defender, Sophos, Trend Micro Deep Security (ds_agent), Qualys, Tenable Nessus
 * agents, Rapid7 Insight (ir_agent), Tanium, Trellix/McAfee, Symantec, ESET, Kaspersky,
 * Bitdefender, Cisco Secure Endpoint (ampdaemon), Huntress, Wiz, Lacework, Uptycs, Elastic
 * Endpoint, Velociraptor, Deep Instinct, Cylance.
 */
const VENDOR_TOKENS = new Set(
  (
    'crowdstrike falcond sentinelone sentinelagent s1agent cbagentd cbdefense carbonblack cybereason traps ' +
    'cortex-xdr mdatp wdavdaemon sophos savd sav-protect trendmicro dsagent ds_agent qualys nessusagent ' +
    'nessus tenable ir_agent rapid7 insight-agent taniumclient tanium mfetpd mfeespd mcafee trellix symantec ' +
    'sepagent esets eset kesl klnagent kaspersky bdsec bitdefender ampdaemon cisco-amp huntress wiz-sensor ' +
    'lacework uptycs elastic-endpoint elasticendpoint velociraptor deepinstinct cylancesvc cylance'
  ).split(' '),
);

/** Whole unit names of agents whose tokens alone are too common (`falcon-sensor`, `ir_agent`). */
const AGENT_UNITS =
  /^(falcon-sensor|ir_agent|ds_agent|ds_filter|traps_pmd|cyserver|cytool|sophos-spl|sav-protect|qualys-cloud-agent|nessusagent|taniumclient|cybereason-sensor|mfetpd|ma|isectpd|isecespd|cbagentd|cb-psc-sensor|wdavdaemon|mdatp|aella_conf|amazon-inspector|amazon-ssm-agent-inspector|wiz-sensor|huntress-agent|uptycs-osquery|elastic-endpoint|threatlocker|arcticwolf-agent|scwx-agent|cortex-xdr)$/;

/** The name of a unit, package or label without its suffix (`qualys-cloud-agent.service` → qualys-cloud-agent). */
export const bareName = (w: string) =>
  (w.split('/').pop() ?? '')
    .replace(/\.(service|socket|timer|target|path|plist|deb|rpm)$/, '')
    .replace(/@.*$/, '')
    .toLowerCase();

/** True when a unit, package or label names an endpoint security or vulnerability agent. */
export function securityAgentName(w: string): boolean {
  const name = bareName(w);
  if (!name || name === 'ma') return false; // `ma` alone is too short to tell from a name given in passing
  if (AGENT_UNITS.test(name)) return true;
  const tokens = name.split(/[-_.]/);
  // a vendor's word, or two adjacent words that are one (`insight-agent`, `wiz-sensor`)
  return (
    VENDOR_TOKENS.has(name) ||
    tokens.some((t, i) => VENDOR_TOKENS.has(t) || VENDOR_TOKENS.has(`${t}-${tokens[i + 1] ?? ''}`))
  );
}

/**
 * Packages of a host's own defences, by the name a package manager installs them under (any
 * distribution's spelling): intrusion prevention (CrowdSec and its bouncers, fail2ban,
 * sshguard, denyhosts, psad), the audit daemon (`auditd`, RHEL's `audit`), runtime and
 * network sensors (Falco, Sysdig, Tetragon, Tracee, Suricata, Snort, Zeek, Auditbeat,
 * Sysmon for Linux, Kunai), host agents (Wazuh, OSSEC, osquery, Samhain), antivirus (ClamAV),
 * file integrity and rootkit checkers (AIDE, Tripwire, rkhunter, chkrootkit), mandatory access
 * control (AppArmor, SELinux's policy, fapolicyd, USBGuard) and host firewalls (ufw,
 * firewalld, OpenSnitch). Libraries and documentation (`-doc`, `-dev`, `-libs`) are not defences.
 */
const DEFENCE_PACKAGE =
  /^(crowdsec(-[\w-]*bouncer[\w-]*)?|crowdsec-[\w-]+|cs-[\w-]*bouncer[\w-]*|fail2ban|sshguard|denyhosts|psad|auditd|audit|falco|falco-[\w-]+|sysdig|tetragon|tracee|suricata|snort3?|zeek|zeek-core|auditbeat|sysmonforlinux|kunai|wazuh-(agent|manager)|ossec-hids(-(agent|server|local))?|osquery|samhain|clamav|clamav-(daemon|freshclam|milter|scanner)|clamd|aide|aide-common|tripwire|rkhunter|chkrootkit|apparmor|apparmor-(utils|profiles|profiles-extra)|selinux-policy(-(targeted|mls|minimum))?|selinux-policy-default|fapolicyd|usbguard|ufw|gufw|firewalld|opensnitch)$/;

/**
 * True when a package (as a package manager names it: `crowdsec=1.6.0`, `auditd:amd64`,
 * `community/fail2ban`, `falco-0.38.rpm`, `"CrowdStrike Falcon Sensor"`) is one of the host's
 * defences or an endpoint security or vulnerability agent.
 */
export function defencePackage(w: string): boolean {
  const name = bareName(w.replace(/^\w[\w-]*\//, '')).replace(/[:=].*$/, '');
  if (DEFENCE_PACKAGE.test(name) || securityAgentName(name)) return true;
  // a display name (winget, choco): any of its words a vendor's
  return name.includes(' ') && name.split(/\s+/).some(securityAgentName);
}

/** Daemons of those defences whose process is named otherwise than their package. */
const DEFENCE_PROCESS =
  /^(fail2ban-server|osqueryd|wazuh-(agentd|modulesd|logcollector|syscheckd|execd)|ossec-(agentd|syscheckd|logcollector)|freshclam|falco-modern-bpf|crowdsec-firewall-bouncer|auditbeat|sshguard)$/;

/** True when a process name (`crowdsec`, `fail2ban-server`, `/usr/bin/osqueryd`) is a defence's or an agent's daemon. */
export const defenceProcess = (w: string) =>
  securityAgentName(w) || DEFENCE_PACKAGE.test(bareName(w)) || DEFENCE_PROCESS.test(bareName(w));

/**
 * Schedulers and daemons that take a host's backups or snapshots: ZFS auto-snapshot, sanoid,
 * znapzend, zrepl, snapper's timeline, Time Machine's helper, borgmatic, restic (and
 * autorestic, resticprofile), duplicity, duplicati, Bacula's and Bareos's file daemons,
 * UrBackup, Veeam, timeshift, pgBackRest, Barman, WAL-G; and any unit named for backups.
 */
const BACKUP_UNIT =
  /^(zfs-auto-snapshot(-[a-z]+)?|sanoid|syncoid|znapzend|zrepl|snapper-timeline|borgmatic|borg(-backup)?|restic([-_].*)?|autorestic|resticprofile.*|duplicity|duplicati|bacula-fd|bareos-fd|urbackup(srv|clientbackend)|veeamservice|veeam|timeshift.*|pgbackrest.*|barman.*|wal-g.*|(.+[-_])?backups?([-_].+)?|(.+[-_])?auto-?snapshots?([-_].+)?)$/;

/** True when a unit names a backup or snapshot scheduler (or a timer of one). */
export const backupUnit = (w: string) => BACKUP_UNIT.test(bareName(w));

/** pkill's and killall's options that take a value as the next word. */
const KILL_VALUED =
  /^(-[sPgGuUtFnwoy]|--(signal|session|parent|pgroup|group|euid|uid|terminal|pidfile|ns|nslist|older-than|younger-than|user|context))$/;

/**
 * `pkill [-f] PATTERN`, `killall NAME…` of a security agent's or a defence's process (`pkill
 * -9 -f ir_agent`, `killall falcond`, `pkill crowdsec`, `killall fail2ban-server`): read as the agent's service stopped (service `security-service`, verb
 * `kill`); undefined for any other process.
 */
export function agentKill(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const names = args.filter((a, i) => !a.startsWith('-') && !KILL_VALUED.test(args[i - 1] ?? ''));
  const hit = names.filter((n) => n.split(/\s+/).some(defenceProcess));
  if (!hit.length) return undefined;
  return {
    tool: cmd.program,
    service: 'security-service',
    verb: 'kill',
    resource: hit.join(' '),
    all: false,
    force: true,
  };
}
