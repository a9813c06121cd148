/**
 * Ansible modules read as the host commands they amount to (src/normalize/remote-adhoc-modules.ts):
 * a firewall turned off, a service stopped or disabled, iptables flushed, SELinux off; rules,
 * starts and restarts are none.
 */
import { describe, expect, it } from 'vitest';
import { moduleArgs, moduleCommands } from '../../src/normalize/remote-adhoc-modules.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const remote = (script: string) =>
  normalizeIn(filesContext({}), script)
    .commands.filter((c) => c.remote)
    .map((c) => `${c.wrappers.join('>')}|${c.argv.join(' ')}`);

describe('the host commands of a module run', () => {
  it.each<[string, string, string[][]]>([
    ['community.general.ufw', 'state=disabled', [['ufw', 'disable']]],
    ['ufw', 'state=reset', [['ufw', '--force', 'reset']]],
    ['ufw', 'default=allow direction=incoming', [['ufw', 'default', 'allow', 'incoming']]],
    [
      'ansible.builtin.service',
      'name=firewalld state=stopped enabled=no',
      [
        ['systemctl', 'stop', 'firewalld'],
        ['systemctl', 'disable', 'firewalld'],
      ],
    ],
    ['systemd', '{"name": "ufw", "masked": true}', [['systemctl', 'mask', 'ufw']]],
    ['ansible.builtin.iptables', 'flush=yes table=filter', [['iptables', '-t', 'filter', '-F']]],
    ['iptables', 'chain=INPUT policy=ACCEPT', [['iptables', '-P', 'INPUT', 'ACCEPT']]],
    ['ansible.posix.selinux', 'state=disabled', [['setenforce', '0']]],
    // rules, starts, restarts and other modules: none
    ['community.general.ufw', 'state=enabled', []],
    ['community.general.ufw', 'rule=allow port=22 proto=tcp', []],
    ['service', 'name=nginx state=restarted', []],
    ['iptables', 'chain=INPUT policy=DROP', []],
    ['ping', '', []],
    ['copy', 'src=a dest=/b', []],
  ])('%s %s', (mod, args, want) => expect(moduleCommands(mod, args)).toEqual(want));

  it('reads quoted values and JSON', () => {
    expect(moduleArgs(`name='my svc' state=stopped`).get('name')).toBe('my svc');
    expect(moduleArgs('{"State": "disabled"}').get('state')).toBe('disabled');
    expect(moduleArgs('{not json').size).toBe(0);
  });

  it.each<[string, string]>([
    [
      `ansible all -i inventories/prod -b -m community.general.ufw -a 'state=disabled'`,
      'ansible all|ufw disable',
    ],
    [`ansible web -b -m service -a 'name=firewalld state=stopped'`, 'ansible web|systemctl stop firewalld'],
    [`ansible-runner run . --hosts db -m ufw -a state=disabled`, 'ansible-runner db|ufw disable'],
  ])('%s runs on the hosts', (script, want) => expect(remote(script)).toContain(want));

  it.each<string>([
    `ansible all -b -m community.general.ufw -a 'state=enabled'`,
    `ansible all -b -m community.general.ufw -a 'rule=allow port=22'`,
    `ansible all -m ping`,
  ])('%s runs nothing on the hosts', (script) => expect(remote(script)).toEqual([]));
});
