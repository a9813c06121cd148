/**
 * Tools whose own access system hands out everything by a preset word rather than a role
 * option privilege.ts reads: Consul's `global-management` policy on a token or role
 * (`consul acl token create -policy-name global-management`, or its fixed id …0001), RabbitMQ's `administrator` user tag (`rabbitmqctl set_user_tags
 * U administrator`, `rabbitmqadmin declare user … tags=administrator`), Nomad's management
 * tokens (`nomad acl token create -type=management`), InfluxDB's all-access and operator tokens
 * (`influx auth create --all-access|--operator`), MinIO's `consoleAdmin` policy attached to a
 * user or group (`mc admin policy attach ALIAS consoleAdmin --user U`); OpenStack's role and
 * BMC users' privilege levels in privilege-bmc.ts. Pure.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { optionPairs } from './cloud-argv.js';
import type { Finding } from './word-facts.js';
import { consoleAdminGrant } from './privilege-bmc.js';

/** Consul's built-in policy that can do anything, by name or by its fixed id. */
const GLOBAL_MANAGEMENT = /^(global-management|00000000-0000-0000-0000-000000000001)$/;

/** The words after the program that are not options. */
const words = (argv: string[]) => argv.slice(1).filter((w) => !w.startsWith('-'));

/** What admin power `cmd` hands out through its tool's own preset, as [verb, the words]; undefined = none. */
export function toolAdminGrant(cmd: NormalizedCommand): Finding | undefined {
  const p = cmd.program;
  const w = words(cmd.argv);
  // (a global option's value, `-n rabbit@host`, may come before the subcommand)
  const tagsAt = w.indexOf('set_user_tags');
  if (p === 'rabbitmqctl' && tagsAt >= 0 && w.slice(tagsAt + 2).some((t) => /^administrator$/i.test(t)))
    return ['grant-admin', `set_user_tags ${w[tagsAt + 1] ?? ''} administrator`];
  if (p === 'rabbitmqadmin' && w[0] === 'declare' && w[1] === 'user') {
    const tags = w.find((t) => t.startsWith('tags='))?.slice(5) ?? '';
    if (tags.split(',').some((t) => /^administrator$/i.test(t)))
      return ['grant-admin', `declare user tags=${tags}`];
  }
  if (
    p === 'consul' &&
    w[0] === 'acl' &&
    /^(token|role)$/.test(w[1] ?? '') &&
    /^(create|update)$/.test(w[2] ?? '')
  ) {
    const policy = optionPairs(cmd.argv).some(
      ([o, v]) => /^--?policy-(name|id)$/.test(o) && GLOBAL_MANAGEMENT.test(v),
    );
    if (policy) return ['grant-admin', `acl ${w[1]} ${w[2]} with the global-management policy`];
  }
  if (p === 'nomad' && w[0] === 'acl' && w[1] === 'token' && /^(create|update)$/.test(w[2] ?? '')) {
    if (optionPairs(cmd.argv).some(([o, v]) => /^--?type$/.test(o) && v === 'management'))
      return ['grant-admin', `acl token ${w[2]} -type=management`];
  }
  if (p === 'influx' && w[0] === 'auth' && w[1] === 'create') {
    const all = cmd.argv.find((a) => /^--(all-access|operator)$/.test(a));
    if (all) return ['grant-admin', `auth create ${all}`];
  }
  if (
    (p === 'mc' || p === 'mcli') &&
    w[0] === 'admin' &&
    w[1] === 'policy' &&
    /^(attach|set)$/.test(w[2] ?? '')
  ) {
    if ((w[4] ?? '').split(',').includes('consoleAdmin'))
      return ['grant-admin', `admin policy ${w[2]} ${w[3] ?? ''} ${w[4]}`];
  }
  return consoleAdminGrant(cmd);
}
