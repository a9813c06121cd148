/**
 * Host firewalls switched off (src/extract/defences-firewalls.ts): Shorewall's clear and
 * stop, csf, APF, ipfw, pf, NPF and IPFilter flushing or disabling their rules ask; status, checks,
 * listing, (re)starting and single rules do not. Through the real pipeline (sudo, paths)
 * with the host pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('host');

describe('host firewalls switched off', () => {
  it.each([
    'sudo shorewall clear',
    'shorewall6 -q stop',
    'sudo /sbin/shorewall-lite -v 2 clear',
    'sudo csf -x',
    'csf --flush',
    'apf --stop',
    'sudo ipfw -q flush',
    'ipfw disable firewall',
    'sudo pfctl -d',
    'pfctl -F all',
    'pfctl -Fr',
    'sudo npfctl stop',
    'npfctl flush',
    'npfctl rule blocklist flush',
    'sudo ipf -D',
    'ipf -Fa',
    'ipf -F i',
    'ipf -vD',
    'esxcli network firewall set --enabled false',
    'esxcli network firewall set -e false',
    'esxcli -s esx1.example.internal network firewall set --enabled=0',
    'esxcli network firewall set --default-action true',
    'esxcli network firewall unload',
    'esxcli network firewall ruleset set --ruleset-id sshServer --allowed-all true',
    // a value only known at run time: fail closed
    'esxcli network firewall set --enabled $X',
    'esxcli network firewall ruleset set --ruleset-id sshServer --allowed-all "$ALL"',
  ])('%s asks', async (cmd) => {
    expect(await verdict(cmd)).toBe('ask host/firewall-down');
  });

  it.each([
    'sudo shorewall show',
    'shorewall check',
    'sudo shorewall restart',
    'shorewall reset',
    'shorewall clear --help',
    'csf -l',
    'csf -r',
    'csf -a 203.0.113.7',
    'csf -tf',
    'apf -r',
    'ipfw list',
    'ipfw add 100 allow tcp from any to me 22',
    'pfctl -s rules',
    'pfctl -F states',
    'pfctl -FR',
    'pfctl -e',
    'npfctl show',
    'npfctl start',
    'npfctl rule blocklist list',
    'npfctl rule blocklist add block in from 203.0.113.7',
    'npfctl reload /etc/npf.conf',
    'npfctl validate /etc/npf.conf',
    'ipf -Fa -f /etc/ipf.rules',
    'ipf -E',
    'ipf -F s',
    'ipfstat -io',
    'esxcli network firewall get',
    'esxcli network firewall set --enabled true',
    'esxcli network firewall set --default-action false',
    'esxcli network firewall load',
    'esxcli network firewall ruleset list',
    'esxcli network firewall ruleset set --ruleset-id sshServer --enabled true',
    'esxcli network firewall ruleset set --ruleset-id sshServer --allowed-all false',
  ])('%s is allowed', async (cmd) => {
    expect(await verdict(cmd)).toBe('allow');
  });
});
