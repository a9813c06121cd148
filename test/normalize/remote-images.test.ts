/**
 * Disk-image editors (src/normalize/remote-images.ts): what guestfish, virt-customize and
 * virt-sysprep do inside a machine's image is walked as a remote command.
 */
import { describe, expect, it } from 'vitest';
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

/** Each command as `program [@remote] [dynamic]` in order (`?`: a command not known). */
function summary(files: Record<string, string>, script: string): string {
  const parsed = parseScript(script, DEFAULT_LIMITS);
  const r = normalize(parsed, filesContext(files));
  return r.commands
    .map((c) =>
      [c.program || '?', ...(c.remote ? ['@remote'] : []), ...(c.dynamic ? ['dynamic'] : [])].join(' '),
    )
    .join(' | ');
}

describe('commands an image editor reads from a file or stdin are read as inline ones', () => {
  const gfs = { '/w/s.gfs': '# clean up\nmount /dev/sda1 /\nrm-rf /var/lib/mysql\n' };
  it.each<[string, Record<string, string>, string]>([
    // guestfish -f FILE, --file=FILE: the file's commands act inside the image
    ['guestfish --rw -a db.qcow2 -i -f s.gfs', gfs, 'rm @remote'],
    ['guestfish --rw -a db.qcow2 -i --file=s.gfs', gfs, 'rm @remote'],
    // stdin when no command is on the command line: a redirect, a heredoc, a pipe of known text
    ['guestfish --rw -a db.qcow2 -i < s.gfs', gfs, 'rm @remote'],
    [
      'guestfish -a db.qcow2 -i <<\'EOF\'\nwrite /etc/sudoers.d/x "ALL ALL=(ALL) ALL"\nEOF',
      {},
      'tee @remote',
    ],
    ["echo 'rm-rf /home' | guestfish -a vm.qcow2 -i", {}, 'echo | rm @remote'],
    // a script written earlier in the same command line
    ["printf 'rm-rf /srv\\n' > x.gfs; guestfish -a vm.img -i -f x.gfs", {}, 'printf | rm @remote'],
    // `!CMD` runs on this machine, `<! CMD` adds commands not known here
    ['guestfish -a vm.img -i -f s.gfs', { '/w/s.gfs': '!rm -rf /etc\n' }, 'rm | guestfish'],
    ['guestfish -a vm.img -i -f s.gfs', { '/w/s.gfs': '<! ./gen-cmds.sh\n' }, '? dynamic | guestfish'],
    // fail closed: a file that can't be read, stdin of unknown text
    ['guestfish -a disk.img -i -f script.gfs', {}, '? dynamic | guestfish'],
    ['guestfish --rw -a prod.qcow2 < cmds', {}, '? dynamic | guestfish'],
    ['./gen | guestfish -a prod.qcow2 -i', {}, 'gen | ? dynamic | guestfish'],
    ['guestfish -a prod.qcow2 -i -f "$SCRIPT"', {}, '? dynamic | guestfish dynamic'],
    // virt-customize --commands-from-file: one option per line, without its dashes
    [
      'virt-customize -a vm.img --commands-from-file c.txt',
      { '/w/c.txt': '# image set-up\ndelete /etc/ssh\nrun-command systemctl \\\n  stop nginx\n' },
      'rm @remote | systemctl @remote',
    ],
    [
      'virt-sysprep -a vm.img --commands-from-file=c.txt',
      { '/w/c.txt': 'root-password password:fake-pass\n' },
      'echo @remote | chpasswd @remote',
    ],
    ['virt-customize -a web.qcow2 --commands-from-file customize.txt', {}, '? dynamic | virt-customize'],
    // stay local: only reads, set-up, read-only mounts, help
    ['guestfish -a d.img -i -f s.gfs', { '/w/s.gfs': 'ls /etc\ncat /etc/fstab\n' }, 'guestfish'],
    ['guestfish --ro -a disk.img -i -f script.gfs', {}, 'guestfish'],
    ['guestfish -a disk.img -i ls /var/log', {}, 'guestfish'],
    ['guestfish -a disk.img -i ls /var/log < notes.txt', {}, 'guestfish'],
    [
      'virt-customize -a vm.img --commands-from-file c.txt',
      { '/w/c.txt': 'install curl\nhostname web1\n' },
      'virt-customize',
    ],
    ['virt-customize --help', {}, 'virt-customize'],
  ])('%s', (script, files, want) => expect(summary(files, script)).toBe(want));
});
