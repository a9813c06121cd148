/**
 * Hypervisors' own command lines deleting virtual machines, their disks, snapshots or the
 * storage they live on:
 * - XCP-ng / XenServer `xe [-s HOST -u USER -pw|-pwf …] COMMAND key=value…`: `vm-uninstall`
 *   (the VM and its disks), `vm-destroy` (its record), `vdi-destroy`, `vdi-data-destroy`,
 *   `sr-destroy` (every disk on it), `snapshot-uninstall|destroy`, `template-uninstall`, any
 *   other `OBJECT-destroy`, and `pool-eject` (the ejected host's local storage is wiped);
 *   `force=true` skips its checks, `--multiple` acts on every object the selectors match.
 * - ESXi `vim-cmd [-H HOST …] vmsvc/destroy ID` (the VM and its files), `vmsvc/unregister`,
 *   `vmsvc/snapshot.remove|removeall`, `hostsvc/datastore/destroy|remove`; `vmkfstools -U|
 *   --deletevirtualdisk DISK`.
 * - Proxmox VE `qm|pct destroy ID [--purge]` (the guest and its volumes), `qm|pct
 *   delsnapshot`, `qm disk unlink … --force` / `qm unlink … --force` (the disk's volume deleted).
 * - vSphere's govc: `govc OBJECT.rm|remove …` (`datastore.rm`, `snapshot.remove`, `disk.rm`;
 *   `vm.destroy` is read by the generic reading of a dotted destroying verb).
 * Read as CloudFacts of service `hypervisor vm|disk|snapshot|storage|host` whose verb is the
 * command's (rulesets/cluster.yaml asks); listing, creating, snapshotting and power commands
 * make no fact here (the tool's other words keep the generic reading).
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

/** What a command acts on → the fact's service. */
const KIND: Record<string, string> = {
  vm: 'vm',
  template: 'vm',
  appliance: 'vm',
  vdi: 'disk',
  disk: 'disk',
  sr: 'storage',
  datastore: 'storage',
  snapshot: 'snapshot',
  pool: 'host',
  host: 'host',
};
const service = (object: string) =>
  `hypervisor ${Object.hasOwn(KIND, object) ? KIND[object] : object || 'vm'}`;

function draft(
  cmd: NormalizedCommand,
  object: string,
  verb: string,
  resource: string,
  all: boolean,
  force: boolean,
): CloudDraft {
  return { tool: cmd.program, service: service(object), verb, resource, all, force };
}

/** xe's connection options, which take the next word. */
const XE_VALUED = /^-(s|u|pw|pwf|p|h)$/;
/** xe commands that delete: `OBJECT-uninstall`, `OBJECT-destroy`, `OBJECT-data-destroy`, `pool-eject`. */
const XE_DELETES = /^([a-z]+)-(uninstall|destroy|data-destroy|eject)$/;
/** xe parameters that name what a command acts on. */
const XE_NAMES = /^(uuid|vm|vdi|sr|snapshot-uuid|template-uuid|host-uuid|name-label|sr-uuid|vm-uuid)$/;

/** `xe [conn…] COMMAND key=value…` */
function xe(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  let command = '';
  const params = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (XE_VALUED.test(a)) i++;
    else if (a.startsWith('-')) continue;
    else if (!command) command = a;
    else if (a.includes('=')) params.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
  }
  const m = XE_DELETES.exec(command);
  if (!m) return undefined;
  const name = [...params].find(([k]) => XE_NAMES.test(k))?.[1] ?? '';
  return draft(
    cmd,
    m[1],
    m[2],
    name,
    args.includes('--multiple'),
    /^(true|yes|1)$/i.test(params.get('force') ?? ''),
  );
}

/** vim-cmd's connection options, which take the next word. */
const VIM_VALUED = /^-[HOUP]$/;
/** vim-cmd commands (the last part of `SERVICE/…/COMMAND`) that delete. */
const VIM_DELETES = /^(destroy|unregister|snapshot\.remove|snapshot\.removeall|remove)$/;

/** `vim-cmd [-H HOST …] vmsvc/destroy ID`, `hostsvc/datastore/destroy NAME` … */
function vimCmd(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const at = args.findIndex((a, i) => !a.startsWith('-') && !VIM_VALUED.test(args[i - 1] ?? ''));
  if (at < 0) return undefined;
  const parts = args[at].split('/');
  const verb = parts[parts.length - 1];
  if (parts.length < 2 || !VIM_DELETES.test(verb)) return undefined;
  const object = parts.includes('datastore') ? 'datastore' : verb.startsWith('snapshot') ? 'snapshot' : 'vm';
  const rest = args.slice(at + 1).filter((a) => !a.startsWith('-'));
  return draft(cmd, object, verb, rest.join(' '), verb === 'snapshot.removeall', true);
}

/** `vmkfstools -U|--deletevirtualdisk DISK`: the virtual disk's files are deleted. */
function vmkfstools(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const at = args.findIndex((a) => a === '-U' || a === '--deletevirtualdisk');
  if (at < 0) return undefined;
  return draft(cmd, 'disk', 'delete', args[at + 1] ?? '', false, true);
}

/** Proxmox guests: `qm|pct destroy ID`, `delsnapshot ID NAME`, `[disk] unlink ID --idlist D --force`. */
function proxmox(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const pos = args.filter(
    (a, i) =>
      !a.startsWith('-') && !/^--(idlist|destroy-unreferenced-disks|skiplock)$/.test(args[i - 1] ?? ''),
  );
  const [first, second, third] = pos;
  const force = args.includes('--force') || args.includes('--purge');
  if (first === 'destroy') return draft(cmd, 'vm', 'destroy', second ?? '', false, force);
  if (first === 'delsnapshot')
    return draft(cmd, 'snapshot', 'delete', [second, third].filter(Boolean).join(' '), false, true);
  // without --force an unlinked disk is kept as an unused volume
  const unlink = first === 'unlink' || (first === 'disk' && second === 'unlink');
  if (unlink && /^(--force|--force=(1|true))$/.test(args.find((a) => a.startsWith('--force')) ?? ''))
    return draft(cmd, 'disk', 'delete', first === 'unlink' ? (second ?? '') : (third ?? ''), false, true);
  return undefined;
}

/**
 * govc commands `OBJECT[.SUB].rm|remove`, which delete what they name; `vm.destroy`,
 * `vm.unregister` and the like keep the generic reading of a dotted destroying verb.
 */
const GOVC_DELETES = /^([a-z]+)(?:\.[a-z]+)*\.(rm|remove)$/;

/** `govc datastore.rm -ds=DS PATH`, `govc snapshot.remove -vm VM NAME`, `govc disk.rm ID`. */
function govc(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const m = GOVC_DELETES.exec(args[0] ?? '');
  if (!m) return undefined;
  // govc options are `-name=value` or `-name value`; the operands are the words left
  const rest = args.slice(1).filter((a, i, r) => !a.startsWith('-') && !/^-[a-z.]+$/.test(r[i - 1] ?? ''));
  return draft(cmd, m[1], m[2], rest.join(' '), rest.includes('*'), true);
}

/** Readers of the deletions of each hypervisor CLI, by program. */
export const HYPERVISOR_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  xe,
  'vim-cmd': vimCmd,
  vmkfstools,
  qm: proxmox,
  pct: proxmox,
  govc,
};
