/**
 * Routers' and firewalls' configuration lines (src/extract/netdev-config.ts), through the real
 * pipeline (ssh's remote script, heredocs): port forwards to inside hosts ask as exposure,
 * filtering disabled or removed asks as a firewall down; printing and showing stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const exposure = await packVerdict('exposure');
const host = await packVerdict('host');

describe('a port forwarded inwards asks', () => {
  it.each<string>([
    "ssh admin@192.0.2.1 '/ip firewall nat add chain=dstnat action=dst-nat dst-port=2222 to-addresses=10.0.0.5 to-ports=22'",
    "ssh admin@mt '/ip/firewall/nat/add chain=dstnat action=netmap to-addresses=10.0.0.0/24'",
    "ssh admin@fgt 'config firewall vip\nedit db\nset extintf wan1\nset mappedip 10.0.0.10\nnext\nend'",
    'ssh admin@fgt <<\'EOF\'\nconfig firewall vip\nedit "db"\nset mappedip "10.0.0.10"\nend\nEOF',
    "ssh ubnt@edge 'configure; set port-forward rule 1 forward-to address 10.0.0.5; commit'",
    "ssh vyos@r 'set nat destination rule 10 translation address 10.0.0.5'",
    "ssh netops@srx 'set security nat destination pool web address 10.0.0.5/32'",
    "ssh r1 'ip nat inside source static tcp 10.0.0.5 22 interface Gi0/0 2222'",
    "ssh root@owrt 'uci add firewall redirect'",
    'ssh root@owrt "uci set firewall.fwd1.target=\'DNAT\'"',
    'sudo iptables -t nat -A PREROUTING -p tcp --dport 2222 -j DNAT --to-destination 10.0.0.5:22',
    "nft 'add rule ip nat prerouting tcp dport 2222 dnat to 10.0.0.5:22'",
  ])('%s', (script) => expect(exposure(script)).toBe('ask exposure/make-public'));
});

describe("a device's filtering switched off asks", () => {
  it.each<string>([
    "ssh admin@r '/ip firewall filter disable [find chain=input]'",
    "ssh admin@r '/ip firewall filter remove [find]'",
    "ssh admin@r '/ip firewall filter set 3 disabled=yes'",
    "ssh admin@fgt 'config firewall policy\nedit 1\nset status disable\nnext\nend'",
    "ssh admin@fgt 'config firewall local-in-policy\ndelete 2\nend'",
    "ssh vyos@r 'delete firewall name WAN_IN'",
    "ssh netops@srx 'deactivate security policies'",
    "ssh root@owrt 'uci set firewall.@zone[1].input=ACCEPT'",
    "ssh admin@pa 'configure\nset rulebase security rules block-inbound disabled yes\ncommit'",
    "ssh ubnt@edge 'configure; set firewall name WAN_IN default-action accept; commit'",
    "ssh admin@asa 'clear configure access-list'",
  ])('%s', (script) => expect(host(script)).toBe('ask host/firewall-down'));
});

describe('reading and routine changes stay allowed', () => {
  it.each<string>([
    "ssh admin@192.0.2.1 '/ip firewall nat print'",
    "ssh admin@r '/ip firewall nat add chain=srcnat action=masquerade out-interface=ether1'",
    "ssh admin@r '/ip firewall filter print stats'",
    "ssh admin@fgt 'show firewall vip'",
    "ssh admin@fgt 'config firewall policy\nedit 3\nset action accept\nnext\nend'",
    "ssh admin@fgt 'config system interface\nedit port1\nset mappedip 1.2.3.4\nend'",
    "ssh root@owrt 'uci show firewall'",
    'sudo iptables -t nat -A OUTPUT -p tcp --dport 80 -j DNAT --to-destination 127.0.0.1:8080',
    'sudo iptables -t nat -L -n',
    'nft list ruleset',
    'set -euo pipefail; echo ok',
    'set -- a b c',
    'ip addr show',
    "ssh admin@asa 'show running-config nat'",
    "ssh ubnt@edge 'set firewall name WAN_IN default-action drop'",
    'clear',
  ])('%s', (script) => {
    expect(exposure(script)).toBe('allow');
    expect(host(script)).toBe('allow');
  });
});
