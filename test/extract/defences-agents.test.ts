/**
 * Security agents stopped by their own control programs, and alerting silenced
 * (src/extract/defences-agents.ts, reached through extractDefences): `verb: evidence` of the
 * fact for a command as written, or nothing.
 */
import { describe, expect, it } from 'vitest';
import { defenceFacts as off } from '../helpers/defences.js';

describe('agents stopped and alerts silenced', () => {
  it.each<[string, string]>([
    ['sudo osqueryctl stop', 'agent-off: osqueryctl: osqueryctl stop'],
    ['sudo zeekctl stop', 'agent-off: zeekctl: zeekctl stop'],
    ['broctl stop', 'agent-off: broctl: broctl stop'],
    ['sudo fail2ban-client stop', 'agent-off: fail2ban-client: fail2ban-client stop'],
    ['fail2ban-client stop sshd', 'agent-off: fail2ban-client: fail2ban-client stop sshd'],
    [
      'fail2ban-client -c /etc/fail2ban stop',
      'agent-off: fail2ban-client: fail2ban-client -c /etc/fail2ban stop',
    ],
    ['fail2ban-client unban --all', 'agent-off: fail2ban-client: fail2ban-client unban --all'],
    ['/var/ossec/bin/wazuh-control stop', 'agent-off: wazuh-control: wazuh-control stop'],
    ['sudo sentinelctl control stop', 'agent-off: sentinelctl: sentinelctl control stop'],
    ['sudo falconctl unload', 'agent-off: falconctl: falconctl unload'],
    ['elastic-agent uninstall --force', 'agent-off: elastic-agent: elastic-agent uninstall --force'],
    ['suricatasc -c shutdown', 'agent-off: suricatasc: suricatasc -c shutdown'],
    ['sudo /opt/splunkforwarder/bin/splunk stop', 'agent-off: splunk: splunk stop'],
    ['sudo /usr/local/bin/jamf removeFramework', 'agent-off: jamf: jamf removeFramework'],
    ['sudo jamf removeMdmProfile -verbose', 'agent-off: jamf: jamf removeMdmProfile -verbose'],
    [
      'sudo icinga2 feature disable notification',
      'alerts-off: icinga2: icinga2 feature disable notification',
    ],
    [
      'icinga2 feature disable checker mainlog',
      'alerts-off: icinga2: icinga2 feature disable checker mainlog',
    ],
    ['monit unmonitor all', 'alerts-off: monit: monit unmonitor all'],
    ['monit quit', 'alerts-off: monit: monit quit'],
    [
      `amtool silence add 'alertname=~".+"' --duration=720h --alertmanager.url=http://am:9093`,
      'alerts-off: amtool: amtool silence add alertname=~".+" --duration=720h --alertmanager.url=http://am:9093',
    ],
    [`amtool silence add 'instance=~".*"'`, 'alerts-off: amtool: amtool silence add instance=~".*"'],
    [
      `amtool silence add -a me '{severity!="critical"}'`,
      'alerts-off: amtool: amtool silence add -a me {severity!="critical"}',
    ],
    [
      `amtool silence add 'alertname!~"Watchdog"'`,
      'alerts-off: amtool: amtool silence add alertname!~"Watchdog"',
    ],
    [`amtool silence add 'job=~"(.*"'`, 'alerts-off: amtool: amtool silence add job=~"(.*"'],
    [`dog downtime post '*' 1718000000`, 'alerts-off: dog: dog downtime post * 1718000000'],
    ['dog monitor mute_all', 'alerts-off: dog: dog monitor mute_all'],
    ['pingdom pause 12345', 'alerts-off: pingdom: pingdom pause 12345'],
    ['cronitor monitor pause nightly-backup', 'alerts-off: cronitor: cronitor monitor pause nightly-backup'],
  ])('%s', (script, expected) => {
    expect(off(script)[0]).toBe(expected);
  });

  it.each<string>([
    'osqueryctl status',
    'zeekctl status',
    'zeekctl deploy',
    'sudo jamf recon',
    'sudo jamf policy -event install-chrome',
    'jamf checkJSSConnection',
    'osqueryctl start',
    'sudo fail2ban-client status sshd',
    'fail2ban-client reload',
    'fail2ban-client set sshd unbanip 203.0.113.7',
    '/var/ossec/bin/wazuh-control status',
    'sentinelctl version',
    'elastic-agent status',
    'datadog-agent status',
    'splunk status',
    'icinga2 feature list',
    'icinga2 feature enable notification',
    'icinga2 feature disable debuglog',
    'monit status',
    'monit unmonitor nginx',
    'amtool alert query',
    'amtool silence query',
    'amtool silence add alertname=DiskFull instance=db-1 --duration=2h',
    `amtool silence add 'alertname=~"Disk.*"'`,
    `amtool silence add 'alertname=~".+"' env=staging`,
    'amtool silence add DiskFull',
    'amtool silence add --comment "no matchers"',
    "dog downtime post 'host:web-1' 1718000000",
    'dog monitor mute 12345',
    'pingdom checks list',
    'cronitor ping nightly-backup --run',
    'checkly test',
  ])('%s → nothing', (script) => {
    expect(off(script)).toEqual([]);
  });
});
