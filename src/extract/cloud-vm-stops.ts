/**
 * Virtual machines and system containers stopped without letting their guest shut down: the
 * power pulled (writes in flight lost, a database inside crash-recovers, whoever uses it is
 * cut off). Read as CloudFacts of service `power`, verb `force-stop`, which rulesets/host.yaml
 * (take-down) asks for like a host powered off:
 *
 * - KubeVirt `virtctl stop|restart VM --force [--grace-period=0]` (a grace period of 0 alone
 *   too); without them the guest is asked to shut down (no fact).
 * - LXD/Incus `lxc|incus stop|restart NAME… --force|-f` (also `--all`), LXC's `lxc-stop -k`.
 * - Proxmox `qm|pct stop ID` and `qm reset ID` (immediate, as the plug pulled), `qm|pct shutdown
 *   ID --forceStop 1`, and the API's `pvesh create /nodes/N/qemu|lxc/ID/status/stop|reset`.
 * - vSphere `govc vm.power -off|-reset VM` (a hard power-off; `-s`/`-r` ask the guest).
 * - XenServer `xe vm-shutdown|vm-reboot force=true`, `xe vm-reset-powerstate`.
 * - ESXi `vim-cmd vmsvc/power.off|power.reset ID` (`power.shutdown`/`power.reboot` ask the
 *   guest) and `esxcli vm process kill --type soft|hard|force --world-id N` (the VM's process
 *   killed, whichever type).
 *
 * Desktop hypervisors (VirtualBox, VMware Workstation, Vagrant, Multipass) and libvirt's
 * `virsh` (this machine's own VMs, cloud-generic-local.ts) run the user's own machines and are
 * not read here.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { optionValue, type CloudDraft } from './cloud-argv.js';

const forced = (cmd: NormalizedCommand, resource: string, all = false): CloudDraft => ({
  tool: cmd.program,
  service: 'power',
  verb: 'force-stop',
  resource,
  all,
  force: true,
});

/** The operands, skipping the values of the options `valued` matches. */
function operands(args: string[], valued: RegExp): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (valued.test(args[i])) i++;
    else if (!args[i].startsWith('-')) out.push(args[i]);
  }
  return out;
}

function virtctl(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const [verb, name] = operands(args, /^(-n|--namespace|--grace-period|--kubeconfig|--context)$/);
  if (verb !== 'stop' && verb !== 'restart') return undefined;
  const grace = optionValue(args, (n) => n === '--grace-period', 0);
  if (!args.includes('--force') && !args.includes('--force=true') && grace !== '0') return undefined;
  return forced(cmd, name ?? '');
}

/** `lxc|incus [remote:]stop|restart NAME… --force`; `lxc-stop -n NAME -k`. */
function lxd(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  if (cmd.program === 'lxc-stop')
    return args.includes('-k') || args.includes('--kill')
      ? forced(cmd, optionValue(args, (n) => n === '-n', 0) ?? '')
      : undefined;
  const [verb, ...names] = operands(args, /^(--project|--timeout|--reason)$/);
  if (verb !== 'stop' && verb !== 'restart') return undefined;
  if (!args.some((a) => a === '--force' || a === '-f' || /^-[a-z]*f[a-z]*$/.test(a))) return undefined;
  return forced(cmd, names.join(' '), args.includes('--all'));
}

function proxmox(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const [verb, id] = operands(args, /^(--timeout|--forceStop|--skiplock|--keepActive|--migratedfrom)$/);
  if (verb === 'stop' || (verb === 'reset' && cmd.program === 'qm')) return forced(cmd, id ?? '');
  if (verb === 'shutdown' && /^(1|true)$/.test(optionValue(args, (n) => n === '--forceStop', 0) ?? ''))
    return forced(cmd, id ?? '');
  return undefined;
}

function pvesh(cmd: NormalizedCommand): CloudDraft | undefined {
  const [verb, path] = operands(cmd.argv.slice(1), /^(--output-format|--noproxy)$/);
  if (verb !== 'create' && verb !== 'post') return undefined;
  const m = /\/(qemu|lxc)\/(\d+)\/status\/(stop|reset)\/?$/.exec(path ?? '');
  return m ? forced(cmd, m[2]) : undefined;
}

function govc(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  if (args[0] !== 'vm.power') return undefined;
  if (!args.some((a) => /^-(off|reset)(=true)?$/.test(a))) return undefined;
  return forced(cmd, operands(args.slice(1), /^-(vm|dc|u|k)$/).join(' '));
}

function xe(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const verb = args.find((a) => /^vm-/.test(a)) ?? '';
  const name = (args.find((a) => /^(uuid|vm|name-label)=/.test(a)) ?? '').replace(/^[^=]*=/, '');
  if (verb === 'vm-reset-powerstate') return forced(cmd, name);
  if (/^vm-(shutdown|reboot)$/.test(verb) && args.includes('force=true')) return forced(cmd, name);
  return undefined;
}

/** `vim-cmd [-H HOST …] vmsvc/power.off|power.reset ID`: the power pulled (not `power.shutdown`). */
function vimCmd(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const rest = operands(args, /^-[HOUP]$/);
  return /^vmsvc\/power\.(off|reset)$/.test(rest[0] ?? '') ? forced(cmd, rest.slice(1).join(' ')) : undefined;
}

/** `esxcli [--server H …] vm process kill --type T --world-id N`: the VM's process killed. */
function esxcli(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const words = operands(
    args,
    /^(-s|--server|-u|--username|-p|--password|-t|--type|-w|--world-id|--vihost|-h)$/,
  );
  if (words.join(' ') !== 'vm process kill') return undefined;
  const id = optionValue(cmd.argv, /^(--world-id|-w)$/) ?? '';
  return forced(cmd, id);
}

/** Programs this module reads, by name. */
export const VM_STOP_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  virtctl,
  lxc: lxd,
  incus: lxd,
  'lxc-stop': lxd,
  qm: proxmox,
  pct: proxmox,
  pvesh,
  govc,
  xe,
  'vim-cmd': vimCmd,
  esxcli,
};
