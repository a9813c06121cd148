/**
 * Proxmox VE restores over an existing guest and its backups deleted
 * (src/extract/cloud-proxmox.ts), through the real pipeline with the cluster and protection packs.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const cluster = await packVerdict('cluster');
const protection = await packVerdict('protection');

describe('a guest overwritten by a restore', () => {
  it.each([
    'qmrestore /mnt/pve/nfs/dump/vzdump-qemu-101-2024_05_01-02_00_03.vma.zst 101 --force 1',
    'qmrestore --force true /mnt/pve/nfs/dump/vzdump-qemu-101.vma.zst 101 --storage local-lvm',
    'pct restore 204 /mnt/pve/nfs/dump/vzdump-lxc-204.tar.zst --force 1',
    'qmrestore /mnt/pve/nfs/dump/vzdump-qemu-101.vma.zst 101 -force 1',
    'pct restore 204 local:backup/vzdump-lxc-204.tar.zst --storage local-lvm --force',
  ])('%s', async (cmd) => expect(await cluster(cmd)).toBe('ask cluster/vm-destroy'));

  it.each([
    'qmrestore /mnt/pve/nfs/dump/vzdump-qemu-101.vma.zst 150',
    'qmrestore /mnt/pve/nfs/dump/vzdump-qemu-101.vma.zst 101 --force 0',
    'pct restore 205 /mnt/pve/nfs/dump/vzdump-lxc-204.tar.zst',
    'pct list',
    'qm list',
  ])('%s stays allowed', async (cmd) => expect(await cluster(cmd)).toBe('allow'));
});

describe('backups pruned or freed', () => {
  it.each([
    'pvesm prune-backups nfs-backup --keep-last 1',
    'pvesm free nfs-backup:backup/vzdump-qemu-105-2024_06_01-02_00_00.vma.zst',
  ])('%s', async (cmd) => expect(await protection(cmd)).toBe('ask protection/backups-deleted'));

  it.each([
    'pvesm status',
    'pvesm list nfs-backup',
    'pvesm prune-backups nfs-backup --keep-last 1 --dry-run 1',
  ])('%s stays allowed', async (cmd) => expect(await protection(cmd)).toBe('allow'));
});
