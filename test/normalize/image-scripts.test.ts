/** Command files of the disk-image editors (src/normalize/image-scripts.ts). */
import { describe, expect, it } from 'vitest';
import { customizeFileLines, fishScript } from '../../src/normalize/image-scripts.js';

describe('guestfish scripts', () => {
  it.each<[string, string[][], string[], boolean]>([
    ['rm-rf /var/lib/mysql\n', [['rm-rf', '/var/lib/mysql']], [], false],
    // comments, blank lines, quoted words, a leading `-` (go on after an error)
    [
      '# x\n\nwrite /etc/x "a b"\n-rm /y\n',
      [
        ['write', '/etc/x', 'a b'],
        ['rm', '/y'],
      ],
      [],
      false,
    ],
    ["sh 'rm -rf /srv'\n", [['sh', 'rm -rf /srv']], [], false],
    // `!CMD` runs here, `<! CMD` adds commands not known
    ['!rm -rf /tmp/x\n', [], ['rm -rf /tmp/x'], false],
    ['<! ./more.sh\n', [], [], true],
    ['', [], [], false],
  ])('%j', (text, commands, local, unknown) => {
    expect(fishScript(text)).toEqual({ commands, local, unknown });
  });
});

describe('virt-customize --commands-from-file lines', () => {
  it.each<[string, [string, string][]]>([
    ['delete /etc/ssh\n', [['--delete', '/etc/ssh']]],
    ['run-command rm -rf \\\n/srv\n', [['--run-command', 'rm -rf /srv']]],
    [
      '# c\n\ninstall curl,vim\nselinux-relabel\n',
      [
        ['--install', 'curl,vim'],
        ['--selinux-relabel', ''],
      ],
    ],
    ['password=bob:password:fake\n', [['--password', 'bob:password:fake']]],
  ])('%j', (text, want) => {
    expect(customizeFileLines(text)).toEqual(want);
  });
});
