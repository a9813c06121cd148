/**
 * Endpoint security and vulnerability agents, and backup schedulers, named by their units and
 * packages (src/extract/security-agents.ts): stopped, disabled, masked or uninstalled, through
 * systemctl, service, rc-service, launchctl and the package managers. Through the real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const host = await packVerdict('host');
const protection = await packVerdict('protection');
const OFF = 'ask host/defences-off';

describe('security agents switched off (host pack)', () => {
  it.each([
    ['sudo systemctl disable --now ir_agent.service', OFF],
    ['systemctl mask --now qualys-cloud-agent.service', OFF],
    ['systemctl stop nessusagent', OFF],
    ['systemctl mask cybereason-sensor', OFF],
    ['systemctl disable taniumclient.service', OFF],
    ['systemctl kill -s KILL falcon-sensor', OFF],
    ['service ds_agent stop', OFF],
    ['rc-service sophos-spl stop', OFF],
    ['launchctl unload /Library/LaunchDaemons/com.qualys.cloud-agent.plist', OFF],
    ['apt-get purge -y falcon-sensor', OFF],
    ['yum remove -y qualys-cloud-agent', OFF],
    ['dpkg -r sentinelagent', OFF],
    ['zypper rm cybereason-sensor', OFF],
    ['pkill -9 -f ir_agent', OFF],
    ['killall falcond', OFF],
    ['pkill -f /opt/CrowdStrike/falcond', OFF],
    ["pkill -f 'node server.js'", 'allow'],
    ['killall -9 node', 'allow'],
    ['systemctl status qualys-cloud-agent.service', 'allow'],
    ['systemctl restart ir_agent.service', 'allow'],
    ['systemctl start falcon-sensor', 'allow'],
    ['systemctl disable --now gpg-agent.socket', 'allow'],
    ['systemctl disable --now buildkite-agent', 'allow'],
    ['apt-get install -y qualys-cloud-agent', 'allow'],
    ['apt-get remove -y nginx', 'allow'],
    // the host's own defences uninstalled, by any package manager, locally or over ssh
    ["ssh edge-01 'sudo apt purge -y crowdsec crowdsec-firewall-bouncer-iptables'", OFF],
    ['sudo apt-get remove -y fail2ban', OFF],
    ['sudo apt-get purge -y auditd apparmor', OFF],
    ['dnf remove -y audit', OFF],
    ['yum erase -y selinux-policy-targeted', OFF],
    ['zypper rm -y wazuh-agent', OFF],
    ['apk del falco', OFF],
    ['pacman -Rns osquery', OFF],
    ['apt-get purge -y clamav-daemon=1.0.5', OFF],
    ['dnf remove aide tripwire', OFF],
    ['apt-get remove -y ufw', OFF],
    ['snap remove crowdsec', OFF],
    ['brew uninstall --cask osquery', OFF],
    ['choco uninstall sentinelone -y', OFF],
    ['winget uninstall --id CrowdStrike.FalconSensor', OFF],
    ['winget uninstall "CrowdStrike Falcon Sensor"', OFF],
    ['pkill -9 crowdsec', OFF],
    ['killall fail2ban-server', OFF],
    ['pkill -f /usr/bin/osqueryd', OFF],
    ['apt-get install -y fail2ban crowdsec', 'allow'],
    ['apt-get remove -y libaudit-dev nano', 'allow'],
    ['apt-get install --only-upgrade crowdsec', 'allow'],
    ['brew uninstall bash', 'allow'],
    ['snap remove firefox', 'allow'],
    ['choco uninstall googlechrome -y', 'allow'],
    ['winget list CrowdStrike', 'allow'],
    ['apt list --installed', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(host(script)).toBe(expected);
  });
});

describe('backup and snapshot schedulers switched off (protection pack)', () => {
  it.each([
    ['systemctl disable --now zfs-auto-snapshot-hourly.timer', 'ask protection/backups-deleted'],
    ['systemctl mask sanoid.timer', 'ask protection/backups-deleted'],
    ['systemctl stop borgmatic.timer', 'ask protection/backups-deleted'],
    ['systemctl disable --now backup-db.timer', 'ask protection/backups-deleted'],
    ['systemctl stop borgmatic.service', 'allow'],
    ['systemctl restart zfs-auto-snapshot-hourly.timer', 'allow'],
    ['systemctl enable --now restic-backup.timer', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(protection(script)).toBe(expected);
  });
});
