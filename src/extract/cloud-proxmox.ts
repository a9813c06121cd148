/**
 * Proxmox VE restores that overwrite a guest, and its backups deleted:
 * - `qmrestore ARCHIVE VMID --force [1|true]` and `pct restore VMID ARCHIVE --force [1|true]`:
 *   the guest VMID already there is replaced by the backup, its current disks deleted (service
 *   `hypervisor vm`, verb `overwrite`; rulesets/cluster.yaml asks). Without `--force` the
 *   restore refuses an existing VMID, so nothing is overwritten.
 * - `pvesm prune-backups STORAGE [--keep-…]`: the backups the retention options do not keep
 *   are deleted (service `backups`; rulesets/protection.yaml asks); `--dry-run` only lists
 *   them. `pvesm free VOLUME` of a backup volume (`…:backup/vzdump-…`) deletes that backup,
 *   of any other volume the disk (service `hypervisor disk`).
 * Other commands (`qm list`, a restore to a new VMID, `pvesm status`) make no fact here.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { draft as backupDraft } from './cloud-backups.js';

/** `--force` (also `-force`), `--force 1|true|yes`, `--force=1`: a value of 0/false/no leaves it off. */
function forced(args: string[]): boolean {
  const i = args.findIndex((a) => /^--?force(=|$)/.test(a));
  if (i < 0) return false;
  const v = args[i].includes('=') ? args[i].split('=')[1] : (args[i + 1] ?? '');
  return !/^(0|false|no)$/i.test(v);
}

/** Operands: words that are not options nor an option's value (`--force 1`, `--storage local`). */
const operands = (args: string[]) =>
  args.filter((a, i) => !a.startsWith('-') && !/^--?[\w-]+$/.test(args[i - 1] ?? ''));

const overwrite = (cmd: NormalizedCommand, vmid: string): CloudDraft => ({
  tool: cmd.program,
  service: 'hypervisor vm',
  verb: 'overwrite',
  resource: vmid,
  all: false,
  force: true,
});

/** `qmrestore ARCHIVE VMID --force 1`. */
function qmrestore(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  if (!forced(args)) return undefined;
  return overwrite(cmd, operands(args)[1] ?? '');
}

/** `pct restore VMID ARCHIVE --force 1`. */
function pct(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const [sub, vmid = ''] = operands(args);
  return sub === 'restore' && forced(args) ? overwrite(cmd, vmid) : undefined;
}

/** `pvesm prune-backups STORAGE …`, `pvesm free VOLUME`. */
function pvesm(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const [sub, what = ''] = operands(args);
  if (sub === 'prune-backups') return backupDraft(cmd, 'delete', `backups on ${what} not kept`, false);
  if (sub !== 'free') return undefined;
  if (/(^|:)backup\/|vzdump-/.test(what)) return backupDraft(cmd, 'delete', what, false);
  return {
    tool: cmd.program,
    service: 'hypervisor disk',
    verb: 'delete',
    resource: what,
    all: false,
    force: true,
  };
}

/** Programs this module reads, by name. */
export const PROXMOX_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  qmrestore,
  pct,
  pvesm,
};
