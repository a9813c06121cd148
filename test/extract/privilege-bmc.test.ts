/**
 * Administrator power by a positional word or number (src/extract/privilege-bmc.ts): OpenStack's
 * role add with an admin role, IPMI users made ADMINISTRATOR or OEM, iDRAC users given a mask that
 * can configure users. Through the real pipeline with the privilege pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('privilege');
const ADMIN = 'ask privilege/grant-admin';

describe('admin granted through a cloud or a BMC (privilege pack)', () => {
  it.each([
    ['openstack --os-cloud prod role add --user ci-bot --project production admin', ADMIN],
    ['openstack role add --group ops --domain default admin', ADMIN],
    ['OS_CLOUD=prod openstack role add --user-domain Default --user deployer --system all admin', ADMIN],
    ['openstack role add --os-cloud=prod --user bob --project p Administrator', ADMIN],
    ['ipmitool -I lanplus -H bmc-db01 -U admin -P "$IPMI_PW" user priv 5 4 1', ADMIN],
    ['sudo ipmitool user priv 3 4', ADMIN],
    ['ipmitool user priv 3 5', ADMIN],
    ['ipmitool -H 10.0.0.5 -U admin -E channel setaccess 1 3 link=on ipmi=on privilege=4', ADMIN],
    ['racadm -r idrac-db01 -u root -p "$PW" set iDRAC.Users.4.Privilege 0x1ff', ADMIN],
    ['racadm set iDRAC.Users.3.Privilege 511', ADMIN],
    ['racadm config -g cfgUserAdmin -o cfgUserAdminPrivilege -i 3 0x000001ff', ADMIN],
    // fail closed: a role or a mask not known statically
    ['openstack role add --user deployer --project prod "$ROLE"', ADMIN],
    ['racadm set iDRAC.Users.3.Privilege "$MASK"', ADMIN],
    [
      'aliyun ram AttachPolicyToUser --PolicyType System --PolicyName AdministratorAccess --UserName ci',
      ADMIN,
    ],
    [
      'aliyun ram AttachPolicyToRole --PolicyType System --PolicyName AliyunRAMFullAccess --RoleName ops',
      ADMIN,
    ],
    [
      'aliyun ram DetachPolicyFromUser --PolicyType System --PolicyName AdministratorAccess --UserName ci',
      'allow',
    ],
    [
      'aliyun ram AttachPolicyToUser --PolicyType System --PolicyName AliyunOSSReadOnlyAccess --UserName ci',
      'allow',
    ],
    ['openstack role add --user ci-bot --project production member', 'allow'],
    ['openstack role add --user ci-bot --project production reader', 'allow'],
    ['openstack role assignment list --user ci-bot --names', 'allow'],
    ['openstack role list', 'allow'],
    ['ipmitool -I lanplus -H bmc-db01 -U admin -P "$PW" user list 1', 'allow'],
    ['sudo ipmitool user priv 3 2', 'allow'],
    ['ipmitool channel setaccess 1 3 privilege=2', 'allow'],
    ['ipmitool sdr list', 'allow'],
    ['racadm set iDRAC.Users.4.Privilege 0x1', 'allow'],
    ['racadm get iDRAC.Users.4', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
