import { packVerdict } from '../helpers/command.js';
import { describe, expect, it } from 'vitest';
import { scriptWrites } from '../../src/extract/fs-editors.js';

describe('scriptWrites', () => {
  it.each([
    ['%d|x', true],
    [',d\nw\nq', true],
    ['wq', true],
    [':%s/a/b/g | update', true],
    ['1,$d | wq!', true],
    ['g/x/p', false],
    ['q!', false],
    ['1p\nq', false],
    ['set nu', false],
  ])('%j → %s', (text, expected) => {
    expect(scriptWrites(text)).toBe(expected);
  });
});

const verdict = await packVerdict('filesystem');

describe('editors run as scripts (filesystem pack)', () => {
  it.each([
    ["ex -sc '%d|x' ~/.ssh/authorized_keys", 'ask filesystem/write-system-file'],
    ["vim -c '%d' -c wq /etc/hosts", 'ask filesystem/write-system-file'],
    ["nvim --headless '+%d' +wq /etc/fstab", 'ask filesystem/write-system-file'],
    ["sudo ed -s /etc/fstab <<< $',d\\nw\\nq'", 'ask filesystem/write-system-file'],
    ['cat script.ed | ed -s /etc/hosts', 'ask filesystem/write-system-file'],
    ["sudo gawk -i inplace '0' /etc/hosts", 'ask filesystem/write-system-file'],
    ["awk -i inplace -v x=1 '{print}' /etc/passwd", 'ask filesystem/write-system-file'],
    ["gawk --include=inplace -v n=1 '{print}' ~/.bashrc", 'ask filesystem/write-system-file'],
    [
      "echo 'root::0:0::/root:/bin/bash' | SUDO_EDITOR='tee -a' sudoedit /etc/passwd",
      'ask filesystem/write-system-file',
    ],
    ["printf '10.0.0.5 api\\n' | EDITOR=tee sudo -e /etc/hosts", 'ask filesystem/write-system-file'],
    ['vim /etc/hosts', 'allow'],
    ['sudoedit /etc/hosts', 'allow'],
    ['SUDO_EDITOR=nano sudoedit /etc/hosts', 'allow'],
    ["echo x | SUDO_EDITOR='tee -a' sudoedit notes/local.txt", 'allow'],
    ["vim -es -c 'g/x/p' -c 'q!' /etc/hosts", 'allow'],
    ["ed -s /etc/hosts <<< $'1p\\nq'", 'allow'],
    ["awk '{print $1}' /etc/hosts", 'allow'],
    ['gawk -i inplace \'{sub(/a/,"b")}1\' src/notes.txt', 'allow'],
    ["ex -sc '%s/foo/bar/g|x' src/app.ts", 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
