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
