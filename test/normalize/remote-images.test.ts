/**
 * Disk-image editors (src/normalize/remote-images.ts): what guestfish, virt-customize and
 * virt-sysprep do inside a machine's image is walked as a remote command.
 */
import { describe, it } from 'vitest';
import { expectCommands, filesContext, type Expect } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

function norm(script: string) {
  const parsed = parseScript(script, DEFAULT_LIMITS);
  const r = normalize(parsed, filesContext({}));
  return { commands: r.commands, issues: [...parsed.issues, ...r.issues] };
}

const check = (script: string, expected: Expect[]) => expectCommands(norm(script), expected);

describe('image editors carry what they do inside the image', () => {
  it.each<[string, Expect[]]>([
    [
      'sudo guestfish --rw -a /var/lib/libvirt/images/prod-db01.qcow2 -i rm-rf /var/lib/mysql',
      [
        {
          program: 'rm',
          argv: ['rm', '-rf', '/var/lib/mysql'],
          remote: true,
          wrappers: ['sudo', 'guestfish /var/lib/libvirt/images/prod-db01.qcow2'],
        },
      ],
    ],
    [
      "guestfish -a disk.img -i sh 'rm -rf /etc'",
      [{ program: 'rm', argv: ['rm', '-rf', '/etc'], remote: true }],
    ],
    [
      'guestfish -a d.img -i ls / : write /etc/sudoers.d/x "ALL ALL=(ALL) NOPASSWD: ALL"',
      [{ program: 'tee', argv: ['tee', '/etc/sudoers.d/x'], remote: true }],
    ],
    ['guestfish -a x.img run : mkfs ext4 /dev/sda1', [{ program: 'mkfs', remote: true }]],
    [
      'virt-customize -a web01.qcow2 --root-password password:fake-pass',
      [
        { program: 'echo', remote: true },
        { program: 'chpasswd', remote: true },
      ],
    ],
    [
      "virt-customize -a vm.qcow2 --run-command 'systemctl stop nginx'",
      [{ program: 'systemctl', argv: ['systemctl', 'stop', 'nginx'], remote: true }],
    ],
    [
      'virt-sysprep -a vm.qcow2 --delete=/var/lib/postgresql',
      [{ program: 'rm', argv: ['rm', '-rf', '/var/lib/postgresql'], remote: true }],
    ],
    [
      'virt-customize -a vm.qcow2 --ssh-inject root:file:key.pub',
      [{ program: 'tee', argv: ['tee', '-a', '/root/.ssh/authorized_keys'], remote: true }],
    ],
  ])('%s', (script, expected) => check(script, expected));
});

describe('reading or setting up an image stays local', () => {
  it.each<[string, Expect[]]>([
    [
      'sudo guestfish --ro -a prod-db01.qcow2 -i rm-rf /var/lib/mysql',
      [{ program: 'guestfish', remote: false }],
    ],
    ['guestfish -a d.img -i ls / : cat /etc/passwd', [{ program: 'guestfish', remote: false }]],
    [
      'virt-customize -a vm.qcow2 --install nginx --hostname web01',
      [{ program: 'virt-customize', remote: false }],
    ],
    ['virt-customize -a vm.qcow2 --root-password disabled', [{ program: 'virt-customize', remote: false }]],
  ])('%s', (script, expected) => check(script, expected));
});
