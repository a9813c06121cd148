/**
 * Security switched off at the next boot by the kernel command line
 * (src/extract/defences-boot.ts), read through the normalizer so `sudo`, pipes and
 * redirections arrive as they would.
 */
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { bootDefencesOff } from '../../src/extract/defences-boot.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';
import { filesContext } from '../helpers/normalize.js';
import { packVerdict } from '../helpers/command.js';

const ctx = filesContext({});
const off = (script: string) =>
  normalize(parseScript(script, DEFAULT_LIMITS), ctx).commands.flatMap((c) =>
    bootDefencesOff(c, ctx).map(([verb, said]) => `${verb}: ${said}`),
  );

const host = await packVerdict('host');

describe('kernel command line arguments that switch security off', () => {
  it.each<[string, string[]]>([
    [
      'sudo grubby --update-kernel=ALL --args="selinux=0 audit=0"',
      [
        'mac-off: grubby selinux=0 (kernel command line)',
        'audit-policy-off: grubby audit=0 (kernel command line)',
      ],
    ],
    ['grubby --update-kernel ALL --args apparmor=0', ['mac-off: grubby apparmor=0 (kernel command line)']],
    [
      'grub2-editenv - set "kernelopts=root=/dev/sda1 ro enforcing=0"',
      ['mac-off: grub2-editenv enforcing=0 (kernel command line)'],
    ],
    ['kernelstub -a "security=none"', ['mac-off: kernelstub security=none (kernel command line)']],
    ['rpm-ostree kargs --append=audit=0', ['audit-policy-off: rpm-ostree audit=0 (kernel command line)']],
    [
      'rpm-ostree kargs --append mitigations=off',
      ['hardening-off: rpm-ostree mitigations=off (kernel command line)'],
    ],
    [
      `sudo sed -i 's/^GRUB_CMDLINE_LINUX="/&selinux=0 /' /etc/default/grub`,
      ['mac-off: sed selinux=0 (kernel command line)'],
    ],
    [
      `echo 'GRUB_CMDLINE_LINUX_DEFAULT="quiet audit=0"' | sudo tee -a /etc/default/grub`,
      ['audit-policy-off: tee audit=0 (kernel command line)'],
    ],
    [
      `echo 'GRUB_CMDLINE_LINUX="lockdown=none"' >> /etc/default/grub`,
      ['hardening-off: echo lockdown=none (kernel command line)'],
    ],
    // other arguments, arguments removed or turned on, other files
    ['grubby --update-kernel=ALL --args="console=ttyS0 quiet"', []],
    ['grubby --update-kernel=ALL --remove-args="selinux=0"', []],
    ['grubby --info=ALL', []],
    [`sudo sed -i 's/selinux=0/selinux=1/' /etc/default/grub`, []],
    [`sed -i 's/audit=1/audit=0/' notes/grub.txt`, []],
    ['echo "audit=0" > docs/boot.md', []],
    ['rpm-ostree kargs --delete=audit=0', []],
    ['grub2-editenv list', []],
  ])('%s', (script, want) => expect(off(script)).toEqual(want));
});

describe('security switched off at boot asks', () => {
  it.each([
    ['sudo grubby --update-kernel=ALL --args="selinux=0 audit=0"', 'ask host/defences-off'],
    ['grubby --update-kernel=ALL --args="console=ttyS0"', 'allow'],
  ])('%s → %s', (script, expected) => expect(host(script)).toBe(expected));
});
