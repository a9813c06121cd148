/**
 * Administrator power handed out by a positional word or a number rather than a role option:
 * OpenStack's `openstack role add [--user U|--group G] [--project P|--domain D|--system all]
 * ROLE` with an admin role (the role is the last word), a BMC user made administrator through
 * IPMI (`ipmitool user priv ID 4|5`, `ipmitool channel setaccess CH ID privilege=4|5`: 4 is
 * ADMINISTRATOR, 5 OEM) or a Dell iDRAC user given a privilege mask that can configure users
 * (`racadm set iDRAC.Users.N.Privilege 0x1ff`, `racadm config … -o cfgUserAdminPrivilege`: the
 * 0x4 bit lets them grant themselves anything). A BMC administrator owns the machine below its
 * operating system (console, power, virtual media, firmware). Alibaba Cloud's `aliyun ram
 * AttachPolicyToUser|Group|Role --PolicyName AdministratorAccess|AliyunRAMFullAccess` too (its
 * options are named like API fields; a detach takes the same option). Pure.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';
import { ADMIN_ROLE } from './privilege-roles.js';

/** The positional words of argv, the values of the options matched by `valued` left out. */
function positional(argv: string[], valued: RegExp): string[] {
  const out: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (valued.test(a)) i++;
    else if (!a.startsWith('-')) out.push(a);
  }
  return out;
}

/** openstack's options that take a value: every global `--os-*` and role add's scope options. */
const OPENSTACK_VALUED =
  /^(--os-[\w-]+|--user|--group|--project|--domain|--system|--user-domain|--group-domain|--project-domain|--role-domain|-f|--format|-c|--column|--log-file)$/;

/** ipmitool's options that take a value (`-I lanplus -H host -U user -P pw …`). */
const IPMITOOL_VALUED = /^-[IHUPpLAfykCNRtbTBmoOelsSZ]$/;

/** IPMI privilege levels that administer the BMC: 4 ADMINISTRATOR, 5 OEM. */
const IPMI_ADMIN = /^(4|5|0x0?[45])$/i;

/** An iDRAC privilege mask that can configure users (0x4), or one not known statically. */
function idracAdmin(value: string): boolean {
  const n = Number(value);
  // fail closed: a mask that is not a number may be any
  return !Number.isInteger(n) || (n & 0x4) !== 0;
}

/** What admin power `cmd` hands out (see the header), as [verb, the words]; undefined = none. */
export function consoleAdminGrant(cmd: NormalizedCommand): Finding | undefined {
  const a = cmd.argv;
  if (cmd.program === 'openstack') {
    const w = positional(a, OPENSTACK_VALUED);
    const role = w[w.length - 1] ?? '';
    // fail closed: a role not known statically (`"$ROLE"`) may be admin
    const unknown = cmd.dynamicArgs.includes(a.lastIndexOf(role));
    if (w[0] === 'role' && w[1] === 'add' && w.length > 2 && (unknown || ADMIN_ROLE.test(role)))
      return ['grant-admin', `role add ${role}`];
  }
  if (cmd.program === 'aliyun') {
    const w = positional(a, /^--[A-Z]\w*$/);
    const policy = a.find((x, i) => /^--PolicyName$/i.test(a[i - 1] ?? '') && x !== undefined);
    const attach = w[0] === 'ram' && /^AttachPolicyTo(User|Group|Role)$/.test(w[1] ?? '');
    if (attach && policy !== undefined && (ADMIN_ROLE.test(policy) || /^AliyunRAMFullAccess$/.test(policy)))
      return ['grant-admin', `ram ${w[1]} ${policy}`];
  }
  if (cmd.program === 'ipmitool') {
    const w = positional(a, IPMITOOL_VALUED);
    if (w[0] === 'user' && w[1] === 'priv' && IPMI_ADMIN.test(w[3] ?? ''))
      return ['grant-admin', `user priv ${w[2] ?? ''} ${w[3]}`];
    const level = w.find((x) => /^privilege=/.test(x))?.slice(10);
    if (w[0] === 'channel' && w[1] === 'setaccess' && level !== undefined && IPMI_ADMIN.test(level))
      return ['grant-admin', `channel setaccess ${w[2] ?? ''} ${w[3] ?? ''} privilege=${level}`];
  }
  if (cmd.program === 'racadm') {
    const w = positional(a, /^-[rupio]$/);
    const set = w.findIndex((x) => /^iDRAC\.Users\.\d+\.Privilege$/i.test(x));
    if (w[0] === 'set' && set === 1 && w[2] !== undefined && idracAdmin(w[2]))
      return ['grant-admin', `set ${w[1]} ${w[2]}`];
    const legacy = a.findIndex((x, i) => a[i - 1] === '-o' && /^cfgUserAdminPrivilege$/i.test(x));
    const mask = a[a.length - 1];
    if (w[0] === 'config' && legacy > 0 && idracAdmin(mask))
      return ['grant-admin', `config cfgUserAdminPrivilege ${mask}`];
  }
  return undefined;
}
