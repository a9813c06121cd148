/**
 * Partition editors that only read (src/extract/fs-partition-scripts.ts): a fdisk or gdisk
 * session fed on stdin with reading commands only, parted's printing commands (on the command
 * line or stdin), sfdisk's listing and dry-run options. Anything that writes, an interactive
 * session, or a session not known statically stays a format of the disk (denied). Through the
 * real pipeline with the filesystem pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('filesystem');
const DENY = 'deny filesystem/wipe-device';

describe('partition editors fed a session (filesystem pack)', () => {
  it.each([
    // fdisk and gdisk: changes stay in memory until `w`; only reading commands up to `q` are allowed
    [`printf 'p\\nq\\n' | sudo fdisk /dev/sdb`, 'allow'],
    [`echo p | sudo fdisk /dev/nvme0n1`, 'allow'],
    [`sudo fdisk /dev/sda <<< $'p\\nq'`, 'allow'],
    [`printf 'F\\nv\\nl\\nq\\n' | fdisk /dev/sdb`, 'allow'],
    [`printf 'p\\nq\\nw\\n' | fdisk /dev/sdb`, 'allow'],
    ['sudo gdisk /dev/sdb <<EOF\np\ni\n1\nq\nEOF', 'allow'],
    [`printf 'o\\nn\\np\\n1\\n\\n\\nw\\n' | sudo fdisk /dev/sdb`, DENY],
    [`echo -e 'd\\nw' | fdisk /dev/nvme0n1`, DENY],
    [`printf 'p\\nw\\n' | fdisk /dev/sdb`, DENY],
    // gdisk's expert zap writes at once: not on the reading list
    [`printf 'x\\nz\\nY\\nY\\n' | sudo gdisk /dev/sdc`, DENY],
    // interactive, or a session not known statically: fail closed
    ['sudo fdisk /dev/sdb', DENY],
    ['sudo fdisk /dev/sdb < /tmp/layout.txt', DENY],
    ['echo $SCRIPT | sudo fdisk /dev/sdb', DENY],
    ['sudo fdisk -l', 'allow'],
    ['sudo fdisk -x /dev/sda', 'allow'],
    ['sudo gdisk -l /dev/sda', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});

describe('parted and sfdisk (filesystem pack)', () => {
  it.each([
    ['sudo parted -s /dev/sdb print', 'allow'],
    ['sudo parted -s /dev/sdb unit s print free', 'allow'],
    ['parted -a opt -s /dev/sdb unit MiB p', 'allow'],
    ['sudo parted -l', 'allow'],
    [`printf 'print\\nquit\\n' | sudo parted /dev/sdb`, 'allow'],
    ['sudo parted -s /dev/sdb mklabel gpt', DENY],
    ['sudo parted /dev/sdb --script -- mkpart primary ext4 0% 100%', DENY],
    // a unique prefix is the command (`mkl` = mklabel); an ambiguous or unknown word is a change
    ['sudo parted -s /dev/sdb mkl gpt', DENY],
    ['sudo parted -s /dev/sdb p rm 1', DENY],
    [`printf 'mklabel gpt\\nYes\\nquit\\n' | sudo parted /dev/sdb`, DENY],
    ['sudo parted /dev/sdb', DENY],
    ['sudo sfdisk --dump /dev/sda', 'allow'],
    ['sudo sfdisk --json /dev/sda', 'allow'],
    [`echo ',,L' | sudo sfdisk --no-act /dev/sdb`, 'allow'],
    [`echo ',,L' | sudo sfdisk /dev/sdb`, DENY],
    ['sfdisk --delete /dev/sdb 2', DENY],
    // the last action option is what runs; -V is one only alone; -h/-v/-n anywhere read
    ['sfdisk -l -r /dev/sdb', DENY],
    ['sfdisk -lr /dev/sdb', DENY],
    ['sfdisk -d -A /dev/sdb 1', DENY],
    ['sfdisk -J --part-type /dev/sdb 1 83', DENY],
    ['sfdisk --verify --delete /dev/sdb', DENY],
    ['sfdisk --list --del /dev/sdb 2', DENY],
    ['sfdisk --dump --disk-id /dev/sdb 0x12345678', DENY],
    ['sfdisk -l --relocate gpt-bak-std /dev/sdb', DENY],
    ['sfdisk -l --frobnicate /dev/sdb', DENY],
    ['sfdisk -l "$DISK_ARGS"', 'ask filesystem/format-filesystem'],
    ['sfdisk -r -l /dev/sdb', 'allow'],
    ['sfdisk -V /dev/sdb', 'allow'],
    ['sfdisk -A /dev/sdb', 'allow'],
    ['sfdisk --part-type /dev/sdb 1', 'allow'],
    ['sfdisk --disk-id /dev/sdb', 'allow'],
    ['sfdisk --no-act --delete /dev/sdb 2', 'allow'],
    ['sfdisk -N 2 --part-label /dev/sdb 2 --list', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
