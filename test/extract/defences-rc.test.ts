/**
 * BSD guards off in rc.conf and at once (src/extract/defences-rc.ts): packet filters, the
 * audit daemon and the system log set to NO or removed, filters stopped or unloaded ask;
 * turning them on, listing and other services do not.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('host');

describe('BSD guards off', () => {
  it.each<[string, string]>([
    ['sudo sysrc pf_enable=NO pflog_enable=NO', 'ask host/firewall-down'],
    ['sysrc firewall_enable="NO"', 'ask host/firewall-down'],
    ['sudo sysrc -x pf_enable', 'ask host/firewall-down'],
    ['sudo service pf stop', 'ask host/firewall-down'],
    ['kldunload ipfw', 'ask host/firewall-down'],
    ['sysrc auditd_enable=NO', 'ask host/defences-off'],
  ])('%s → %s', (cmd, want) => {
    expect(verdict(cmd)).toBe(want);
  });
  it.each([
    'sysrc -a',
    'sudo sysrc pf_enable=YES nginx_enable=YES',
    'sysrc nginx_enable=NO',
    'sudo sysrc -x nginx_enable',
    'service pf status',
    'service nginx stop',
    'kldunload vmm',
  ])('%s is allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });
});
