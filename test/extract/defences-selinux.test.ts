/**
 * SELinux loosened without switching it off (src/extract/defences-selinux.ts): permissive
 * domains, weakening booleans, unconfined labels ask; reading, service booleans and confined
 * labels do not. Through the real pipeline with the host pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('host');
const OFF = 'ask host/defences-off';

describe('SELinux loosened (host pack)', () => {
  it.each([
    ['sudo setsebool -P selinuxuser_execmod 1', OFF],
    ['setsebool -P deny_ptrace off', OFF],
    ['setsebool -P secure_mode_policyload=0', OFF],
    ['setsebool httpd_can_network_connect 1 allow_execmem on', OFF],
    ['sudo chcon -t unconfined_exec_t /usr/local/bin/agentd', OFF],
    ['chcon --type=spc_t /opt/x', OFF],
    ['chcon system_u:object_r:unconfined_exec_t:s0 /opt/run.sh', OFF],
    ["semanage fcontext -a -t unconfined_exec_t '/opt/agent(/.*)?'", OFF],
    ['semanage permissive -a httpd_t', OFF],
    ['semanage boolean -m --on selinuxuser_execstack', OFF],
    ['semanage boolean -m --off deny_ptrace', OFF],
    ['getsebool -a', 'allow'],
    ['sudo setsebool -P httpd_can_network_connect 1', 'allow'],
    ['setsebool -P deny_ptrace on', 'allow'],
    ['setsebool -P selinuxuser_execmod 0', 'allow'],
    ['sudo chcon -t httpd_sys_content_t /srv/www/index.html', 'allow'],
    ['chcon -R --reference=/var/www /srv/www', 'allow'],
    ["semanage fcontext -a -t httpd_sys_content_t '/srv/www(/.*)?'", 'allow'],
    ['semanage permissive -l', 'allow'],
    ['semanage boolean -l', 'allow'],
  ])('%s → %s', (cmd, want) => {
    expect(verdict(cmd)).toBe(want);
  });
});
