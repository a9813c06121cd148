/**
 * The host's own administration (src/extract/cloud-host.ts) and LDAP directories
 * (src/extract/cloud-ldap.ts), read into cloud facts: `tool|service|verb|resource|all`.
 */
import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import { ldifDeletes } from '../../src/extract/cloud-ldap.js';
import type { Fact, NormalizedCommand } from '../../src/engine/types.js';
import { WS, analyzeContext, command } from '../helpers/command.js';

const files: Record<string, string> = {
  [`${WS}/del.ldif`]: 'dn: uid=bob,ou=people,dc=corp\nchangetype: delete\n',
  [`${WS}/add.ldif`]: 'dn: uid=eve,ou=people,dc=corp\nobjectClass: inetOrgPerson\ncn: Eve\n',
};
const ctx = analyzeContext(WS, { readFile: (p: string) => files[p] });

const facts = (c: NormalizedCommand) =>
  (extractCloud(c, ctx, [c]) as Fact[]).map((f) =>
    f.kind === 'cloud' ? [f.tool, f.service, f.verb, f.resource, f.all].join('|') : '',
  );
const cloud = (line: string) => facts(command(line.split(' ')));
/** The command with `stdin` as its known standard input (a heredoc). */
const fed = (line: string, stdin: string) =>
  facts({ ...command(line.split(' ')), stdin: { kind: 'heredoc', text: stdin } } as NormalizedCommand);

describe('local accounts and groups', () => {
  it.each<[string, string[]]>([
    ['userdel -r deploy', ['userdel|account|delete|deploy|true']],
    ['userdel ci', ['userdel|account|delete|ci|false']],
    ['deluser --remove-home ci-runner', ['deluser|account|delete|ci-runner|true']],
    ['deluser alice docker', ['deluser|membership|remove|alice docker|false']],
    ['groupdel developers', ['groupdel|group|delete|developers|false']],
    ['userdel --help', []],
    ['userdel -r --help', []],
    ['userdel -r deploy --help', []],
    // `--help` after `--` is an operand, not a help request
    ['deluser --remove-home ci-runner -- --help', ['deluser|account|delete|ci-runner|true']],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));
});

describe('the host firewall', () => {
  it.each<[string, string[]]>([
    ['iptables -F', ['iptables|chain|flush||true']],
    ['iptables -t nat --flush PREROUTING', ['iptables|chain|flush|PREROUTING|false']],
    ['ip6tables -X', ['ip6tables|chain|delete-chain||true']],
    ['iptables -P INPUT DROP', ['iptables|policy|default-drop|INPUT|false']],
    ['iptables -P FORWARD ACCEPT', []],
    ['iptables -A INPUT -p tcp --dport 22 -j ACCEPT', []],
    ['iptables -L -n', []],
    ['nft flush ruleset', ['nft|ruleset|flush||true']],
    ['nft delete table inet filter', ['nft|table|delete|inet filter|false']],
    ['nft list ruleset', []],
    ['nft delete rule inet filter input handle 4', []],
    ['ufw --force reset', ['ufw|firewall|reset||true']],
    ['ufw disable', ['ufw|firewall|disable||true']],
    ['ufw allow 22/tcp', []],
    ['firewall-cmd --panic-on', ['firewall-cmd|firewall|panic||true']],
    ['firewall-cmd --list-all', []],
    // the same settings written while firewalld is stopped
    ['firewall-offline-cmd --set-default-zone=trusted', ['firewall-offline-cmd|firewall|accept-all||true']],
    ['firewall-offline-cmd --get-default-zone', []],
    // every port from every address, one rule at a time
    [
      'firewall-cmd --permanent --zone=trusted --add-source=0.0.0.0/0',
      ['firewall-cmd|firewall|accept-all|trusted zone source 0.0.0.0/0|true'],
    ],
    [
      'firewall-offline-cmd --zone=trusted --change-interface=ens192',
      ['firewall-offline-cmd|firewall|accept-all|trusted zone interface ens192|true'],
    ],
    [
      'firewall-cmd --zone trusted --add-interface eth0',
      ['firewall-cmd|firewall|accept-all|trusted zone interface eth0|true'],
    ],
    // a source network, a port or service, a reject, an inner interface: nothing of the kind
    [
      `firewall-cmd --add-rich-rule='rule family="ipv4" source address="0.0.0.0/0" service name="https" accept'`,
      [],
    ],
    ['firewall-cmd --permanent --zone=trusted --add-source=192.168.10.0/24', []],
    ['firewall-cmd --permanent --zone=trusted --add-interface=docker0', []],
    ['firewall-cmd --zone=public --add-interface=eth0', []],
    ['firewall-cmd --panic-off', []],
    ['ufw --force reset --help', []],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));
});

describe('firewalld rich rules', () => {
  const rich = (rule: string) => facts(command(['firewall-cmd', '--permanent', `--add-rich-rule=${rule}`]));
  it.each<[string, string[]]>([
    [
      'rule family="ipv4" source address="0.0.0.0/0" accept',
      [
        'firewall-cmd|firewall|accept-all|rich rule rule family="ipv4" source address="0.0.0.0/0" accept|true',
      ],
    ],
    ['rule accept', ['firewall-cmd|firewall|accept-all|rich rule rule accept|true']],
    // everyone but one network
    [
      'rule family="ipv4" source not address="10.0.0.0/8" accept',
      [
        'firewall-cmd|firewall|accept-all|rich rule rule family="ipv4" source not address="10.0.0.0/8" accept|true',
      ],
    ],
    // a source network, a port or service, a reject: nothing of the kind
    ['rule family="ipv4" source address="10.0.0.0/8" accept', []],
    ['rule family="ipv4" source address="0.0.0.0/0" service name="https" accept', []],
    ['rule family="ipv4" source address="0.0.0.0/0" reject', []],
  ])('%s', (rule, want) => expect(rich(rule)).toEqual(want));
});

describe("the host's record and defences", () => {
  it.each<[string, string[]]>([
    ['systemctl stop auditd', ['systemctl|security-service|stop|auditd|false']],
    ['systemctl disable --now falco.service nginx', ['systemctl|security-service|disable|falco|false']],
    ['systemctl disable --now suricata', ['systemctl|security-service|disable|suricata|false']],
    ['systemctl mask zeek.service', ['systemctl|security-service|mask|zeek|false']],
    ['systemctl stop tetragon', ['systemctl|security-service|stop|tetragon|false']],
    ['systemctl restart suricata', []],
    ['systemctl status snort3', []],
    ['service osqueryd stop', ['service|security-service|stop|osqueryd|false']],
    // FreeBSD's rc.d prefixes
    ['service auditd onestop', ['service|security-service|stop|auditd|false']],
    ['service syslogd forcestop', ['service|security-service|stop|syslogd|false']],
    ['service nginx onestop', []],
    ['rc-service metalog stop', ['rc-service|security-service|stop|metalog|false']],
    ['service auditd onestatus', []],
    // a firewall's own service: stopping it leaves the host open
    ['systemctl stop shorewall', ['systemctl|security-service|stop|shorewall|false']],
    ['systemctl disable --now csf lfd', ['systemctl|security-service|disable|csf lfd|false']],
    ['systemctl stop iptables', ['systemctl|security-service|stop|iptables|false']],
    ['systemctl stop nginx my-app', []],
    ['systemctl restart rsyslog', []],
    ['auditctl -D', ['auditctl|audit|delete-rules||true']],
    ['auditctl -e 0', ['auditctl|audit|disable||true']],
    ['auditctl -l', []],
    ['setenforce Permissive', ['setenforce|selinux|disable||true']],
    ['setenforce 1', []],
    ['journalctl --vacuum-size=1K', ['journalctl|journal|delete-logs|--vacuum-size=1K|true']],
    ['journalctl -u nginx -f', []],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));
});

describe('the machine, its network or its services taken down', () => {
  it.each<[string, string[]]>([
    ['shutdown -h now', ['shutdown|power|shutdown||true']],
    ['shutdown -c', []],
    ['reboot', ['reboot|power|reboot||true']],
    ['init 0', ['init|power|halt||true']],
    ['systemctl reboot', ['systemctl|power|reboot||true']],
    ['ip link set eth0 down', ['ip|network|down|eth0|false']],
    ['ip link set eth0 up', []],
    ['ip addr flush dev eth0', ['ip|network|flush|dev eth0|true']],
    ['ip route del default via 192.168.1.1', []],
    ['ip route add default via 10.0.0.1', []],
    ['ifconfig eth0 down', ['ifconfig|network|down|eth0|false']],
    ['nmcli con down office', ['nmcli|network|down|office|false']],
    ['nmcli connection show', []],
    ['nmcli connection delete id office', []],
    ['kill -9 -1', ['kill|processes|kill-all||true']],
    ['kill -s KILL -- -1', ['kill|processes|kill-all||true']],
    ['kill -1 4242', []],
    ['kill -9 4242', []],
    ['pkill -9 postgres', ['pkill|critical-service|kill|postgres|false']],
    ['pkill -f vite', []],
    ['systemctl stop postgresql', ['systemctl|critical-service|stop|postgresql|false']],
    [
      'systemctl stop postgresql@16-main.service',
      ['systemctl|critical-service|stop|postgresql@16-main|false'],
    ],
    ['systemctl --user stop postgresql', []],
    ['systemctl restart nginx', []],
    // other database servers and the HA managers that fail them over
    ['systemctl stop patroni', ['systemctl|critical-service|stop|patroni|false']],
    ['service informix stop', ['service|critical-service|stop|informix|false']],
    ['systemctl status patroni', []],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));
});

describe('LDAP changes (LDIF)', () => {
  it.each<[string, string[]]>([
    [
      'ldapmodify -x -D cn=admin -w pw -f del.ldif',
      ['ldapmodify|directory|delete|uid=bob,ou=people,dc=corp|false'],
    ],
    ['ldapadd -x -D cn=admin -f add.ldif', ['ldapadd|directory|modify||false']],
    // fail closed: an LDIF that cannot be read may delete anything
    ['ldapmodify -x -f made-by-a-script.ldif', ['ldapmodify|directory|unread|made-by-a-script.ldif|false']],
    ['ldapmodify -x -H ldap://ldap.prod', ['ldapmodify|directory|unread|stdin|false']],
    // -n: shows what would be done
    ['ldapmodify -n -x -f del.ldif', []],
  ])('%s', (line, want) => expect(cloud(line)).toEqual(want));

  it('reads a heredoc on stdin', () => {
    expect(fed('ldapmodify -x', 'dn: cn=devs,ou=groups,dc=corp\nchangetype: delete\n')).toEqual([
      'ldapmodify|directory|delete|cn=devs,ou=groups,dc=corp|false',
    ]);
  });

  it.each<[string, string[]]>([
    ['dn: a\nchangetype: delete\n\ndn: b\nchangetype: modify\nreplace: mail\nmail: x\n', ['a']],
    // a folded DN (continuation line) and a base64 one
    ['dn: uid=alice,ou=peo\n ple,dc=corp\nchangetype: delete\n', ['uid=alice,ou=people,dc=corp']],
    [`dn:: ${Buffer.from('cn=x,dc=corp').toString('base64')}\nchangetype: DELETE\n`, ['cn=x,dc=corp']],
    ['dn: a\nchangetype: add\ncn: a\n', []],
  ])('LDIF %j deletes %j', (ldif, want) => expect(ldifDeletes(ldif)).toEqual(want));
});
