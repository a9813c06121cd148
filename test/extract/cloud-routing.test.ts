/**
 * Routing and switching daemons told to drop sessions, bridges or flows
 * (src/extract/cloud-routing.ts). Through the real pipeline with the host pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('host');
const DOWN = 'ask host/take-down';

describe('network daemons configured so traffic stops (host pack)', () => {
  it.each([
    ["sudo vtysh -c 'configure terminal' -c 'router bgp 65001' -c 'no neighbor 10.0.0.1'", DOWN],
    ["vtysh -c 'conf t' -c 'router bgp 65001' -c 'neighbor 10.0.0.2 shutdown'", DOWN],
    ["vtysh -c 'conf t' -c 'no router ospf'", DOWN],
    ["vtysh -c 'conf t' -c 'interface eth1' -c 'shutdown'", DOWN],
    ["vtysh -c 'clear ip bgp *'", DOWN],
    ['birdc disable bgp_uplink', DOWN],
    ['birdc down', DOWN],
    ['gobgp neighbor del 10.0.0.1', DOWN],
    ['gobgp neighbor 10.0.0.1 disable', DOWN],
    // after global options that take a value
    ['birdc -s /run/bird.ctl disable all', DOWN],
    ['gobgp -u 10.0.0.9 -p 50051 neighbor del 10.0.0.1', DOWN],
    ['sudo ovs-vsctl del-br br-ex', DOWN],
    ['ovs-vsctl --if-exists del-port br-ex eth0', DOWN],
    ['ovs-ofctl del-flows br-int', DOWN],
    ["sudo vtysh -c 'show ip bgp summary'", 'allow'],
    ["vtysh -c 'show running-config'", 'allow'],
    ["vtysh -c 'conf t' -c 'router bgp 65001' -c 'neighbor 10.0.0.3 remote-as 65002'", 'allow'],
    ['birdc show protocols', 'allow'],
    ['birdc enable bgp_uplink', 'allow'],
    ['gobgp neighbor', 'allow'],
    ['birdc -s /run/bird.ctl show route', 'allow'],
    ['sudo ovs-vsctl show', 'allow'],
    ['ovs-vsctl list-br', 'allow'],
    ['ovs-ofctl dump-flows br-int', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
