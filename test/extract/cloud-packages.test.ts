/**
 * Removing the system's own packages (src/extract/cloud-packages.ts): essential packages
 * (kernel, C library, init, boot loader, package manager, core utilities, sshd), named or
 * matched by a glob or apt pattern, and any removal with the dependency checks off, read
 * into cloud facts `tool|service|verb|resource`; ordinary removals and other uses make none.
 */
import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact } from '../../src/engine/types.js';
import { WS, analyzeContext, command, packVerdict } from '../helpers/command.js';

const hostVerdict = await packVerdict('host');
const ctx = analyzeContext(WS, { readFile: () => undefined });
const cloud = (line: string) => {
  const c = command(line.split(' '));
  return (extractCloud(c, ctx, [c]) as Fact[]).map((f) =>
    f.kind === 'cloud' ? [f.tool, f.service, f.verb, f.resource].join('|') : '',
  );
};

describe('removing system packages', () => {
  it.each<[string, string]>([
    ['apt-get purge -y linux-image-*', 'apt-get|system-package|remove-essential|linux-image-*'],
    [
      'apt remove linux-image-6.8.0-31-generic',
      'apt|system-package|remove-essential|linux-image-6.8.0-31-generic',
    ],
    ['apt-get remove ^libc6.*', 'apt-get|system-package|remove-essential|^libc6.*'],
    ['apt-get remove -o Debug::X=1 systemd', 'apt-get|system-package|remove-essential|systemd'],
    ['apt-get install linux-image-generic-', 'apt-get|system-package|remove-essential|linux-image-generic'],
    ['aptitude purge grub-pc', 'aptitude|system-package|remove-essential|grub-pc'],
    ['apt remove --allow-remove-essential tzdata', 'apt|system-package|force-remove|tzdata'],
    ['rpm -e --nodeps glibc', 'rpm|system-package|remove-essential|glibc'],
    ['rpm -e --nodeps libfoo', 'rpm|system-package|force-remove|libfoo'],
    [
      'rpm -evh kernel-core-6.9.4-200.fc40.x86_64',
      'rpm|system-package|remove-essential|kernel-core-6.9.4-200.fc40.x86_64',
    ],
    ['dnf remove -y kernel*', 'dnf|system-package|remove-essential|kernel*'],
    ['yum erase sudo', 'yum|system-package|remove-essential|sudo'],
    ['dnf remove --setopt=protected_packages= vim-minimal', 'dnf|system-package|force-remove|vim-minimal'],
    ['zypper -n rm glibc', 'zypper|system-package|remove-essential|glibc'],
    ['pacman -Rdd linux', 'pacman|system-package|remove-essential|linux'],
    ['pacman -Rdd libfoo', 'pacman|system-package|force-remove|libfoo'],
    ['pacman -R --nodeps --nodeps libfoo', 'pacman|system-package|force-remove|libfoo'],
    ['yay -Rns core/pacman', 'yay|system-package|remove-essential|core/pacman'],
    ['apk del musl', 'apk|system-package|remove-essential|musl'],
    ['apk del --force-broken-world libfoo', 'apk|system-package|force-remove|libfoo'],
    ['dpkg -P dpkg', 'dpkg|system-package|remove-essential|dpkg'],
    ['dpkg --remove --force-depends libfoo', 'dpkg|system-package|force-remove|libfoo'],
    ['apt purge openssh-server', 'apt|system-package|remove-essential|openssh-server'],
  ])('%s', (line, want) => expect(cloud(line)).toEqual([want]));

  it.each<string>([
    // ordinary packages, other subcommands, and names that only look like the essential ones
    'apt-get remove -y nginx',
    'apt-get purge linux-headers-6.8.0-31-generic',
    'apt-get remove linux-tools-common',
    'apt-get install -y linux-image-generic',
    'apt-get autoremove -y',
    'apt-get remove python3.11',
    'apt list --installed systemd',
    'dnf remove -y httpd',
    'dnf install kernel-devel',
    'rpm -e old-tool',
    'rpm -qa glibc',
    'rpm -Uvh --nodeps foo.rpm',
    'pacman -Rns firefox',
    'pacman -Rd libfoo',
    'pacman -S linux',
    'apk del .build-deps',
    'apk add musl-dev',
    'dpkg -l libc6',
    'zypper install glibc-devel',
  ])('%s: no fact', (line) => expect(cloud(line).filter((f) => f.includes('system-package'))).toEqual([]));
});

describe('the whole installed list removed, printed at run time (host pack)', () => {
  it.each<[string, string]>([
    ['sudo pacman -Rns --noconfirm $(pacman -Qqe)', 'ask host/remove-system-package'],
    ['pacman -Qqe | sudo pacman -Rns -', 'ask host/remove-system-package'],
    ['rpm -qa | xargs sudo rpm -e', 'ask host/remove-system-package'],
    ["sudo apt-get purge -y $(dpkg-query -f '${Package}\\n' -W)", 'ask host/remove-system-package'],
    ['sudo dnf remove -y $(rpm -qa | grep -v kernel)', 'ask host/remove-system-package'],
    // a part of the list: orphans, foreign packages, a filtered selection
    ['sudo pacman -Rns $(pacman -Qdtq)', 'allow'],
    ['sudo pacman -Rns $(pacman -Qqm)', 'allow'],
    ['pacman -Qqe | grep python | sudo pacman -Rns -', 'allow'],
    ['sudo apt remove $(cat unused.txt)', 'allow'],
  ])('%s → %s', async (cmd, want) => {
    expect(await hostVerdict(cmd)).toBe(want);
  });
});
