/**
 * Bare-metal provisioning (OpenStack Ironic) acting on a server's disks or power:
 *
 * - `baremetal node clean NODE --clean-steps STEPS` (also `openstack baremetal node clean`):
 *   manual cleaning runs the steps on the machine; read as verb `erase` when a step erases
 *   disks or deletes the RAID configuration (`erase_devices`, `erase_devices_metadata`,
 *   `delete_configuration`, `create_configuration`), else `clean` (firmware, BIOS and RAID
 *   steps still change the machine; steps in a file or on stdin are not read).
 * - `node undeploy|rebuild NODE` (also the legacy `ironic node-set-provision-state NODE
 *   deleted|rebuild|clean`): the instance on it is removed or re-imaged, its disks cleaned.
 * - `node power off|reboot NODE` without `--soft`: the power cut (service `power`, verb
 *   `force-stop`, as a host powered off).
 *
 * Read as CloudFacts of service `baremetal node` (rulesets/cluster.yaml asks); listing,
 * showing, `provide`, `manage`, `inspect` and `deploy` make none here.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { optionValue, type CloudDraft } from './cloud-argv.js';

/** Options that take a value (openstack's global `--os-*` ones too). */
const VALUED = /^(--clean-steps|--config-drive|--deploy-steps|--power-timeout|--wait|--os-[\w-]+)$/;
/** Clean steps that erase disks or the RAID configuration. */
const ERASING =
  /"?step"?\s*[:=]\s*"?(erase_devices(_metadata)?|delete_configuration|create_configuration|erase_devices_express)\b/;

function draft(cmd: NormalizedCommand, service: string, verb: string, resource: string): CloudDraft {
  return { tool: cmd.program, service, verb, resource, all: false, force: true };
}

function baremetal(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (VALUED.test(args[i])) i++;
    else if (!args[i].startsWith('-')) pos.push(args[i]);
  }
  const words = cmd.program === 'openstack' && pos[0] === 'baremetal' ? pos.slice(1) : pos;
  if (cmd.program === 'openstack' && pos[0] !== 'baremetal') return undefined;
  if (cmd.program === 'ironic') {
    const [sub, node, state] = words;
    if (sub === 'node-set-provision-state' && /^(deleted|rebuild|clean)$/.test(state ?? ''))
      return draft(cmd, 'baremetal node', state === 'deleted' ? 'undeploy' : state, node ?? '');
    if (sub === 'node-set-power-state' && /^(off|reboot)$/.test(state ?? '') && !args.includes('--soft'))
      return draft(cmd, 'power', 'force-stop', node ?? '');
    return undefined;
  }
  if (words[0] !== 'node') return undefined;
  const [, verb, a, b] = words;
  if (verb === 'clean') {
    const steps = optionValue(args, (n) => n === '--clean-steps', 0) ?? '';
    return draft(cmd, 'baremetal node', ERASING.test(steps) ? 'erase' : 'clean', a ?? '');
  }
  if (verb === 'undeploy' || verb === 'rebuild') return draft(cmd, 'baremetal node', verb, a ?? '');
  if (verb === 'power' && (a === 'off' || a === 'reboot') && !args.includes('--soft'))
    return draft(cmd, 'power', 'force-stop', b ?? '');
  return undefined;
}

/** Programs this module reads, by name. */
export const BAREMETAL_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  baremetal,
  openstack: baremetal,
  ironic: baremetal,
};
