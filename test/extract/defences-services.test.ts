/**
 * Logging, audit, firewall and security daemons stopped or disabled through other systems'
 * service managers (src/extract/defences-services.ts): SMF, rcctl, runit, s6, upstart, the
 * sysv boot links, `audit -t`, `syslog-ng-ctl stop` ask; status, restarts, enabling and
 * other daemons do not. Through the real pipeline (sudo, doas, pfexec) with the host pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';
import { protectedVerb, serviceName } from '../../src/extract/defences-services.js';

const verdict = await packVerdict('host');

describe('service names', () => {
  it.each<[string, string, string | undefined]>([
    ['svc:/system/auditd:default', 'auditd', 'audit-policy-off'],
    ['svc:/system/system-log:rsyslog', 'system-log', 'logs-off'],
    ['network/ipfilter', 'ipfilter', 'firewall-off'],
    ['/run/service/syslogd/', 'syslogd', 'logs-off'],
    ['falcon-sensor.service', 'falcon-sensor', 'agent-off'],
    ['svc:/application/shop-web:default', 'shop-web', undefined],
    ['nginx', 'nginx', undefined],
  ])('%s names %s', (word, name, verb) => {
    expect(serviceName(word)).toBe(name);
    expect(protectedVerb(word)).toBe(verb);
  });
});

describe('daemons stopped through other service managers', () => {
  it.each<[string, string]>([
    ['pfexec svcadm disable -s svc:/system/auditd:default', 'ask host/defences-off'],
    ['svcadm -v disable -t system-log', 'ask host/defences-off'],
    ['sudo svcadm disable svc:/network/ipfilter:default', 'ask host/firewall-down'],
    ['pfexec svcadm mark maintenance svc:/system/system-log:rsyslog', 'ask host/defences-off'],
    ['pfexec svccfg delete -f svc:/system/auditd', 'ask host/defences-off'],
    ['svccfg -s svc:/system/auditd delete', 'ask host/defences-off'],
    ['svccfg -s svc:/system/auditd setprop general/enabled = false', 'ask host/defences-off'],
    ['doas rcctl stop syslogd', 'ask host/defences-off'],
    ['doas rcctl disable pf', 'ask host/firewall-down'],
    ['rcctl set syslogd status off', 'ask host/defences-off'],
    ['sudo sv down rsyslog', 'ask host/defences-off'],
    ['sv -w 7 force-stop /etc/service/socklog-unix', 'ask host/defences-off'],
    ['vsv stop auditd', 'ask host/defences-off'],
    ['s6-svc -d /run/service/syslogd', 'ask host/defences-off'],
    ['s6-svc -wD -d /run/service/auditd', 'ask host/defences-off'],
    ['s6-rc -d change syslogd', 'ask host/defences-off'],
    ['s6-rc -da change', 'ask host/defences-off'],
    ['sudo initctl stop rsyslog', 'ask host/defences-off'],
    ['sudo rc-update del auditd boot', 'ask host/defences-off'],
    ['sudo update-rc.d rsyslog disable', 'ask host/defences-off'],
    ['sudo chkconfig auditd off', 'ask host/defences-off'],
    ['chkconfig --level 35 rsyslog off', 'ask host/defences-off'],
    ['chkconfig --del auditd', 'ask host/defences-off'],
    ['sudo audit -t', 'ask host/defences-off'],
    ['sudo syslog-ng-ctl stop', 'ask host/defences-off'],
    ['syslog-ng-ctl -c /var/run/syslog-ng.ctl stop', 'ask host/defences-off'],
    ['sudo service auditd onestop', 'ask host/defences-off'],
    ['sudo service syslogd forcestop', 'ask host/defences-off'],
    // a help word that is an option's value or an operand after `--` asks for no help
    ['sudo sv down rsyslog -- --help', 'ask host/defences-off'],
    ['s6-svc -d /run/service/syslogd -- -h', 'ask host/defences-off'],
    ['syslog-ng-ctl -c --help stop', 'ask host/defences-off'],
    ['doas rcctl -f --help stop syslogd', 'ask host/defences-off'],
  ])('%s → %s', (cmd, want) => {
    expect(verdict(cmd)).toBe(want);
  });

  it.each([
    'svcs -a',
    'svcs -xv svc:/system/auditd:default',
    'svcadm enable svc:/system/auditd:default',
    'svcadm restart system-log',
    'pfexec svcadm disable svc:/application/shop-web:default',
    'svcadm mark maintenance svc:/application/shop-web:default',
    'svccfg -s svc:/system/auditd listprop',
    'svccfg -s svc:/system/auditd setprop general/enabled = true',
    'svccfg delete -f svc:/application/shop-web',
    'rcctl check syslogd',
    'doas rcctl restart nginx',
    'rcctl stop nginx',
    'rcctl set syslogd flags -h',
    'sv status rsyslog',
    'sudo sv up rsyslog',
    'sv down nginx',
    's6-svc -u /run/service/syslogd',
    's6-svc -d /run/service/nginx',
    's6-rc -u change syslogd',
    'initctl status rsyslog',
    'rc-update add auditd boot',
    'update-rc.d rsyslog enable',
    'chkconfig auditd on',
    'chkconfig --list',
    'audit -s',
    'syslog-ng-ctl stats',
    'syslog-ng-ctl reload',
    'sudo service nginx onestop',
    'syslog-ng-ctl stop --help',
    'svcadm disable --help',
    'sudo sv -h down rsyslog',
    'rcctl stop syslogd -?',
    'chkconfig --help auditd off',
  ])('%s is allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });
});
